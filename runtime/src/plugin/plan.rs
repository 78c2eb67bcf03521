//! Planning a change from the schema alone, at every depth: defaults, values only the API knows,
//! values the API changes on every update, write-only values, and replacement.
//!
//! A computed attribute the configuration leaves unset keeps its prior value where its object (the
//! resource, a list element at the same index, a map entry under the same key, a set element with the
//! same configured members) existed before; where it did not, it is planned from its default, or as
//! "(known after apply)". An attribute marked `changes_on_update` is planned unknown whenever the object
//! changes, write-only attributes are always planned null.

use schema::{Attribute, Object, Provider, Value};

use super::proto::Step;
use super::value::TfValue;
use super::walk::{Lanes, Rule, walk};

/// The planned state and the attribute paths whose change forces replacement.
pub struct Plan {
    /// The planned new state.
    pub planned: TfValue,
    /// Paths of changed attributes that require replacement.
    pub requires_replace: Vec<Vec<Step>>,
}

/// Plans the change of one object of `object`'s shape.
pub fn plan(provider: &Provider, object: &Object, prior: &TfValue, proposed: &TfValue, config: &TfValue) -> Plan {
    if *proposed == TfValue::Null {
        return Plan { planned: TfValue::Null, requires_replace: Vec::new() };
    }
    let creating = *prior == TfValue::Null;
    let prior_lane = (!creating).then_some(prior);
    let lanes = Lanes { subject: Some(proposed), config: Some(config), prior: prior_lane, api: None };
    let mut planned = walk(provider, object, lanes, &mut Fill);
    if creating {
        return Plan { planned, requires_replace: Vec::new() };
    }
    if planned != *prior {
        planned = walk(provider, object, Lanes { subject: Some(&planned), ..Lanes::default() }, &mut Bump);
    }
    let mut replace = Replace { paths: Vec::new() };
    walk(provider, object, Lanes { subject: Some(&planned), prior: Some(prior), ..Lanes::default() }, &mut replace);
    // Terraform takes no path into a set's element: a member that forces replacement is said of the set.
    let mut requires_replace: Vec<Vec<Step>> = Vec::new();
    for path in replace.paths {
        let path = up_to_a_set(object, path);
        if !requires_replace.contains(&path) {
            requires_replace.push(path);
        }
    }
    Plan { planned, requires_replace }
}

/// `path`, cut after the first attribute along it that holds a set.
fn up_to_a_set(object: &Object, mut path: Vec<Step>) -> Vec<Step> {
    let mut current = Some(object);
    for (index, step) in path.iter().enumerate() {
        let Some(super::proto::Selector::AttributeName(name)) = &step.selector else { continue };
        let Some(attribute) = current.and_then(|object| object.attributes.get(name)) else { break };
        let nested = attribute.ty.as_nested();
        let is_set =
            matches!(attribute.ty, schema::Type::Set(_)) || nested.is_some_and(|n| n.mode == schema::NestingMode::Set);
        if is_set {
            path.truncate(index + 1);
            break;
        }
        current = nested.map(schema::Nested::members);
    }
    path
}

/// The planned value of each attribute, from the proposed new state Terraform sends.
struct Fill;

impl Rule for Fill {
    fn attribute(&mut self, _: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        if attribute.write_only {
            return Some(TfValue::Null);
        }
        if *lanes.config() != TfValue::Null || !attribute.mode.is_computed() {
            return None;
        }
        Some(match (&attribute.default, lanes.prior) {
            (Some(default), _) => from_model(default),
            (None, Some(prior)) => prior.clone(),
            (None, None) => TfValue::Unknown,
        })
    }
}

/// On an update, what the API changes by itself is not known until it answers.
struct Bump;

impl Rule for Bump {
    fn attribute(&mut self, _: &[Step], attribute: &Attribute, _: Lanes<'_>) -> Option<TfValue> {
        attribute.changes_on_update.then_some(TfValue::Unknown)
    }
}

/// Collects the paths of changed attributes that force replacement.
struct Replace {
    paths: Vec<Vec<Step>>,
}

impl Rule for Replace {
    fn attribute(&mut self, path: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        // A set's elements pair by value: an element whose forcing members changed has no prior to compare
        // with, so the set compares what its elements force.
        if let (Some(before), TfValue::List(after)) = (lanes.prior, lanes.subject()) {
            let inner = attribute
                .ty
                .as_nested()
                .filter(|nested| nested.mode == schema::NestingMode::Set)
                .map(schema::Nested::members);
            if let (Some(inner), TfValue::List(before)) = (inner, before) {
                if forced_by(inner, before) != forced_by(inner, after) {
                    self.paths.push(path.to_vec());
                }
            }
        }
        if !attribute.requires_replacement || !attribute.mode.is_configurable() {
            return None;
        }
        let (Some(before), after) = (lanes.prior, lanes.subject()) else { return None };
        let unchanged = match attribute.ty {
            schema::Type::Nested(_) => before == after,
            _ => super::walk::same_value(attribute, before, after),
        };
        if !unchanged {
            self.paths.push(path.to_vec());
        }
        Some(after.clone())
    }
}

/// The values of the members that force replacement in each element of a set of `object`s, sorted.
fn forced_by(object: &Object, elements: &[TfValue]) -> Vec<String> {
    let forcing: Vec<&String> = object
        .attributes
        .iter()
        .filter(|(_, attribute)| attribute.requires_replacement && attribute.mode.is_configurable())
        .map(|(name, _)| name)
        .collect();
    if forcing.is_empty() {
        return Vec::new();
    }
    let mut values: Vec<String> = elements
        .iter()
        .map(|element| format!("{:?}", forcing.iter().map(|name| element.field(name)).collect::<Vec<_>>()))
        .collect();
    values.sort();
    values
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
    use crate::plugin::proto::Selector;

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

    fn field<'v>(value: &'v TfValue, name: &str) -> &'v TfValue {
        value.field(name).unwrap_or(&TfValue::Null)
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
        let expires_in = Step { selector: Some(Selector::AttributeName("expires_in".to_owned())) };
        assert_eq!(plan.requires_replace, [vec![expires_in]]);
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

    #[test]
    fn a_set_member_that_forces_replacement_is_said_of_the_set() {
        let yaml = r#"
name: acme
resources:
  thing:
    attributes:
      id: {type: string, read_only: true}
      rules:
        type: set(object)
        optional: true
        attributes:
          port: {type: int64, required: true, requires_replacement: true}
          note: {type: string, optional: true}
    operations:
      create: {method: POST, path: /things}
      read: {method: GET, path: "/things/{id}"}
      update: {method: PATCH, path: "/things/{id}"}
      delete: {method: DELETE, path: "/things/{id}"}
"#;
        let provider = schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap();
        let schema = &provider.resources["acme_thing"].schema;
        let rule = |port: i64| object(&[("port", TfValue::Int(port)), ("note", TfValue::Null)]);
        let prior = object(&[("id", text("t1")), ("rules", TfValue::List(vec![rule(80), rule(443)]))]);
        let config = object(&[("id", TfValue::Null), ("rules", TfValue::List(vec![rule(8080), rule(443)]))]);
        let proposed = object(&[("id", text("t1")), ("rules", TfValue::List(vec![rule(8080), rule(443)]))]);
        let plan = plan(&provider, schema, &prior, &proposed, &config);
        let set = vec![Step { selector: Some(Selector::AttributeName("rules".into())) }];
        assert_eq!(plan.requires_replace, vec![set], "the set's path, once, never a member's");
    }
}
