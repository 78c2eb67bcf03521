//! What the fake API does to its objects, the way a real API would, at every depth of the schema: it
//! assigns values to read-only and unset computed attributes (nested ones from the element's content, so
//! the same element keeps its ID), changes the values marked `changes_on_update` on each update, merges
//! PATCH bodies (JSON merge patch) and replaces on PUT, keeps sets in an order of its own, and never
//! returns write-only or `not_returned` values.

use schema::{Attribute, NestingMode, Object, Type};
use serde_json::{Map, Value, json};

/// The object's fields as the schema's API names see them, for each attribute of `object`, with the
/// nested object of each nested attribute.
fn members(object: &Object) -> impl Iterator<Item = (&str, &Attribute, Option<&Object>)> {
    object.attributes.iter().map(move |(name, attribute)| {
        let nested = attribute.ty.as_nested().map(schema::Nested::members);
        (name.as_str(), attribute, nested)
    })
}

/// Calls `visit` on each object value nested in `value` of attribute type `ty` (the element objects of
/// a list, set or map of objects, or the object itself).
fn each_element(ty: &Type, value: &mut Value, visit: &mut dyn FnMut(&mut Value)) {
    let Some(nested) = ty.as_nested() else { return };
    match (nested.mode, value) {
        (NestingMode::Single, value @ Value::Object(_)) => visit(value),
        (NestingMode::List | NestingMode::Set, Value::Array(items)) => items.iter_mut().for_each(visit),
        (NestingMode::Map, Value::Object(items)) => items.values_mut().for_each(visit),
        _ => {}
    }
}

/// Gives every computed attribute the configuration left unset a value, at every depth. `serial` numbers
/// the root object; nested objects are numbered by their content.
pub fn assign_computed(object: &Object, value: &mut Value, serial: u64) {
    let Value::Object(fields) = value else { return };
    let content = content_hash(fields);
    // One-of variants travel folded into the object itself, never as fields of their own.
    let variants: Vec<&str> = object
        .one_of
        .values()
        .flat_map(|group| group.variants.iter().map(|variant| variant.attribute.as_str()))
        .collect();
    for (name, attribute, nested) in members(object) {
        if variants.contains(&name) {
            continue;
        }
        let present = fields.get(&attribute.api_name).is_some_and(|field| !field.is_null());
        if !present && attribute.mode.is_computed() {
            // A counter the API bumps on every update starts at 1.
            let number = match (serial, attribute.changes_on_update) {
                (_, true) => 1,
                (0, false) => content,
                (serial, false) => serial,
            };
            let generated = if attribute.json { Some(json!({})) } else { generate(name, &attribute.ty, number) };
            if let Some(generated) = generated {
                fields.insert(attribute.api_name.clone(), generated);
            }
        }
        if let (Some(inner), Some(field)) = (nested, fields.get_mut(&attribute.api_name)) {
            each_element(&attribute.ty, field, &mut |element| assign_computed(inner, element, 0));
        }
    }
}

/// A value an API would pick for an attribute of `ty` named `name`.
fn generate(name: &str, ty: &Type, number: u64) -> Option<Value> {
    Some(match ty {
        Type::String if name.ends_with("_at") => json!("2030-01-01T00:00:00Z"),
        Type::String => json!(format!("{name}-{number}")),
        Type::Int64 => json!(number % 1_000_000),
        Type::Float64 | Type::Number => json!(1.5),
        Type::Bool => json!(false),
        Type::List(_) | Type::Set(_) => json!([]),
        Type::Map(_) => json!({}),
        Type::Nested(nested) => match nested.mode {
            NestingMode::Single => {
                let inner = nested.members();
                let mut object = Map::new();
                for (member, attribute, _) in members(inner) {
                    if let Some(value) = generate(member, &attribute.ty, number) {
                        object.insert(attribute.api_name.clone(), value);
                    }
                }
                Value::Object(object)
            }
            NestingMode::List | NestingMode::Set => json!([]),
            NestingMode::Map => json!({}),
        },
        Type::Dynamic | Type::Object(_) | Type::Tuple(_) => return None,
    })
}

/// A number from an object's content (FNV-1a of its JSON), so the same content gets the same ID.
fn content_hash(fields: &Map<String, Value>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in Value::Object(fields.clone()).to_string().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 1_000_000
}

/// Gives new values to the attributes the API changes on every update, at every depth.
pub fn bump(object: &Object, value: &mut Value, serial: u64) {
    let Value::Object(fields) = value else { return };
    for (name, attribute, nested) in members(object) {
        if attribute.changes_on_update {
            let bumped = match attribute.ty {
                Type::String if name.ends_with("_at") => {
                    json!(format!("2030-01-01T00:{:02}:{:02}Z", serial / 60 % 60, serial % 60))
                }
                Type::String => json!(format!("{name}-{serial}")),
                Type::Int64 | Type::Float64 | Type::Number => {
                    json!(fields.get(&attribute.api_name).and_then(Value::as_i64).unwrap_or(0) + 1)
                }
                _ => continue,
            };
            fields.insert(attribute.api_name.clone(), bumped);
        }
        if let (Some(inner), Some(field)) = (nested, fields.get_mut(&attribute.api_name)) {
            each_element(&attribute.ty, field, &mut |element| bump(inner, element, serial));
        }
    }
}

/// RFC 7396: fields set to null are removed, objects merge recursively, anything else is replaced.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    let Value::Object(fields) = target else { return };
    for (key, value) in patch {
        match value {
            Value::Null => {
                fields.remove(key);
            }
            Value::Object(_) => merge_patch(fields.entry(key.clone()).or_insert(Value::Null), value),
            other => {
                fields.insert(key.clone(), other.clone());
            }
        }
    }
}

/// The object after a full replacement (PUT): what the update sends replaces the object, and what it
/// cannot send (values the API sets, values fixed at creation) stays.
pub fn replace(object: &Object, existing: &Value, sent: Value, sendable: &[String]) -> Value {
    let mut replaced = sent;
    if let (Value::Object(fields), Value::Object(before)) = (&mut replaced, existing) {
        for (name, attribute) in &object.attributes {
            if attribute.mode != schema::Mode::ReadOnly && sendable.contains(name) {
                continue;
            }
            if let Some(value) = before.get(&attribute.api_name) {
                fields.entry(attribute.api_name.clone()).or_insert_with(|| value.clone());
            }
        }
    }
    replaced
}

/// Keeps the elements of every set, at every depth, in reverse: an API free to order a set answers in an
/// order of its own, which a provider must not show as a change.
pub fn reorder_sets(object: &Object, value: &mut Value) {
    let Value::Object(fields) = value else { return };
    for (_, attribute, nested) in members(object) {
        let Some(field) = fields.get_mut(&attribute.api_name) else { continue };
        let is_set = match &attribute.ty {
            Type::Set(_) => true,
            Type::Nested(nested) => nested.mode == NestingMode::Set,
            _ => false,
        };
        if let (true, Value::Array(items)) = (is_set, &mut *field) {
            items.reverse();
        }
        if let Some(inner) = nested {
            each_element(&attribute.ty, field, &mut |element| reorder_sets(inner, element));
        }
    }
}

/// The object as the API answers it: without write-only and `not_returned` values, each field under
/// its answer name, at every depth.
pub fn answered(object: &Object, value: &Value) -> Value {
    let mut value = value.clone();
    strip(object, &mut value);
    value
}

fn strip(object: &Object, value: &mut Value) {
    let Value::Object(fields) = value else { return };
    for (_, attribute, nested) in members(object) {
        if attribute.write_only || attribute.not_returned {
            fields.remove(&attribute.api_name);
            continue;
        }
        if let (Some(inner), Some(field)) = (nested, fields.get_mut(&attribute.api_name)) {
            each_element(&attribute.ty, field, &mut |element| strip(inner, element));
        }
        // Answered under another name than it is taken.
        if let Some(answer_name) = &attribute.answer_name {
            if let Some(field) = fields.remove(&attribute.api_name) {
                fields.insert(answer_name.clone(), field);
            }
        }
    }
}

/// Whether a JSON value can be an attribute's: any value for JSON text, else one of its type.
pub fn attribute_fits(attribute: &schema::Attribute, value: &Value) -> bool {
    attribute.json || fits(&attribute.ty, value)
}

/// Whether a JSON value can be of a type (null always can), at every depth.
pub fn fits(ty: &Type, value: &Value) -> bool {
    match (ty, value) {
        (_, Value::Null) | (Type::Dynamic, _) => true,
        (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) => true,
        (Type::Int64, Value::Number(number)) => number.is_i64(),
        (Type::Float64 | Type::Number, Value::Number(_)) => true,
        (Type::List(element) | Type::Set(element), Value::Array(items)) => items.iter().all(|item| fits(element, item)),
        (Type::Map(element), Value::Object(entries)) => entries.values().all(|item| fits(element, item)),
        (Type::Object(_) | Type::Tuple(_), _) => true,
        (Type::Nested(nested), value) => {
            let inner = nested.members();
            let object_fits = |value: &Value| match value {
                Value::Object(fields) => inner.attributes.values().all(|attribute| {
                    fields.get(&attribute.api_name).is_none_or(|field| attribute_fits(attribute, field))
                }),
                _ => false,
            };
            match (nested.mode, value) {
                (NestingMode::Single, value) => object_fits(value),
                (NestingMode::List | NestingMode::Set, Value::Array(items)) => items.iter().all(object_fits),
                (NestingMode::Map, Value::Object(items)) => items.values().all(object_fits),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_patches_remove_nulls_and_merge_objects() {
        let mut target = json!({"a": 1, "b": {"c": 2, "d": 3}, "e": [1]});
        merge_patch(&mut target, &json!({"a": null, "b": {"c": null, "x": 4}, "e": [2]}));
        assert_eq!(target, json!({"b": {"d": 3, "x": 4}, "e": [2]}));
    }
}
