//! Resource identity (Terraform 1.12+): each resource's identity schema ([`schema::identity`]), the
//! identity of an object taken from its state and returned beside it by read, plan, apply and import, an
//! import by identity (the import ID built from it), and identities stored by an earlier version.

use std::collections::HashMap;

use schema::{Identity, Resource};

use super::convert::param_text;
use super::proto::{self, DynamicValue, ResourceIdentityData};
use super::schema::cty_type;
use super::value::{self, TfValue};

/// The identity schemas of the resources that have one, by type name.
pub fn schemas(model: &schema::Provider) -> HashMap<String, proto::ResourceIdentitySchema> {
    model
        .resources
        .iter()
        .filter_map(|(name, resource)| Some((name.clone(), identity_schema(&schema::identity::identity_of(resource)?))))
        .collect()
}

fn identity_schema(identity: &Identity) -> proto::ResourceIdentitySchema {
    let identity_attributes = identity
        .attributes
        .iter()
        .map(|(name, attribute)| proto::IdentityAttribute {
            name: name.clone(),
            r#type: cty_type(&attribute.ty).to_string().into_bytes(),
            required_for_import: attribute.required_for_import,
            optional_for_import: attribute.optional_for_import,
            description: attribute.description.clone(),
        })
        .collect();
    proto::ResourceIdentitySchema { version: 0, identity_attributes }
}

/// The identity of the object `state` (msgpack) holds, where the resource has an identity and every part
/// of it is known.
pub fn of_state(resource: &Resource, state: Option<&DynamicValue>) -> Option<ResourceIdentityData> {
    of_object(resource, &value::decode(&state?.msgpack).ok()?)
}

/// The identity of `object`, where the resource has an identity and every part of it is known.
pub fn of_object(resource: &Resource, state: &TfValue) -> Option<ResourceIdentityData> {
    let identity = schema::identity::identity_of(resource)?;
    let parts: Option<_> = identity
        .attributes
        .keys()
        .map(|name| match state.field(name) {
            Some(part @ (TfValue::String(_) | TfValue::Int(_) | TfValue::Float(_) | TfValue::Bool(_))) => {
                Some((name.clone(), part.clone()))
            }
            _ => None,
        })
        .collect();
    let encoded = value::encode(&TfValue::Map(parts?));
    Some(ResourceIdentityData { identity_data: Some(DynamicValue { msgpack: encoded, json: Vec::new() }) })
}

/// The import ID an identity stands for: the import template filled with its parts.
pub fn import_id(resource: &Resource, identity: &ResourceIdentityData) -> Result<String, String> {
    let import = resource.import.as_ref().ok_or("the resource cannot be imported")?;
    let data = identity.identity_data.as_ref().ok_or("the identity holds no value")?;
    let given = value::decode(&data.msgpack)?;
    let mut missing = Vec::new();
    let id = schema::template::expand(&import.id, |name| {
        let part = given.field(name).and_then(param_text);
        if part.is_none() {
            missing.push(format!("`{name}`"));
        }
        part
    });
    match missing.is_empty() {
        true => Ok(id),
        false => Err(format!("the identity does not give {}", missing.join(", "))),
    }
}

/// An identity stored by an earlier provider (JSON), as the current schema reads it: only version 0 exists.
pub fn upgrade(resource: &Resource, version: i64, raw: &[u8]) -> Result<ResourceIdentityData, String> {
    if version != 0 {
        return Err(format!("the identity was written by a newer provider (version {version}; this one has 0)"));
    }
    let identity = schema::identity::identity_of(resource).ok_or("the resource has no identity")?;
    let stored: serde_json::Value =
        serde_json::from_slice(raw).map_err(|error| format!("unreadable identity: {error}"))?;
    let mut parts = std::collections::BTreeMap::new();
    for name in identity.attributes.keys() {
        let part = match stored.get(name) {
            Some(serde_json::Value::String(text)) => TfValue::String(text.clone()),
            Some(serde_json::Value::Bool(flag)) => TfValue::Bool(*flag),
            Some(serde_json::Value::Number(number)) => {
                number.as_i64().map(TfValue::Int).or(number.as_f64().map(TfValue::Float)).unwrap_or(TfValue::Null)
            }
            Some(serde_json::Value::Null) | None => TfValue::Null,
            Some(other) => return Err(format!("`{name}` of the stored identity is {other}, no text, number or bool")),
        };
        parts.insert(name.clone(), part);
    }
    let encoded = value::encode(&TfValue::Map(parts));
    Ok(ResourceIdentityData { identity_data: Some(DynamicValue { msgpack: encoded, json: Vec::new() }) })
}
