//! The provider-defined functions every provider offers for its resources' import IDs (Terraform 1.8+):
//! for a resource whose import ID has more than one part, or text of its own, `<resource>_id(...)` builds
//! the ID from its parts and `parse_<resource>_id(id)` gives its parts back as an object, by the same
//! template `terraform import` reads (`{store_id}/{id}`). Derived from the resolved model, so the runtime
//! serves and the docs describe the same functions.

use indexmap::IndexMap;

use crate::model::{Function, Import, Parameter, Provider, Type};

/// What an import ID function does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFunctionKind {
    /// Builds the ID from its parts, one argument each.
    Build,
    /// Gives the parts of an ID back, as an object.
    Parse,
}

/// A provider-defined function over a resource's import ID.
#[derive(Debug, Clone, PartialEq)]
pub struct IdFunction {
    /// The resource's Terraform type name.
    pub resource: String,
    /// The import ID template (`{store_id}/{id}`).
    pub template: String,
    /// The template's parts (attribute names), in order.
    pub parts: Vec<String>,
    /// Building or parsing.
    pub kind: IdFunctionKind,
    /// Its signature and documentation, as Terraform and the docs see them.
    pub function: Function,
}

/// The resources that get import ID functions, with the two names: those whose import ID is more than
/// one attribute as it is. Validation refuses two resources whose names meet.
pub fn function_names(provider: &Provider) -> Vec<(&str, &Import, [String; 2])> {
    let offered = provider.resources.iter().filter_map(|(type_name, resource)| {
        let import = resource.import.as_ref()?;
        let lone = matches!(import.attributes.as_slice(), [only] if import.id == format!("{{{only}}}"));
        (!lone).then_some((type_name, import))
    });
    offered
        .map(|(type_name, import)| {
            let short = provider.short_name(type_name);
            (type_name.as_str(), import, [format!("{short}_id"), format!("parse_{short}_id")])
        })
        .collect()
}

/// Import ID functions by name.
pub type IdFunctions = IndexMap<String, IdFunction>;

/// The import ID functions of `provider`, by function name, in the order of its resources.
pub fn id_functions(provider: &Provider) -> IdFunctions {
    let mut functions = IndexMap::new();
    for (type_name, import, [build_name, parse_name]) in function_names(provider) {
        let parts = import.attributes.clone();
        let template = import.id.clone();
        let text = |name: &str, description: String| Parameter {
            name: name.to_owned(),
            description,
            nullable: false,
            ty: Type::String,
        };
        let build = Function {
            summary: format!("Builds the import ID of a {type_name}"),
            description: format!(
                "The ID that `terraform import` and `import` blocks take for `{type_name}`, `{template}`, made from its parts."
            ),
            deprecation: None,
            parameters: Some(
                parts.iter().map(|part| text(part, format!("The `{part}` of the {type_name}."))).collect(),
            ),
            variadic: None,
            return_type: Type::String,
        };
        let parse = Function {
            summary: format!("Gives back the parts of a {type_name} import ID"),
            description: format!(
                "The parts of an ID of the form `{template}` that `terraform import` takes for `{type_name}`, as an object of text; an ID of another form is an error."
            ),
            deprecation: None,
            parameters: Some(vec![text("id", format!("An import ID of a {type_name}."))]),
            variadic: None,
            return_type: Type::Object(parts.iter().map(|part| (part.clone(), Type::String)).collect()),
        };
        for (name, kind, function) in
            [(build_name, IdFunctionKind::Build, build), (parse_name, IdFunctionKind::Parse, parse)]
        {
            let resource = type_name.to_owned();
            let (template, parts) = (template.clone(), parts.clone());
            functions.insert(name, IdFunction { resource, template, parts, kind, function });
        }
    }
    functions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_with_an_import_id_of_parts_get_a_builder_and_a_parser() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shop = crate::load_provider(&root.join("../tests/fixtures/good/shop")).unwrap().provider;
        let functions = id_functions(&shop);
        let names: Vec<&str> = functions.keys().map(String::as_str).collect();
        assert!(names.contains(&"product_id") && names.contains(&"parse_product_id"), "{names:?}");
        // The store's ID is its `{id}` alone: nothing to build or parse.
        assert!(!names.contains(&"store_id"), "{names:?}");
        let parse = &functions["parse_product_id"];
        assert_eq!((parse.template.as_str(), parse.kind), ("{store_id}/{id}", IdFunctionKind::Parse));
        let Type::Object(fields) = &parse.function.return_type else { panic!("{:?}", parse.function.return_type) };
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["store_id", "id"]);
    }
}
