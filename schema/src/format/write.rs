//! The model written back as the YAML format, for loaders that build a model from something else (the
//! OpenAPI importer): what the reader would load to the same model, with every value that differs from
//! the format's default spelled out and nothing that equals it. Deterministic: keys in the format's
//! order, maps in the model's order.

use std::fmt::{self, Write};

use indexmap::IndexMap;

use crate::model::{
    Attribute, Auth, Conversion, Follow, Mode, Move, MovedFrom, NestedObject, Object, OneOf, Operation, OperationKind,
    Paging, Provider, PulumiPackage, Resource, Timeouts, Type, Unset, Until, Upgrade, Validator, Value, Wait,
};

/// A model the format cannot express.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    /// Where, as a dotted path.
    pub at: String,
    /// What the format lacks.
    pub problem: String,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

impl std::error::Error for WriteError {}

/// A YAML value to print.
#[derive(Debug, Clone, PartialEq)]
enum Yaml {
    /// A string, quoted as needed.
    Text(String),
    /// A number, boolean or null, as written.
    Plain(String),
    Map(Vec<(String, Yaml)>),
    Seq(Vec<Yaml>),
}

/// The provider file (`provider.yaml`) for `provider`.
pub fn provider_yaml(provider: &Provider) -> Result<String, WriteError> {
    let mut writer = Writer { provider };
    let document = writer.provider()?;
    let mut out = String::from("format_version: 1\n");
    if let Yaml::Map(entries) = document {
        write_entries(&mut out, &entries, 0);
    }
    Ok(out)
}

struct Writer<'p> {
    provider: &'p Provider,
}

fn text(value: &str) -> Yaml {
    Yaml::Text(value.to_owned())
}

fn flag(entries: &mut Vec<(String, Yaml)>, key: &str, on: bool) {
    if on {
        entries.push((key.to_owned(), Yaml::Plain("true".to_owned())));
    }
}

fn optional_text(entries: &mut Vec<(String, Yaml)>, key: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|value| !value.is_empty()) {
        entries.push((key.to_owned(), text(value)));
    }
}

fn pulumi(package: &PulumiPackage) -> Yaml {
    let mut entries = Vec::new();
    for (key, value) in [
        ("name", &package.name),
        ("repository", &package.repository),
        ("license", &package.license),
        ("terraform_provider", &package.terraform_provider),
        ("nodejs", &package.nodejs),
        ("python", &package.python),
        ("go", &package.go),
        ("csharp", &package.csharp),
        ("java", &package.java),
        ("namespace", &package.namespace),
    ] {
        optional_text(&mut entries, key, value.as_deref());
    }
    if !package.resource_names.is_empty() {
        let names = package.resource_names.iter().map(|(short, name)| (short.clone(), text(name))).collect();
        entries.push(("resource_names".to_owned(), Yaml::Map(names)));
    }
    flag(&mut entries, "replacement_badge", package.replacement_badge);
    flag(&mut entries, "text_indicators", package.text_indicators);
    Yaml::Map(entries)
}

impl Writer<'_> {
    fn provider(&mut self) -> Result<Yaml, WriteError> {
        let provider = self.provider;
        let mut entries = vec![("name".to_owned(), text(&provider.name))];
        optional_text(&mut entries, "description", Some(&provider.description));
        optional_text(&mut entries, "default_server_url", provider.default_server_url.as_deref());
        let casing = Casing(provider.api_naming);
        entries.push(("api_naming".to_owned(), text(casing.name())));
        if let Some(auth) = &provider.auth {
            let mut fields = Vec::new();
            match auth {
                Auth::Bearer { attribute } => {
                    fields.push(("type".to_owned(), text("bearer")));
                    fields.push(("attribute".to_owned(), text(attribute)));
                }
                Auth::ApiKey { header, attribute } => {
                    fields.push(("type".to_owned(), text("api_key")));
                    fields.push(("header".to_owned(), text(header)));
                    fields.push(("attribute".to_owned(), text(attribute)));
                }
            }
            entries.push(("auth".to_owned(), Yaml::Map(fields)));
        }
        if !provider.config.attributes.is_empty() {
            entries.push(("config".to_owned(), self.attributes(&provider.config.attributes, "config")?));
        }
        if !provider.types.is_empty() {
            let mut types = Vec::new();
            for (name, named) in &provider.types {
                let mut fields = Vec::new();
                optional_text(&mut fields, "description", Some(&named.description));
                self.members(&mut fields, &named.object, &format!("types.{name}"))?;
                types.push((name.clone(), Yaml::Map(fields)));
            }
            entries.push(("types".to_owned(), Yaml::Map(types)));
        }
        if !provider.errors.is_empty() {
            let mut errors = Vec::new();
            for (name, error) in &provider.errors {
                let mut fields = vec![("status".to_owned(), Yaml::Plain(error.status.to_string()))];
                if error.content_type != "application/problem+json" {
                    fields.push(("content_type".to_owned(), text(&error.content_type)));
                }
                optional_text(&mut fields, "description", Some(&error.description));
                errors.push((name.clone(), Yaml::Map(fields)));
            }
            entries.push(("errors".to_owned(), Yaml::Map(errors)));
        }
        let sections = [
            ("resources", &provider.resources),
            ("data_sources", &provider.data_sources),
            ("ephemeral_resources", &provider.ephemeral_resources),
        ];
        for (key, resources) in sections {
            if resources.is_empty() {
                continue;
            }
            let mut written = Vec::new();
            for (type_name, resource) in resources {
                let short = provider.short_name(type_name);
                written.push((short.to_owned(), self.resource(short, resource, &format!("{key}.{short}"))?));
            }
            entries.push((key.to_owned(), Yaml::Map(written)));
        }
        if let Some(package) = &provider.pulumi {
            entries.push(("pulumi".to_owned(), pulumi(package)));
        }
        if let Some(note) = provider.docs.requires_replacement_note.as_deref() {
            if note != crate::model::DocsOptions::default().requires_replacement_note.as_deref().unwrap_or_default() {
                let docs = vec![("requires_replacement_note".to_owned(), text(note))];
                entries.push(("docs".to_owned(), Yaml::Map(docs)));
            }
        } else {
            let docs = vec![("requires_replacement_note".to_owned(), Yaml::Plain("null".to_owned()))];
            entries.push(("docs".to_owned(), Yaml::Map(docs)));
        }
        Ok(Yaml::Map(entries))
    }

    fn resource(&mut self, short: &str, resource: &Resource, at: &str) -> Result<Yaml, WriteError> {
        let mut entries = Vec::new();
        optional_text(&mut entries, "description", Some(&resource.description));
        optional_text(&mut entries, "subcategory", resource.subcategory.as_deref());
        optional_text(&mut entries, "deprecation", resource.deprecation.as_deref());
        self.members(&mut entries, &resource.schema, at)?;
        let default_id = resource.schema.attributes.contains_key("id").then(|| "id".to_owned());
        if resource.id_attribute != default_id {
            optional_text(&mut entries, "id", resource.id_attribute.as_deref());
        }
        let default_import = resource.id_attribute.as_ref().map(|id| format!("{{{id}}}"));
        if resource.import.as_ref().map(|import| &import.id) != default_import.as_ref() {
            optional_text(&mut entries, "import_id", resource.import.as_ref().map(|import| import.id.as_str()));
        }
        let mut operations = Vec::new();
        for (kind, operation) in resource.operations.iter() {
            operations.push((kind.key().to_owned(), self.operation(kind, short, operation, &resource.schema)));
        }
        entries.push(("operations".to_owned(), Yaml::Map(operations)));
        // An ephemeral resource's limits are fixed (`Timeouts::ephemeral`); it has no `timeouts` to write.
        let ephemeral = resource.operations.open.is_some();
        let mut timeouts: Vec<(String, Yaml)> = resource
            .timeouts
            .limits
            .iter()
            .filter(|(kind, limit)| **limit != Timeouts::default_limit(**kind))
            .map(|(kind, limit)| (kind.key().to_owned(), text(&crate::duration::format(*limit))))
            .collect();
        if !resource.timeouts.block {
            timeouts.push(("block".to_owned(), Yaml::Plain("false".to_owned())));
        }
        if !timeouts.is_empty() && !ephemeral {
            entries.push(("timeouts".to_owned(), Yaml::Map(timeouts)));
        }
        if resource.version != 0 {
            entries.push(("version".to_owned(), Yaml::Plain(resource.version.to_string())));
        }
        if !resource.upgrades.is_empty() {
            entries.push(("upgrades".to_owned(), Yaml::Seq(resource.upgrades.iter().map(upgrade_yaml).collect())));
        }
        if !resource.moved_from.is_empty() {
            entries
                .push(("moved_from".to_owned(), Yaml::Seq(resource.moved_from.iter().map(moved_from_yaml).collect())));
        }
        if let Some(every) = resource.renew_every {
            entries.push(("renew_every".to_owned(), text(&crate::duration::format(every))));
        }
        Ok(Yaml::Map(entries))
    }

    fn operation(&self, kind: OperationKind, resource: &str, operation: &Operation, schema: &Object) -> Yaml {
        let mut entries =
            vec![("method".to_owned(), text(operation.method.as_str())), ("path".to_owned(), text(&operation.path))];
        if operation.operation_id != Operation::default_operation_id(kind, resource) {
            entries.push(("operation_id".to_owned(), text(&operation.operation_id)));
        }
        optional_text(&mut entries, "summary", Some(&operation.summary));
        optional_text(&mut entries, "description", Some(&operation.description));
        let default_params = Operation::bind_path_params(&operation.path, &IndexMap::new());
        let explicit: Vec<(String, Yaml)> = operation
            .path_params
            .iter()
            .filter(|param| !default_params.contains(param))
            .map(|param| (param.name.clone(), text(&param.attribute)))
            .collect();
        if !explicit.is_empty() {
            entries.push(("path_params".to_owned(), Yaml::Map(explicit)));
        }
        if !operation.query.is_empty() {
            entries.push(("query".to_owned(), Yaml::Seq(operation.query.iter().map(|name| text(name)).collect())));
        }
        let default_body =
            Operation::default_body(kind, operation.method, schema, &operation.path_params, &operation.query);
        if operation.body != default_body {
            let body = operation.body.iter().flatten().map(|name| text(name)).collect();
            entries.push(("body".to_owned(), Yaml::Seq(body)));
        }
        if operation.success != Operation::default_success(kind) {
            let codes = operation.success.iter().map(|code| Yaml::Plain(code.to_string())).collect();
            entries.push(("success".to_owned(), Yaml::Seq(codes)));
        }
        if !operation.errors.is_empty() {
            entries.push(("errors".to_owned(), Yaml::Seq(operation.errors.iter().map(|name| text(name)).collect())));
        }
        if !operation.body_names.is_empty() {
            let names = operation.body_names.iter().map(|(name, field)| (name.clone(), text(field))).collect();
            entries.push(("body_names".to_owned(), Yaml::Map(names)));
        }
        optional_text(&mut entries, "idempotency_key", operation.idempotency_key.as_deref());
        flag(&mut entries, "empty_answer", operation.empty_answer);
        optional_text(&mut entries, "body_field", operation.body_field.as_deref());
        optional_text(&mut entries, "answer_field", operation.answer_field.as_deref());
        if !operation.then.is_empty() {
            let steps = operation.then.iter().map(|step| self.operation(kind, resource, step, schema)).collect();
            entries.push(("then".to_owned(), Yaml::Seq(steps)));
        }
        if operation.unset != Unset::default_for(operation.method) {
            let rule = Unset::ALL.iter().find(|(_, unset)| *unset == operation.unset).map_or("omit", |(name, _)| name);
            entries.push(("unset".to_owned(), text(rule)));
        }
        if let Some(wait) = &operation.wait {
            entries.push(("wait".to_owned(), wait_yaml(wait)));
        }
        if let Some(adopt) = &operation.adopt {
            let matching = Yaml::Seq(adopt.matching.iter().map(|name| text(name)).collect());
            entries.push(("adopt".to_owned(), Yaml::Map(vec![("match".to_owned(), matching)])));
        }
        let paging = match &operation.paging {
            Some(Paging::Cursor { cursor, param }) => {
                Some(vec![("cursor".to_owned(), text(cursor)), ("param".to_owned(), text(param))])
            }
            Some(Paging::Link { link }) => Some(vec![("link".to_owned(), text(link))]),
            Some(Paging::Offset { offset }) => Some(vec![("offset".to_owned(), text(offset))]),
            Some(Paging::Page { page, first: 1 }) => Some(vec![("page".to_owned(), text(page))]),
            Some(Paging::Page { page, first }) => {
                Some(vec![("page".to_owned(), text(page)), ("first".to_owned(), Yaml::Plain(first.to_string()))])
            }
            None => None,
        };
        if let Some(paging) = paging {
            entries.push(("paging".to_owned(), Yaml::Map(paging)));
        }
        Yaml::Map(entries)
    }

    /// `attributes:` and `one_of:` of an object.
    fn members(&mut self, entries: &mut Vec<(String, Yaml)>, object: &Object, at: &str) -> Result<(), WriteError> {
        entries.push(("attributes".to_owned(), self.attributes(&object.attributes, at)?));
        if !object.one_of.is_empty() {
            let groups = object.one_of.iter().map(|(name, group)| (name.clone(), self.one_of(group, object))).collect();
            entries.push(("one_of".to_owned(), Yaml::Map(groups)));
        }
        if let Some(name) = object.blocks.keys().next() {
            return Err(WriteError { at: format!("{at}.{name}"), problem: "the format has no blocks".to_owned() });
        }
        Ok(())
    }

    fn one_of(&self, group: &OneOf, object: &Object) -> Yaml {
        let mut entries = Vec::new();
        optional_text(&mut entries, "description", Some(&group.description));
        flag(&mut entries, "required", group.required);
        optional_text(&mut entries, "discriminator", group.discriminator.as_deref());
        let variants = group
            .variants
            .iter()
            .map(|variant| {
                let api_name = object.attributes.get(&variant.attribute).map(|attribute| attribute.api_name.as_str());
                if api_name == Some(variant.tag.as_str()) {
                    text(&variant.attribute)
                } else {
                    Yaml::Map(vec![
                        ("attribute".to_owned(), text(&variant.attribute)),
                        ("tag".to_owned(), text(&variant.tag)),
                    ])
                }
            })
            .collect();
        entries.push(("variants".to_owned(), Yaml::Seq(variants)));
        Yaml::Map(entries)
    }

    fn attributes(&mut self, attributes: &IndexMap<String, Attribute>, at: &str) -> Result<Yaml, WriteError> {
        let mut entries = Vec::new();
        for (name, attribute) in attributes {
            entries.push((name.clone(), self.attribute(name, attribute, &format!("{at}.{name}"))?));
        }
        Ok(Yaml::Map(entries))
    }

    fn attribute(&mut self, name: &str, attribute: &Attribute, at: &str) -> Result<Yaml, WriteError> {
        let mut entries = vec![("type".to_owned(), text(&type_text(&attribute.ty, at)?))];
        optional_text(&mut entries, "description", Some(&attribute.description));
        match attribute.mode {
            Mode::Required => flag(&mut entries, "required", true),
            Mode::Optional => flag(&mut entries, "optional", true),
            Mode::OptionalComputed => {
                flag(&mut entries, "optional", true);
                flag(&mut entries, "computed", true);
            }
            Mode::ReadOnly => flag(&mut entries, "read_only", true),
        }
        flag(&mut entries, "requires_replacement", attribute.requires_replacement);
        flag(&mut entries, "sensitive", attribute.sensitive);
        flag(&mut entries, "write_only", attribute.write_only);
        optional_text(&mut entries, "deprecated", attribute.deprecation.as_deref());
        flag(&mut entries, "changes_on_update", attribute.changes_on_update);
        flag(&mut entries, "not_returned", attribute.not_returned);
        flag(&mut entries, "json", attribute.json);
        if let Some(value) = &attribute.unset_value {
            entries.push(("unset_value".to_owned(), value_yaml(value)));
        }
        if let Some(value) = &attribute.default {
            entries.push(("default".to_owned(), value_yaml(value)));
        }
        if !attribute.validators.is_empty() {
            entries.push(("validators".to_owned(), validators(&attribute.validators)));
        }
        if attribute.api_name != self.provider.api_naming.apply(name) {
            entries.push(("api_name".to_owned(), text(&attribute.api_name)));
        }
        optional_text(&mut entries, "answer_name", attribute.answer_name.as_deref());
        optional_text(&mut entries, "env", attribute.env.as_deref());
        if let Type::Nested(nested) = &attribute.ty {
            if nested.min_items > 0 {
                entries.push(("min_items".to_owned(), Yaml::Plain(nested.min_items.to_string())));
            }
            if nested.max_items > 0 {
                entries.push(("max_items".to_owned(), Yaml::Plain(nested.max_items.to_string())));
            }
            if let NestedObject::Inline(object) = &nested.object {
                self.members(&mut entries, object, at)?;
            }
        }
        Ok(Yaml::Map(entries))
    }
}

/// The provider's casing as the format names it.
struct Casing(crate::model::Casing);

impl Casing {
    fn name(&self) -> &'static str {
        crate::model::Casing::ALL.iter().find(|(_, casing)| *casing == self.0).map_or("camelCase", |(name, _)| name)
    }
}

/// The `type:` expression of `ty`: the format has no object or tuple types without attributes.
fn type_text(ty: &Type, at: &str) -> Result<String, WriteError> {
    fn untyped(ty: &Type) -> bool {
        match ty {
            Type::Object(_) | Type::Tuple(_) => true,
            Type::List(element) | Type::Set(element) | Type::Map(element) => untyped(element),
            _ => false,
        }
    }
    if untyped(ty) {
        return Err(WriteError {
            at: at.to_owned(),
            problem: "the format has no object or tuple types without attributes; use nested attributes".to_owned(),
        });
    }
    Ok(ty.to_string())
}

fn validators(validators: &[Validator]) -> Yaml {
    let mut entries = Vec::new();
    let bounds = |min: Option<Yaml>, max: Option<Yaml>| {
        Yaml::Map(
            [("min", min), ("max", max)]
                .into_iter()
                .filter_map(|(key, value)| Some((key.to_owned(), value?)))
                .collect(),
        )
    };
    for validator in validators {
        match validator {
            Validator::Enum(members) => {
                entries.push(("enum".to_owned(), Yaml::Seq(members.iter().map(value_yaml).collect())));
            }
            Validator::Length { min, max } => {
                let number = |value: &Option<u64>| value.map(|value| Yaml::Plain(value.to_string()));
                entries.push(("length".to_owned(), bounds(number(min), number(max))));
            }
            Validator::Range { min, max } => {
                let number = |value: &Option<f64>| value.map(|value| Yaml::Plain(float_text(value)));
                entries.push(("range".to_owned(), bounds(number(min), number(max))));
            }
            Validator::Regex(pattern) => entries.push(("regex".to_owned(), text(pattern))),
        }
    }
    Yaml::Map(entries)
}

/// A float as YAML reads it back as the same float (`1.0`, not `1`, so it stays a float).
fn float_text(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    }
}

/// One step of `upgrades:`.
fn upgrade_yaml(upgrade: &Upgrade) -> Yaml {
    Yaml::Map(vec![
        ("from".to_owned(), Yaml::Plain(upgrade.from.to_string())),
        ("moves".to_owned(), moves_yaml(&upgrade.moves)),
    ])
}

/// One entry of `moved_from:`: the type name alone when no move is needed.
fn moved_from_yaml(moved: &MovedFrom) -> Yaml {
    if moved.moves.is_empty() {
        return text(&moved.type_name);
    }
    Yaml::Map(vec![("type".to_owned(), text(&moved.type_name)), ("moves".to_owned(), moves_yaml(&moved.moves))])
}

/// The moves of an upgrade step or a moved type, one map each.
fn moves_yaml(moves: &[Move]) -> Yaml {
    let moves = moves
        .iter()
        .map(|step| {
            Yaml::Map(match step {
                Move::Rename { from, to } => vec![("rename".to_owned(), text(from)), ("to".to_owned(), text(to))],
                Move::Convert { attribute, to } => {
                    let name = Conversion::ALL.iter().find(|(_, c)| c == to).map_or("string", |(name, _)| name);
                    vec![("convert".to_owned(), text(attribute)), ("to".to_owned(), text(name))]
                }
                Move::Default { attribute, value } => {
                    vec![("default".to_owned(), text(attribute)), ("value".to_owned(), value_yaml(value))]
                }
                Move::Drop { attribute } => vec![("drop".to_owned(), text(attribute))],
            })
        })
        .collect();
    Yaml::Seq(moves)
}

/// `wait:` of an operation, its default interval left out.
fn wait_yaml(wait: &Wait) -> Yaml {
    let mut entries = Vec::new();
    match &wait.until {
        Until::Value { attribute, ready, failed } => {
            entries.push(("attribute".to_owned(), text(attribute)));
            entries.push(("ready".to_owned(), Yaml::Seq(ready.iter().map(value_yaml).collect())));
            if !failed.is_empty() {
                entries.push(("failed".to_owned(), Yaml::Seq(failed.iter().map(value_yaml).collect())));
            }
        }
        Until::Gone => entries.push(("gone".to_owned(), Yaml::Plain("true".to_owned()))),
        Until::Operation { follow, status, ready, failed } => {
            let follow = match follow {
                Follow::Location => "location",
                Follow::Field(field) => field,
            };
            entries.push(("follow".to_owned(), text(follow)));
            entries.push(("status".to_owned(), text(status)));
            entries.push(("ready".to_owned(), Yaml::Seq(ready.iter().map(value_yaml).collect())));
            if !failed.is_empty() {
                entries.push(("failed".to_owned(), Yaml::Seq(failed.iter().map(value_yaml).collect())));
            }
        }
    }
    if wait.interval != Wait::DEFAULT_INTERVAL {
        entries.push(("interval".to_owned(), text(&crate::duration::format(wait.interval))));
    }
    Yaml::Map(entries)
}

fn value_yaml(value: &Value) -> Yaml {
    match value {
        Value::Null => Yaml::Plain("null".to_owned()),
        Value::Bool(flag) => Yaml::Plain(flag.to_string()),
        Value::Int(number) => Yaml::Plain(number.to_string()),
        Value::Float(number) => Yaml::Plain(float_text(*number)),
        Value::String(value) => text(value),
        Value::List(items) => Yaml::Seq(items.iter().map(value_yaml).collect()),
        Value::Map(entries) => Yaml::Map(entries.iter().map(|(key, value)| (key.clone(), value_yaml(value))).collect()),
    }
}

/// Whether `text` reads back as this same string when written plain.
fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    let reserved = ["true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"];
    // Only short words can be reserved, and numbers start with a digit, a sign, a point, `inf` or `nan`.
    let numeric_start = first.is_ascii_digit() || "+-.iInN".contains(first);
    !((text.len() <= 5 && reserved.contains(&text.to_ascii_lowercase().as_str()))
        || (numeric_start && text.parse::<f64>().is_ok())
        || text.starts_with("0x")
        || text.starts_with("0o")
        || text.starts_with('.')
        || "-?:,[]{}#&*!|>'\"%@` \t".contains(first)
        || text.ends_with([' ', ':', '\t'])
        || text.contains(": ")
        || text.contains(" #")
        || text.chars().any(|c| c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}'))
}

/// `text` as a double-quoted scalar.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `text` can be a literal block (`|-`): several lines of printable text, the first not indented,
/// no line ending in a space, no trailing line break.
fn is_block(text: &str) -> bool {
    text.contains('\n')
        && !text.starts_with([' ', '\n', '\t'])
        && !text.ends_with('\n')
        && text.lines().all(|line| !line.ends_with([' ', '\t']))
        && !text.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}')
}

fn indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n("  ", level));
}

fn key_text(key: &str) -> String {
    if is_plain(key) { key.to_owned() } else { quoted(key) }
}

fn write_entries(out: &mut String, entries: &[(String, Yaml)], level: usize) {
    for (key, value) in entries {
        indent(out, level);
        out.push_str(&key_text(key));
        out.push(':');
        write_value(out, value, level);
    }
}

/// Writes a value after `key:` (or `- `) at `level`, ending the line.
fn write_value(out: &mut String, value: &Yaml, level: usize) {
    match value {
        Yaml::Plain(text) => {
            let _ = writeln!(out, " {text}");
        }
        Yaml::Text(text) if is_block(text) => {
            out.push_str(" |-\n");
            for line in text.split('\n') {
                if !line.is_empty() {
                    indent(out, level + 1);
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        Yaml::Text(text) if is_plain(text) => {
            let _ = writeln!(out, " {text}");
        }
        Yaml::Text(text) => {
            let _ = writeln!(out, " {}", quoted(text));
        }
        Yaml::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Yaml::Map(entries) => {
            out.push('\n');
            write_entries(out, entries, level + 1);
        }
        Yaml::Seq(items) if items.is_empty() => out.push_str(" []\n"),
        Yaml::Seq(items) if items.iter().all(|item| matches!(item, Yaml::Plain(_) | Yaml::Text(_))) => {
            let texts: Vec<String> = items
                .iter()
                .map(|item| match item {
                    Yaml::Text(text) if is_plain(text) && !text.contains([',', '[', ']', '{', '}']) => text.clone(),
                    Yaml::Text(text) => quoted(text),
                    Yaml::Plain(text) => text.clone(),
                    _ => String::new(),
                })
                .collect();
            let _ = writeln!(out, " [{}]", texts.join(", "));
        }
        Yaml::Seq(items) => {
            out.push('\n');
            for item in items {
                match item {
                    Yaml::Map(entries) if !entries.is_empty() => {
                        // The entries at the element's depth, the first one's indentation taken by the dash.
                        let mut element = String::new();
                        write_entries(&mut element, entries, level + 2);
                        indent(out, level + 1);
                        out.push_str("- ");
                        out.push_str(&element[(level + 2) * 2..]);
                    }
                    other => {
                        indent(out, level + 1);
                        out.push('-');
                        write_value(out, other, level + 1);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every provider of the repository, written and read back, is the model it was.
    #[test]
    fn written_providers_load_to_the_same_model() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dirs = ["schema/providers/konnect", "schema/providers/infra", "schema/providers/fusionauth"]
            .into_iter()
            .chain(["tests/fixtures/good/shop", "tests/fixtures/good/keywords", "tests/fixtures/good/hostile"])
            .chain(["tests/fixtures/good/jobs"]);
        for dir in dirs {
            let loaded = crate::load_provider(&root.join(dir)).unwrap();
            let yaml = provider_yaml(&loaded.provider).unwrap();
            let folder =
                std::env::temp_dir().join(format!("write-roundtrip-{}-{}", std::process::id(), loaded.provider.name));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("provider.yaml"), &yaml).unwrap();
            let again = crate::load_provider(&folder);
            let _ = std::fs::remove_dir_all(&folder);
            let again = again.unwrap_or_else(|errors| panic!("{dir}:\n{errors}\n{yaml}"));
            assert_eq!(again.provider, loaded.provider, "{dir}:\n{yaml}");
            assert_eq!(provider_yaml(&again.provider).unwrap(), yaml, "{dir}: writing is deterministic");
        }
    }

    /// Every form of `paging` is written as it is read.
    #[test]
    fn every_paging_form_is_written_back() {
        let forms = [
            ("{cursor: meta.next, param: after}", Paging::Cursor { cursor: "meta.next".into(), param: "after".into() }),
            ("{link: links.next}", Paging::Link { link: "links.next".into() }),
            ("{offset: skip}", Paging::Offset { offset: "skip".into() }),
            ("{page: p}", Paging::Page { page: "p".into(), first: 1 }),
            ("{page: p, first: 0}", Paging::Page { page: "p".into(), first: 0 }),
        ];
        for (index, (yaml, paging)) in forms.into_iter().enumerate() {
            let source = format!(
                "name: acme\nresources:\n  thing:\n    attributes:\n      id: {{type: string, read_only: true}}\n    \
                 operations:\n      create: {{method: POST, path: /things}}\n      read: {{method: GET, path: \"/things/{{id}}\"}}\n      \
                 list: {{method: GET, path: /things, paging: {yaml}}}\n"
            );
            let folder = std::env::temp_dir().join(format!("write-paging-{}-{index}", std::process::id()));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("provider.yaml"), &source).unwrap();
            let loaded = crate::load_provider(&folder).unwrap_or_else(|errors| panic!("{yaml}: {errors}"));
            let written = provider_yaml(&loaded.provider).unwrap();
            std::fs::write(folder.join("provider.yaml"), &written).unwrap();
            let again = crate::load_provider(&folder);
            let _ = std::fs::remove_dir_all(&folder);
            let list = |provider: &Provider| provider.resources["acme_thing"].operations.list.clone().unwrap().paging;
            assert_eq!(list(&loaded.provider), Some(paging.clone()), "{yaml}");
            assert_eq!(list(&again.unwrap().provider), Some(paging), "{yaml} written as:\n{written}");
        }
    }

    #[test]
    fn strings_are_quoted_only_where_yaml_would_read_them_otherwise() {
        for plain in ["name", "a b", "https://x.test/a", "Use `labels`"] {
            assert!(is_plain(plain), "{plain}");
        }
        for quoted in ["", "true", "No", "12", "1.5", "- x", "a: b", "a #b", "#x", "{x}", " x", "x "] {
            assert!(!is_plain(quoted), "{quoted}");
        }
        assert_eq!(quoted("a\"b\\\n\u{1}"), r#""a\"b\\\n\u0001""#);
    }
}
