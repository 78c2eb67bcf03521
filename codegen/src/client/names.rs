//! Rust names for schema names: fields, types and modules that stay valid for keywords, names starting
//! with digits, and names that collide once converted.

use std::collections::HashSet;

use proc_macro2::{Ident, Span};

/// The identifier of a field for `name` ([`schema::names::field`]).
pub fn field_ident(name: &str) -> Ident {
    ident(&schema::names::field(name))
}

/// The module of the resource `short` ([`schema::names::module`]).
pub fn module_ident(short: &str) -> Ident {
    ident(&schema::names::module(short))
}

/// A PascalCase identifier for `name` ([`schema::names::type_name`]).
pub fn type_ident(name: &str) -> Ident {
    ident(&schema::names::type_name(name))
}

/// The identifier of an enum value ([`schema::names::variant`]).
pub fn variant_ident(value: &str) -> Ident {
    ident(&schema::names::variant(value))
}

/// The client accessor of a resource or data source of `provider` ([`schema::names::accessor_among`]).
pub fn accessor_ident(provider: &schema::Provider, short: &str, data_source: bool) -> Ident {
    ident(&schema::names::accessor_among(provider, short, data_source))
}

/// The client accessor of an ephemeral resource ([`schema::names::ephemeral_accessor`]).
pub fn ephemeral_accessor_ident(short: &str) -> Ident {
    ident(&schema::names::ephemeral_accessor(short))
}

/// An identifier from its source form (`r#type` is raw).
fn ident(word: &str) -> Ident {
    match word.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(word, Span::call_site()),
    }
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
