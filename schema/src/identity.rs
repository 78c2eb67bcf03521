//! Resource identity (Terraform 1.12+): the attributes that identify an object, which Terraform keeps
//! beside its state and imports by (`import { identity = {...} }`). A resource's own `identity` where the
//! model has one (provider-schema JSON), else the parts of its import ID, each required for import.

use crate::model::{Identity, IdentityAttribute, Resource, Type};

/// The identity schema of `resource`: its own, else its import ID's parts; `None` for a resource that
/// cannot be imported.
pub fn identity_of(resource: &Resource) -> Option<Identity> {
    if let Some(own) = &resource.identity {
        return Some(own.clone());
    }
    let import = resource.import.as_ref()?;
    let attributes = import
        .attributes
        .iter()
        .map(|name| {
            let attribute = resource.schema.attribute(name);
            let ty = match attribute.ty {
                Type::Int64 | Type::Float64 | Type::Number => Type::Number,
                Type::Bool => Type::Bool,
                _ => Type::String,
            };
            let described = IdentityAttribute {
                ty,
                description: attribute.description.clone(),
                required_for_import: true,
                optional_for_import: false,
            };
            (name.clone(), described)
        })
        .collect();
    Some(Identity { attributes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_id_of_parts_is_the_identity() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shop = crate::load_provider(&root.join("../tests/fixtures/good/shop")).unwrap().provider;
        let identity = identity_of(&shop.resources["shop_product"]).unwrap();
        assert_eq!(identity.attributes.keys().collect::<Vec<_>>(), ["store_id", "id"]);
        assert!(identity.attributes.values().all(|part| part.required_for_import && part.ty == Type::String));
    }
}
