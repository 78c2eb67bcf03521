//! A JSON Schema (draft 2020-12) of the YAML format, generated from the same key tables the decoder uses,
//! so editors can complete and check schema files.

use serde_json::{Map, Value, json};

use crate::format::spec::{self, MapSpec, Shape};

/// The JSON Schema of a provider file.
pub fn json_schema() -> Value {
    let mut defs = Map::new();
    collect(&spec::PROVIDER, &mut defs);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://terraform-codegen.local/schema/provider-v1.json",
        "title": "Provider resource schema, format v1",
        "$ref": "#/$defs/provider",
        "$defs": defs,
    })
}

/// Adds the definition of `spec` and of every mapping it reaches.
fn collect(spec: &'static MapSpec, defs: &mut Map<String, Value>) {
    if defs.contains_key(spec.name) {
        return;
    }
    defs.insert(spec.name.to_owned(), Value::Null);
    let mut properties = Map::new();
    for key in spec.keys {
        let mut schema = shape(&key.shape, defs);
        if let Value::Object(object) = &mut schema {
            object.insert("description".to_owned(), Value::String(key.doc.to_owned()));
        }
        properties.insert(key.key.to_owned(), schema);
    }
    let required: Vec<&str> = spec.keys.iter().filter(|key| key.required).map(|key| key.key).collect();
    let mut definition = json!({
        "type": "object",
        "description": spec.doc,
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        definition["required"] = json!(required);
    }
    defs.insert(spec.name.to_owned(), definition);
}

fn shape(shape: &'static Shape, defs: &mut Map<String, Value>) -> Value {
    match shape {
        Shape::String => json!({ "type": "string" }),
        Shape::StringOrNull => json!({ "type": ["string", "null"] }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::Count => json!({ "type": "integer", "minimum": 0 }),
        Shape::Number => json!({ "type": "number" }),
        Shape::Any => json!({}),
        Shape::OneOfStrings(choices) => json!({ "enum": choices }),
        Shape::List(item) => json!({ "type": "array", "items": self::shape(item, defs) }),
        Shape::Names(pattern, value) => json!({
            "type": ["object", "null"],
            "propertyNames": { "pattern": pattern },
            "additionalProperties": self::shape(value, defs),
        }),
        Shape::Map(spec) => {
            collect(spec, defs);
            json!({ "$ref": format!("#/$defs/{}", spec.name) })
        }
        Shape::Either(shapes) => {
            json!({ "anyOf": shapes.iter().map(|each| self::shape(each, defs)).collect::<Vec<_>>() })
        }
    }
}
