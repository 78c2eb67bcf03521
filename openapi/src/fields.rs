//! What every operation says of each attribute: the fields of request bodies, answers and parameters
//! gathered into [`Field`]s, before any attribute is decided.
//!
//! A field's own members are not gathered with it: it keeps the shapes they come from ([`Field::parts`])
//! and gives them when its attribute is decided ([`Field::members`]). A field's members are then worked
//! out once per distinct set of parts ([`MembersKey`]), however often a schema is used, so the cost of
//! an import follows the spec's length rather than the size of its schemas written out in full.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use serde_json::Value;

use crate::names::{legal, snake, unique};
use crate::shape::{Holds, Kind, ObjectShape, Shape, UnionShape};
use schema::model::OperationKind;

/// Where a field was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Seen {
    Create,
    /// A further step of the create (`#2`): its body's fields are inputs too.
    CreateStep,
    Update,
    Response,
    /// A further step's answer: it says which attributes are answered, but adds none.
    StepResponse,
}

/// One attribute being inferred: what every operation says of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Field {
    pub(crate) api_name: String,
    /// The name answers give it, where it differs from the request's (`tag_key` sent, `key` answered).
    pub(crate) answer_name: Option<String>,
    /// The request's schema where a request has it, else the response's.
    pub(crate) shape: Shape,
    pub(crate) in_create: bool,
    /// The main create's body has it (not only a further step's).
    pub(crate) in_main_create: bool,
    pub(crate) required: bool,
    pub(crate) in_update: bool,
    pub(crate) in_response: bool,
    /// The request body's description (the create's, else the update's).
    pub(crate) request_description: Option<String>,
    /// The answer's description.
    pub(crate) response_description: Option<String>,
    /// An operation's whole request body, an object with no properties (see [`whole_body`]).
    pub(crate) whole_body: bool,
    /// A path or query parameter's description (the last operation's).
    pub(crate) param: Option<String>,
    /// Whose parameter described it: 1 a read's, 3 a delete's, 4 an update's (an answer ranks 2).
    pub(crate) param_rank: u8,
    /// A parameter the configuration must give.
    pub(crate) param_required: bool,
    /// A parameter of the create (or of a data source's read): an input whatever the schemas say.
    pub(crate) input_param: bool,
    /// A path parameter of a read, update or delete: the object's address, which must be known.
    pub(crate) addresses: bool,
    /// A parameter marks it `x-speakeasy-param-force-new`: changing it replaces the object.
    pub(crate) force_new: bool,
    /// An operation takes it as a path parameter.
    pub(crate) in_path: bool,
    /// The shapes its members come from (an object, a list, set or map of objects, a one-of), each with
    /// where it was seen, in the order the operations gave them.
    pub(crate) parts: Vec<(Shape, Seen)>,
}

/// A field's members, from its parts.
#[derive(Debug, Default)]
pub(crate) struct Members {
    /// The member fields.
    pub(crate) fields: IndexMap<String, Field>,
    /// For a one-of: the API field naming the variant, and each variant's member with its tag.
    pub(crate) union: Option<Union>,
}

/// A one-of's discriminator (the API field naming the variant) and its variants' members with their tags.
pub(crate) type Union = (Option<String>, Vec<(String, String)>);

impl Field {
    /// The members its parts give.
    pub(crate) fn members(&self) -> Members {
        let mut members = Members::default();
        for (shape, seen) in &self.parts {
            members.absorb_part(shape, *seen);
        }
        members
    }

    /// What identifies its members: two fields with equal keys have equal members.
    pub(crate) fn members_key(&self) -> MembersKey {
        MembersKey(self.parts.iter().filter_map(|(shape, seen)| Some((Content::of(shape)?, *seen))).collect())
    }
}

/// The shared content of a field's parts, compared by identity (see [`crate::shape`]: a schema is read
/// once, and every use of it shares its content).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct MembersKey(Vec<(Content, Seen)>);

/// The shared content of one part, compared by identity.
#[derive(Debug, Clone)]
enum Content {
    /// An object's properties, and whether it allows further ones.
    Object(Rc<ObjectShape>, bool),
    /// A list's element.
    Items(Rc<Shape>),
    /// A map's value.
    Values(Rc<Shape>),
    /// A one-of's variants.
    Union(Rc<UnionShape>),
}

impl Content {
    fn of(shape: &Shape) -> Option<Content> {
        Some(match &shape.kind {
            Kind::Object(object) => Content::Object(object.clone(), shape.open),
            Kind::Array { items, .. } => Content::Items(items.clone()),
            Kind::Map(values) => Content::Values(values.clone()),
            Kind::Union(union) => Content::Union(union.clone()),
            _ => return None,
        })
    }

    fn address(&self) -> (usize, bool) {
        match self {
            Content::Object(object, open) => (Rc::as_ptr(object) as usize, *open),
            Content::Items(shape) | Content::Values(shape) => (Rc::as_ptr(shape) as usize, false),
            Content::Union(union) => (Rc::as_ptr(union) as usize, false),
        }
    }
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other) && self.address() == other.address()
    }
}

impl Eq for Content {}

impl Hash for Content {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        self.address().hash(state);
    }
}

/// The Terraform name of a property or parameter: its `x-speakeasy-name-override`, else its own name,
/// in snake_case as Terraform allows it.
pub(crate) fn tf_name(name: &str, shape: &Shape) -> String {
    legal(&shape.name_override.as_deref().map_or_else(|| snake(name), snake))
}

pub(crate) fn ignored(shape: &Shape) -> bool {
    shape.flag("x-speakeasy-ignore")
        || shape.flag("x-speakeasy-terraform-ignore")
        || shape.extension("x-speakeasy-terraform-ignore").and_then(Value::as_str) == Some("schema")
}

/// Whether a schema is marked `x-speakeasy-entity` with the entity's name.
fn names_entity(shape: &Shape, entity: &str) -> bool {
    match shape.extension("x-speakeasy-entity") {
        Some(Value::String(name)) => name == entity,
        Some(Value::Array(names)) => names.iter().any(|name| name.as_str() == Some(entity)),
        _ => false,
    }
}

/// What marks an entity's own object in a schema: `x-speakeasy-entity` with its name, or being a schema
/// that such a mark is on where another of its operations uses it.
pub(crate) struct Mark<'a> {
    /// The entity's name.
    pub(crate) entity: &'a str,
    /// The schemas (components) marked as its object somewhere.
    pub(crate) components: &'a HashSet<String>,
    /// Where nothing is marked, an object whose one property is an object (`{"data": {...}}`) is an
    /// envelope around the entity's object (specs read by convention).
    pub(crate) envelopes: bool,
}

impl Mark<'_> {
    /// Whether `shape` is the entity's own object.
    pub(crate) fn names(&self, shape: &Shape) -> bool {
        names_entity(shape, self.entity)
            || shape.component.as_ref().is_some_and(|component| self.components.contains(component))
    }
}

/// Adds to `found` the schemas inside `shape` (as deep as [`hoisted`] looks) marked as `entity`'s object;
/// whether any is marked.
pub(crate) fn marked_components(shape: &Shape, entity: &str, depth: usize, found: &mut HashSet<String>) -> bool {
    let mut any = names_entity(shape, entity);
    if any {
        found.extend(shape.component.clone());
    }
    if depth > 3 {
        return any;
    }
    match &shape.kind {
        Kind::Object(object) => {
            for property in object.properties.values() {
                any |= marked_components(property, entity, depth + 1, found);
            }
        }
        Kind::Array { items, .. } => any |= marked_components(items, entity, depth + 1, found),
        _ => {}
    }
    any
}

/// A request body that is an object with no properties has nothing to merge: it is an attribute of its
/// own, named after its schema (else `request_body`), as the leading generator shows it. Its one value is
/// `{}`, which the operation sends whether or not it is set.
pub(crate) fn whole_body(fields: &mut IndexMap<String, Field>, body: &Shape, path: &[String], kind: OperationKind) {
    let empty = matches!(&body.kind, Kind::Object(object) if object.properties.is_empty());
    if !empty || body.open || ignored(body) || !path.is_empty() {
        return;
    }
    let attribute =
        body.type_name_override.as_deref().map_or_else(|| "request_body".to_owned(), |name| legal(&snake(name)));
    let field = fields.entry(attribute.clone()).or_insert_with(|| Field {
        api_name: attribute,
        shape: body.clone(),
        whole_body: true,
        ..Field::default()
    });
    field.in_create |= kind == OperationKind::Create;
    field.in_update |= kind == OperationKind::Update;
    if field.request_description.is_none() && !body.description.is_empty() {
        field.request_description = Some(body.description.clone());
    }
}

/// Adds to `shape` (the object found at `path` inside `root`) what sits beside that path at each level, as
/// [`schema::model::Operation::object_in`] reads it: each property an attribute of its own, but the objects
/// beside the entity in a view that wraps it (the caller's permissions on it) add their fields; the outer
/// of two properties of one name wins.
pub(crate) fn with_siblings(shape: &mut Shape, root: &Shape, path: &[String]) {
    let Kind::Object(own) = &mut shape.kind else { return };
    let mut beside: IndexMap<String, Shape> = IndexMap::new();
    let mut level = root;
    for (depth, step) in path.iter().enumerate() {
        let (field, list) = schema::model::path_segment(step);
        let in_view = depth > 0 && depth == path.len() - 1;
        if !field.is_empty() {
            let Kind::Object(object) = &level.kind else { break };
            for (name, property) in object.properties.iter().filter(|(name, _)| *name != field) {
                match &property.kind {
                    Kind::Object(inner) if in_view => {
                        for (name, field) in &inner.properties {
                            beside.entry(name.clone()).or_insert_with(|| field.clone());
                        }
                    }
                    _ => {
                        beside.entry(name.clone()).or_insert_with(|| property.clone());
                    }
                }
            }
            let Some(next) = object.properties.get(field) else { break };
            level = next;
        }
        if list {
            let Kind::Array { items, .. } = &level.kind else { break };
            level = items;
        }
    }
    if !beside.is_empty() {
        Rc::make_mut(own).properties.extend(beside);
    }
}

/// The entity's own object within a schema: the first object, depth first, that is the entity's
/// ([`Mark`]); else the schema itself.
/// Also where it was found, as [`Operation::body_field`] writes it: the property names leading to it,
/// `[]` after one that holds a list of it (`groups[]`), `[]` alone for a schema that is such a list.
pub(crate) fn hoisted(shape: Shape, entity: &Mark<'_>) -> (Shape, Vec<String>) {
    fn find(shape: &Shape, entity: &Mark<'_>, depth: usize) -> Option<(Shape, Vec<String>)> {
        if entity.names(shape) {
            return Some((shape.clone(), Vec::new()));
        }
        if depth > 3 {
            return None;
        }
        match &shape.kind {
            Kind::Object(object) => object.properties.iter().find_map(|(name, property)| {
                let (found, mut path) = find(property, entity, depth + 1)?;
                // A list directly inside the property is written on the property's own segment.
                match path.first().map(String::as_str) {
                    Some("[]") => path[0] = format!("{name}[]"),
                    _ => path.insert(0, name.clone()),
                }
                Some((found, path))
            }),
            Kind::Array { items, .. } => find(items, entity, depth + 1).map(|(found, mut path)| {
                path.insert(0, "[]".to_owned());
                (found, path)
            }),
            _ => None,
        }
    }
    if entity.names(&shape) {
        return (shape, Vec::new());
    }
    if let Some(found) = find(&shape, entity, 0) {
        return found;
    }
    let envelope = match &shape.kind {
        Kind::Object(object) if entity.envelopes && object.properties.len() == 1 => {
            object.properties.first().filter(|(_, inner)| matches!(inner.kind, Kind::Object(_)))
        }
        _ => None,
    };
    match envelope {
        Some((name, inner)) => (inner.clone(), vec![name.clone()]),
        None => (shape, Vec::new()),
    }
}

/// The properties of an object that become attributes (not ignored; a request leaves out ignored
/// references too), each with its attribute's name: properties of one object that get one name
/// (`fooBar` and `foo_bar`) are told apart by number.
pub(crate) fn member_names(object: &ObjectShape, answer: bool) -> Vec<(String, &String, &Shape)> {
    let mut taken = HashSet::new();
    object
        .properties
        .iter()
        .filter(|(_, property)| !ignored(property) && (answer || !property.ignored_reference))
        .map(|(api_name, property)| (unique(tf_name(api_name, property), &mut taken), api_name, property))
        .collect()
}

/// The fields a request body sends, each attribute's name with the field's name: an object's
/// properties; a one-of's variants and the single values they all have ([`Members::absorb_root`]).
pub(crate) fn sent_fields(body: &Shape) -> Vec<(String, String)> {
    let mut root = Members::default();
    root.absorb_root(body, Seen::Create);
    root.fields.into_iter().map(|(name, field)| (name, field.api_name)).collect()
}

/// Adds the properties of an object shape to `fields`; their own members stay in their parts.
pub(crate) fn absorb(fields: &mut IndexMap<String, Field>, shape: &Shape, seen: Seen) {
    let Kind::Object(object) = &shape.kind else { return };
    // Properties beyond the named ones, where an answer allows them, are shown as one read-only JSON
    // attribute (the provider does not gather them into it yet, so it stays null).
    if shape.open && !object.properties.is_empty() && seen == Seen::Response {
        let extra = fields
            .entry("additional_properties".to_owned())
            .or_insert_with(|| Field { api_name: "additionalProperties".to_owned(), ..Field::default() });
        extra.in_response = true;
    }
    // Properties of one object that get one name (`fooBar` and `foo_bar`) are told apart by number.
    let answer = matches!(seen, Seen::Response | Seen::StepResponse);
    for (name, api_name, property) in member_names(object, answer) {
        if seen == Seen::StepResponse && !fields.contains_key(&name) {
            continue;
        }
        let field = fields.entry(name).or_insert_with(|| Field {
            api_name: api_name.clone(),
            shape: property.clone(),
            ..Field::default()
        });
        // An answer whose field has another shape than the request's (a commit's `tree` sent as a SHA,
        // answered as an object) does not answer what was sent: the attribute keeps the request's shape
        // and counts as never answered.
        if answer && (field.in_create || field.in_update) && !same_kind(&field.shape, property) {
            continue;
        }
        // A request and an answer that give one attribute different field names (`tag_key` renamed
        // `key`, and answered as `key`): the request's names what is sent, the answer's what is read.
        if answer && field.api_name != *api_name && (field.in_create || field.in_update) {
            field.answer_name.get_or_insert_with(|| api_name.clone());
        }
        match seen {
            Seen::Create | Seen::CreateStep => {
                field.in_create = true;
                field.in_main_create |= seen == Seen::Create;
                // A required property that may be null need not be configured: null is sent.
                field.required |= object.required.contains(api_name) && !property.nullable;
            }
            Seen::Update => field.in_update = true,
            // What the spec marks `writeOnly` is never answered, whatever schema the answer uses.
            Seen::Response | Seen::StepResponse => field.in_response |= !property.write_only,
        }
        if !answer && field.request_description.is_none() && !property.description.is_empty() {
            field.request_description = Some(property.description.clone());
        }
        if answer && field.response_description.is_none() && !property.description.is_empty() {
            field.response_description = Some(property.description.clone());
        }
        // A request's description and type win over a response's.
        let update_after_create = field.in_create && seen == Seen::Update;
        if !(answer || update_after_create) {
            field.shape = property.clone();
        }
        if Content::of(property).is_some() {
            field.parts.push((property.clone(), seen));
        }
    }
}

/// Whether an answer's shape can hold what a request's sends: both scalars of one kind (numbers of either
/// kind alike), or both structured (objects, lists, maps, one-ofs); a shape of no type holds any.
fn same_kind(one: &Shape, other: &Shape) -> bool {
    let (one, other) = (Holds::of(one), Holds::of(other));
    one == other || one == Holds::Any || other == Holds::Any
}

impl Members {
    /// Adds what a request body or an answer says of a resource's own attributes: an object's
    /// properties; for a one-of, its variants as attributes of their own (a group of the resource) and
    /// the single values every variant has alike (same name, same kind) as the resource's own too, as the
    /// leading generator reads it.
    pub(crate) fn absorb_root(&mut self, shape: &Shape, seen: Seen) {
        let Kind::Union(union) = &shape.kind else {
            absorb(&mut self.fields, shape, seen);
            return;
        };
        self.absorb_variants(union, shape.component.as_deref(), seen);
        let objects: Vec<&ObjectShape> = union
            .variants
            .iter()
            .filter_map(|variant| match &variant.kind {
                Kind::Object(object) => Some(object.as_ref()),
                _ => None,
            })
            .collect();
        let Some((first, others)) = objects.split_first() else { return };
        let common: IndexMap<String, Shape> = first
            .properties
            .iter()
            .filter(|(name, property)| {
                others
                    .iter()
                    .all(|other| other.properties.get(*name).is_some_and(|theirs| same_scalar(property, theirs)))
            })
            .map(|(name, property)| (name.clone(), property.clone()))
            .collect();
        absorb(&mut self.fields, &Shape { kind: Kind::object(common), ..Shape::default() }, seen);
    }

    /// Adds the members of one part: an object's properties, the members of a list's, set's or map's
    /// objects, or the variants of a one-of.
    fn absorb_part(&mut self, shape: &Shape, seen: Seen) {
        match &shape.kind {
            Kind::Object(_) => absorb(&mut self.fields, shape, seen),
            Kind::Array { items, .. } => {
                if matches!(items.kind, Kind::Object(_) | Kind::Union(_)) {
                    self.absorb_part(items, seen);
                }
            }
            Kind::Map(values) => {
                if matches!(values.kind, Kind::Object(_)) {
                    absorb(&mut self.fields, values, seen);
                }
            }
            Kind::Union(union) => self.absorb_variants(union, shape.component.as_deref(), seen),
            _ => {}
        }
    }

    /// A one-of's variants as members of their own, each holding the variant's object, with their tags.
    /// A variant is named after its schema; one without a name after the one-of's schema and its place
    /// (`instance_settings_schema1` in `InstanceSettingsSchema`), else `variant1`, `variant2`, ...
    fn absorb_variants(&mut self, union: &UnionShape, union_name: Option<&str>, seen: Seen) {
        let (_, tags) = self.union.get_or_insert_with(|| (union.discriminator.clone(), Vec::new()));
        let mut named = Vec::new();
        for (index, variant) in union.variants.iter().enumerate() {
            let name = variant
                .name_override
                .as_deref()
                .or(variant.type_name_override.as_deref())
                .or(variant.component.as_deref())
                .or(variant.title.as_deref())
                .map_or_else(
                    || format!("{}{}", union_name.map_or_else(|| "variant".to_owned(), snake), index + 1),
                    |name| legal(&snake(name)),
                );
            if !matches!(variant.kind, Kind::Object(_)) {
                continue;
            }
            let tag = union
                .mapping
                .iter()
                .find(|(_, component)| variant.component.as_deref() == Some(component.as_str()))
                .map(|(tag, _)| tag.clone())
                .or_else(|| variant.component.clone())
                .unwrap_or_else(|| name.clone());
            if !tags.iter().any(|(child, _)| *child == name) {
                named.push((name.clone(), tag));
            }
            if seen == Seen::StepResponse && !self.fields.contains_key(&name) {
                continue;
            }
            let child = self.fields.entry(name.clone()).or_insert_with(|| Field {
                api_name: name.clone(),
                shape: variant.clone(),
                ..Field::default()
            });
            match seen {
                Seen::Create | Seen::CreateStep => child.in_create = true,
                Seen::Update => child.in_update = true,
                Seen::Response | Seen::StepResponse => child.in_response = true,
            }
            child.parts.push((variant.clone(), seen));
        }
        if let Some((_, tags)) = &mut self.union {
            tags.extend(named);
        }
    }
}

/// Whether two schemas hold one kind of single value (a string, a number, an integer or a boolean;
/// descriptions, examples and enums aside).
fn same_scalar(one: &Shape, other: &Shape) -> bool {
    matches!(one.kind, Kind::String | Kind::Integer | Kind::Number | Kind::Boolean)
        && std::mem::discriminant(&one.kind) == std::mem::discriminant(&other.kind)
}
