//! The Rust names generated code gives schema names: fields, types, modules and client accessors. The
//! client emitter builds its identifiers from these, and the validator rejects schemas whose names would
//! meet once converted, so the two can never disagree.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be identifiers even as raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust's keywords, strict and reserved (2024 edition).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// The modules every generated crate has, which a resource's module must not take.
const CRATE_MODULES: &[&str] = &["errors", "types", "data_sources", "ephemeral_resources"];

/// The snake_case identifier of `name` as written in source: raw (`r#type`) for keywords, suffixed
/// (`self_`) where raw is not allowed, prefixed (`_1st`) where it starts with a digit.
pub fn field(name: &str) -> String {
    // A name in plain snake_case already (as most are) is its own snake_case form.
    let plain = name.starts_with(|c: char| c.is_ascii_lowercase())
        && !name.ends_with('_')
        && !name.contains("__")
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain {
        return escape(name);
    }
    let snake = name.to_snake_case();
    escape(if snake.is_empty() { "field" } else { &snake })
}

/// The PascalCase identifier of `name` as written in source.
pub fn type_name(name: &str) -> String {
    let pascal = name.to_upper_camel_case();
    escape(if pascal.is_empty() { "Type" } else { &pascal })
}

/// The PascalCase identifier of an enum value as written in source: as [`type_name`], with a sign
/// spelt out (`+1` is `Plus1`, `-1` and `GMT-1` give `Minus1` and `GmtMinus1`) where punctuation would
/// otherwise only separate words, and `Empty` for the empty value. Values that still meet (`asc` and
/// `ASC`) are told apart where the enum is written, by numbering.
pub fn variant(value: &str) -> String {
    if value.is_empty() {
        return "Empty".to_owned();
    }
    let chars: Vec<char> = value.chars().collect();
    let mut spelt = String::with_capacity(value.len());
    for (index, &c) in chars.iter().enumerate() {
        let before_digit = chars.get(index + 1).is_some_and(char::is_ascii_digit);
        let after_digit = index > 0 && chars[index - 1].is_ascii_digit();
        match c {
            '+' => spelt.push_str(" plus "),
            '-' if before_digit && !after_digit => spelt.push_str(" minus "),
            c => spelt.push(c),
        }
    }
    type_name(&spelt)
}

/// The module of the resource `short` (its name without the provider prefix): [`field`], suffixed
/// (`errors_`) where the crate has a module of that name already.
pub fn module(short: &str) -> String {
    let ident = field(short);
    if CRATE_MODULES.contains(&ident.as_str()) { format!("{ident}_") } else { ident }
}

/// The client's accessor of the resource `short` (`access_keys`), or of the data source (`data_access_keys`).
pub fn accessor(short: &str, data_source: bool) -> String {
    let plural = plural(short);
    if data_source { format!("data_{plural}") } else { field(&plural) }
}

/// The client's accessor of the ephemeral resource `short` (`ephemeral_access_tokens`).
pub fn ephemeral_accessor(short: &str) -> String {
    format!("ephemeral_{}", plural(short))
}

/// The accessor of the resource (or data source) `short` among `provider`'s: [`accessor`], but the name as
/// it is (`data_app`) where another of the same kind is named like its plural (`apps`).
pub fn accessor_among(provider: &crate::Provider, short: &str, data_source: bool) -> String {
    let items = if data_source { &provider.data_sources } else { &provider.resources };
    accessor_beside(short, data_source, &|name| {
        items.contains_key(&format!("{}_{name}", provider.name)) || items.contains_key(name)
    })
}

/// [`accessor_among`], where `named(short)` says whether another of the same kind has that short name.
pub fn accessor_beside(short: &str, data_source: bool, named: &dyn Fn(&str) -> bool) -> String {
    let plural_form = plural(short);
    let taken = plural_form != short && named(&plural_form);
    match (taken, data_source) {
        (false, _) => accessor(short, data_source),
        (true, true) => format!("data_{short}"),
        (true, false) => field(short),
    }
}

/// The plural of a resource name (`access_key` -> `access_keys`); a name that reads as a plural already
/// (`errors`, `settings`) stays as it is, `status` does not.
pub fn plural(name: &str) -> String {
    if name.ends_with('s') && !["ss", "us", "is"].iter().any(|ending| name.ends_with(ending)) {
        return name.to_owned();
    }
    if let Some(stem) = name.strip_suffix('y').filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u'])) {
        return format!("{stem}ies");
    }
    if name.ends_with(['s', 'x', 'z']) || name.ends_with("ch") || name.ends_with("sh") {
        return format!("{name}es");
    }
    format!("{name}s")
}

fn escape(word: &str) -> String {
    // Only ASCII letters, digits and `_` are kept as they are; anything else (an enum value may hold any
    // text) is spelt out by its code point, so every name gives a valid identifier and distinct names stay
    // distinct.
    let word: String = word
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c.to_string() } else { format!("U{:04X}", c as u32) })
        .collect();
    let word = word.as_str();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{word}");
    }
    if NOT_RAW.contains(&word) {
        return format!("{word}_");
    }
    if KEYWORDS.contains(&word) {
        return format!("r#{word}");
    }
    word.to_owned()
}

/// The identifier without `r#`: what two identifiers must not share.
pub fn unraw(ident: &str) -> &str {
    ident.trim_start_matches("r#")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_digits_stay_valid() {
        assert_eq!(field("type"), "r#type");
        assert_eq!(field("self"), "self_");
        assert_eq!(field("1st_choice"), "_1st_choice");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(type_name("access_key"), "AccessKey");
        assert_eq!(module("errors"), "errors_");
        assert_eq!(type_name("日本"), "U65E5U672C");
        assert_eq!(type_name("a²"), "AU00B2");
    }

    #[test]
    fn enum_values_spell_their_signs() {
        assert_eq!(variant("+1"), "Plus1");
        assert_eq!(variant("-1"), "Minus1");
        assert_eq!(variant("Etc/GMT+10"), "EtcGmtPlus10");
        assert_eq!(variant("Etc/GMT-10"), "EtcGmtMinus10");
        assert_eq!(variant("2020-01-01"), "_20200101", "a dash between digits only separates");
        assert_eq!(variant("foo-bar"), "FooBar");
        assert_eq!(variant(""), "Empty");
        assert_eq!(variant("self"), "Self_");
    }

    #[test]
    fn plain_names_are_their_own_snake_case() {
        for name in ["abc1def", "a_1", "type", "v2_name", "x1y2", "ab_c_12", "match", "r", "self", "a1_b2c3"] {
            assert_eq!(field(name), escape(&name.to_snake_case()), "{name}");
        }
    }

    #[test]
    fn names_that_meet_once_escaped() {
        assert_eq!(field("foo"), field("foo_"));
        assert_eq!(field("self"), field("self_"));
        assert_eq!(field("_"), field("__"));
        assert_eq!(field("123abc"), field("_123abc"));
    }

    #[test]
    fn plurals_read_as_english() {
        let cases = [
            ("access_key", "access_keys"),
            ("policy", "policies"),
            ("gateway", "gateways"),
            ("box", "boxes"),
            ("status", "statuses"),
            ("address", "addresses"),
            ("errors", "errors"),
        ];
        for (name, expected) in cases {
            assert_eq!(plural(name), expected);
        }
    }
}
