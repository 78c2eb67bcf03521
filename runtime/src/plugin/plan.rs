//! Planning a change from the schema alone: defaults, values only the API knows, and replacement.
//!
//! Terraform's proposed new state already keeps the prior value of every computed attribute the
//! configuration leaves unset, so a computed value that does not change is planned as its prior value
//! rather than "(known after apply)". On create there is no prior value: such attributes are planned from
//! their default, or as unknown.

use std::collections::BTreeMap;

use schema::{Mode, NestingMode, Object, Provider, Type, Value};

use super::value::TfValue;

/// The planned state and the attribute paths whose change forces replacement.
pub struct Plan {
    /// The planned new state.
    pub planned: TfValue,
    /// Paths (attribute names from the root) of changed attributes that require replacement.
    pub requires_replace: Vec<Vec<String>>,
}

/// Plans the change of one object of `object`'s shape.
pub fn plan(provider: &Provider, object: &Object, prior: &TfValue, proposed: &TfValue, config: &TfValue) -> Plan {
    if *proposed == TfValue::Null {
        return Plan { planned: TfValue::Null, requires_replace: Vec::new() };
    }
    let creating = *prior == TfValue::Null;
    let planned = fill(provider, object, proposed, config, creating);
    let mut requires_replace = Vec::new();
    if !creating {
        replaced_paths(provider, object, prior, &planned, &mut Vec::new(), &mut requires_replace);
    }
    Plan { planned, requires_replace }
}

fn field<'v>(value: &'v TfValue, name: &str) -> &'v TfValue {
    match value {
        TfValue::Map(entries) => entries.get(name).unwrap_or(&TfValue::Null),
        _ => &TfValue::Null,
    }
}

/// The planned value of an object: defaults where the configuration is unset, unknown for what only the
/// API will know on create, nested objects likewise.
fn fill(provider: &Provider, object: &Object, proposed: &TfValue, config: &TfValue, creating: bool) -> TfValue {
    let TfValue::Map(entries) = proposed else { return proposed.clone() };
    let mut planned = BTreeMap::new();
    for (name, value) in entries {
        let Some(attribute) = object.attributes.get(name) else {
            planned.insert(name.clone(), value.clone());
            continue;
        };
        let configured = field(config, name);
        let value = if *configured == TfValue::Null && attribute.mode.is_computed() {
            match (&attribute.default, creating, value) {
                (Some(default), _, _) => from_model(default),
                (None, true, _) => TfValue::Unknown,
                (None, false, prior_value) => prior_value.clone(),
            }
        } else {
            match &attribute.ty {
                Type::Nested(nested) => {
                    let inner = provider.object(&nested.object).cloned().unwrap_or_default();
                    nested_fill(provider, &inner, nested.mode, value, configured, creating)
                }
                _ => value.clone(),
            }
        };
        planned.insert(name.clone(), value);
    }
    TfValue::Map(planned)
}

fn nested_fill(
    provider: &Provider,
    object: &Object,
    mode: NestingMode,
    value: &TfValue,
    config: &TfValue,
    creating: bool,
) -> TfValue {
    match (mode, value, config) {
        (NestingMode::Single, _, _) => fill(provider, object, value, config, creating),
        (NestingMode::List | NestingMode::Set, TfValue::List(items), TfValue::List(configured)) => TfValue::List(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    fill(provider, object, item, configured.get(index).unwrap_or(&TfValue::Null), creating)
                })
                .collect(),
        ),
        (NestingMode::Map, TfValue::Map(items), TfValue::Map(configured)) => TfValue::Map(
            items
                .iter()
                .map(|(key, item)| {
                    (key.clone(), fill(provider, object, item, configured.get(key).unwrap_or(&TfValue::Null), creating))
                })
                .collect(),
        ),
        _ => value.clone(),
    }
}

/// Collects the paths of attributes that require replacement and whose planned value differs from the prior.
fn replaced_paths(
    provider: &Provider,
    object: &Object,
    prior: &TfValue,
    planned: &TfValue,
    path: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    for (name, attribute) in &object.attributes {
        let (before, after) = (field(prior, name), field(planned, name));
        if before == after {
            continue;
        }
        path.push(name.clone());
        if attribute.requires_replacement && attribute.mode != Mode::ReadOnly {
            out.push(path.clone());
        } else if let Type::Nested(nested) = &attribute.ty {
            if nested.mode == NestingMode::Single {
                let inner = provider.object(&nested.object).cloned().unwrap_or_default();
                replaced_paths(provider, &inner, before, after, path, out);
            }
        }
        path.pop();
    }
}

/// A literal of the model as a Terraform value.
pub fn from_model(value: &Value) -> TfValue {
    match value {
        Value::Null => TfValue::Null,
        Value::Bool(flag) => TfValue::Bool(*flag),
        Value::Int(number) => TfValue::Int(*number),
        Value::Float(number) => TfValue::Float(*number),
        Value::String(text) => TfValue::String(text.clone()),
        Value::List(items) => TfValue::List(items.iter().map(from_model).collect()),
        Value::Map(entries) => {
            TfValue::Map(entries.iter().map(|(key, value)| (key.clone(), from_model(value))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infra() -> Provider {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/infra");
        schema::load_provider(&dir).unwrap().provider
    }

    fn object(entries: &[(&str, TfValue)]) -> TfValue {
        TfValue::Map(entries.iter().map(|(key, value)| ((*key).to_owned(), value.clone())).collect())
    }

    fn text(value: &str) -> TfValue {
        TfValue::String(value.to_owned())
    }

    #[test]
    fn create_plans_defaults_and_unknowns() {
        let provider = infra();
        let schema = &provider.resources["infra_access_key"].schema;
        let config = object(&[
            ("expires_in", text("1h")),
            ("name", TfValue::Null),
            ("inactivity_timeout", TfValue::Null),
            ("expires_at", TfValue::Null),
            ("id", TfValue::Null),
            ("secret", TfValue::Null),
        ]);
        let plan = plan(&provider, schema, &TfValue::Null, &config, &config);
        assert_eq!(field(&plan.planned, "expires_in"), &text("1h"));
        assert_eq!(field(&plan.planned, "inactivity_timeout"), &text("72h0m0s"), "defaults apply");
        assert_eq!(field(&plan.planned, "id"), &TfValue::Unknown);
        assert_eq!(field(&plan.planned, "name"), &TfValue::Unknown, "optional+computed and unset: the API decides");
        assert!(plan.requires_replace.is_empty());
    }

    #[test]
    fn updates_keep_computed_values_and_flag_replacement() {
        let provider = infra();
        let schema = &provider.resources["infra_access_key"].schema;
        let prior = object(&[
            ("expires_in", text("1h")),
            ("name", text("generated")),
            ("inactivity_timeout", text("72h0m0s")),
            ("expires_at", text("2030")),
            ("id", text("ak1")),
            ("secret", text("s")),
        ]);
        let config = object(&[
            ("expires_in", text("2h")),
            ("name", TfValue::Null),
            ("inactivity_timeout", TfValue::Null),
            ("expires_at", TfValue::Null),
            ("id", TfValue::Null),
            ("secret", TfValue::Null),
        ]);
        let proposed = object(&[
            ("expires_in", text("2h")),
            ("name", text("generated")),
            ("inactivity_timeout", text("72h0m0s")),
            ("expires_at", text("2030")),
            ("id", text("ak1")),
            ("secret", text("s")),
        ]);
        let plan = plan(&provider, schema, &prior, &proposed, &config);
        assert_eq!(
            field(&plan.planned, "id"),
            &text("ak1"),
            "a read-only value that does not change keeps its prior value"
        );
        assert_eq!(plan.requires_replace, [vec!["expires_in".to_owned()]]);
        let unchanged = self::plan(&provider, schema, &prior, &prior, &config);
        assert_eq!(unchanged.planned, prior);
        assert!(unchanged.requires_replace.is_empty());
    }

    #[test]
    fn destroy_plans_null() {
        let provider = infra();
        let schema = &provider.resources["infra_access_key"].schema;
        assert_eq!(plan(&provider, schema, &object(&[]), &TfValue::Null, &TfValue::Null).planned, TfValue::Null);
    }
}
