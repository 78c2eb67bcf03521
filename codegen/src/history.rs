//! What a new import keeps of the provider it replaces: each resource's schema version, upgrade steps
//! and moved types, and the steps its own changes need, so state written by the provider built from the
//! earlier import is still read by the new one.
//!
//! State is compared by its layout: every attribute at a dotted path through single nested objects (where
//! upgrade moves reach), and below that, collections and objects by shape. A change the new schema cannot
//! read gets a step: a value of another kind is converted where a [`Conversion`] says how, an attribute
//! that went to another path with the same name and shape is moved there, and what is left is dropped (the
//! refresh after the upgrade reads it back from the API). A resource that is gone becomes the
//! `moved_from` of a new one at the same API path. What cannot be told from the schemas (a rename looks
//! like a removal and an addition) is said in the report.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use schema::{Conversion, Move, MovedFrom, NestingMode, Object, Provider, Resource, Type, Upgrade};

/// Keeps the history of `old` in `new` (the same provider, imported again), adding the upgrade steps and
/// moved types the changes between them need; returns the report's lines about it.
pub fn keep(old: &Provider, new: &mut Provider) -> Vec<String> {
    let mut report = Vec::new();
    let mut changes = Vec::new();
    for (name, after) in &new.resources {
        let Some(before) = old.resources.get(name) else { continue };
        let steps = steps(name, &layout(before), &layout(after), &mut report);
        changes.push((name.clone(), before, steps));
    }
    for (name, before, moves) in changes {
        let Some(resource) = new.resources.get_mut(&name) else { continue };
        resource.version = before.version;
        resource.upgrades = before.upgrades.clone();
        resource.moved_from = before.moved_from.clone();
        if !moves.is_empty() {
            report.push(format!(
                "`{name}`: its state changes shape, so its schema goes from version {} to {}, with an upgrade step of {} moves",
                before.version,
                before.version + 1,
                moves.len()
            ));
            resource.upgrades.push(Upgrade { from: before.version, moves });
            resource.version += 1;
        }
    }
    let gone: Vec<(&String, &Resource)> =
        old.resources.iter().filter(|(name, _)| !new.resources.contains_key(*name)).collect();
    for (gone, before) in gone {
        let successors: Vec<String> = new
            .resources
            .iter()
            .filter(|(name, after)| !old.resources.contains_key(*name) && same_api_path(before, after))
            .map(|(name, _)| name.clone())
            .collect();
        let [successor] = successors.as_slice() else {
            report.push(format!(
                "`{gone}` is gone from the spec, and the state of its objects with it: if a new resource took its place, add `moved_from: [{gone}]` to it"
            ));
            continue;
        };
        let moves = steps(gone, &layout(before), &layout(&new.resources[successor]), &mut report);
        report.push(format!(
            "`{gone}` is gone and `{successor}` reads the same API path: its objects move there with a `moved` block (`moved_from`)"
        ));
        if let Some(resource) = new.resources.get_mut(successor) {
            resource.moved_from.push(MovedFrom { type_name: gone.clone(), moves });
        }
    }
    report
}

/// Whether two resources read their objects at the same API path.
fn same_api_path(before: &Resource, after: &Resource) -> bool {
    let path = |resource: &Resource| {
        let read = resource.operations.read.as_ref().or(resource.operations.create.as_ref())?;
        // Placeholders named alike or not: `/hosts/{id}` is `/hosts/{host_id}`.
        Some(schema::template::expand(&read.path, |_| Some("{}".to_owned())))
    };
    path(before).is_some_and(|before| Some(before) == path(after))
}

/// What a value of state looks like, as far as reading it with a schema goes.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// Text.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// Anything.
    Any,
    /// A list or set (a JSON array either way), or a tuple.
    Sequence(Box<Shape>),
    /// A map of one shape.
    Map(Box<Shape>),
    /// An object of named members.
    Object(BTreeMap<String, Shape>),
}

/// Named types nest at most this deep before a shape stops looking further (they may refer to themselves).
const DEEPEST: usize = 16;

impl Shape {
    fn of(ty: &Type, depth: usize) -> Shape {
        if depth > DEEPEST {
            return Shape::Any;
        }
        match ty {
            Type::String => Shape::Text,
            Type::Int64 | Type::Float64 | Type::Number => Shape::Number,
            Type::Bool => Shape::Bool,
            Type::Dynamic | Type::Tuple(_) => Shape::Any,
            Type::List(element) | Type::Set(element) => Shape::Sequence(Box::new(Shape::of(element, depth + 1))),
            Type::Map(element) => Shape::Map(Box::new(Shape::of(element, depth + 1))),
            Type::Object(fields) => {
                Shape::Object(fields.iter().map(|(name, ty)| (name.clone(), Shape::of(ty, depth + 1))).collect())
            }
            Type::Nested(nested) => collected(nested.mode, Shape::object(nested.members(), depth)),
        }
    }

    fn object(object: &Object, depth: usize) -> Shape {
        let attributes =
            object.attributes.iter().map(|(name, attribute)| (name.clone(), Shape::of(&attribute.ty, depth + 1)));
        let blocks = object
            .blocks
            .iter()
            .map(|(name, block)| (name.clone(), collected(block.nesting, Shape::object(&block.object, depth + 1))));
        Shape::Object(attributes.chain(blocks).collect())
    }

    /// Whether state of this shape reads as `new` with no step: the same kinds, and objects that only
    /// gained members.
    fn fits(&self, new: &Shape) -> bool {
        match (self, new) {
            (_, Shape::Any) => true,
            (Shape::Sequence(old), Shape::Sequence(new)) | (Shape::Map(old), Shape::Map(new)) => old.fits(new),
            (Shape::Object(old), Shape::Object(new)) => {
                old.iter().all(|(name, shape)| new.get(name).is_some_and(|wanted| shape.fits(wanted)))
            }
            (old, new) => old == new,
        }
    }

    /// How a value of this shape becomes one of `new`, where a conversion does it.
    fn conversion(&self, new: &Shape) -> Option<Conversion> {
        match (self, new) {
            (Shape::Number | Shape::Bool, Shape::Text) => Some(Conversion::String),
            (Shape::Text, Shape::Number) => Some(Conversion::Number),
            (Shape::Text, Shape::Bool) => Some(Conversion::Bool),
            (Shape::Sequence(element), single) if element.fits(single) => Some(Conversion::Single),
            (single, Shape::Sequence(element)) if single.fits(element) => Some(Conversion::List),
            _ => None,
        }
    }
}

/// A nested object's shape in its nesting.
fn collected(mode: NestingMode, object: Shape) -> Shape {
    match mode {
        NestingMode::Single => object,
        NestingMode::List | NestingMode::Set => Shape::Sequence(Box::new(object)),
        NestingMode::Map => Shape::Map(Box::new(object)),
    }
}

/// Every attribute of a resource's state by dotted path, through single nested objects (which are listed
/// too, as objects), in the schema's order.
fn layout(resource: &Resource) -> IndexMap<String, Shape> {
    let mut paths = IndexMap::new();
    walk(&resource.terraform_schema(), "", 0, &mut paths);
    paths
}

fn walk(object: &Object, prefix: &str, depth: usize, paths: &mut IndexMap<String, Shape>) {
    for (name, attribute) in &object.attributes {
        let path = format!("{prefix}{name}");
        paths.insert(path.clone(), Shape::of(&attribute.ty, depth));
        let single = attribute.ty.as_nested().filter(|nested| nested.mode == NestingMode::Single);
        if let (Some(inner), true) = (single.map(schema::Nested::members), depth < DEEPEST) {
            walk(inner, &format!("{path}."), depth + 1, paths);
        }
    }
    for (name, block) in &object.blocks {
        let path = format!("{prefix}{name}");
        paths.insert(path.clone(), collected(block.nesting, Shape::object(&block.object, depth)));
        if let (NestingMode::Single, true) = (block.nesting, depth < DEEPEST) {
            walk(&block.object, &format!("{path}."), depth + 1, paths);
        }
    }
}

/// The moves that bring state laid out as `before` to `after`: moves to a new path first, then
/// conversions, then drops (of the outermost path gone only); what may be a rename is reported.
fn steps(
    name: &str,
    before: &IndexMap<String, Shape>,
    after: &IndexMap<String, Shape>,
    report: &mut Vec<String>,
) -> Vec<Move> {
    let leaf = |path: &str| path.rsplit('.').next().unwrap_or(path).to_owned();
    let parent = |path: &str| path.rsplit_once('.').map(|(parent, _)| parent.to_owned());
    let gone: Vec<&String> = before.keys().filter(|path| !after.contains_key(*path)).collect();
    let added: Vec<&String> = after.keys().filter(|path| !before.contains_key(*path)).collect();
    let (mut renames, mut converts, mut drops) = (Vec::new(), Vec::new(), Vec::new());
    let mut moved = Vec::new();
    for path in &gone {
        let shape = &before[*path];
        let same: Vec<&&String> =
            added.iter().filter(|to| leaf(to) == leaf(path) && shape.fits(&after[to.as_str()])).collect();
        if let [to] = same.as_slice() {
            renames.push(Move::Rename { from: (*path).clone(), to: (**to).clone() });
            moved.push((*path).clone());
        }
    }
    for (path, shape) in before {
        let Some(wanted) = after.get(path) else { continue };
        // A path below one that changed kind is the outer one's to deal with.
        if shape.fits(wanted)
            || parent(path).is_some_and(|outer| after.get(&outer).is_some_and(|o| !before[&outer].fits(o)))
        {
            continue;
        }
        match shape.conversion(wanted) {
            Some(to) => converts.push(Move::Convert { attribute: path.clone(), to }),
            None => {
                report.push(format!(
                    "`{name}`: `{path}` changed in a way no conversion covers: the upgrade drops it, and the refresh after it reads it from the API"
                ));
                drops.push(Move::Drop { attribute: path.clone() });
            }
        }
    }
    for path in gone.iter().filter(|path| !moved.contains(path)) {
        let covered = |outer: &String| gone.contains(&outer) && !moved.contains(outer);
        if std::iter::successors(parent(path), |path| parent(path)).any(|outer| covered(&outer)) {
            continue;
        }
        let shape = &before[*path];
        let alike: Vec<String> = added
            .iter()
            .filter(|to| parent(to) == parent(path) && shape.fits(&after[to.as_str()]))
            .map(|to| format!("`{to}`"))
            .collect();
        report.push(match alike.is_empty() {
            true => format!("`{name}`: `{path}` is gone: the upgrade drops it"),
            false => format!(
                "`{name}`: `{path}` is gone and {} came with the same shape: the upgrade drops it; if it was renamed, write `{{rename: {path}, to: ...}}` in place of the drop to keep its value",
                alike.join(", ")
            ),
        });
        drops.push(Move::Drop { attribute: (*path).clone() });
    }
    renames.into_iter().chain(converts).chain(drops).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(resources: &str) -> Provider {
        let yaml = format!("name: acme\nresources:\n{resources}");
        schema::load_yaml_str(&yaml, std::path::Path::new("provider.yaml")).unwrap_or_else(|errors| panic!("{errors}"))
    }

    fn server(attributes: &str, path: &str) -> String {
        format!(
            "  server:\n    attributes:\n      id: {{type: string, read_only: true}}\n{attributes}    operations:\n      create: {{method: POST, path: {path}}}\n      read: {{method: GET, path: \"{path}/{{id}}\"}}\n      update: {{method: PATCH, path: \"{path}/{{id}}\"}}\n      delete: {{method: DELETE, path: \"{path}/{{id}}\"}}\n"
        )
    }

    const V1: &str = "      size: {type: int64, optional: true}\n      port: {type: int64, optional: true}\n      tags: {type: list(string), optional: true}\n      label: {type: string, optional: true}\n      zone: {type: string, optional: true}\n";
    const V2: &str = "      port: {type: string, optional: true}\n      tags: {type: list(number), optional: true}\n      name: {type: string, optional: true}\n      zone: {type: list(string), optional: true}\n      spec:\n        type: object\n        optional: true\n        attributes:\n          size: {type: int64, optional: true}\n";

    #[test]
    fn changed_state_gets_a_version_and_the_steps_it_needs() {
        let old = provider(&server(V1, "/servers"));
        let mut new = provider(&server(V2, "/servers"));
        let report = keep(&old, &mut new);
        let resource = &new.resources["acme_server"];
        assert_eq!(resource.version, 1);
        assert_eq!(
            resource.upgrades,
            [Upgrade {
                from: 0,
                moves: vec![
                    Move::Rename { from: "size".into(), to: "spec.size".into() },
                    Move::Convert { attribute: "port".into(), to: Conversion::String },
                    Move::Convert { attribute: "zone".into(), to: Conversion::List },
                    Move::Drop { attribute: "tags".into() },
                    Move::Drop { attribute: "label".into() },
                ],
            }]
        );
        assert_eq!(
            report,
            [
                "`acme_server`: `tags` changed in a way no conversion covers: the upgrade drops it, and the refresh after it reads it from the API",
                "`acme_server`: `label` is gone and `name` came with the same shape: the upgrade drops it; if it was renamed, write `{rename: label, to: ...}` in place of the drop to keep its value",
                "`acme_server`: its state changes shape, so its schema goes from version 0 to 1, with an upgrade step of 5 moves",
            ]
        );
        // What the steps make of version 0 state is what version 1 reads: the model is valid.
        assert_eq!(schema::validate::validate(&new), []);
        // Imported again with no change, it stays at its version with its steps.
        let mut again = provider(&server(V2, "/servers"));
        assert_eq!(keep(&new, &mut again), Vec::<String>::new());
        assert_eq!(again.resources["acme_server"].upgrades, resource.upgrades);
    }

    #[test]
    fn a_resource_gone_moves_to_a_new_one_at_its_api_path() {
        let old = provider(&server(V1, "/servers"));
        let renamed = server(V1, "/servers").replacen("  server:", "  machine:", 1);
        let mut new = provider(&renamed);
        let report = keep(&old, &mut new);
        assert_eq!(
            new.resources["acme_machine"].moved_from,
            [MovedFrom { type_name: "acme_server".into(), moves: Vec::new() }]
        );
        assert_eq!(
            report,
            [
                "`acme_server` is gone and `acme_machine` reads the same API path: its objects move there with a `moved` block (`moved_from`)"
            ]
        );
        let mut elsewhere = provider(&server(V1, "/machines").replacen("  server:", "  machine:", 1));
        let report = keep(&old, &mut elsewhere);
        assert!(elsewhere.resources["acme_machine"].moved_from.is_empty());
        assert!(report[0].starts_with("`acme_server` is gone from the spec"), "{report:?}");
    }
}
