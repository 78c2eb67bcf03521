//! List resources (Terraform 1.14+, `terraform query`): every resource that has a `list` operation and an
//! identity (its import ID) can be listed. Its list resource has the resource's type name; its
//! configuration is what the list operation's path and query take — a path parameter's attribute
//! required, a query attribute an optional filter — and each object listed comes with its identity.
//! Derived from the resolved model, so the runtime serves and the docs describe the same list resources.

use indexmap::IndexMap;

use crate::model::{Attribute, Mode, Object, Operations, Provider, Resource, Timeouts};

/// List resources by type name.
pub type ListResources = IndexMap<String, Resource>;

/// The list resources of `provider`, by type name, each as the model describes a schema: the
/// configuration's attributes, a description, and the `list` operation it makes.
pub fn list_resources(provider: &Provider) -> ListResources {
    provider
        .resources
        .iter()
        .filter(|(_, resource)| resource.import.is_some() || resource.identity.is_some())
        .filter_map(|(type_name, resource)| {
            let list = resource.operations.list.as_ref()?;
            let path = list.path_params.iter().map(|param| (&param.attribute, Mode::Required));
            let query = list.query.iter().map(|name| (name, Mode::Optional));
            let attributes = path
                .chain(query)
                .map(|(name, mode)| (name.clone(), filter(resource.schema.attribute(name), mode)))
                .collect();
            let description = match (list.description.trim(), list.summary.trim()) {
                ("", "") => format!("Lists the `{type_name}` objects the API holds, each with its identity."),
                ("", summary) => summary.to_owned(),
                (description, _) => description.to_owned(),
            };
            let listing = Resource {
                description,
                subcategory: resource.subcategory.clone(),
                deprecation: None,
                schema: Object { attributes, ..Object::default() },
                operations: Operations { list: Some(list.clone()), ..Operations::default() },
                id_attribute: None,
                import: None,
                identity: None,
                timeouts: Timeouts { limits: Default::default(), block: false },
                version: 0,
                upgrades: Vec::new(),
                moved_from: Vec::new(),
                renew_every: None,
            };
            Some((type_name.clone(), listing))
        })
        .collect()
}

/// A resource's attribute as a list resource's configuration takes it: set in `mode`, with its type,
/// description and validators, and nothing that belongs to managing the object.
fn filter(attribute: &Attribute, mode: Mode) -> Attribute {
    Attribute {
        mode,
        requires_replacement: false,
        write_only: false,
        default: None,
        changes_on_update: false,
        not_returned: false,
        unset_value: None,
        ..attribute.clone()
    }
}
