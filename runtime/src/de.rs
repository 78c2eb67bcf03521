//! Reading generated models from JSON with little code per model: a model's `Deserialize` reads the JSON
//! object once into [`Fields`] and takes each field out by its API name, instead of carrying a derived
//! visitor of its own.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error};
use serde_json::{Map, Value};

/// The fields of a JSON object that a model is being read from.
pub struct Fields(Map<String, Value>);

impl Fields {
    /// Reads a JSON object.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(fields) => Ok(Fields(fields)),
            other => Err(D::Error::custom(format!("expected a JSON object, got {}", kind(&other)))),
        }
    }

    /// A field the object must have.
    pub fn required<T: DeserializeOwned, E: Error>(&mut self, name: &'static str) -> Result<T, E> {
        let value = self.0.remove(name).ok_or_else(|| E::missing_field(name))?;
        serde_json::from_value(value).map_err(|error| E::custom(format!("field `{name}`: {error}")))
    }

    /// A field the object may leave out or set to null.
    pub fn optional<T: DeserializeOwned, E: Error>(&mut self, name: &'static str) -> Result<Option<T>, E> {
        match self.0.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                serde_json::from_value(value).map(Some).map_err(|error| E::custom(format!("field `{name}`: {error}")))
            }
        }
    }
}

/// What kind of JSON value `value` is, for messages ("a string", "an object").
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Thing {
        name: String,
        size: Option<i64>,
    }

    impl<'de> Deserialize<'de> for Thing {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut fields = Fields::read(deserializer)?;
            Ok(Thing { name: fields.required("name")?, size: fields.optional("size")? })
        }
    }

    #[test]
    fn fields_are_taken_by_name() {
        let thing: Thing = serde_json::from_value(serde_json::json!({"name": "a", "size": null, "x": 1})).unwrap();
        assert_eq!(thing, Thing { name: "a".into(), size: None });
        let missing = serde_json::from_value::<Thing>(serde_json::json!({"size": 1})).unwrap_err();
        assert_eq!(missing.to_string(), "missing field `name`");
        let wrong = serde_json::from_value::<Thing>(serde_json::json!({"name": 1})).unwrap_err();
        assert!(wrong.to_string().starts_with("field `name`: invalid type"), "{wrong}");
        assert!(serde_json::from_value::<Thing>(serde_json::json!([])).is_err());
    }
}
