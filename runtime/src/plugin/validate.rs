//! The schema's validators applied to a configuration: each failure is a diagnostic on the path of the
//! attribute (and element) that breaks it, so Terraform points at the offending line.

use schema::{Attribute, NestingMode, Object, Provider, Type, Validator, Value};

use super::proto::{AttributePath, Diagnostic, Selector, Severity, Step};
use super::value::TfValue;

/// The diagnostics of every validator that `value`, a configuration of `object`, fails. Unknown and null
/// values are not checked.
pub fn check(provider: &Provider, object: &Object, value: &TfValue) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    check_object(provider, object, value, &mut Vec::new(), &mut diagnostics);
    diagnostics
}

fn check_object(
    provider: &Provider,
    object: &Object,
    value: &TfValue,
    path: &mut Vec<Step>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let TfValue::Map(fields) = value else { return };
    for (name, attribute) in &object.attributes {
        let Some(field) = fields.get(name) else { continue };
        path.push(step(Selector::AttributeName(name.clone())));
        check_attribute(provider, name, attribute, field, path, diagnostics);
        path.pop();
    }
}

fn check_attribute(
    provider: &Provider,
    name: &str,
    attribute: &Attribute,
    value: &TfValue,
    path: &mut Vec<Step>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if matches!(value, TfValue::Null | TfValue::Unknown) {
        return;
    }
    for validator in &attribute.validators {
        if let Some(detail) = failure(validator, name, value) {
            diagnostics.push(Diagnostic {
                severity: Severity::Error as i32,
                summary: "Invalid attribute value".to_owned(),
                detail,
                attribute: Some(AttributePath { steps: path.clone() }),
            });
        }
    }
    let Type::Nested(nested) = &attribute.ty else { return };
    let Some(object) = provider.object(&nested.object) else { return };
    match (nested.mode, value) {
        (NestingMode::Single, value) => check_object(provider, object, value, path, diagnostics),
        (NestingMode::List, TfValue::List(items)) => {
            for (index, item) in (0_i64..).zip(items) {
                path.push(step(Selector::ElementKeyInt(index)));
                check_object(provider, object, item, path, diagnostics);
                path.pop();
            }
        }
        // A set element is addressed by its value, which these paths cannot say: point at the set.
        (NestingMode::Set, TfValue::List(items)) => {
            for item in items {
                let mut inner = Vec::new();
                check_object(provider, object, item, &mut Vec::new(), &mut inner);
                for mut diagnostic in inner {
                    diagnostic.attribute = Some(AttributePath { steps: path.clone() });
                    diagnostics.push(diagnostic);
                }
            }
        }
        (NestingMode::Map, TfValue::Map(items)) => {
            for (key, item) in items {
                path.push(step(Selector::ElementKeyString(key.clone())));
                check_object(provider, object, item, path, diagnostics);
                path.pop();
            }
        }
        _ => {}
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
            let number = match value {
                TfValue::Int(number) => *number as f64,
                TfValue::Float(number) => *number,
                _ => return None,
            };
            let outside = min.is_some_and(|min| number < min) || max.is_some_and(|max| number > max);
            outside.then(|| format!("`{name}` must be {}; got {}.", bounds(*min, *max), shown(value)))
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
