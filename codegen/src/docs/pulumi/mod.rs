//! Pulumi Registry pages for the package the Terraform bridge makes of a provider: one page per
//! resource with its examples, constructor, properties, lookup and nested types in TypeScript, Python,
//! Go, C#, Java, YAML and Pulumi HCL, and the package's index page.
//!
//! [`package`] holds the Pulumi view of the schema (names, properties, nested types), [`program`] the
//! programs the pages show (converted from the resource's HCL example, or placeholders), and one module
//! per language prints them; [`page`] lays the page out in the Registry's sections.

pub mod csharp;
pub mod go;
pub mod hcl;
pub mod java;
pub mod names;
pub mod package;
pub mod page;
pub mod program;
pub mod python;
pub mod typescript;
pub mod yaml;

use package::{Kind, Package, ResourceView};
use program::{Declaration, Program};

pub use page::provider_pages;

/// Where a type name is shown, which decides the class a language names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A resource's inputs and lookup state (`…Args` classes in Go and Python).
    Input,
    /// A resource's outputs.
    Output,
    /// A property of a nested type under Supporting Types.
    Nested,
}

/// One parameter of a constructor or lookup, as its list on the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// Its name.
    pub name: String,
    /// Whether it is required.
    pub required: bool,
    /// Its type; empty for lookup parameters, which the page lists without one.
    pub type_name: String,
    /// What it is.
    pub description: &'static str,
}

impl Parameter {
    /// The resource name parameter.
    fn name(name: &str, type_name: &str) -> Self {
        Parameter {
            name: name.to_owned(),
            required: true,
            type_name: type_name.to_owned(),
            description: "The unique name of the resource.",
        }
    }

    /// The arguments parameter.
    fn args(name: &str, resource: &str, required: bool) -> Self {
        Parameter {
            name: name.to_owned(),
            required,
            type_name: format!("{resource}Args"),
            description: "The arguments to resource properties.",
        }
    }

    /// The resource options parameter.
    fn options(name: &str, type_name: &str) -> Self {
        Parameter {
            name: name.to_owned(),
            required: false,
            type_name: type_name.to_owned(),
            description: "Bag of options to control resource's behavior.",
        }
    }

    /// Go's context parameter.
    fn context() -> Self {
        Parameter {
            name: "ctx".to_owned(),
            required: false,
            type_name: "Context".to_owned(),
            description: "Context object for the current deployment.",
        }
    }

    /// The parameters of a lookup, by name.
    fn lookup(names: &[&str]) -> Vec<Self> {
        names
            .iter()
            .map(|name| {
                let (required, description) = match *name {
                    "name" | "resource_name" => (true, "The unique name of the resulting resource."),
                    "id" => (true, "The unique provider ID of the resource to lookup."),
                    "state" => (false, "Any extra arguments used during the lookup."),
                    _ => (false, "A bag of options that control this resource's behavior."),
                };
                Parameter { name: (*name).to_owned(), required, type_name: String::new(), description }
            })
            .collect()
    }
}

/// What a language tab prints.
pub trait Language {
    /// The language's identifier on the page (`typescript`, `csharp`...).
    fn id(&self) -> &'static str;
    /// A property's name as the language spells it (by default as Pulumi names it, camelCase).
    fn property_name(&self, name: &str) -> String {
        name.to_owned()
    }
    /// A type as the language names it at `place`.
    fn type_string(&self, package: &Package<'_>, kind: &Kind, place: Place) -> String;
    /// A whole program, imports included.
    fn program(&self, package: &Package<'_>, program: &Program) -> String;
    /// One resource declaration on its own (the constructor example).
    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String;
    /// The constructor's signatures.
    fn constructor(&self, package: &Package<'_>, view: &ResourceView) -> String;
    /// The constructor's parameters (none for YAML and HCL).
    fn parameters(&self, view: &ResourceView) -> Vec<Parameter>;
    /// The lookup's signature.
    fn lookup(&self, package: &Package<'_>, view: &ResourceView) -> String;
    /// The lookup's parameters (none for YAML and HCL).
    fn lookup_parameters(&self) -> Vec<Parameter> {
        Parameter::lookup(&["name", "id", "state", "opts"])
    }
}

/// Tabs in the order of the examples and signatures.
pub fn program_order() -> [&'static dyn Language; 7] {
    [&typescript::TypeScript, &python::Python, &go::Go, &csharp::CSharp, &java::Java, &yaml::Yaml, &hcl::Hcl]
}

/// Tabs in the order of the constructor examples (by language name).
pub fn example_order() -> [&'static dyn Language; 7] {
    [&csharp::CSharp, &go::Go, &hcl::Hcl, &java::Java, &python::Python, &typescript::TypeScript, &yaml::Yaml]
}

/// Tabs in the order of property lists (by language name, TypeScript filed under JavaScript).
pub fn property_order() -> [&'static dyn Language; 7] {
    [&csharp::CSharp, &go::Go, &hcl::Hcl, &java::Java, &typescript::TypeScript, &python::Python, &yaml::Yaml]
}

/// The languages every chooser offers, in the order the Registry lists them.
pub fn chooser_order() -> [&'static dyn Language; 7] {
    [&csharp::CSharp, &go::Go, &typescript::TypeScript, &python::Python, &yaml::Yaml, &java::Java, &hcl::Hcl]
}

/// A double-quoted string literal, escaped as JSON escapes it (which every language here reads alike).
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}
