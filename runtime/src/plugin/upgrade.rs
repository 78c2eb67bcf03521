//! `UpgradeResourceState`: state stored under an older version of a resource's schema is brought to the
//! current shape by the schema's upgrade steps (renames and moves, conversions, defaults, drops, at
//! dotted paths of attributes), then read against the current schema: an attribute the state holds that
//! the schema does not, or a value of another kind, is an error naming its path; an attribute the state
//! lacks is null.

use schema::{Conversion, Move, NestingMode, Object, Provider, Resource, Type, Upgrade};
use serde_json::{Map, Value};

use super::convert::untyped;
use super::value::TfValue;
use crate::de::kind;

/// The state `stored` by schema version `version`, in the current shape; every problem found.
pub fn upgrade(
    provider: &Provider,
    resource: &Resource,
    version: u64,
    mut stored: Value,
) -> Result<TfValue, Vec<String>> {
    let mut problems = Vec::new();
    upgrade_steps(resource, version, &mut stored, &mut problems);
    let upgraded = conform(provider, &resource.terraform_schema(), &stored, "", &mut problems);
    if problems.is_empty() { Ok(upgraded) } else { Err(problems) }
}

/// The state of an object of type `source` (written by its schema version `version`) that a `moved`
/// block brings to `target` (of type `target_name`), in the target's current shape: a source this
/// provider still declares is first upgraded by its own steps, then the moves `target` declares for
/// `source` are made; every problem found.
pub fn move_state(
    provider: &Provider,
    (target_name, target): (&str, &Resource),
    source: &str,
    version: u64,
    mut stored: Value,
) -> Result<TfValue, Vec<String>> {
    let Some(moved) = target.moved_from.iter().find(|moved| moved.type_name == source) else {
        return Err(vec![format!(
            "objects of `{source}` cannot move to `{target_name}`: it takes objects of {}",
            match target.moved_from.is_empty() {
                true => "no other type".to_owned(),
                false => target
                    .moved_from
                    .iter()
                    .map(|moved| format!("`{}`", moved.type_name))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        )]);
    };
    let mut problems = Vec::new();
    if let Some(kept) = provider.resources.get(source) {
        upgrade_steps(kept, version, &mut stored, &mut problems);
    }
    for change in &moved.moves {
        if let Err(problem) = apply(&mut stored, change) {
            problems.push(format!("moving from `{source}`: {problem}"));
        }
    }
    let moved = conform(provider, &target.terraform_schema(), &stored, "", &mut problems);
    if problems.is_empty() { Ok(moved) } else { Err(problems) }
}

/// Makes the upgrade steps of `resource` from `version` on the stored state.
fn upgrade_steps(resource: &Resource, version: u64, stored: &mut Value, problems: &mut Vec<String>) {
    if version > resource.version {
        problems.push(format!(
            "the state was written by a newer provider (schema version {version}; this one has {}): use that provider or a later one",
            resource.version
        ));
        return;
    }
    let mut steps: Vec<&Upgrade> = resource.upgrades.iter().filter(|step| step.from >= version).collect();
    steps.sort_by_key(|step| step.from);
    for step in steps {
        for change in &step.moves {
            if let Err(problem) = apply(stored, change) {
                problems.push(format!("upgrading from version {}: {problem}", step.from));
            }
        }
    }
}

/// Makes one move on the stored state.
fn apply(state: &mut Value, change: &Move) -> Result<(), String> {
    match change {
        Move::Rename { from, to } => {
            if let Some(value) = take(state, from) {
                put(state, to, value)?;
            }
        }
        Move::Drop { attribute } => {
            take(state, attribute);
        }
        Move::Default { attribute, value } => {
            if lookup(state, attribute).is_none_or(Value::is_null) {
                put(state, attribute, serde_json::to_value(value).unwrap_or(Value::Null))?;
            }
        }
        Move::Convert { attribute, to } => {
            if let Some(value) = take(state, attribute) {
                let converted = convert(value, *to).map_err(|problem| format!("`{attribute}` {problem}"))?;
                put(state, attribute, converted)?;
            }
        }
    }
    Ok(())
}

/// A value converted as a [`Move::Convert`] says; null stays null.
fn convert(value: Value, to: Conversion) -> Result<Value, String> {
    Ok(match (to, value) {
        (_, Value::Null) => Value::Null,
        (Conversion::String, Value::Number(number)) => Value::String(number.to_string()),
        (Conversion::String, Value::Bool(flag)) => Value::String(flag.to_string()),
        (Conversion::Number, Value::String(text)) => {
            let number: serde_json::Number =
                text.trim().parse().map_err(|_| format!("holds {text:?}, which is no number"))?;
            Value::Number(number)
        }
        (Conversion::Bool, Value::String(text)) => match text.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(format!("holds {text:?}, which is neither true nor false")),
        },
        (Conversion::List, single) if !single.is_array() => Value::Array(vec![single]),
        (Conversion::Single, Value::Array(mut items)) if items.len() <= 1 => items.pop().unwrap_or(Value::Null),
        (Conversion::Single, Value::Array(items)) => {
            return Err(format!("holds {} values, and one value cannot hold them", items.len()));
        }
        (_, same) => same,
    })
}

/// The value at a dotted path, if there is one.
fn lookup<'v>(state: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(state, |level, name| level.get(name))
}

/// Removes and gives the value at a dotted path.
fn take(state: &mut Value, path: &str) -> Option<Value> {
    let (parent, last) = match path.rsplit_once('.') {
        Some((parent, last)) => (parent.split('.').try_fold(state, |level, name| level.get_mut(name))?, last),
        None => (state, path),
    };
    parent.as_object_mut()?.remove(last)
}

/// Sets the value at a dotted path, making the objects on the way where they are missing or null.
fn put(state: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let mut level = state;
    let mut names = path.split('.').peekable();
    while let Some(name) = names.next() {
        if level.is_null() {
            *level = Value::Object(Map::new());
        }
        let Some(fields) = level.as_object_mut() else {
            return Err(format!("`{path}` cannot be set: `{name}` is inside a value that is no object"));
        };
        if names.peek().is_none() {
            fields.insert(name.to_owned(), value);
            return Ok(());
        }
        level = fields.entry(name.to_owned()).or_insert(Value::Null);
    }
    Ok(())
}

/// The state of an object read against its schema: unknown attributes and values of another kind are
/// problems, missing attributes null.
fn conform(provider: &Provider, object: &Object, state: &Value, at: &str, problems: &mut Vec<String>) -> TfValue {
    let Some(fields) = state.as_object() else {
        if !state.is_null() {
            problems.push(format!("`{}` is no object in the stored state", at.trim_end_matches('.')));
        }
        return TfValue::Null;
    };
    for name in
        fields.keys().filter(|name| !object.attributes.contains_key(*name) && !object.blocks.contains_key(*name))
    {
        problems.push(format!(
            "the stored state has `{at}{name}`, which the schema no longer has: an upgrade step should rename or drop it"
        ));
    }
    let mut conformed = std::collections::BTreeMap::new();
    for (name, attribute) in &object.attributes {
        let value = fields.get(name).unwrap_or(&Value::Null);
        conformed.insert(name.clone(), typed(provider, &attribute.ty, value, &format!("{at}{name}"), problems));
    }
    for (name, block) in &object.blocks {
        let value = fields.get(name).unwrap_or(&Value::Null);
        let inner = |item: &Value, problems: &mut Vec<String>| {
            conform(provider, &block.object, item, &format!("{at}{name}."), problems)
        };
        conformed.insert(name.clone(), nested(block.nesting, value, inner, problems));
    }
    TfValue::Map(conformed)
}

/// One value read as its type says.
fn typed(provider: &Provider, ty: &Type, value: &Value, at: &str, problems: &mut Vec<String>) -> TfValue {
    let fits = match (ty, value) {
        (_, Value::Null) | (Type::Dynamic, _) => true,
        (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) => true,
        (Type::Int64 | Type::Float64 | Type::Number, Value::Number(_)) => true,
        (Type::List(_) | Type::Set(_) | Type::Tuple(_), Value::Array(_)) => true,
        (Type::Map(_) | Type::Object(_), Value::Object(_)) => true,
        (Type::Nested(shape), _) => {
            let inner = shape.members();
            let each =
                |item: &Value, problems: &mut Vec<String>| conform(provider, inner, item, &format!("{at}."), problems);
            return nested(shape.mode, value, each, problems);
        }
        _ => false,
    };
    if !fits {
        problems.push(format!("`{at}` in the stored state is not of its type: an upgrade step should convert it"));
    }
    untyped(value)
}

/// A nested object, or a list, set or map of them, each read by `each`.
fn nested(
    mode: NestingMode,
    value: &Value,
    each: impl Fn(&Value, &mut Vec<String>) -> TfValue,
    problems: &mut Vec<String>,
) -> TfValue {
    match (mode, value) {
        (_, Value::Null) => TfValue::Null,
        (NestingMode::Single, item) => each(item, problems),
        (NestingMode::List | NestingMode::Set, Value::Array(items)) => {
            TfValue::List(items.iter().map(|item| each(item, problems)).collect())
        }
        (NestingMode::Map, Value::Object(items)) => {
            TfValue::Map(items.iter().map(|(key, item)| (key.clone(), each(item, problems))).collect())
        }
        (_, other) => {
            problems.push(format!("a nested value in the stored state is {}, not a collection", kind(other)));
            TfValue::Null
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(yaml: &str) -> Provider {
        schema::load_yaml_str(yaml, std::path::Path::new("t.yaml")).unwrap_or_else(|errors| panic!("{errors}"))
    }

    const V2: &str = r#"
name: acme
resources:
  server:
    version: 2
    upgrades:
      - from: 0
        moves:
          - {rename: size, to: spec.capacity}
          - {convert: port, to: string}
          - {drop: legacy}
      - from: 1
        moves:
          - {default: region, value: eu}
          - {convert: zones, to: list}
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true}
      port: {type: string, optional: true}
      region: {type: string, required: true}
      zones: {type: list(string), optional: true}
      spec:
        type: object
        optional: true
        attributes:
          capacity: {type: int64, optional: true}
          disk: {type: int64, optional: true}
    operations:
      create: {method: POST, path: /servers}
      read: {method: GET, path: "/servers/{id}"}
      update: {method: PATCH, path: "/servers/{id}"}
      delete: {method: DELETE, path: "/servers/{id}"}
"#;

    #[test]
    fn state_of_each_older_version_takes_the_current_shape() {
        let provider = provider(V2);
        let resource = &provider.resources["acme_server"];
        let v0 = serde_json::json!({"id": "s1", "name": "a", "size": 3, "port": 8080, "legacy": "x", "zones": "z1", "timeouts": null});
        let upgraded = upgrade(&provider, resource, 0, v0).unwrap();
        let field = |name: &str| upgraded.field(name).cloned();
        assert_eq!(field("port"), Some(TfValue::String("8080".into())));
        assert_eq!(field("region"), Some(TfValue::String("eu".into())));
        assert_eq!(field("zones"), Some(TfValue::List(vec![TfValue::String("z1".into())])));
        let spec = field("spec").unwrap();
        assert_eq!(spec.field("capacity"), Some(&TfValue::Int(3)));
        assert_eq!(spec.field("disk"), Some(&TfValue::Null), "what the state lacks is null");
        assert_eq!(field("legacy"), None);
        let v1 =
            serde_json::json!({"id": "s1", "name": "a", "port": "80", "region": "us", "zones": ["z"], "spec": null});
        let upgraded = upgrade(&provider, resource, 1, v1).unwrap();
        assert_eq!(
            upgraded.field("region"),
            Some(&TfValue::String("us".into())),
            "a default fills only what is missing"
        );
    }

    #[test]
    fn what_the_steps_do_not_cover_is_named() {
        let provider = provider(V2);
        let resource = &provider.resources["acme_server"];
        let stray = serde_json::json!({"id": "s1", "name": "a", "colour": "red", "port": true});
        let problems = upgrade(&provider, resource, 1, stray).unwrap_err();
        assert_eq!(
            problems,
            [
                "the stored state has `colour`, which the schema no longer has: an upgrade step should rename or drop it",
                "`port` in the stored state is not of its type: an upgrade step should convert it",
            ]
        );
        let newer = upgrade(&provider, resource, 3, serde_json::json!({})).unwrap_err();
        assert!(newer[0].starts_with("the state was written by a newer provider"), "{newer:?}");
        let wrong = serde_json::json!({"id": "s1", "name": "a", "port": "eighty"});
        let mut reverted = provider.clone();
        reverted.resources[0].upgrades[0].moves[1] = Move::Convert { attribute: "port".into(), to: Conversion::Number };
        let problems = upgrade(&reverted, &reverted.resources[0], 0, wrong).unwrap_err();
        assert_eq!(problems[0], "upgrading from version 0: `port` holds \"eighty\", which is no number");
    }

    /// The server of `V2`, kept deprecated, and a machine its objects move to, with the name on the way.
    const MOVED: &str = r#"
name: acme
resources:
  server:
    deprecation: Use acme_machine instead.
    version: 1
    upgrades:
      - from: 0
        moves: [{rename: size, to: capacity}]
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true}
      capacity: {type: int64, optional: true}
    operations:
      create: {method: POST, path: /servers}
      read: {method: GET, path: "/servers/{id}"}
      update: {method: PATCH, path: "/servers/{id}"}
      delete: {method: DELETE, path: "/servers/{id}"}
  machine:
    moved_from:
      - type: acme_server
        moves: [{rename: name, to: label}, {rename: capacity, to: spec.capacity}]
    attributes:
      id: {type: string, read_only: true}
      label: {type: string, required: true}
      spec:
        type: object
        optional: true
        attributes:
          capacity: {type: int64, optional: true}
    operations:
      create: {method: POST, path: /servers}
      read: {method: GET, path: "/servers/{id}"}
      update: {method: PATCH, path: "/servers/{id}"}
      delete: {method: DELETE, path: "/servers/{id}"}
"#;

    #[test]
    fn moved_objects_are_upgraded_by_their_old_type_then_moved() {
        let provider = provider(MOVED);
        let target = ("acme_machine", &provider.resources["acme_machine"]);
        let v0 = serde_json::json!({"id": "s1", "name": "web", "size": 3});
        let moved = move_state(&provider, target, "acme_server", 0, v0).unwrap();
        assert_eq!(moved.field("label"), Some(&TfValue::String("web".into())));
        assert_eq!(moved.field("spec").and_then(|spec| spec.field("capacity")), Some(&TfValue::Int(3)));
        assert_eq!(moved.field("name"), None);
        let stranger = move_state(&provider, target, "acme_disk", 0, serde_json::json!({})).unwrap_err();
        assert_eq!(
            stranger,
            ["objects of `acme_disk` cannot move to `acme_machine`: it takes objects of `acme_server`"]
        );
        let unmoved = serde_json::json!({"id": "s1", "name": "web", "zone": "a"});
        let problems = move_state(&provider, target, "acme_server", 1, unmoved).unwrap_err();
        assert_eq!(
            problems,
            ["the stored state has `zone`, which the schema no longer has: an upgrade step should rename or drop it"]
        );
    }
}
