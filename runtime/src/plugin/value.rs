//! Terraform values as they travel in `DynamicValue.msgpack`: null is msgpack nil, an unknown value is
//! msgpack extension type 0, objects and maps are msgpack maps, lists, sets and tuples are arrays.
//!
//! Terraform's numbers are arbitrary-precision decimals. It sends a number that float64 cannot hold
//! exactly (2.3, 120.3) as its decimal text, which stays a [`TfValue::String`] here and goes back as the
//! same text, so a configured 2.3 is planned and stored as exactly 2.3. A non-integral [`TfValue::Float`]
//! (a number the API answered) goes to Terraform as its shortest decimal text too, which Terraform reads
//! as that decimal: the API's 2.3 becomes 2.3, not 2.29999999999999982236431605997495353221893310546875.

use std::collections::BTreeMap;

/// A Terraform value, possibly unknown (not yet known at plan time).
#[derive(Debug, Clone, PartialEq)]
pub enum TfValue {
    /// Known only after apply.
    Unknown,
    /// No value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// A string.
    String(String),
    /// A list, set or tuple.
    List(Vec<TfValue>),
    /// An object or map.
    Map(BTreeMap<String, TfValue>),
}

/// The msgpack extension type Terraform uses for unknown values.
const UNKNOWN_EXTENSION: i8 = 0;
/// The msgpack extension type of an unknown value with refinements (a known prefix, not null, ...), which
/// this provider reads as plainly unknown.
const REFINED_UNKNOWN_EXTENSION: i8 = 12;

/// Reads a msgpack value.
pub fn decode(bytes: &[u8]) -> Result<TfValue, String> {
    let mut reader = bytes;
    let value = rmpv::decode::read_value(&mut reader).map_err(|error| format!("invalid msgpack value: {error}"))?;
    if !reader.is_empty() {
        return Err(format!("{} bytes after the msgpack value", reader.len()));
    }
    from_rmpv(value)
}

/// Writes a value as msgpack.
pub fn encode(value: &TfValue) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = rmpv::encode::write_value(&mut out, &to_rmpv(value));
    out
}

fn from_rmpv(value: rmpv::Value) -> Result<TfValue, String> {
    Ok(match value {
        rmpv::Value::Nil => TfValue::Null,
        rmpv::Value::Boolean(flag) => TfValue::Bool(flag),
        rmpv::Value::Integer(number) => match number.as_i64() {
            Some(int) => TfValue::Int(int),
            None => TfValue::Float(number.as_f64().unwrap_or_default()),
        },
        rmpv::Value::F32(number) => TfValue::Float(f64::from(number)),
        rmpv::Value::F64(number) => TfValue::Float(number),
        rmpv::Value::String(text) => TfValue::String(text.into_str().ok_or("a string is not valid UTF-8")?),
        rmpv::Value::Binary(bytes) => {
            TfValue::String(String::from_utf8(bytes).map_err(|_| "binary data is not UTF-8")?)
        }
        rmpv::Value::Array(items) => TfValue::List(items.into_iter().map(from_rmpv).collect::<Result<_, _>>()?),
        rmpv::Value::Map(entries) => TfValue::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let key = key.as_str().ok_or("a map key is not a string")?.to_owned();
                    Ok((key, from_rmpv(value)?))
                })
                .collect::<Result<_, String>>()?,
        ),
        rmpv::Value::Ext(UNKNOWN_EXTENSION | REFINED_UNKNOWN_EXTENSION, _) => TfValue::Unknown,
        rmpv::Value::Ext(kind, _) => return Err(format!("unexpected msgpack extension type {kind}")),
    })
}

fn to_rmpv(value: &TfValue) -> rmpv::Value {
    match value {
        TfValue::Unknown => rmpv::Value::Ext(UNKNOWN_EXTENSION, vec![0]),
        TfValue::Null => rmpv::Value::Nil,
        TfValue::Bool(flag) => rmpv::Value::Boolean(*flag),
        TfValue::Int(number) => rmpv::Value::from(*number),
        TfValue::Float(number) if number.fract() == 0.0 && number.abs() < 9.0e15 => rmpv::Value::from(*number as i64),
        TfValue::Float(number) if number.is_finite() => rmpv::Value::from(number.to_string().as_str()),
        TfValue::Float(number) => rmpv::Value::F64(*number),
        TfValue::String(text) => rmpv::Value::from(text.as_str()),
        TfValue::List(items) => rmpv::Value::Array(items.iter().map(to_rmpv).collect()),
        TfValue::Map(entries) => rmpv::Value::Map(
            entries.iter().map(|(key, value)| (rmpv::Value::from(key.as_str()), to_rmpv(value))).collect(),
        ),
    }
}

impl TfValue {
    /// The value as a number: integers, floats, and the decimal text Terraform sends for numbers float64
    /// cannot hold exactly (read to the nearest float64).
    pub fn as_number(&self) -> Option<f64> {
        match self {
            TfValue::Int(number) => Some(*number as f64),
            TfValue::Float(number) => Some(*number),
            TfValue::String(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The field `name` of an object value (`None` when this is not an object or has no such field).
    pub fn field(&self, name: &str) -> Option<&TfValue> {
        match self {
            TfValue::Map(entries) => entries.get(name),
            _ => None,
        }
    }

    /// Of an object value, only the fields `names` has; any other value as it is.
    pub fn only(&self, names: &[&str]) -> TfValue {
        match self {
            TfValue::Map(entries) => TfValue::Map(
                entries
                    .iter()
                    .filter(|(name, _)| names.contains(&name.as_str()))
                    .map(|(name, value)| (name.clone(), value.clone()))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// Whether the value is known and not null.
    pub fn is_set(&self) -> bool {
        !matches!(self, TfValue::Null | TfValue::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_travel_as_their_text() {
        // Terraform sends 2.3 as text, since float64 cannot hold it; it must come back as the same text.
        let sent = rmpv::Value::from("2.3");
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &sent).unwrap();
        let value = decode(&bytes).unwrap();
        assert_eq!(value.as_number(), Some(2.3));
        assert_eq!(encode(&value), bytes);
        // The API's 120.3 goes to Terraform as "120.3", whole numbers as integers.
        assert_eq!(decode(&encode(&TfValue::Float(120.3))).unwrap(), TfValue::String("120.3".to_owned()));
        assert_eq!(decode(&encode(&TfValue::Float(4.0))).unwrap(), TfValue::Int(4));
    }

    #[test]
    fn round_trips_every_kind_of_value() {
        let value = TfValue::Map(BTreeMap::from([
            ("id".to_owned(), TfValue::Unknown),
            ("name".to_owned(), TfValue::String("x".to_owned())),
            ("count".to_owned(), TfValue::Int(-3)),
            ("ratio".to_owned(), TfValue::String("0.5".to_owned())),
            ("on".to_owned(), TfValue::Bool(true)),
            ("tags".to_owned(), TfValue::List(vec![TfValue::Null])),
        ]));
        assert_eq!(decode(&encode(&value)).unwrap(), value);
    }

    #[test]
    fn reads_terraforms_unknown_and_rejects_garbage() {
        assert_eq!(decode(&[0xd4, 0x00, 0x00]).unwrap(), TfValue::Unknown);
        // "key ${count.index}" while validating: unknown, refined with the prefix "key ".
        let refined = [0xc7, 0x07, 0x0c, 0x81, 0x02, 0xa4, b'k', b'e', b'y', b' '];
        assert_eq!(decode(&refined).unwrap(), TfValue::Unknown);
        assert!(decode(&[0x81]).is_err());
        assert!(decode(&[0xc0, 0xc0]).is_err());
        assert!(decode(&[]).is_err());
    }
}
