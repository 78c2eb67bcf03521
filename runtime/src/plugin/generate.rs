//! `GenerateResourceConfig` (Terraform 1.14+, `terraform query -generate-config-out`): the configuration
//! that would make an object Terraform found, from its state: every value a configuration sets, at every
//! depth, and none of what only the API sets (read-only values, the `timeouts` block), which a
//! configuration cannot hold.

use schema::{NestingMode, Object, Type};

use super::handlers::Provider;
use super::proto;
use super::value::{self, TfValue};

impl Provider {
    /// `GenerateResourceConfig`.
    pub async fn generate_resource_config(
        &self,
        request: proto::GenerateResourceConfigRequest,
    ) -> proto::GenerateResourceConfigResponse {
        let mut response = proto::GenerateResourceConfigResponse {
            config: None,
            diagnostics: self.check_type(&request.type_name, false),
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else { return response };
        match Self::decode(request.state.as_ref()) {
            Ok(mut state) => {
                // How long operations may take is the user's choice, not the object's.
                super::timeouts::take(resource, &mut state);
                let mut config = configurable(&resource.schema, &state);
                super::timeouts::put(resource, &mut config, TfValue::Null);
                response.config = Some(proto::DynamicValue { msgpack: value::encode(&config), json: Vec::new() });
            }
            Err(problems) => response.diagnostics = problems,
        }
        response
    }
}

/// Of an object's value, what a configuration sets: read-only attributes null, at every depth.
fn configurable(object: &Object, value: &TfValue) -> TfValue {
    let TfValue::Map(fields) = value else { return value.clone() };
    let mut config = fields.clone();
    for (name, attribute) in &object.attributes {
        let Some(field) = config.get_mut(name) else { continue };
        *field = match (&attribute.ty, attribute.mode.is_configurable()) {
            (_, false) => TfValue::Null,
            (Type::Nested(nested), true) => nested_value(nested.mode, nested.members(), field),
            _ => field.clone(),
        };
    }
    for (name, block) in &object.blocks {
        if let Some(field) = config.get_mut(name) {
            *field = nested_value(block.nesting, &block.object, field);
        }
    }
    TfValue::Map(config)
}

/// A nested attribute's or block's value, each object in it made [`configurable`].
fn nested_value(mode: NestingMode, members: &Object, value: &TfValue) -> TfValue {
    match (mode, value) {
        (NestingMode::Single, _) => configurable(members, value),
        (_, TfValue::List(items)) => TfValue::List(items.iter().map(|item| configurable(members, item)).collect()),
        (_, TfValue::Map(entries)) => {
            TfValue::Map(entries.iter().map(|(key, item)| (key.clone(), configurable(members, item))).collect())
        }
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> TfValue {
        TfValue::String(value.to_owned())
    }

    fn object(fields: &[(&str, TfValue)]) -> TfValue {
        TfValue::Map(fields.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect())
    }

    #[test]
    fn read_only_values_are_left_out_at_every_depth() {
        let yaml = r#"
name: acme
resources:
  gadget:
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true}
      size: {type: int64, optional: true, computed: true}
      parts:
        type: list(object)
        optional: true
        attributes:
          label: {type: string, required: true}
          part_id: {type: string, read_only: true}
      owner:
        type: object
        optional: true
        attributes:
          email: {type: string, required: true}
          verified: {type: bool, read_only: true}
    operations:
      create: {method: POST, path: /gadgets}
      read: {method: GET, path: "/gadgets/{id}"}
      update: {method: PATCH, path: "/gadgets/{id}"}
      delete: {method: DELETE, path: "/gadgets/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let gadget = &provider.resources["acme_gadget"];
        let state = object(&[
            ("id", text("g-1")),
            ("name", text("widget")),
            ("size", TfValue::Int(3)),
            ("parts", TfValue::List(vec![object(&[("label", text("a")), ("part_id", text("p-1"))])])),
            ("owner", object(&[("email", text("o@example.com")), ("verified", TfValue::Bool(true))])),
        ]);
        let config = configurable(&gadget.schema, &state);
        assert_eq!(
            config,
            object(&[
                ("id", TfValue::Null),
                ("name", text("widget")),
                ("size", TfValue::Int(3)),
                ("parts", TfValue::List(vec![object(&[("label", text("a")), ("part_id", TfValue::Null)])])),
                ("owner", object(&[("email", text("o@example.com")), ("verified", TfValue::Null)])),
            ])
        );
    }
}
