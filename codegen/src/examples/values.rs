//! Values for example configurations: for each primitive type, a value its validators accept (an enum
//! member, a number in range, a string of the allowed length, a string its regular expression matches),
//! and for `salt` 1 a different one, which the update configuration uses. A collection's second element
//! takes the salt two higher (2 beside 0, 3 beside 1), so its elements differ from each other too.

use regex_syntax::hir::{Class, Hir, HirKind};
use schema::{Attribute, Type, Validator, Value};

use super::hcl::Expr;

/// A value of primitive type `ty` for an attribute named `name`, accepted by `validators`; different
/// values for different salts where the validators allow it. `None` where no value could be found.
pub fn primitive(name: &str, ty: &Type, validators: &[Validator], salt: u32) -> Option<Expr> {
    let members = validators.iter().find_map(|validator| match validator {
        Validator::Enum(members) if !members.is_empty() => Some(members),
        _ => None,
    });
    let value = match (members, ty) {
        (Some(members), _) => members[ordinal(salt) as usize % members.len()].clone(),
        (None, Type::Bool) => Value::Bool(ordinal(salt) % 2 == 0),
        (None, Type::Int64) => Value::Int(integer(validators, salt)?),
        (None, Type::Float64 | Type::Number) => Value::Float(float(validators, salt)),
        (None, _) => Value::String(string(name, validators, salt)?),
    };
    validators.iter().all(|validator| validator.accepts(&value)).then(|| literal(&value))
}

/// The place of a salt among values chosen in turn: 0 the example's, 1 the update's, 2 the example's
/// second element (as the update's first is taken), 3 the update's second.
fn ordinal(salt: u32) -> u32 {
    salt / 2 + salt % 2
}

/// The words a string example starts with for a salt.
fn prefix(salt: u32) -> String {
    match salt {
        0 => "example".to_owned(),
        1 => "updated".to_owned(),
        2 => "other".to_owned(),
        3 => "updated-other".to_owned(),
        _ => format!("example{salt}"),
    }
}

/// The HCL literal of a model value.
pub fn literal(value: &Value) -> Expr {
    match value {
        Value::Null => Expr::String(String::new()),
        Value::Bool(flag) => Expr::Bool(*flag),
        Value::Int(number) => Expr::Number(number.to_string()),
        Value::Float(number) => Expr::Number(number.to_string()),
        Value::String(text) => Expr::String(text.clone()),
        Value::List(items) => Expr::List(items.iter().map(literal).collect()),
        Value::Map(entries) => Expr::Object(entries.iter().map(|(key, value)| (key.clone(), literal(value))).collect()),
    }
}

/// The bounds of the `range` validators.
fn range(validators: &[Validator]) -> (Option<f64>, Option<f64>) {
    validators.iter().fold((None, None), |(low, high), validator| match validator {
        Validator::Range { min, max } => (min.or(low), max.or(high)),
        _ => (low, high),
    })
}

/// A quarter and a half into the range when it has both ends; steps from the end it has; 10 and 20.
fn integer(validators: &[Validator], salt: u32) -> Option<i64> {
    let step = i64::from(salt);
    let value = match range(validators) {
        (Some(min), Some(max)) => {
            let (low, high) = (min.ceil() as i64, max.floor() as i64);
            if low > high {
                return None;
            }
            let span = high - low;
            (low + span / 4 + step * (span / 4).max(1)).min(high)
        }
        (Some(min), None) => min.ceil() as i64 + 1 + step,
        (None, Some(max)) => max.floor() as i64 - 1 - step,
        (None, None) => 10 * (1 + step),
    };
    Some(value)
}

/// As [`integer`], with fractions.
fn float(validators: &[Validator], salt: u32) -> f64 {
    let step = f64::from(salt);
    match range(validators) {
        (Some(min), Some(max)) => min + (max - min) * (1.0 + step) / 4.0,
        (Some(min), None) => min + 1.5 + step,
        (None, Some(max)) => max - 1.5 - step,
        (None, None) => 1.5 + step,
    }
}

/// A string matching the `regex` validators, or one that says what the attribute holds (a URL for
/// `*_url`, an address for `*email*`, a timestamp for `*_at`), fitted to the `length` validators.
fn string(name: &str, validators: &[Validator], salt: u32) -> Option<String> {
    let (min, max) = validators.iter().fold((0, u64::MAX), |(low, high), validator| match validator {
        Validator::Length { min, max } => (min.unwrap_or(low), max.unwrap_or(high)),
        _ => (low, high),
    });
    if let Some(pattern) = validators.iter().find_map(|validator| match validator {
        Validator::Regex(pattern) => Some(pattern),
        _ => None,
    }) {
        // More repetitions until the length fits.
        return (0..64).filter_map(|extra| matching(pattern, salt, extra)).find(|text| {
            let length = text.chars().count() as u64;
            length >= min && length <= max
        });
    }
    let words = name.replace('_', "-");
    let prefix = prefix(salt);
    let mut text = if name == "url" || name.ends_with("_url") || name.ends_with("_uri") {
        format!("https://{prefix}.com/{words}")
    } else if name.contains("email") {
        format!("{prefix}@example.com")
    } else if name.ends_with("_at") {
        format!("2030-01-0{}T00:00:00Z", 1 + salt % 9)
    } else {
        format!("{prefix}-{words}")
    };
    let length = text.chars().count() as u64;
    if length > max {
        text = text.chars().take(max as usize).collect();
    }
    if length < min {
        text.extend(std::iter::repeat_n('x', (min - length) as usize));
    }
    Some(text)
}

/// A string `pattern` matches: the first alternative, a class's first character (its `salt`th where it
/// has that many, so salts give different strings), optional parts left out, one repetition where more
/// are allowed (`extra` more, to reach a length), the fewest where a minimum is set.
fn matching(pattern: &str, salt: u32, extra: u32) -> Option<String> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut out = String::new();
    write_match(&hir, salt, extra, &mut out)?;
    Some(out)
}

fn write_match(hir: &Hir, salt: u32, extra: u32, out: &mut String) -> Option<()> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(std::str::from_utf8(&literal.0).ok()?),
        HirKind::Class(Class::Unicode(class)) => {
            // Letters read best, then digits, then punctuation.
            let chars = || class.iter().flat_map(|range| range.start()..=range.end());
            let kinds: [fn(&char) -> bool; 4] =
                [char::is_ascii_lowercase, char::is_ascii_uppercase, char::is_ascii_digit, char::is_ascii_punctuation];
            let printable: Vec<char> =
                kinds.iter().flat_map(|kind| chars().filter(kind).take(64).collect::<Vec<_>>()).collect();
            let fallback = class.ranges().first().map(|range| range.start());
            out.push(printable.get(salt as usize % printable.len().max(1)).copied().or(fallback)?);
        }
        HirKind::Class(Class::Bytes(class)) => {
            let byte = class.ranges().first().map(|range| range.start())?;
            out.push(char::from(byte).is_ascii().then_some(char::from(byte))?);
        }
        HirKind::Repetition(repetition) => {
            let base = match (repetition.min, repetition.max) {
                (0, Some(1)) => 0,
                (min, _) => min.max(1),
            };
            let count = repetition.max.map_or(base + extra, |max| (base + extra).min(max));
            for _ in 0..count {
                write_match(&repetition.sub, salt, extra, out)?;
            }
        }
        HirKind::Capture(capture) => write_match(&capture.sub, salt, extra, out)?,
        HirKind::Concat(parts) => {
            for part in parts {
                write_match(part, salt, extra, out)?;
            }
        }
        HirKind::Alternation(branches) => write_match(branches.first()?, salt, extra, out)?,
    }
    Some(())
}

/// Whether the example may set `attribute` at all.
pub fn settable(attribute: &Attribute) -> bool {
    attribute.mode.is_configurable() && attribute.deprecation.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(expr: Option<Expr>) -> String {
        match expr {
            Some(Expr::String(text) | Expr::Number(text)) => text,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn strings_match_their_validators() {
        let validators = [Validator::Regex("^[a-z]{3}-[0-9]+$".to_owned())];
        let first = text(primitive("code", &Type::String, &validators, 0));
        let second = text(primitive("code", &Type::String, &validators, 1));
        assert_eq!(first, "aaa-0");
        assert_ne!(first, second);
        let short = [Validator::Length { min: Some(2), max: Some(4) }];
        assert_eq!(text(primitive("name", &Type::String, &short, 0)), "exam");
        let long = [Validator::Length { min: Some(30), max: None }];
        assert_eq!(text(primitive("name", &Type::String, &long, 0)).len(), 30);
        assert_eq!(text(primitive("home_url", &Type::String, &[], 0)), "https://example.com/home-url");
        let members = [Validator::Enum(vec![Value::String("draft".into()), Value::String("active".into())])];
        assert_eq!(text(primitive("status", &Type::String, &members, 1)), "active");
        let both =
            [Validator::Regex("^[A-Za-z0-9_.-]+$".to_owned()), Validator::Length { min: Some(2), max: Some(256) }];
        assert_eq!(text(primitive("name", &Type::String, &both, 0)), "aa");
        let duration = [Validator::Regex(r"^([0-9]+(\.[0-9]+)?[smh])+$".to_owned())];
        assert_eq!(text(primitive("expires_in", &Type::String, &duration, 0)), "0h");
        assert_eq!(text(primitive("created_at", &Type::String, &[], 0)), "2030-01-01T00:00:00Z");
        let impossible = [Validator::Regex("^a+$".to_owned()), Validator::Length { min: None, max: Some(0) }];
        assert_eq!(primitive("x", &Type::String, &impossible, 0), None);
    }

    #[test]
    fn numbers_stay_in_range_and_differ_by_salt() {
        let range = [Validator::Range { min: Some(0.5), max: Some(99.5) }];
        assert_eq!(text(primitive("percent", &Type::Number, &range, 0)), "25.25");
        assert_eq!(text(primitive("percent", &Type::Number, &range, 1)), "50");
        let small = [Validator::Range { min: Some(1.0), max: Some(2.0) }];
        assert_eq!(text(primitive("n", &Type::Int64, &small, 0)), "1");
        assert_eq!(text(primitive("n", &Type::Int64, &small, 1)), "2");
        assert_eq!(text(primitive("n", &Type::Int64, &[], 0)), "10");
        let empty = [Validator::Range { min: Some(1.2), max: Some(1.8) }];
        assert_eq!(primitive("n", &Type::Int64, &empty, 0), None);
    }
}
