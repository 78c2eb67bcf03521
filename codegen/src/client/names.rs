//! Rust names for schema names: fields, types and modules that stay valid for keywords, names starting
//! with digits, and names that collide once converted.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Words that cannot be identifiers even as raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Rust's keywords, strict and reserved (2024 edition).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// A snake_case identifier for `name`: raw (`r#type`) for keywords, suffixed (`self_`) where raw is not
/// allowed, prefixed (`_1st`) where it starts with a digit.
pub fn field_ident(name: &str) -> Ident {
    let snake = name.to_snake_case();
    let snake = if snake.is_empty() { "field".to_owned() } else { snake };
    ident(&snake)
}

/// The modules every generated crate has, which a resource's module must not take.
const CRATE_MODULES: &[&str] = &["errors", "types", "data_sources"];

/// The module of the resource `short` (its name without the provider prefix): [`field_ident`], suffixed
/// (`errors_`) where the crate has a module of that name already.
pub fn module_ident(short: &str) -> Ident {
    let ident = field_ident(short);
    if CRATE_MODULES.contains(&ident.to_string().as_str()) {
        Ident::new(&format!("{ident}_"), ident.span())
    } else {
        ident
    }
}

/// A PascalCase identifier for `name`.
pub fn type_ident(name: &str) -> Ident {
    let pascal = name.to_upper_camel_case();
    let pascal = if pascal.is_empty() { "Type".to_owned() } else { pascal };
    ident(&pascal)
}

fn ident(word: &str) -> Ident {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return Ident::new(&format!("_{word}"), Span::call_site());
    }
    if NOT_RAW.contains(&word) {
        return Ident::new(&format!("{word}_"), Span::call_site());
    }
    if KEYWORDS.contains(&word) {
        return Ident::new_raw(word, Span::call_site());
    }
    Ident::new(word, Span::call_site())
}

/// The identifier as written in source, without `r#`.
pub fn unraw(ident: &Ident) -> String {
    ident.to_string().trim_start_matches("r#").to_owned()
}

/// Hands out names unique within one scope, appending `2`, `3`, ... on collisions.
#[derive(Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope in which `reserved` are already taken.
    pub fn with(reserved: &[&str]) -> Self {
        Scope { taken: reserved.iter().map(|name| name.to_lowercase()).collect() }
    }

    /// `ident`, or `ident` with a number appended if the scope has it already (compared case-insensitively,
    /// so names that differ only in case do not meet on case-insensitive file systems either).
    pub fn claim(&mut self, ident: Ident) -> Ident {
        let base = unraw(&ident);
        if self.taken.insert(base.to_lowercase()) {
            return ident;
        }
        (2..)
            .map(|number| format!("{base}{number}"))
            .find(|candidate| self.taken.insert(candidate.to_lowercase()))
            .map(|candidate| Ident::new(&candidate, Span::call_site()))
            .unwrap_or(ident)
    }
}

/// The singular of an English plural, for the element type of a list (`headers` -> `header`).
pub fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes"] {
        if name.ends_with(ending) {
            return name[..name.len() - 2].to_owned();
        }
    }
    match name.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with(['s', 'u', 'i']) => stem.to_owned(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_digits_stay_valid() {
        assert_eq!(field_ident("type").to_string(), "r#type");
        assert_eq!(field_ident("self").to_string(), "self_");
        assert_eq!(field_ident("1st_choice").to_string(), "_1st_choice");
        assert_eq!(type_ident("self").to_string(), "Self_");
        assert_eq!(type_ident("access_key").to_string(), "AccessKey");
    }

    #[test]
    fn collisions_get_numbers() {
        let mut scope = Scope::with(&["Client"]);
        assert_eq!(scope.claim(type_ident("client")).to_string(), "Client2");
        assert_eq!(scope.claim(type_ident("url")).to_string(), "Url");
        assert_eq!(scope.claim(Ident::new("URL", Span::call_site())).to_string(), "URL2");
    }

    #[test]
    fn plurals_become_singular() {
        assert_eq!(singular("headers"), "header");
        assert_eq!(singular("missing_permissions"), "missing_permission");
        assert_eq!(singular("policies"), "policy");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("status"), "status");
    }
}
