//! The spelling of names: what the schema's author names (the provider, resources, attributes, one-of
//! groups, types, error types) follows Terraform's and the format's rules; a path parameter is the API's
//! name and may be anything a path can hold between braces.

use crate::model::*;

use super::{Checker, join, path};

/// A naming rule.
#[derive(Debug, Clone, Copy)]
pub(super) enum NamePattern {
    /// Attributes, resources, one-of groups: `^[a-z0-9_]+$`.
    Snake,
    /// Named types and error types: PascalCase.
    Pascal,
    /// Provider names: lower-case letters and digits.
    Provider,
    /// Path placeholders: the API's names, without braces or slashes.
    Param,
}

impl NamePattern {
    /// Whether `name` follows the rule.
    pub(super) fn matches(self, name: &str) -> bool {
        let mut chars = name.chars();
        let first = chars.next();
        match self {
            NamePattern::Snake => {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            }
            NamePattern::Pascal => {
                first.is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
            }
            NamePattern::Provider => {
                first.is_some_and(|c| c.is_ascii_lowercase())
                    && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            }
            NamePattern::Param => {
                !name.is_empty() && !name.contains(['{', '}', '/']) && !name.contains(char::is_whitespace)
            }
        }
    }

    /// How to follow the rule.
    fn hint(self, name: &str) -> String {
        use heck::{ToSnakeCase, ToUpperCamelCase};
        match self {
            NamePattern::Snake => {
                format!("names use lower-case letters, digits and underscores: `{}`", name.to_snake_case())
            }
            NamePattern::Pascal => format!("type names are PascalCase: `{}`", name.to_upper_camel_case()),
            NamePattern::Provider => {
                "provider names use lower-case letters and digits, starting with a letter".to_owned()
            }
            NamePattern::Param => "a path parameter's name has no braces, slashes or spaces".to_owned(),
        }
    }
}

impl Checker<'_> {
    /// Reports `name` (at `at`) when it breaks `pattern`; `what` says what it names.
    fn spelling(&mut self, at: Vec<&str>, name: &str, what: &str, pattern: NamePattern) {
        if !pattern.matches(name) {
            self.issue(at, format!("invalid {what} name `{name}`"), pattern.hint(name));
        }
    }
}

/// Every name of the provider, at every depth.
pub(super) fn spelling(checker: &mut Checker<'_>) {
    let provider = checker.provider;
    if !NamePattern::Provider.matches(&provider.name) {
        checker.issue(
            path(&["name"]),
            format!("invalid provider name `{}`", provider.name),
            NamePattern::Provider.hint(&provider.name),
        );
    }
    object(checker, &["config"], &["config"], &provider.config);
    for (name, named) in &provider.types {
        checker.spelling(path(&["types", name]), name, "type", NamePattern::Pascal);
        object(checker, &["types", name, "attributes"], &["types", name, "one_of"], &named.object);
    }
    for name in provider.errors.keys() {
        checker.spelling(path(&["errors", name]), name, "error type", NamePattern::Pascal);
    }
    for (section, items, kind) in
        [("resources", &provider.resources, "resource"), ("data_sources", &provider.data_sources, "data source")]
    {
        for (type_name, resource) in items {
            let short = provider.short_name(type_name);
            checker.spelling(path(&[section, short]), short, kind, NamePattern::Snake);
            object(checker, &[section, short, "attributes"], &[section, short, "one_of"], &resource.schema);
            for (kind, operation) in resource.operations.iter() {
                let at = [section, short, "operations", kind.key(), "path_params"];
                for param in &operation.path_params {
                    checker.spelling(join(&at, &[&param.name]), &param.name, "path parameter", NamePattern::Param);
                }
            }
        }
    }
    for name in provider.pulumi.iter().flat_map(|package| package.resource_names.keys()) {
        checker.spelling(path(&["pulumi", "resource_names", name]), name, "resource", NamePattern::Snake);
    }
}

/// The names of an object's attributes and one-of groups, and of its nested objects'.
fn object(checker: &mut Checker<'_>, attributes: &[&str], one_of: &[&str], object: &Object) {
    for (name, attribute) in &object.attributes {
        let at = join(attributes, &[name]);
        checker.spelling(at.clone(), name, "attribute", NamePattern::Snake);
        if let Some(NestedObject::Inline(inner)) = attribute.ty.as_nested().map(|nested| &nested.object) {
            self::object(checker, &join(&at, &["attributes"]), &join(&at, &["one_of"]), inner);
        }
    }
    for name in object.one_of.keys() {
        checker.spelling(join(one_of, &[name]), name, "one-of group", NamePattern::Snake);
    }
}
