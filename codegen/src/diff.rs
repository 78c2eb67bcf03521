//! `codegen diff OLD NEW`: every change between two versions of a provider that a Terraform user would
//! see, each classed as breaking or not by the rules below, one function per rule.
//!
//! Breaking: a resource, data source or attribute removed (a rename is a removal and an addition; a
//! resource whose objects move to another's `moved_from` is marked as taken care of, as upgraded state is); a new
//! required attribute; a type changed; an attribute that becomes required, stops being configurable or
//! stops being computed; a new requirement to replace; a changed default; a validator that accepts less
//! (a validator added, an enum member removed, bounds narrowed, a pattern changed); a changed import ID.
//! Not breaking: what is added otherwise, what becomes optional or accepts more, and deprecations.

use std::fmt;

use schema::{Attribute, Mode, Move, Object, Provider, Resource, Type, Validator, Value};
use serde::Serialize;

/// How a change affects users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Configurations or state that worked before may fail or change.
    Breaking,
    /// A resource or data source that is new.
    Feature,
    /// Something added or loosened that existing configurations do not notice.
    Enhancement,
    /// Worth knowing, changes nothing (a deprecation).
    Note,
}

/// What a change is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Subject {
    /// The provider block.
    Provider,
    /// A resource type.
    Resource(String),
    /// A data source type.
    DataSource(String),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Provider => f.write_str("provider"),
            Subject::Resource(name) => write!(f, "resource/{name}"),
            Subject::DataSource(name) => write!(f, "data-source/{name}"),
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Breaking or not.
    pub class: Class,
    /// The provider, resource or data source it is about.
    pub subject: Subject,
    /// What changed, in a sentence (`attribute `spec.size` was removed`).
    pub what: String,
    /// A breaking change the new version's state upgrade steps take care of (a removal renamed or
    /// dropped, a type converted): configurations must change, stored state need not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub upgraded: bool,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = match self.class {
            Class::Breaking => "breaking",
            Class::Feature => "feature",
            Class::Enhancement => "enhancement",
            Class::Note => "note",
        };
        write!(f, "{class:<11} {}: {}", self.subject, self.what)?;
        if self.upgraded {
            f.write_str(" (state is upgraded)")?;
        }
        Ok(())
    }
}

/// Every change from `old` to `new`, breaking ones first.
pub fn diff(old: &Provider, new: &Provider) -> Vec<Change> {
    let mut changes = Changes { found: Vec::new(), moves: Vec::new() };
    changes.object(&Subject::Provider, "", &old.config, &new.config);
    changes.subjects(&old.resources, &new.resources, Subject::Resource);
    changes.subjects(&old.data_sources, &new.data_sources, Subject::DataSource);
    let mut found = changes.found;
    found.sort_by(|a, b| (a.class, &a.subject).cmp(&(b.class, &b.subject)));
    found
}

/// The changes found so far, and the state
/// upgrade moves of the resource being compared.
struct Changes<'p> {
    found: Vec<Change>,
    moves: Vec<&'p Move>,
}

impl<'p> Changes<'p> {
    fn add(&mut self, class: Class, subject: &Subject, what: String) {
        self.found.push(Change { class, subject: subject.clone(), what, upgraded: false });
    }

    /// A breaking change that the upgrade moves for `path` take care of when `covers` says so.
    fn add_breaking(&mut self, subject: &Subject, what: String, path: &str, covers: fn(&Move, &str) -> bool) {
        let upgraded = self.moves.iter().any(|step| covers(step, path));
        self.found.push(Change { class: Class::Breaking, subject: subject.clone(), what, upgraded });
    }

    /// Resources (or data sources) removed, added, and changed.
    fn subjects(
        &mut self,
        old: &'p indexmap::IndexMap<String, Resource>,
        new: &'p indexmap::IndexMap<String, Resource>,
        subject: fn(String) -> Subject,
    ) {
        for (name, before) in old {
            let at = subject(name.clone());
            let moved_to = new.iter().find(|(_, after)| after.moved_from.iter().any(|moved| moved.type_name == *name));
            match (new.get(name), moved_to) {
                (None, None) => self.add(Class::Breaking, &at, "was removed".to_owned()),
                // Configurations must name the new type; state moves with a `moved` block.
                (None, Some((target, _))) => self.found.push(Change {
                    class: Class::Breaking,
                    subject: at,
                    what: format!("was removed; its objects move to `{target}` with a `moved` block"),
                    upgraded: true,
                }),
                (Some(after), _) => {
                    // The steps that upgrade state written by the old version.
                    let steps = after.upgrades.iter().filter(|step| step.from >= before.version);
                    self.moves = steps.flat_map(|step| &step.moves).collect();
                    self.import_id(&at, before, after);
                    self.deprecation(&at, "", before.deprecation.as_deref(), after.deprecation.as_deref());
                    self.object(&at, "", &before.schema, &after.schema);
                }
            }
        }
        for name in new.keys().filter(|name| !old.contains_key(*name)) {
            self.add(Class::Feature, &subject(name.clone()), "is new".to_owned());
        }
    }

    /// A changed import ID template: IDs users wrote no longer import.
    fn import_id(&mut self, at: &Subject, before: &Resource, after: &Resource) {
        let (before, after) = (before.import.as_ref().map(|i| &i.id), after.import.as_ref().map(|i| &i.id));
        if before != after {
            let shown = |id: Option<&String>| id.map_or("none".to_owned(), |id| format!("`{id}`"));
            self.add(Class::Breaking, at, format!("the import ID changed from {} to {}", shown(before), shown(after)));
        }
    }

    /// The attributes of an object at `path`: removed, added, changed.
    fn object(&mut self, at: &Subject, path: &str, before: &Object, after: &Object) {
        for (name, old) in &before.attributes {
            let here = join(path, name);
            match after.attributes.get(name) {
                None => self.add_breaking(at, format!("attribute `{here}` was removed"), &here, moved_away),
                Some(new) => self.attribute(at, &here, old, new),
            }
        }
        for (name, new) in after.attributes.iter().filter(|(name, _)| !before.attributes.contains_key(*name)) {
            let here = join(path, name);
            let (class, kind) = match new.mode {
                Mode::Required => (Class::Breaking, "required"),
                Mode::ReadOnly => (Class::Enhancement, "read-only"),
                Mode::Optional | Mode::OptionalComputed => (Class::Enhancement, "optional"),
            };
            self.add(class, at, format!("new {kind} attribute `{here}`"));
        }
    }

    /// One attribute in both versions, rule by rule.
    fn attribute(&mut self, at: &Subject, path: &str, old: &Attribute, new: &Attribute) {
        if !self.same_type(at, path, &old.ty, &new.ty) {
            return;
        }
        self.mode(at, path, old.mode, new.mode);
        self.replacement(at, path, old.requires_replacement, new.requires_replacement);
        if old.default != new.default {
            let shown = |value: &Option<Value>| value.as_ref().map_or("none".to_owned(), value_text);
            let what =
                format!("the default of `{path}` changed from {} to {}", shown(&old.default), shown(&new.default));
            self.add(Class::Breaking, at, what);
        }
        self.validators(at, path, &old.validators, &new.validators);
        if old.sensitive && !new.sensitive {
            self.add(Class::Note, at, format!("`{path}` is no longer sensitive: plans show its value"));
        }
        self.deprecation(at, path, old.deprecation.as_deref(), new.deprecation.as_deref());
    }

    /// Whether the type stayed (nested objects compared member by member); a change is breaking.
    fn same_type(&mut self, at: &Subject, path: &str, old: &Type, new: &Type) -> bool {
        match (old, new) {
            (Type::Nested(before), Type::Nested(after)) if before.mode == after.mode => {
                self.object(at, path, before.members(), after.members());
                true
            }
            _ if old == new => true,
            _ => {
                let what = format!("the type of `{path}` changed from {} to {}", old, new);
                self.add_breaking(at, what, path, converted);
                false
            }
        }
    }

    /// Required, optional, computed, read-only.
    fn mode(&mut self, at: &Subject, path: &str, old: Mode, new: Mode) {
        use Mode::*;
        let (class, what) = match (old, new) {
            _ if old == new => return,
            (_, ReadOnly) => (Class::Breaking, format!("`{path}` can no longer be set")),
            (_, Required) => (Class::Breaking, format!("`{path}` is now required")),
            (OptionalComputed, Optional) => {
                (Class::Breaking, format!("`{path}` is no longer computed: where it is not set, it is planned null"))
            }
            (ReadOnly, _) => (Class::Enhancement, format!("`{path}` can now be set")),
            (Required, _) => (Class::Enhancement, format!("`{path}` is now optional")),
            (Optional, _) => (Class::Enhancement, format!("`{path}` is now computed where it is not set")),
            (OptionalComputed, _) => return,
        };
        self.add(class, at, what);
    }

    /// A new requirement to replace turns in-place updates into replacements.
    fn replacement(&mut self, at: &Subject, path: &str, old: bool, new: bool) {
        match (old, new) {
            (false, true) => self.add(Class::Breaking, at, format!("changing `{path}` now replaces the object")),
            (true, false) => self.add(Class::Enhancement, at, format!("`{path}` now changes in place")),
            _ => {}
        }
    }

    /// Validators that accept less are breaking; ones that accept more are not.
    fn validators(&mut self, at: &Subject, path: &str, old: &[Validator], new: &[Validator]) {
        for validator in new {
            let same_kind =
                old.iter().find(|before| std::mem::discriminant(*before) == std::mem::discriminant(validator));
            let narrowed = match (same_kind, validator) {
                (None, _) => Some(format!("`{path}` has a new {} validator", validator_name(validator))),
                (Some(Validator::Enum(before)), Validator::Enum(after)) => {
                    let missing = |from: &[Value], to: &[Value]| -> Vec<String> {
                        from.iter().filter(|member| !to.contains(member)).map(value_text).collect()
                    };
                    let added = missing(after, before);
                    if !added.is_empty() {
                        self.add(Class::Enhancement, at, format!("`{path}` also accepts {}", added.join(", ")));
                    }
                    let gone = missing(before, after);
                    (!gone.is_empty()).then(|| format!("`{path}` no longer accepts {}", gone.join(", ")))
                }
                (Some(Validator::Length { min: a, max: b }), Validator::Length { min: c, max: d }) => {
                    narrower(a.map(|v| v as f64), b.map(|v| v as f64), c.map(|v| v as f64), d.map(|v| v as f64))
                        .then(|| format!("the allowed length of `{path}` narrowed"))
                }
                (Some(Validator::Range { min: a, max: b }), Validator::Range { min: c, max: d }) => {
                    narrower(*a, *b, *c, *d).then(|| format!("the allowed range of `{path}` narrowed"))
                }
                (Some(before), after) => (before != after).then(|| format!("the pattern of `{path}` changed")),
            };
            if let Some(what) = narrowed {
                self.add(Class::Breaking, at, what);
            }
        }
        for validator in old {
            if !new.iter().any(|after| std::mem::discriminant(after) == std::mem::discriminant(validator)) {
                let what = format!("`{path}` no longer has a {} validator", validator_name(validator));
                self.add(Class::Enhancement, at, what);
            }
        }
    }

    /// A new deprecation is worth a note.
    fn deprecation(&mut self, at: &Subject, path: &str, old: Option<&str>, new: Option<&str>) {
        if let (None, Some(message)) = (old, new) {
            let whose = if path.is_empty() { String::new() } else { format!("`{path}` ") };
            self.add(Class::Note, at, format!("{whose}is deprecated: {message}"));
        }
    }
}

/// Whether a move takes the state at `path` elsewhere or away (itself, or an object holding it).
fn moved_away(step: &Move, path: &str) -> bool {
    let within = |moved: &str| path == moved || path.starts_with(&format!("{moved}."));
    match step {
        Move::Rename { from, .. } => within(from),
        Move::Drop { attribute } => within(attribute),
        Move::Convert { .. } | Move::Default { .. } => false,
    }
}

/// Whether a move converts the state at `path`.
fn converted(step: &Move, path: &str) -> bool {
    matches!(step, Move::Convert { attribute, .. } if attribute == path)
}

/// Whether bounds `[c, d]` accept less than `[a, b]` (a bound that appears, rises or falls inwards).
fn narrower(a: Option<f64>, b: Option<f64>, c: Option<f64>, d: Option<f64>) -> bool {
    let low = match (a, c) {
        (None, Some(_)) => true,
        (Some(a), Some(c)) => c > a,
        _ => false,
    };
    let high = match (b, d) {
        (None, Some(_)) => true,
        (Some(b), Some(d)) => d < b,
        _ => false,
    };
    low || high
}

fn validator_name(validator: &Validator) -> &'static str {
    match validator {
        Validator::Enum(_) => "enum",
        Validator::Length { .. } => "length",
        Validator::Range { .. } => "range",
        Validator::Regex(_) => "regex",
    }
}

/// A value as JSON writes it (`1`, `"b"`).
fn value_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") }
}

/// The changes as a fragment of a provider's CHANGELOG.md, in the sections Terraform providers use.
pub fn changelog(changes: &[Change]) -> String {
    let mut out = String::new();
    for (class, heading) in [
        (Class::Breaking, "BREAKING CHANGES"),
        (Class::Note, "NOTES"),
        (Class::Feature, "FEATURES"),
        (Class::Enhancement, "ENHANCEMENTS"),
    ] {
        let lines: Vec<String> = changes
            .iter()
            .filter(|change| change.class == class)
            .map(|change| match (&change.subject, class) {
                (Subject::Resource(name), Class::Feature) => format!("* **New Resource:** `{name}`"),
                (Subject::DataSource(name), Class::Feature) => format!("* **New Data Source:** `{name}`"),
                (subject, _) if change.upgraded => format!("* {subject}: {} (state is upgraded)", change.what),
                (subject, _) => format!("* {subject}: {}", change.what),
            })
            .collect();
        if !lines.is_empty() {
            out.push_str(&format!("{heading}:\n\n{}\n\n", lines.join("\n")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(attributes: &str, extra: &str) -> Provider {
        let yaml = format!(
            "name: acme\nresources:\n  widget:\n    attributes:\n      id: {{type: string, read_only: true}}\n{attributes}{extra}    operations:\n      create: {{method: POST, path: /widgets}}\n      read: {{method: GET, path: \"/widgets/{{id}}\"}}\n      update: {{method: PATCH, path: \"/widgets/{{id}}\"}}\n      delete: {{method: DELETE, path: \"/widgets/{{id}}\"}}\n"
        );
        schema::load_yaml_str(&yaml, std::path::Path::new("acme.yaml"))
            .unwrap_or_else(|errors| panic!("{errors}\n{yaml}"))
    }

    /// One pair per rule: the attributes before and after, and the one change expected.
    #[test]
    fn each_rule_classes_its_change() {
        let size = "      size: {type: int64, optional: true}\n";
        let spec = "      spec:\n        type: object\n        optional: true\n        attributes:\n          size: {type: int64, optional: true}\n";
        let cases: &[(&str, &str, Class, &str)] = &[
            (size, "", Class::Breaking, "attribute `size` was removed"),
            ("", size, Class::Enhancement, "new optional attribute `size`"),
            ("", "      size: {type: int64, required: true}\n", Class::Breaking, "new required attribute `size`"),
            (
                size,
                "      size: {type: string, optional: true}\n",
                Class::Breaking,
                "the type of `size` changed from int64 to string",
            ),
            (size, "      size: {type: int64, required: true}\n", Class::Breaking, "`size` is now required"),
            ("      size: {type: int64, required: true}\n", size, Class::Enhancement, "`size` is now optional"),
            (size, "      size: {type: int64, read_only: true}\n", Class::Breaking, "`size` can no longer be set"),
            (
                "      size: {type: int64, optional: true, computed: true}\n",
                size,
                Class::Breaking,
                "`size` is no longer computed: where it is not set, it is planned null",
            ),
            (
                size,
                "      size: {type: int64, optional: true, requires_replacement: true}\n",
                Class::Breaking,
                "changing `size` now replaces the object",
            ),
            (
                "      size: {type: int64, optional: true, computed: true, default: 1}\n",
                "      size: {type: int64, optional: true, computed: true, default: 2}\n",
                Class::Breaking,
                "the default of `size` changed from 1 to 2",
            ),
            (
                size,
                "      size: {type: int64, optional: true, validators: {range: {min: 1}}}\n",
                Class::Breaking,
                "`size` has a new range validator",
            ),
            (
                "      size: {type: int64, optional: true, validators: {range: {min: 1, max: 9}}}\n",
                "      size: {type: int64, optional: true, validators: {range: {min: 1, max: 5}}}\n",
                Class::Breaking,
                "the allowed range of `size` narrowed",
            ),
            (
                "      tier: {type: string, optional: true, validators: {enum: [a, b]}}\n",
                "      tier: {type: string, optional: true, validators: {enum: [a]}}\n",
                Class::Breaking,
                "`tier` no longer accepts \"b\"",
            ),
            (
                "      tier: {type: string, optional: true, validators: {enum: [a]}}\n",
                "      tier: {type: string, optional: true, validators: {enum: [a, b]}}\n",
                Class::Enhancement,
                "`tier` also accepts \"b\"",
            ),
            (
                "      tier: {type: string, optional: true, validators: {regex: \"^a\"}}\n",
                "      tier: {type: string, optional: true, validators: {regex: \"^b\"}}\n",
                Class::Breaking,
                "the pattern of `tier` changed",
            ),
            (
                spec,
                "      spec:\n        type: object\n        optional: true\n        attributes:\n          other: {type: int64, optional: true}\n",
                Class::Breaking,
                "attribute `spec.size` was removed",
            ),
            (
                size,
                "      size: {type: int64, optional: true, deprecated: Use spec.}\n",
                Class::Note,
                "`size` is deprecated: Use spec.",
            ),
        ];
        for (before, after, class, what) in cases {
            let changes = diff(&provider(before, ""), &provider(after, ""));
            let found: Vec<(Class, &str)> = changes.iter().map(|change| (change.class, change.what.as_str())).collect();
            assert!(found.contains(&(*class, *what)), "{before} -> {after}: {found:?}");
        }
    }

    #[test]
    fn resources_and_import_ids_are_compared() {
        let base = provider("", "");
        let moved = provider("", "    import_id: \"x/{id}\"\n");
        let changes = diff(&base, &moved);
        assert_eq!(changes[0].what, "the import ID changed from `{id}` to `x/{id}`");
        let mut without = base.clone();
        without.resources.clear();
        assert_eq!(diff(&base, &without)[0].to_string(), "breaking    resource/acme_widget: was removed");
        assert_eq!(changelog(&diff(&without, &base)), "FEATURES:\n\n* **New Resource:** `acme_widget`\n\n");
        let mut renamed = without.clone();
        let mut gadget = base.resources["acme_widget"].clone();
        gadget.moved_from.push(schema::MovedFrom { type_name: "acme_widget".into(), moves: Vec::new() });
        renamed.resources.insert("acme_gadget".into(), gadget);
        let shown: Vec<String> = diff(&base, &renamed).iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "breaking    resource/acme_widget: was removed; its objects move to `acme_gadget` with a `moved` block (state is upgraded)",
                "feature     resource/acme_gadget: is new",
            ]
        );
    }

    #[test]
    fn breaking_changes_an_upgrade_step_takes_care_of_say_so() {
        let before =
            provider("      size: {type: int64, optional: true}\n      port: {type: int64, optional: true}\n", "");
        let upgrades = "    version: 1\n    upgrades:\n      - from: 0\n        moves:\n          - {rename: size, to: capacity}\n          - {convert: port, to: string}\n";
        let after = provider(
            "      capacity: {type: int64, optional: true}\n      port: {type: string, optional: true}\n",
            upgrades,
        );
        let changes = diff(&before, &after);
        let shown: Vec<String> = changes.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "breaking    resource/acme_widget: attribute `size` was removed (state is upgraded)",
                "breaking    resource/acme_widget: the type of `port` changed from int64 to string (state is upgraded)",
                "enhancement resource/acme_widget: new optional attribute `capacity`",
            ]
        );
        let bare =
            provider("      capacity: {type: int64, optional: true}\n      port: {type: string, optional: true}\n", "");
        assert!(diff(&before, &bare).iter().all(|change| !change.upgraded));
    }

    #[test]
    fn a_provider_against_itself_changes_nothing() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers");
        for name in ["konnect", "infra", "fusionauth"] {
            let provider = schema::load_provider(&root.join(name)).unwrap().provider;
            assert_eq!(diff(&provider, &provider), [], "{name}");
        }
    }
}
