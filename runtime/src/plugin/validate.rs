//! The configuration checked against the schema: each validator that fails, each one-of group with more
//! (or, when required, fewer) than one variant set, and each deprecated attribute that is set gives a
//! diagnostic on the path of the attribute (and element), so Terraform points at the offending line.

use schema::{Attribute, Object, Provider, Validator, Value};

use super::proto::{AttributePath, Diagnostic, Selector, Severity, Step};
use super::value::TfValue;
use super::walk::{Lanes, Rule, walk};

/// The diagnostics of `value`, a configuration of `object`. Unknown and null values are not checked.
pub fn check(provider: &Provider, object: &Object, value: &TfValue) -> Vec<Diagnostic> {
    let mut checks = Checks(Vec::new());
    walk(provider, object, Lanes { subject: Some(value), config: Some(value), ..Lanes::default() }, &mut checks);
    checks.0
}

struct Checks(Vec<Diagnostic>);

impl Checks {
    fn push(&mut self, severity: Severity, summary: &str, detail: String, path: &[Step]) {
        // A set element has no address of its own; its members' paths stop at the set (see the walk).
        self.0.push(Diagnostic {
            severity: severity as i32,
            summary: summary.to_owned(),
            detail,
            attribute: Some(AttributePath { steps: path.to_vec() }),
        });
    }
}

impl Rule for Checks {
    fn object(&mut self, _: &Provider, path: &[Step], object: &Object, lanes: Lanes<'_>) {
        let value = lanes.subject();
        for (name, group) in &object.one_of {
            let state = |variant: &schema::Variant| value.field(&variant.attribute).unwrap_or(&TfValue::Null);
            // An unknown variant may turn out set or unset: judge only what is known.
            if group.variants.iter().any(|variant| *state(variant) == TfValue::Unknown) {
                continue;
            }
            let set: Vec<&str> = group
                .variants
                .iter()
                .filter(|variant| state(variant).is_set())
                .map(|variant| variant.attribute.as_str())
                .collect();
            let names: Vec<String> = group.variants.iter().map(|variant| format!("`{}`", variant.attribute)).collect();
            if set.len() > 1 {
                let mut at = path.to_vec();
                at.push(step(Selector::AttributeName(set[1].to_owned())));
                self.push(
                    Severity::Error,
                    "Conflicting attributes",
                    format!(
                        "`{}` and `{}` exclude each other ({name}): set only one of {}.",
                        set[0],
                        set[1],
                        names.join(", ")
                    ),
                    &at,
                );
            } else if set.is_empty() && group.required {
                self.push(
                    Severity::Error,
                    "Missing required attribute",
                    format!("Exactly one of {} must be set ({name}).", names.join(", ")),
                    path,
                );
            }
        }
    }

    fn attribute(&mut self, path: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        let value = lanes.subject();
        if !value.is_set() {
            return Some(value.clone());
        }
        let name = match path.last().and_then(|step| step.selector.as_ref()) {
            Some(Selector::AttributeName(name)) => name.clone(),
            _ => String::new(),
        };
        if let Some(message) = &attribute.deprecation {
            let detail = if message.is_empty() { format!("`{name}` is deprecated.") } else { message.clone() };
            self.push(Severity::Warning, "Deprecated attribute", detail, path);
        }
        if let (true, TfValue::String(text)) = (attribute.json, value) {
            if let Err(error) = serde_json::from_str::<serde_json::Value>(text) {
                let detail =
                    format!("`{name}` holds JSON text, and this is not JSON: {error}. Write it with jsonencode().");
                self.push(Severity::Error, "Invalid JSON", detail, path);
            }
        }
        for validator in &attribute.validators {
            if let Some(detail) = failure(validator, &name, value) {
                self.push(Severity::Error, "Invalid attribute value", detail, path);
            }
        }
        None
    }
}

fn step(selector: Selector) -> Step {
    Step { selector: Some(selector) }
}

/// What is wrong when `value` fails `validator`, for the diagnostic's detail.
fn failure(validator: &Validator, name: &str, value: &TfValue) -> Option<String> {
    match validator {
        Validator::Enum(allowed) => (!allowed.iter().any(|member| same(value, member))).then(|| {
            let members: Vec<String> = allowed.iter().map(literal).collect();
            format!("`{name}` must be one of {}; got {}.", members.join(", "), shown(value))
        }),
        Validator::Length { min, max } => {
            let length = match value {
                TfValue::String(text) => text.chars().count(),
                TfValue::List(items) => items.len(),
                TfValue::Map(items) => items.len(),
                _ => return None,
            } as u64;
            let outside = min.is_some_and(|min| length < min) || max.is_some_and(|max| length > max);
            outside.then(|| format!("`{name}` must have a length {}; it has {length}.", bounds(*min, *max)))
        }
        Validator::Range { min, max } => {
            let number = value.as_number()?;
            let outside = min.is_some_and(|min| number < min) || max.is_some_and(|max| number > max);
            outside.then(|| format!("`{name}` must be {}; got {}.", bounds(*min, *max), number_text(value)))
        }
        Validator::Regex(pattern) => {
            let TfValue::String(text) = value else { return None };
            let regex = regex::Regex::new(pattern).ok()?;
            (!regex.is_match(text)).then(|| format!("`{name}` must match `{pattern}`; got {}.", shown(value)))
        }
    }
}

/// "between 2 and 256", "at least 2", "at most 256".
fn bounds<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "of any size".to_owned(),
    }
}

fn same(value: &TfValue, member: &Value) -> bool {
    match (value, member) {
        (TfValue::String(text), Value::String(expected)) => text == expected,
        (TfValue::Int(number), Value::Int(expected)) => number == expected,
        (TfValue::Int(number), Value::Float(expected)) => *number as f64 == *expected,
        (TfValue::Float(number), Value::Float(expected)) => number == expected,
        (TfValue::Float(number), Value::Int(expected)) => *number == *expected as f64,
        (TfValue::Bool(flag), Value::Bool(expected)) => flag == expected,
        _ => false,
    }
}

fn literal(member: &Value) -> String {
    match member {
        Value::String(text) => format!("{text:?}"),
        Value::Int(number) => number.to_string(),
        Value::Float(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        other => format!("{other:?}"),
    }
}

/// A number as the configuration wrote it (Terraform sends decimals as their text).
fn number_text(value: &TfValue) -> String {
    match value {
        TfValue::String(text) => text.clone(),
        other => shown(other),
    }
}

fn shown(value: &TfValue) -> String {
    match value {
        TfValue::String(text) => format!("{text:?}"),
        TfValue::Int(number) => number.to_string(),
        TfValue::Float(number) => number.to_string(),
        TfValue::Bool(flag) => flag.to_string(),
        _ => "a value".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infra() -> Provider {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/infra");
        schema::load_provider(&dir).unwrap().provider
    }

    #[test]
    fn failures_name_the_attribute_path_and_the_rule() {
        let provider = infra();
        let object = &provider.resources["infra_access_key"].schema;
        let config = TfValue::Map(
            [
                ("name".to_owned(), TfValue::String("a b".to_owned())),
                ("expires_in".to_owned(), TfValue::String("10h".to_owned())),
                ("inactivity_timeout".to_owned(), TfValue::Unknown),
            ]
            .into(),
        );
        let diagnostics = check(&provider, object, &config);
        assert_eq!(diagnostics.len(), 1, "{:?}", diagnostics.iter().map(|d| &d.detail).collect::<Vec<_>>());
        assert_eq!(diagnostics[0].detail, "`name` must match `^[A-Za-z0-9_.-]+$`; got \"a b\".");
        let steps = &diagnostics[0].attribute.as_ref().unwrap().steps;
        assert_eq!(steps, &[step(Selector::AttributeName("name".to_owned()))]);
    }

    #[test]
    fn lengths_ranges_and_members_are_checked() {
        let length = Validator::Length { min: Some(2), max: Some(4) };
        assert_eq!(failure(&length, "n", &TfValue::String("abc".into())), None);
        assert_eq!(
            failure(&length, "n", &TfValue::String("a".into())).unwrap(),
            "`n` must have a length between 2 and 4; it has 1."
        );
        let range = Validator::Range { min: Some(1.0), max: None };
        assert_eq!(failure(&range, "n", &TfValue::Int(0)).unwrap(), "`n` must be at least 1; got 0.");
        let members = Validator::Enum(vec![Value::String("a".into()), Value::String("b".into())]);
        assert_eq!(failure(&members, "n", &TfValue::String("b".into())), None);
        assert_eq!(
            failure(&members, "n", &TfValue::String("c".into())).unwrap(),
            "`n` must be one of \"a\", \"b\"; got \"c\"."
        );
    }
}
