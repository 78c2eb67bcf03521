//! The provider's schema as Terraform receives it: the model converted to tfplugin6 messages. Nested
//! objects become nested attributes (`nested_type`, never with `type`), named types are written out in
//! place, and descriptions are the documented ones, so `terraform providers schema -json` gives back what
//! the docs say.

use schema::{Attribute, Block, Mode, NestingMode, Object, Provider, Type};
use serde_json::{Value, json};

use super::proto;

/// The `GetProviderSchema` answer for `provider`, whose import ID functions and list resources are
/// `functions` and `lists`.
pub fn provider_schema(
    provider: &Provider,
    functions: &schema::functions::IdFunctions,
    lists: &schema::listing::ListResources,
) -> proto::GetProviderSchemaResponse {
    let schema_of = |description: &str, object: &Object| proto::Schema {
        version: 0,
        block: Some(block(provider, description, object)),
    };
    // A data source's or ephemeral resource's schema: the documented description and its attributes.
    let described = |(name, resource): (&String, &schema::Resource)| {
        (name.clone(), schema_of(&resource.documented_description(name), &resource.terraform_schema()))
    };
    // A resource's schema carries its version, which Terraform records with its state, and whether it
    // is deprecated.
    let versioned = |name: &str, resource: &schema::Resource| {
        let mut schema = schema_of(&resource.documented_description(name), &resource.terraform_schema());
        schema.version = i64::try_from(resource.version).unwrap_or(i64::MAX);
        if let Some(block) = &mut schema.block {
            block.deprecated = resource.deprecation.is_some();
        }
        schema
    };
    proto::GetProviderSchemaResponse {
        provider: Some(schema_of(&provider.description, &provider.config)),
        resource_schemas: provider
            .resources
            .iter()
            .map(|(name, resource)| (name.clone(), versioned(name, resource)))
            .collect(),
        data_source_schemas: provider.data_sources.iter().map(described).collect(),
        ephemeral_resource_schemas: provider.ephemeral_resources.iter().map(described).collect(),
        list_resource_schemas: lists
            .iter()
            .map(|(name, listing)| (name.clone(), schema_of(&listing.description, &listing.schema)))
            .collect(),
        diagnostics: Vec::new(),
        provider_meta: None,
        server_capabilities: Some(proto::ServerCapabilities {
            plan_destroy: false,
            get_provider_schema_optional: true,
            move_resource_state: true,
            generate_resource_config: true,
        }),
        functions: super::functions::signatures(functions),
    }
}

fn block(provider: &Provider, description: &str, object: &Object) -> proto::Block {
    proto::Block {
        version: 0,
        attributes: attributes(provider, object),
        block_types: object.blocks.iter().map(|(name, block)| nested_block(provider, name, block)).collect(),
        description: description.to_owned(),
        description_kind: proto::StringKind::Markdown as i32,
        deprecated: false,
    }
}

fn nested_block(provider: &Provider, name: &str, nested: &Block) -> proto::NestedBlock {
    let mut body = block(provider, &nested.description, &nested.object);
    body.deprecated = nested.deprecated;
    proto::NestedBlock {
        type_name: name.to_owned(),
        block: Some(body),
        nesting: nesting(nested.nesting) as i32,
        min_items: nested.min_items as i64,
        max_items: nested.max_items as i64,
    }
}

fn nesting(mode: NestingMode) -> proto::NestingMode {
    match mode {
        NestingMode::Single => proto::NestingMode::Single,
        NestingMode::List => proto::NestingMode::List,
        NestingMode::Set => proto::NestingMode::Set,
        NestingMode::Map => proto::NestingMode::Map,
    }
}

fn attributes(provider: &Provider, object: &Object) -> Vec<proto::Attribute> {
    object.attributes.iter().map(|(name, attribute)| self::attribute(provider, name, attribute)).collect()
}

fn attribute(provider: &Provider, name: &str, attribute: &Attribute) -> proto::Attribute {
    let (r#type, nested_type) = match &attribute.ty {
        Type::Nested(nested) => {
            let nesting = nesting(nested.mode) as i32;
            (Vec::new(), Some(proto::Object { attributes: attributes(provider, nested.members()), nesting }))
        }
        ty => (cty_type(ty).to_string().into_bytes(), None),
    };
    proto::Attribute {
        name: name.to_owned(),
        r#type,
        nested_type,
        description: provider.documented_description(attribute),
        required: attribute.mode == Mode::Required,
        optional: matches!(attribute.mode, Mode::Optional | Mode::OptionalComputed),
        computed: attribute.mode.is_computed(),
        sensitive: attribute.sensitive,
        description_kind: proto::StringKind::Markdown as i32,
        deprecated: attribute.deprecation.is_some(),
        write_only: attribute.write_only,
    }
}

/// A type in cty's JSON form (`"string"`, `["list","number"]`).
pub fn cty_type(ty: &Type) -> Value {
    match ty {
        Type::String => json!("string"),
        Type::Int64 | Type::Float64 | Type::Number => json!("number"),
        Type::Bool => json!("bool"),
        Type::Dynamic | Type::Nested(_) => json!("dynamic"),
        Type::List(element) => json!(["list", cty_type(element)]),
        Type::Set(element) => json!(["set", cty_type(element)]),
        Type::Map(element) => json!(["map", cty_type(element)]),
        Type::Object(fields) => {
            json!([
                "object",
                fields.iter().map(|(name, field)| (name.clone(), cty_type(field))).collect::<serde_json::Map<_, _>>()
            ])
        }
        Type::Tuple(elements) => json!(["tuple", elements.iter().map(cty_type).collect::<Vec<_>>()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_attributes_carry_nested_type_only() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/konnect");
        let provider = schema::load_provider(&dir).unwrap().provider;
        let lists = schema::listing::list_resources(&provider);
        let schema = provider_schema(&provider, &schema::functions::id_functions(&provider), &lists);
        let resource = &schema.resource_schemas["konnect_integration_instance_auth_credential"];
        let attributes = &resource.block.as_ref().unwrap().attributes;
        let multi_key_auth = attributes.iter().find(|attribute| attribute.name == "multi_key_auth").unwrap();
        assert!(multi_key_auth.r#type.is_empty() && multi_key_auth.nested_type.is_some());
        assert_eq!(
            multi_key_auth.description,
            "Payload used to create an `Multi Key` credential for an integration instance. Requires replacement if changed."
        );
        let scopes_parent = attributes.iter().find(|attribute| attribute.name == "missing_permissions").unwrap();
        let object = scopes_parent.nested_type.as_ref().unwrap();
        assert_eq!(object.nesting, proto::NestingMode::List as i32);
        let scopes = object.attributes.iter().find(|attribute| attribute.name == "scopes").unwrap();
        assert_eq!(scopes.r#type, br#"["list","string"]"#);
        assert!(scopes.computed && !scopes.optional);
    }
}
