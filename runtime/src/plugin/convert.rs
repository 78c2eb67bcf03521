//! Between Terraform values (attribute names, unknowns, nulls) and API JSON (API field names, one-of
//! variants folded into the body with their tag), walking the schema.

use std::collections::BTreeMap;

use schema::{Mode, NestingMode, Object, Provider, Type};
use serde_json::{Map, Value};

use super::value::TfValue;

/// The API JSON of an object's known values. One-of variants that are set are written the way the API
/// takes them: their fields at the top level, with the discriminator.
pub fn to_api(provider: &Provider, object: &Object, value: &TfValue) -> Value {
    let TfValue::Map(entries) = value else { return Value::Null };
    let mut fields = Map::new();
    for (name, attribute) in &object.attributes {
        let Some(item) = entries.get(name) else { continue };
        if matches!(item, TfValue::Null | TfValue::Unknown) {
            continue;
        }
        fields.insert(attribute.api_name.clone(), type_to_api(provider, &attribute.ty, item));
    }
    for group in object.one_of.values() {
        for variant in &group.variants {
            let Some(attribute) = object.attributes.get(&variant.attribute) else { continue };
            if !attribute.mode.is_configurable() {
                continue;
            }
            if let Some(Value::Object(inner)) = fields.remove(&attribute.api_name) {
                if let Some(discriminator) = &group.discriminator {
                    fields.insert(discriminator.clone(), Value::String(variant.tag.clone()));
                }
                fields.extend(inner);
            }
        }
    }
    Value::Object(fields)
}

fn type_to_api(provider: &Provider, ty: &Type, value: &TfValue) -> Value {
    match (ty, value) {
        (_, TfValue::Null | TfValue::Unknown) => Value::Null,
        (Type::Nested(nested), value) => {
            let object = provider.object(&nested.object).cloned().unwrap_or_default();
            match (nested.mode, value) {
                (NestingMode::Single, value) => to_api(provider, &object, value),
                (NestingMode::List | NestingMode::Set, TfValue::List(items)) => {
                    Value::Array(items.iter().map(|item| to_api(provider, &object, item)).collect())
                }
                (NestingMode::Map, TfValue::Map(items)) => Value::Object(
                    items.iter().map(|(key, item)| (key.clone(), to_api(provider, &object, item))).collect(),
                ),
                _ => Value::Null,
            }
        }
        (Type::List(element) | Type::Set(element), TfValue::List(items)) => {
            Value::Array(items.iter().map(|item| type_to_api(provider, element, item)).collect())
        }
        (Type::Map(element), TfValue::Map(items)) => {
            Value::Object(items.iter().map(|(key, item)| (key.clone(), type_to_api(provider, element, item))).collect())
        }
        (_, TfValue::Bool(flag)) => Value::Bool(*flag),
        (_, TfValue::Int(number)) => Value::from(*number),
        (_, TfValue::Float(number)) => Value::from(*number),
        (_, TfValue::String(text)) => Value::String(text.clone()),
        (_, TfValue::List(items)) => {
            Value::Array(items.iter().map(|item| type_to_api(provider, &Type::Dynamic, item)).collect())
        }
        (_, TfValue::Map(items)) => Value::Object(
            items.iter().map(|(key, item)| (key.clone(), type_to_api(provider, &Type::Dynamic, item))).collect(),
        ),
    }
}

/// The Terraform value of an API object: every attribute of the object, null where the API has none.
pub fn from_api(provider: &Provider, object: &Object, value: &Value) -> TfValue {
    let fields = value.as_object();
    TfValue::Map(
        object
            .attributes
            .iter()
            .map(|(name, attribute)| {
                let item = fields.and_then(|fields| fields.get(&attribute.api_name)).unwrap_or(&Value::Null);
                (name.clone(), type_from_api(provider, &attribute.ty, item))
            })
            .collect(),
    )
}

fn type_from_api(provider: &Provider, ty: &Type, value: &Value) -> TfValue {
    match (ty, value) {
        (_, Value::Null) => TfValue::Null,
        (Type::Nested(nested), value) => {
            let object = provider.object(&nested.object).cloned().unwrap_or_default();
            match (nested.mode, value) {
                (NestingMode::Single, value) => from_api(provider, &object, value),
                (NestingMode::List | NestingMode::Set, Value::Array(items)) => {
                    TfValue::List(items.iter().map(|item| from_api(provider, &object, item)).collect())
                }
                (NestingMode::Map, Value::Object(items)) => TfValue::Map(
                    items.iter().map(|(key, item)| (key.clone(), from_api(provider, &object, item))).collect(),
                ),
                _ => TfValue::Null,
            }
        }
        (Type::List(element) | Type::Set(element), Value::Array(items)) => {
            TfValue::List(items.iter().map(|item| type_from_api(provider, element, item)).collect())
        }
        (Type::Map(element), Value::Object(items)) => TfValue::Map(
            items.iter().map(|(key, item)| (key.clone(), type_from_api(provider, element, item))).collect(),
        ),
        (Type::Int64, Value::Number(number)) => number.as_i64().map_or(TfValue::Null, TfValue::Int),
        (_, value) => untyped(value),
    }
}

/// A JSON value as a Terraform value, without a schema type to follow: arrays become lists, objects maps.
pub fn untyped(value: &Value) -> TfValue {
    match value {
        Value::Null => TfValue::Null,
        Value::Number(number) => match number.as_i64() {
            Some(int) => TfValue::Int(int),
            None => TfValue::Float(number.as_f64().unwrap_or_default()),
        },
        Value::Bool(flag) => TfValue::Bool(*flag),
        Value::String(text) => TfValue::String(text.clone()),
        Value::Array(items) => TfValue::List(items.iter().map(untyped).collect()),
        Value::Object(items) => TfValue::Map(items.iter().map(|(key, item)| (key.clone(), untyped(item))).collect()),
    }
}

/// The state to keep after an API call: what the API says for computed attributes (the planned value
/// where it says nothing), the configured value for the others, nothing for write-only ones. With
/// `refresh`, configured values the API returns replace the prior ones, so drift shows in the next plan.
pub fn merge(object: &Object, planned: &TfValue, from_api: &TfValue, refresh: bool) -> TfValue {
    let empty = BTreeMap::new();
    let planned = match planned {
        TfValue::Map(entries) => entries,
        _ => &empty,
    };
    let returned = match from_api {
        TfValue::Map(entries) => entries,
        _ => &empty,
    };
    TfValue::Map(
        object
            .attributes
            .iter()
            .map(|(name, attribute)| {
                let planned_value = planned.get(name).cloned().unwrap_or(TfValue::Null);
                let api_value = returned.get(name).cloned().unwrap_or(TfValue::Null);
                let value = if attribute.write_only {
                    TfValue::Null
                } else if attribute.mode.is_computed()
                    || (refresh && attribute.mode != Mode::ReadOnly && api_value != TfValue::Null)
                {
                    match (api_value, planned_value) {
                        (TfValue::Null, TfValue::Unknown) => TfValue::Null,
                        (TfValue::Null, planned) => planned,
                        (api, _) => api,
                    }
                } else {
                    planned_value
                };
                (name.clone(), value)
            })
            .collect(),
    )
}

/// The attribute values an import ID gives under an `import_id` template (`{org}/{id}`).
pub fn parse_import_id(template: &str, id: &str) -> Option<BTreeMap<String, String>> {
    let mut values = BTreeMap::new();
    let mut rest_template = template;
    let mut rest_id = id;
    loop {
        let Some(open) = rest_template.find('{') else {
            return (rest_template == rest_id).then_some(values);
        };
        rest_id = rest_id.strip_prefix(&rest_template[..open])?;
        let close = rest_template[open..].find('}')? + open;
        let name = &rest_template[open + 1..close];
        rest_template = &rest_template[close + 1..];
        let next_literal = rest_template.find('{').map_or(rest_template, |at| &rest_template[..at]);
        let end = if next_literal.is_empty() { rest_id.len() } else { rest_id.find(next_literal)? };
        values.insert(name.to_owned(), rest_id[..end].to_owned());
        rest_id = &rest_id[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn konnect() -> Provider {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/konnect");
        schema::load_provider(&dir).unwrap().provider
    }

    #[test]
    fn one_of_variants_fold_into_the_body_with_their_tag() {
        let provider = konnect();
        let object = &provider.resources["konnect_integration_instance_auth_credential"].schema;
        let header = TfValue::Map(BTreeMap::from([
            ("key".to_owned(), TfValue::String("k".into())),
            ("name".to_owned(), TfValue::String("n".into())),
        ]));
        let config = TfValue::Map(BTreeMap::from([("headers".to_owned(), TfValue::List(vec![header]))]));
        let state = TfValue::Map(BTreeMap::from([
            ("integration_instance_id".to_owned(), TfValue::String("i".into())),
            ("multi_key_auth".to_owned(), TfValue::Map(BTreeMap::from([("config".to_owned(), config)]))),
            ("id".to_owned(), TfValue::Unknown),
        ]));
        assert_eq!(
            to_api(&provider, object, &state),
            serde_json::json!({"integration_instance_id": "i", "type": "multi_key_auth", "config": {"headers": [{"key": "k", "name": "n"}]}})
        );
    }

    #[test]
    fn api_objects_become_complete_state() {
        let provider = konnect();
        let object = &provider.resources["konnect_integration_instance_auth_credential"].schema;
        let state = from_api(&provider, object, &serde_json::json!({"id": "c1", "tainted": false}));
        let TfValue::Map(entries) = &state else { panic!() };
        assert_eq!(entries.len(), object.attributes.len());
        assert_eq!(entries["id"], TfValue::String("c1".into()));
        assert_eq!(entries["created_at"], TfValue::Null);
    }

    #[test]
    fn import_ids_split_by_their_template() {
        assert_eq!(parse_import_id("{id}", "a/b").unwrap()["id"], "a/b");
        let values = parse_import_id("{org}/{id}", "acme/42").unwrap();
        assert_eq!((values["org"].as_str(), values["id"].as_str()), ("acme", "42"));
        assert!(parse_import_id("{org}/{id}", "acme").is_none());
    }
}
