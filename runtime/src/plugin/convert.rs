//! The wire codec: Terraform values (attribute names, unknowns, nulls, decimal text) to the API's JSON
//! (API field names, one-of variants folded into their parent with the discriminator) and back. Folding
//! and unfolding sit side by side here, so the two directions cannot disagree.

use std::collections::BTreeMap;

use schema::{NestingMode, Object, OneOf, Type, Unset, Value as Literal};
use serde_json::{Map, Value};

use super::value::TfValue;
use crate::de::kind;

/// What an update says about attributes that were set before and are unset now.
#[derive(Clone, Copy)]
pub struct Removals<'v> {
    /// The object's prior state.
    pub prior: &'v TfValue,
    /// The operation's rule for them.
    pub unset: Unset,
}

/// The API JSON of the attributes `include` selects of an object: known values only, one-of variants
/// folded. With `removals`, attributes set in the prior state and unset now are sent as the operation's
/// rule (and the attribute's `unset_value`) say.
pub fn to_api(
    object: &Object,
    value: &TfValue,
    removals: Option<Removals<'_>>,
    include: &dyn Fn(&str) -> bool,
) -> Map<String, Value> {
    let mut fields = Map::new();
    for (name, attribute) in object.attributes.iter().filter(|(name, _)| include(name)) {
        let item = value.field(name).unwrap_or(&TfValue::Null);
        let before = removals.and_then(|removals| removals.prior.field(name)).unwrap_or(&TfValue::Null);
        if let (true, TfValue::String(text)) = (attribute.json, item) {
            // Validation refuses text that is not JSON, so none is sent.
            fields.insert(attribute.api_name.clone(), serde_json::from_str(text).unwrap_or(Value::Null));
        } else if item.is_set() {
            let nested_removals = removals.map(|removals| Removals { prior: before, ..removals });
            fields.insert(attribute.api_name.clone(), type_to_api(&attribute.ty, item, nested_removals));
        } else if let (TfValue::Null, true, Some(removals)) = (item, before.is_set(), removals) {
            match (&attribute.unset_value, removals.unset) {
                (Some(cleared), _) => {
                    fields.insert(attribute.api_name.clone(), literal_to_api(cleared));
                }
                (None, Unset::Null) => {
                    fields.insert(attribute.api_name.clone(), Value::Null);
                }
                (None, Unset::Omit) => {}
            }
        }
    }
    for group in object.one_of.values() {
        fold(object, group, &mut fields);
    }
    fields
}

/// A request body for `object` (API names, variants in fields of their own) with each configurable
/// one-of variant folded into its parent at every depth, inner objects first, by the rule [`to_api`]
/// folds with: what the typed client sends.
pub fn fold_body(object: &Object, value: &mut Value) {
    let Some(fields) = value.as_object_mut() else { return };
    for attribute in object.attributes.values().filter(|attribute| !attribute.json) {
        let (Some(nested), Some(field)) = (attribute.ty.as_nested(), fields.get_mut(&attribute.api_name)) else {
            continue;
        };
        let inner = nested.members();
        match (nested.mode, field) {
            (NestingMode::Single, field) => fold_body(inner, field),
            (NestingMode::List | NestingMode::Set, Value::Array(items)) => {
                items.iter_mut().for_each(|item| fold_body(inner, item));
            }
            (NestingMode::Map, Value::Object(items)) => items.values_mut().for_each(|item| fold_body(inner, item)),
            _ => {}
        }
    }
    for group in object.one_of.values() {
        fold(object, group, fields);
    }
}

/// Moves a set variant's fields up into its parent, with the discriminator naming it. Read-only variants
/// (a view of the answer) are never sent. A variant an update says null for (taken out under a merge
/// patch, or left for another) says null for each of its fields, and for the discriminator unless another
/// variant names itself there, since the API holds them at the parent's level.
fn fold(object: &Object, group: &OneOf, fields: &mut Map<String, Value>) {
    let mut cleared = Vec::new();
    for (variant, attribute, inner) in group.variants_in(object) {
        if !attribute.mode.is_configurable() {
            continue;
        }
        match fields.remove(&attribute.api_name) {
            Some(Value::Object(members)) => {
                if let Some(discriminator) = &group.discriminator {
                    fields.insert(discriminator.clone(), Value::String(variant.tag.clone()));
                }
                fields.extend(members);
            }
            Some(Value::Null) => cleared.push(inner),
            _ => {}
        }
    }
    for inner in cleared {
        for member in inner.attributes.values() {
            fields.entry(member.api_name.clone()).or_insert(Value::Null);
        }
        if let Some(discriminator) = &group.discriminator {
            fields.entry(discriminator.clone()).or_insert(Value::Null);
        }
    }
}

/// Gives back a variant its fields from its parent's JSON: the one the discriminator names (when the
/// answer holds any of its fields), or for an untagged group the first whose required fields are all there.
fn unfold(object: &Object, group: &OneOf, fields: &mut Map<String, Value>) {
    let mut variants = group.variants_in(object);
    let chosen = match &group.discriminator {
        Some(discriminator) => {
            let tag = fields.get(discriminator).and_then(Value::as_str);
            variants.find(|(variant, _, _)| Some(variant.tag.as_str()) == tag)
        }
        None => variants.find(|(_, _, inner)| {
            let mut members = inner.attributes.values();
            members.clone().any(|member| fields.contains_key(&member.api_name))
                && members.all(|member| member.mode != schema::Mode::Required || fields.contains_key(&member.api_name))
        }),
    };
    let Some((_, attribute, inner)) = chosen else { return };
    let members: Map<String, Value> = inner
        .attributes
        .values()
        .filter_map(|member| fields.get(&member.api_name).map(|value| (member.api_name.clone(), value.clone())))
        .collect();
    // A tag with none of its variant's fields says nothing of the variant's values: it stays unsaid.
    if members.is_empty() && !inner.attributes.is_empty() {
        return;
    }
    fields.insert(attribute.api_name.clone(), Value::Object(members));
}

fn type_to_api(ty: &Type, value: &TfValue, removals: Option<Removals<'_>>) -> Value {
    match (ty, value) {
        (_, TfValue::Null | TfValue::Unknown) => Value::Null,
        (Type::Nested(nested), value) => {
            let object = nested.members();
            let all = |_: &str| true;
            match (nested.mode, value) {
                // A merge patch merges nested objects too, so removals inside them are said the same way.
                (NestingMode::Single, value) => Value::Object(to_api(object, value, removals, &all)),
                (NestingMode::List | NestingMode::Set, TfValue::List(items)) => {
                    Value::Array(items.iter().map(|item| Value::Object(to_api(object, item, None, &all))).collect())
                }
                // A merge patch merges a map's entries: an entry kept is merged (its removals said inside
                // it), one removed is said null.
                (NestingMode::Map, TfValue::Map(items)) => {
                    let mut entries: Map<String, Value> = items
                        .iter()
                        .map(|(key, item)| {
                            let before = removals
                                .map(|removals| Removals { prior: field_or_null(removals.prior, key), ..removals });
                            (key.clone(), Value::Object(to_api(object, item, before, &all)))
                        })
                        .collect();
                    removed_keys(removals, items, &mut entries);
                    Value::Object(entries)
                }
                _ => Value::Null,
            }
        }
        (Type::List(element) | Type::Set(element), TfValue::List(items)) => {
            Value::Array(items.iter().map(|item| type_to_api(element, item, None)).collect())
        }
        (Type::Map(element), TfValue::Map(items)) => {
            let mut entries: Map<String, Value> =
                items.iter().map(|(key, item)| (key.clone(), type_to_api(element, item, None))).collect();
            removed_keys(removals, items, &mut entries);
            Value::Object(entries)
        }
        (Type::Int64 | Type::Float64 | Type::Number, number) => match number {
            TfValue::Int(int) => Value::from(*int),
            other => other.as_number().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number),
        },
        (_, TfValue::Bool(flag)) => Value::Bool(*flag),
        (_, TfValue::Int(number)) => Value::from(*number),
        (_, TfValue::Float(number)) => Value::from(*number),
        (_, TfValue::String(text)) => Value::String(text.clone()),
        (_, TfValue::List(items)) => {
            Value::Array(items.iter().map(|item| type_to_api(&Type::Dynamic, item, None)).collect())
        }
        (_, TfValue::Map(items)) => Value::Object(
            items.iter().map(|(key, item)| (key.clone(), type_to_api(&Type::Dynamic, item, None))).collect(),
        ),
    }
}

/// A map entry of `prior`, null where it has none.
fn field_or_null<'v>(prior: &'v TfValue, key: &str) -> &'v TfValue {
    prior.field(key).unwrap_or(&TfValue::Null)
}

/// In a merge patch (`removals` with the `null` rule), each key the prior map had and the map no longer
/// has is said null, so the API removes it; a full representation leaves it out.
fn removed_keys(removals: Option<Removals<'_>>, items: &BTreeMap<String, TfValue>, entries: &mut Map<String, Value>) {
    let Some(Removals { prior: TfValue::Map(before), unset: Unset::Null }) = removals else { return };
    for key in before.keys().filter(|key| !items.contains_key(*key)) {
        entries.insert(key.clone(), Value::Null);
    }
}

/// A literal of the model as API JSON.
pub(super) fn literal_to_api(value: &Literal) -> Value {
    match value {
        Literal::Null => Value::Null,
        Literal::Bool(flag) => Value::Bool(*flag),
        Literal::Int(number) => Value::from(*number),
        Literal::Float(number) => Value::from(*number),
        Literal::String(text) => Value::String(text.clone()),
        Literal::List(items) => Value::Array(items.iter().map(literal_to_api).collect()),
        Literal::Map(entries) => {
            Value::Object(entries.iter().map(|(key, value)| (key.clone(), literal_to_api(value))).collect())
        }
    }
}

/// What an API answer says about an object: a map with the attributes the answer has (by attribute
/// name, one-of variants unfolded), leaving out those it does not mention, so the state rules can tell
/// "the API says null" from "the API does not say". Fields that do not fit their type are left out too,
/// each with a line in `problems` naming its JSON path (`$.spec.size`).
pub fn from_api(object: &Object, value: &Value, problems: &mut Vec<String>) -> TfValue {
    let mut value = value.clone();
    unfold_answer(object, &mut value);
    object_from_api(object, &value, "$", problems)
}

/// An API answer for `object` with each one-of variant given back its field (its members taken from the
/// parent, as [`unfold`] chooses them), at every depth: the first step of reading an answer, for the
/// provider ([`from_api`]) and for the typed client's models alike, so the two read answers by one rule.
pub fn unfold_answer(object: &Object, value: &mut Value) {
    let Some(fields) = value.as_object_mut() else { return };
    for group in object.one_of.values() {
        unfold(object, group, fields);
    }
    for attribute in object.attributes.values().filter(|attribute| !attribute.json) {
        let (Some(nested), Some(field)) = (attribute.ty.as_nested(), fields.get_mut(attribute.answered_as())) else {
            continue;
        };
        let inner = nested.members();
        match (nested.mode, field) {
            (NestingMode::Single, field) => unfold_answer(inner, field),
            (NestingMode::List | NestingMode::Set, Value::Array(items)) => {
                items.iter_mut().for_each(|item| unfold_answer(inner, item));
            }
            (NestingMode::Map, Value::Object(items)) => items.values_mut().for_each(|item| unfold_answer(inner, item)),
            _ => {}
        }
    }
}

/// An answer's object, its variants unfolded already ([`unfold_answer`]).
fn object_from_api(object: &Object, value: &Value, at: &str, problems: &mut Vec<String>) -> TfValue {
    let Some(fields) = value.as_object() else {
        problems.push(format!("{at} is {} where the schema says an object", kind(value)));
        return TfValue::Map(BTreeMap::new());
    };
    let mut said = BTreeMap::new();
    // What the API never answers is not read: a field of that name is something else (or a mask).
    for (name, attribute) in object.attributes.iter().filter(|(_, attribute)| !attribute.not_returned) {
        let Some(item) = fields.get(attribute.answered_as()) else { continue };
        if attribute.json {
            let text = if item.is_null() { TfValue::Null } else { TfValue::String(item.to_string()) };
            said.insert(name.clone(), text);
            continue;
        }
        let path = format!("{at}.{}", attribute.answered_as());
        match type_from_api(&attribute.ty, item, &path, problems) {
            Some(converted) => {
                said.insert(name.clone(), converted);
            }
            None => problems.push(format!("{path} is {}, which does not fit its type", kind(item))),
        }
    }
    TfValue::Map(said)
}

fn type_from_api(ty: &Type, value: &Value, at: &str, problems: &mut Vec<String>) -> Option<TfValue> {
    Some(match (ty, value) {
        (_, Value::Null) => TfValue::Null,
        (Type::Nested(nested), value) => {
            let object = nested.members();
            let element = |index: &dyn std::fmt::Display| format!("{at}[{index}]");
            match (nested.mode, value) {
                (NestingMode::Single, Value::Object(_)) => object_from_api(object, value, at, problems),
                (NestingMode::List | NestingMode::Set, Value::Array(items)) => TfValue::List(
                    items
                        .iter()
                        .enumerate()
                        .map(|(index, item)| object_from_api(object, item, &element(&index), problems))
                        .collect(),
                ),
                (NestingMode::Map, Value::Object(items)) => TfValue::Map(
                    items
                        .iter()
                        .map(|(key, item)| {
                            (key.clone(), object_from_api(object, item, &element(&format!("{key:?}")), problems))
                        })
                        .collect(),
                ),
                _ => return None,
            }
        }
        (Type::List(element) | Type::Set(element), Value::Array(items)) => TfValue::List(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| type_from_api(element, item, &format!("{at}[{index}]"), problems))
                .collect::<Option<_>>()?,
        ),
        (Type::Map(element), Value::Object(items)) => TfValue::Map(
            items
                .iter()
                .map(|(key, item)| {
                    Some((key.clone(), type_from_api(element, item, &format!("{at}[{key:?}]"), problems)?))
                })
                .collect::<Option<_>>()?,
        ),
        (Type::Int64, Value::Number(number)) => match number.as_i64() {
            Some(int) => TfValue::Int(int),
            None => number.as_f64().filter(|float| float.fract() == 0.0).map(|float| TfValue::Int(float as i64))?,
        },
        (Type::Float64 | Type::Number, Value::Number(number)) => match number.as_i64() {
            Some(int) => TfValue::Int(int),
            None => TfValue::Float(number.as_f64()?),
        },
        (Type::String, Value::String(text)) => TfValue::String(text.clone()),
        // An API that answers a string field with a number or a boolean means that text.
        (Type::String, Value::Number(number)) => TfValue::String(number.to_string()),
        (Type::String, Value::Bool(flag)) => TfValue::String(flag.to_string()),
        (Type::Bool, Value::Bool(flag)) => TfValue::Bool(*flag),
        (Type::Dynamic | Type::Object(_) | Type::Tuple(_), value) => untyped(value),
        _ => return None,
    })
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

/// A path, query or import parameter's text for a value, if the value has one.
pub fn param_text(value: &TfValue) -> Option<String> {
    match value {
        TfValue::String(text) => Some(text.clone()),
        TfValue::Int(number) => Some(number.to_string()),
        TfValue::Float(number) => Some(number.to_string()),
        TfValue::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// The Terraform value of a parameter's text for an attribute of type `ty` (an import ID's part).
pub fn param_value(ty: &Type, text: &str) -> TfValue {
    match ty {
        Type::Int64 => text.parse().map(TfValue::Int).unwrap_or_else(|_| TfValue::String(text.to_owned())),
        Type::Bool => text.parse().map(TfValue::Bool).unwrap_or_else(|_| TfValue::String(text.to_owned())),
        _ => TfValue::String(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn konnect() -> schema::Provider {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/konnect");
        schema::load_provider(&dir).unwrap().provider
    }

    fn map(entries: &[(&str, TfValue)]) -> TfValue {
        TfValue::Map(entries.iter().map(|(key, value)| ((*key).to_owned(), value.clone())).collect())
    }

    #[test]
    fn one_of_variants_fold_into_the_body_and_unfold_from_answers() {
        let provider = konnect();
        let object = &provider.resources["konnect_integration_instance_auth_credential"].schema;
        let header = map(&[("key", TfValue::String("k".into())), ("name", TfValue::String("n".into()))]);
        let config = map(&[("headers", TfValue::List(vec![header]))]);
        let state = map(&[
            ("integration_instance_id", TfValue::String("i".into())),
            ("multi_key_auth", map(&[("config", config.clone())])),
            ("id", TfValue::Unknown),
        ]);
        let json = Value::Object(to_api(object, &state, None, &|_| true));
        assert_eq!(
            json,
            serde_json::json!({"integration_instance_id": "i", "type": "multi_key_auth", "config": {"headers": [{"key": "k", "name": "n"}]}})
        );
        let mut problems = Vec::new();
        let back = from_api(object, &json, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.field("multi_key_auth").and_then(|variant| variant.field("config")), Some(&config));
    }

    #[test]
    fn answers_say_only_what_they_hold_and_name_what_does_not_fit() {
        let provider = konnect();
        let object = &provider.resources["konnect_integration_instance_auth_credential"].schema;
        let mut problems = Vec::new();
        let said = from_api(object, &serde_json::json!({"id": "c1", "tainted": "no"}), &mut problems);
        assert_eq!(said.field("id"), Some(&TfValue::String("c1".into())));
        assert_eq!(said.field("created_at"), None, "a field the answer lacks is not said");
        assert_eq!(said.field("tainted"), None);
        assert_eq!(problems, ["$.tainted is a string, which does not fit its type"]);
    }

    #[test]
    fn removed_attributes_are_sent_as_the_operation_and_the_attribute_say() {
        let yaml = r#"
name: acme
resources:
  thing:
    attributes:
      id: {type: string, read_only: true}
      note: {type: string, optional: true}
      tags: {type: list(string), optional: true, unset_value: []}
      spec:
        type: object
        optional: true
        attributes:
          size: {type: int64, optional: true}
          color: {type: string, optional: true}
    operations:
      create: {method: POST, path: /things}
      read: {method: GET, path: "/things/{id}"}
      update: {method: PATCH, path: "/things/{id}"}
      delete: {method: DELETE, path: "/things/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let object = &provider.resources["acme_thing"].schema;
        let prior = map(&[
            ("note", TfValue::String("n".into())),
            ("tags", TfValue::List(vec![TfValue::String("a".into())])),
            ("spec", map(&[("size", TfValue::Int(1)), ("color", TfValue::String("red".into()))])),
        ]);
        let now = map(&[("spec", map(&[("size", TfValue::Int(2)), ("color", TfValue::Null)]))]);
        let merge = Removals { prior: &prior, unset: Unset::Null };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(merge), &|_| true)),
            serde_json::json!({"note": null, "tags": [], "spec": {"size": 2, "color": null}}),
            "a merge patch says null for what was removed, also inside objects; unset_value overrides it"
        );
        let replace = Removals { prior: &prior, unset: Unset::Omit };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(replace), &|_| true)),
            serde_json::json!({"tags": [], "spec": {"size": 2}}),
            "a full representation leaves removed fields out"
        );
    }

    #[test]
    fn a_variant_taken_out_under_a_merge_patch_says_null_for_its_fields_and_its_tag() {
        let provider = konnect();
        let object = &provider.resources["konnect_integration_instance_auth_credential"].schema;
        let header = map(&[("key", TfValue::String("k".into())), ("name", TfValue::String("n".into()))]);
        let config = map(&[("headers", TfValue::List(vec![header]))]);
        let prior = map(&[
            ("integration_instance_id", TfValue::String("i".into())),
            ("multi_key_auth", map(&[("config", config)])),
        ]);
        let now = map(&[("integration_instance_id", TfValue::String("i".into()))]);
        let merge = Removals { prior: &prior, unset: Unset::Null };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(merge), &|_| true)),
            serde_json::json!({"integration_instance_id": "i", "config": null, "type": null})
        );
        let replace = Removals { prior: &prior, unset: Unset::Omit };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(replace), &|_| true)),
            serde_json::json!({"integration_instance_id": "i"}),
            "a full representation leaves the variant out"
        );
    }

    #[test]
    fn what_the_api_never_answers_is_not_read_from_a_field_of_its_name() {
        let yaml = r#"
name: acme
resources:
  commit:
    attributes:
      id: {type: string, read_only: true}
      tree: {type: string, required: true, requires_replacement: true, not_returned: true}
    operations:
      create: {method: POST, path: /commits}
      read: {method: GET, path: "/commits/{id}"}
      delete: {method: DELETE, path: "/commits/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let object = &provider.resources["acme_commit"].schema;
        let answer = serde_json::json!({"id": "c1", "tree": {"sha": "t1"}});
        let mut problems = Vec::new();
        let said = from_api(object, &answer, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(said.field("tree"), None, "the answer's `tree` is another thing than the SHA sent");
        assert_eq!(said.field("id"), Some(&TfValue::String("c1".into())));
    }

    #[test]
    fn json_text_travels_as_the_json_it_holds() {
        let yaml = r#"
name: acme
resources:
  thing:
    attributes:
      id: {type: string, read_only: true}
      settings: {type: string, optional: true, json: true}
    operations:
      create: {method: POST, path: /things}
      read: {method: GET, path: "/things/{id}"}
      update: {method: PATCH, path: "/things/{id}"}
      delete: {method: DELETE, path: "/things/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let object = &provider.resources["acme_thing"].schema;
        let configured = map(&[("settings", TfValue::String(r#"{"b": [1, 2], "a": "x"}"#.into()))]);
        assert_eq!(
            Value::Object(to_api(object, &configured, None, &|_| true)),
            serde_json::json!({"settings": {"b": [1, 2], "a": "x"}}),
            "the text is sent as the value it holds, not as a string"
        );
        let mut problems = Vec::new();
        let answer = serde_json::json!({"id": "t1", "settings": {"a": "x", "b": [1, 2]}});
        let said = from_api(object, &answer, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(said.field("settings"), Some(&TfValue::String(r#"{"a":"x","b":[1,2]}"#.into())));
        let attribute = &object.attributes["settings"];
        let prior = configured.field("settings").unwrap();
        assert!(super::super::walk::same_value(attribute, prior, said.field("settings").unwrap()));
        let refreshed =
            super::super::state::refreshed(&provider, object, &configured, &said, &std::collections::BTreeSet::new());
        assert_eq!(
            refreshed.field("settings"),
            Some(prior),
            "the same JSON in another order and spacing keeps the text"
        );
    }

    #[test]
    fn keys_removed_from_maps_are_said_null_in_a_merge_patch_at_any_depth() {
        let yaml = r#"
name: acme
resources:
  thing:
    attributes:
      id: {type: string, read_only: true}
      labels: {type: map(string), optional: true}
      rules:
        type: map(object)
        optional: true
        attributes:
          limit: {type: int64, optional: true}
          notes: {type: map(string), optional: true}
      spec:
        type: object
        optional: true
        attributes:
          tags: {type: map(string), optional: true}
    operations:
      create: {method: POST, path: /things}
      read: {method: GET, path: "/things/{id}"}
      update: {method: PATCH, path: "/things/{id}"}
      delete: {method: DELETE, path: "/things/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let object = &provider.resources["acme_thing"].schema;
        let text = |value: &str| TfValue::String(value.into());
        let prior = map(&[
            ("labels", map(&[("team", text("a")), ("tier", text("1"))])),
            (
                "rules",
                map(&[
                    ("keep", map(&[("limit", TfValue::Int(1)), ("notes", map(&[("x", text("1")), ("y", text("2"))]))])),
                    ("drop", map(&[("limit", TfValue::Int(2))])),
                ]),
            ),
            ("spec", map(&[("tags", map(&[("env", text("prod")), ("owner", text("me"))]))])),
        ]);
        let now = map(&[
            ("labels", map(&[("team", text("a"))])),
            ("rules", map(&[("keep", map(&[("limit", TfValue::Int(1)), ("notes", map(&[("x", text("1"))]))]))])),
            ("spec", map(&[("tags", map(&[("env", text("prod"))]))])),
        ]);
        let merge = Removals { prior: &prior, unset: Unset::Null };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(merge), &|_| true)),
            serde_json::json!({
                "labels": {"team": "a", "tier": null},
                "rules": {"keep": {"limit": 1, "notes": {"x": "1", "y": null}}, "drop": null},
                "spec": {"tags": {"env": "prod", "owner": null}}
            }),
            "a merge patch keeps what it is not told to remove: every removed key is said null"
        );
        let replace = Removals { prior: &prior, unset: Unset::Omit };
        assert_eq!(
            Value::Object(to_api(object, &now, Some(replace), &|_| true)),
            serde_json::json!({
                "labels": {"team": "a"},
                "rules": {"keep": {"limit": 1, "notes": {"x": "1"}}},
                "spec": {"tags": {"env": "prod"}}
            }),
            "a full representation leaves removed keys out"
        );
    }

    /// A one-of group inside a list of nested objects: the client's body folds it and the answer unfolds
    /// it as the provider's codec does.
    #[test]
    fn variants_at_depth_fold_and_unfold_by_one_rule() {
        let yaml = r#"
name: acme
types:
  Target:
    attributes:
      weight: {type: int64, optional: true}
      host: {type: object, optional: true, attributes: {name: {type: string, required: true}}}
      bucket: {type: object, optional: true, attributes: {path: {type: string, required: true}}}
    one_of:
      kind: {discriminator: kind, variants: [{attribute: host, tag: host}, {attribute: bucket, tag: bucket}]}
resources:
  route:
    attributes:
      id: {type: string, read_only: true}
      targets: {type: list(Target), optional: true}
    operations:
      create: {method: POST, path: /routes}
      read: {method: GET, path: "/routes/{id}"}
      update: {method: PATCH, path: "/routes/{id}"}
      delete: {method: DELETE, path: "/routes/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let object = &provider.resources["acme_route"].schema;
        let target = map(&[("weight", TfValue::Int(2)), ("bucket", map(&[("path", TfValue::String("/b".into()))]))]);
        let value = map(&[("targets", TfValue::List(vec![target]))]);
        let sent = Value::Object(to_api(object, &value, None, &|_| true));
        assert_eq!(sent, serde_json::json!({"targets": [{"weight": 2, "kind": "bucket", "path": "/b"}]}));
        // What a typed client serialises (variants in fields of their own) folds to the same body.
        let mut body = serde_json::json!({"targets": [{"weight": 2, "bucket": {"path": "/b"}}]});
        fold_body(object, &mut body);
        assert_eq!(body, sent);
        let mut answer = sent.clone();
        unfold_answer(object, &mut answer);
        assert_eq!(answer["targets"][0]["bucket"], serde_json::json!({"path": "/b"}));
        let mut problems = Vec::new();
        assert_eq!(from_api(object, &sent, &mut problems), value);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
