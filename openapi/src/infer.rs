//! A resource's or data source's attributes inferred from its operations, by the rules the leading
//! generator documents: attributes from the create request body merged with the responses and the
//! operations' path and query parameters ([`crate::fields`]), then decided one by one
//! ([`crate::attributes`]) and bound to the operations that send them ([`crate::operations`]).

use indexmap::IndexMap;
use serde_json::Value;

use crate::entities::{ApiOperation, Entity};
use crate::fields::{
    Field, Mark, Members, Seen, hoisted, ignored, marked_components, tf_name, whole_body, with_siblings,
};
use crate::names::{legal, snake};
use crate::objects::{Context, OBJECT_BUDGET, Objects};
use crate::shape::{Holds, Kind, Reader, Shape};
use schema::model::{Method, Object, OperationKind, Operations, Resource};

/// Infers the resources and data sources of one document.
pub struct Inference<'r, 'd> {
    /// The schema reader.
    pub reader: &'r mut Reader<'d>,
    /// Decisions the spec leaves open, for the report.
    pub report: Vec<String>,
    /// The nested objects decided so far.
    pub(crate) objects: Objects,
    /// The path parameters reported bound to an attribute of another name.
    pub(crate) bound: std::collections::HashSet<String>,
    /// The spec has no annotations: what it leaves unsaid is read by convention (secrets by name).
    pub(crate) by_convention: bool,
    /// The schemas the entity being inferred marks as its own object ([`Self::find_marks`]).
    pub(crate) marked: std::collections::HashSet<String>,
}

impl<'d> Inference<'_, 'd> {
    /// The resource of `entity`, if it has a create operation.
    pub fn resource(&mut self, name: &str, entity: &Entity<'d>) -> Option<Resource> {
        entity.main(OperationKind::Create, false)?;
        self.find_marks(name, entity);
        let has_update = entity.main(OperationKind::Update, false).is_some();
        let mut root = Members::default();
        // The bodies of the create (and its further steps) and the update give the attributes; a delete's
        // body can only be an attribute of its own (see `whole_body`).
        for kind in [OperationKind::Create, OperationKind::Update, OperationKind::Delete] {
            for role in entity.all(kind, false) {
                let Some((body, path)) = self.request_body_at(&role.operation, name) else { continue };
                whole_body(&mut root.fields, &body, &path, kind);
                let seen = match kind {
                    OperationKind::Create if role.order == 1 => Seen::Create,
                    OperationKind::Create => Seen::CreateStep,
                    OperationKind::Update => Seen::Update,
                    _ => continue,
                };
                root.absorb_root(&body, seen);
            }
        }
        // The read's answer first: what only answers carry is typed as the read answers it, since that
        // is what every refresh and import decodes (a create that answers a list where the read answers
        // one object does not make it a list).
        for kind in [OperationKind::Read, OperationKind::Create, OperationKind::Update] {
            for role in entity.all(kind, false) {
                if let Some(answer) = self.response(&role.operation, name) {
                    // A further step's answer adds attributes only where it is the entity's own object.
                    let seen = if role.order == 1 || self.mark(name).names(&answer) {
                        Seen::Response
                    } else {
                        Seen::StepResponse
                    };
                    root.absorb_root(&answer, seen);
                }
            }
        }
        // Parameters: the create's are inputs; the others' must come from the create's answer (matched by
        // name), else they are inputs too.
        for kind in [OperationKind::Create, OperationKind::Read, OperationKind::Update, OperationKind::Delete] {
            for role in entity.all(kind, false) {
                // Which description wins: a read's parameter's loses to the answer's, an update's or a
                // delete's parameter's wins over it.
                let rank = match kind {
                    OperationKind::Update => 4,
                    OperationKind::Delete => 3,
                    _ => 1,
                };
                let taken = Taken {
                    input: kind == OperationKind::Create && role.order == 1,
                    rank,
                    by_update: kind == OperationKind::Update && role.order == 1,
                    resource: true,
                };
                for (param_name, param) in self.parameters(&role.operation) {
                    self.add_parameter(&mut root.fields, &param_name, &param, taken);
                }
            }
        }
        // What only the update takes, and no answer carries, is not part of the resource; nor is the
        // top-level field that marks an object deleted (`x-speakeasy-soft-delete-property`).
        root.fields.retain(|_, field| {
            (field.in_create || field.in_response || field.param.is_some() || field.whole_body)
                && !field.shape.flag("x-speakeasy-soft-delete-property")
        });
        let context = Context { has_update, data_source: false, read_only: false };
        let schema = self.root_object(name, &root, context);
        let operations = self.operations(entity, &root.fields, &schema, false, name);
        if let Some(unknown) = unaddressed(&schema, &operations) {
            self.report.push(format!(
                "{name}: its create neither takes nor answers `{unknown}`, by which the API addresses the \
                 object; no resource (what it makes could never be read back)"
            ));
            return None;
        }
        Some(self.finish(name, schema, operations, false))
    }

    /// The data source of `entity`, if it has a read operation serving one.
    pub fn data_source(&mut self, name: &str, entity: &Entity<'d>) -> Option<Resource> {
        let read = entity.main(OperationKind::Read, true)?;
        self.find_marks(name, entity);
        let mut root = Members::default();
        for role in entity.all(OperationKind::Read, true) {
            if let Some(answer) = self.response(&role.operation, name) {
                root.absorb_root(&answer, Seen::Response);
            }
        }
        for (param_name, param) in self.parameters(&read.operation) {
            let taken = Taken { input: true, rank: 1, by_update: false, resource: false };
            self.add_parameter(&mut root.fields, &param_name, &param, taken);
        }
        // A search taken as a request body: its fields are the data source's inputs.
        if let Some(body) = self.request_body(&read.operation, name) {
            root.absorb_root(&body, Seen::Create);
        }
        let context = Context { has_update: true, data_source: true, read_only: false };
        let schema = self.root_object(name, &root, context);
        let operations = self.operations(entity, &root.fields, &schema, true, name);
        Some(self.finish(name, schema, operations, true))
    }

    /// A resource's or data source's own attributes: its members decided, a one-of at the root made a
    /// group of its variants, within the budget.
    fn root_object(&mut self, name: &str, root: &Members, context: Context) -> Object {
        let mut schema = self.object(&root.fields, 0, context);
        if let Some((discriminator, tags)) = &root.union {
            self.one_of(&mut schema, discriminator.as_deref(), tags);
        }
        self.within_budget(name, schema, &root.fields, context)
    }

    /// The resource's attributes, its largest nested objects made JSON text while, written out in full,
    /// they hold more than [`OBJECT_BUDGET`] attributes.
    fn within_budget(
        &mut self,
        name: &str,
        mut schema: Object,
        fields: &IndexMap<String, Field>,
        context: Context,
    ) -> Object {
        while self.objects.size(&schema) > OBJECT_BUDGET {
            let largest = schema
                .attributes
                .iter()
                .map(|(attribute, value)| (self.objects.nested_size(&value.ty), attribute.clone()))
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
            let Some((size, attribute)) = largest.filter(|(size, _)| *size > 0) else { break };
            self.report.push(format!(
                "{name}: `{attribute}` holds {size} attributes written out in full, more than the resource may \
                 ({OBJECT_BUDGET}); it is JSON text"
            ));
            let Some(field) = fields.get(&attribute) else { break };
            let json = self.attribute_as_json(&attribute, field, context);
            if let Some(old) = schema.attributes.insert(attribute, json) {
                self.objects.release(&old.ty);
            }
        }
        schema
    }

    fn finish(&self, name: &str, schema: Object, operations: Operations, data_source: bool) -> Resource {
        let id_attribute = schema.attributes.contains_key("id").then(|| "id".to_owned());
        let import = operations.read.as_ref().and_then(|read| {
            let names: Vec<String> = read.path_params.iter().map(|param| param.attribute.clone()).collect();
            if names.is_empty() {
                return id_attribute
                    .as_ref()
                    .map(|id| schema::model::Import { id: format!("{{{id}}}"), attributes: vec![id.clone()] });
            }
            let template = names.iter().map(|name| format!("{{{name}}}")).collect::<Vec<_>>().join("/");
            Some(schema::model::Import { id: template, attributes: names })
        });
        let timeouts = schema::model::Timeouts::defaults(&operations, data_source);
        Resource {
            description: format!("{} Resource", entity_title(name)),
            subcategory: None,
            deprecation: None,
            schema,
            operations,
            id_attribute,
            import,
            identity: None,
            timeouts,
            version: 0,
            upgrades: Vec::new(),
            moved_from: Vec::new(),
            renew_every: None,
        }
    }

    /// The request body schema of an operation (JSON), hoisted to the entity's object.
    fn request_body(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<Shape> {
        self.request_body_at(operation, entity).map(|(shape, _)| shape)
    }

    /// [`Self::request_body`], with the field that holds the entity's object ([`hoisted`]).
    pub(crate) fn request_body_at(
        &mut self,
        operation: &ApiOperation<'d>,
        entity: &str,
    ) -> Option<(Shape, Vec<String>)> {
        let shape = self.request_root(operation)?;
        Some(hoisted(shape, &self.mark(entity)))
    }

    /// The request body schema of an operation (JSON), whole.
    fn request_root(&mut self, operation: &ApiOperation<'d>) -> Option<Shape> {
        let body = operation.value.get("requestBody")?;
        let (body, _) = self.reader.follow(body, &operation.pointer)?;
        let (media, schema) = json_schema(body.get("content")?)?;
        let at = format!("{}/requestBody/content/{}/schema", operation.pointer, crate::document::escape(media));
        Some(self.reader.shape(schema, &at))
    }

    /// The first success response of an operation and its JSON schema, whole.
    pub(crate) fn response_root(&mut self, operation: &ApiOperation<'d>) -> Option<(&'d Value, Shape)> {
        let responses = operation.value.get("responses")?.as_object()?;
        let (code, response) = responses.iter().find(|(code, _)| code.starts_with('2'))?;
        let (response, _) = self.reader.follow(response, &operation.pointer)?;
        let (media, schema) = json_schema(response.get("content")?)?;
        let at = format!("{}/responses/{code}/content/{}/schema", operation.pointer, crate::document::escape(media));
        Some((response, self.reader.shape(schema, &at)))
    }

    /// What marks the entity's own object in a schema.
    fn mark<'m>(&'m self, entity: &'m str) -> Mark<'m> {
        Mark { entity, components: &self.marked, envelopes: self.by_convention }
    }

    /// Notes which schemas are the entity's own object: those its operations mark so
    /// (`x-speakeasy-entity` where one of them uses a schema), so that every use of them is the entity's
    /// object; where none of its answers holds one, the schema a POST that creates it takes (an answer that
    /// lists the created object in a wrapper holds the entity's object).
    fn find_marks(&mut self, entity_name: &str, entity: &Entity<'d>) {
        let mut marked = std::collections::HashSet::new();
        let mut answered = false;
        for role in &entity.roles {
            let request = self.request_root(&role.operation);
            let response = self.response_root(&role.operation).map(|(_, shape)| shape);
            if let Some(request) = &request {
                marked_components(request, entity_name, 0, &mut marked);
            }
            if let Some(response) = &response {
                answered |= marked_components(response, entity_name, 0, &mut marked);
            }
        }
        let create = entity.main(OperationKind::Create, false).filter(|create| create.operation.method == Method::Post);
        if let (false, Some(create)) = (answered, create) {
            marked.extend(self.request_root(&create.operation).and_then(|body| body.component));
        }
        self.marked = marked;
    }

    /// The first success response's JSON schema, hoisted to the entity's object; an array is wrapped in
    /// an attribute (`data`, or the `x-speakeasy-wrapped-attribute` name).
    fn response(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<Shape> {
        self.response_at(operation, entity).map(|(shape, _)| shape)
    }

    /// [`Self::response`], with the field that holds the entity's object ([`hoisted`]).
    pub(crate) fn response_at(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<(Shape, Vec<String>)> {
        let (response, root) = self.response_root(operation)?;
        // An answer that wraps the object (in a field, or as a list's first element) keeps what sits
        // beside it (`expanded`, a page token) as attributes too.
        let (mut shape, path) = hoisted(root.clone(), &self.mark(entity));
        with_siblings(&mut shape, &root, &path);
        if let Kind::Array { .. } = shape.kind {
            // The response's own description says what the list is.
            if let Some(description) =
                response.get("description").and_then(Value::as_str).filter(|text| !text.is_empty())
            {
                shape.description = description.to_owned();
            }
            let name =
                shape.extension("x-speakeasy-wrapped-attribute").and_then(Value::as_str).unwrap_or("data").to_owned();
            let mut properties = IndexMap::new();
            properties.insert(name, shape);
            // The answer is the list itself: no field of it holds the object.
            return Some((Shape { kind: Kind::object(properties), ..Shape::default() }, Vec::new()));
        }
        Some((shape, path))
    }

    /// The path and query parameters of an operation (the path item's shared ones too), by API name.
    pub(crate) fn parameters(&mut self, operation: &ApiOperation<'d>) -> Vec<(String, Parameter)> {
        let own: Vec<&Value> = operation
            .value
            .get("parameters")
            .and_then(Value::as_array)
            .map(|list| list.iter().collect())
            .unwrap_or_default();
        let mut found: Vec<(String, Parameter)> = Vec::new();
        for (index, value) in own.iter().chain(operation.shared_parameters.iter()).enumerate() {
            let at = format!("{}/parameters/{index}", operation.pointer);
            let Some((param, _)) = self.reader.follow(value, &at) else { continue };
            let location = param.get("in").and_then(Value::as_str).unwrap_or_default();
            if location != "path" && location != "query" {
                continue;
            }
            let Some(name) = param.get("name").and_then(Value::as_str) else { continue };
            // What pages through a list (`x-speakeasy-pagination` inputs) is the client's to set, not the
            // configuration's.
            if location == "query" && pages(operation.value, name) {
                continue;
            }
            // A parameter is its name and location: the operation's own hides the path item's of both.
            if found.iter().any(|(seen, other)| seen == name && other.in_path == (location == "path")) {
                continue;
            }
            let mut shape = param
                .get("schema")
                .map(|schema| self.reader.shape(schema, &format!("{at}/schema")))
                .unwrap_or_default();
            for (key, value) in param.as_object().into_iter().flatten().filter(|(key, _)| key.starts_with("x-")) {
                if key == "x-speakeasy-name-override" {
                    shape.name_override = value.as_str().map(str::to_owned);
                } else {
                    shape.extensions.insert(key.clone(), value.clone());
                }
            }

            let last = location == "path" && operation.path.ends_with(&format!("{{{name}}}"));
            // The item the path's last parameter names, in the singular (`instance` in `/instances/{instance}`).
            let item = last
                .then(|| operation.path.rsplit('/').nth(1).filter(|segment| !segment.contains('{')))
                .flatten()
                .map(|segment| legal(&snake(&crate::convention::singular(segment))));
            let parameter = Parameter {
                in_path: location == "path",
                last,
                item,
                required: param.get("required").and_then(Value::as_bool).unwrap_or(location == "path"),
                description: param.get("description").and_then(Value::as_str).unwrap_or_default().to_owned(),
                shape,
            };
            found.push((name.to_owned(), parameter));
        }
        found
    }

    fn add_parameter(&mut self, fields: &mut IndexMap<String, Field>, api_name: &str, param: &Parameter, taken: Taken) {
        let Taken { input, rank, by_update: sent_by_update, resource } = taken;
        if ignored(&param.shape) {
            return;
        }
        let name = bound_attribute(api_name, param, &|name| holds(fields, name), resource);
        let own = param_attribute(api_name, &param.shape);
        // A parameter set aside from a field of another shape has no API field of its own.
        let aside = name != own && holds(fields, &own) == Some(Holds::Structured);
        if name != own && self.bound.insert(api_name.to_owned()) {
            self.report.push(match aside {
                true => format!("parameter `{api_name}` is attribute `{name}`: the answer's `{own}` is not text"),
                false => format!("path parameter `{{{api_name}}}` is the object's `{name}`, which the answer carries"),
            });
        }
        let force_new = param.shape.flag("x-speakeasy-param-force-new");
        if let Some(field) = fields.get_mut(&name) {
            // A parameter bound to a field the bodies carry narrows it as its own schema does: a path
            // parameter that takes one of a few values holds the field to them.
            if field.shape.enumeration.is_empty() && same_scalar(&field.shape, &param.shape) {
                field.shape.enumeration = param.shape.enumeration.clone();
            }
            field.force_new |= force_new;
            field.in_update |= sent_by_update;
            field.in_path |= param.in_path;
        }
        match fields.get_mut(&name) {
            // A parameter the create's answer gives (the new object's ID) is filled from it.
            // The create's own parameter describes it; among the others, the last.
            Some(field) if !input => {
                if !field.input_param && rank >= field.param_rank {
                    field.param = Some(param.description.clone());
                    field.param_rank = rank;
                }
                field.addresses |= param.in_path;
            }
            Some(field) => {
                field.param = Some(param.description.clone());
                field.param_required |= param.required;
                field.in_create = true;
                field.input_param = true;
            }
            None => {
                let field = Field {
                    api_name: if aside { name.clone() } else { api_name.to_owned() },
                    shape: param.shape.clone(),
                    in_create: true,
                    param: Some(param.description.clone()),
                    param_required: param.required,
                    input_param: input,
                    force_new,
                    in_update: sent_by_update,
                    in_path: param.in_path,
                    ..Field::default()
                };
                fields.insert(name, field);
            }
        }
    }
}

/// Both shapes are one scalar kind (two strings, two integers...).
fn same_scalar(one: &Shape, other: &Shape) -> bool {
    let scalar = |shape: &Shape| matches!(shape.kind, Kind::String | Kind::Integer | Kind::Number | Kind::Boolean);
    scalar(one) && std::mem::discriminant(&one.kind) == std::mem::discriminant(&other.kind)
}

/// The attribute that addresses a resource's object (in its read's path, else its delete's) which the
/// create neither sends nor learns from its answer, if there is one.
fn unaddressed(schema: &Object, operations: &Operations) -> Option<String> {
    let create = operations.create.as_ref()?;
    let addressing = operations.read.as_ref().or(operations.delete.as_ref())?;
    let sent = |name: &str| {
        create.body.iter().flatten().any(|sent| sent == name)
            || create.query.iter().any(|sent| sent == name)
            || create.path_params.iter().any(|param| param.attribute == name)
    };
    let answered = |name: &str| {
        !create.empty_answer && schema.attributes.get(name).is_some_and(|attribute| attribute.mode.is_computed())
    };
    addressing
        .path_params
        .iter()
        .map(|param| param.attribute.as_str())
        .find(|name| !sent(name) && !answered(name))
        .map(str::to_owned)
}

/// How an operation takes a parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Taken {
    /// The create (or a data source's read) takes it: an input whatever the schemas say.
    input: bool,
    /// Whose parameter describes the attribute: 1 a read's, 3 a delete's, 4 an update's.
    rank: u8,
    /// The update sends it.
    by_update: bool,
    /// A resource's operation (a data source's parameters are all inputs of its own).
    resource: bool,
}

/// A path or query parameter.
#[derive(Debug, Clone)]
pub(crate) struct Parameter {
    pub(crate) in_path: bool,
    /// The path ends with it: the ID of the object the path names.
    pub(crate) last: bool,
    /// For the last parameter, the item its path names, in the singular (`instance`).
    pub(crate) item: Option<String>,
    pub(crate) required: bool,
    pub(crate) description: String,
    pub(crate) shape: Shape,
}

/// Whether query parameter `name` is one of the inputs an operation's `x-speakeasy-pagination` pages with.
fn pages(operation: &Value, name: &str) -> bool {
    let inputs = operation.pointer("/x-speakeasy-pagination/inputs").and_then(Value::as_array);
    inputs.into_iter().flatten().any(|input| {
        input.get("name").and_then(Value::as_str) == Some(name)
            && input.get("in").and_then(Value::as_str) == Some("parameters")
    })
}

/// The attribute a parameter fills: its `x-speakeasy-match` (the last part of a dotted path), else its
/// own name in snake_case.
pub(crate) fn param_attribute(api_name: &str, shape: &Shape) -> String {
    match shape.extension("x-speakeasy-match").and_then(Value::as_str) {
        Some(matched) => legal(&snake(matched.rsplit('.').next().unwrap_or(matched))),
        None => tf_name(api_name, shape),
    }
}

/// The attribute a parameter fills: [`param_attribute`]; but by convention, where the spec does not say
/// and no attribute has that name, the path's last parameter names the object by one of its own
/// attributes: its `id` (`{petId}`), and for a resource, its name without the words in front
/// (`{pool_name}` is `name`, `{variable_key}` is `key`), or, where the parameter is called after the item
/// (`/instances/{instance}`), its `name`, else its `id`, where the object has one. (A data source's
/// parameters are its inputs: `{owner_name}` stays an attribute of its own.)
///
/// `holds` says what the attribute of a name holds, if there is one ([`Holds`]). A path parameter whose
/// own name is taken by a field it cannot fill (the answer's `owner` object beside the `{owner}` login)
/// gets an attribute of its own beside it: `owner_name` (`_id` for a number).
pub(crate) fn bound_attribute(
    api_name: &str,
    param: &Parameter,
    holds: &dyn Fn(&str) -> Option<Holds>,
    resource: bool,
) -> String {
    let name = param_attribute(api_name, &param.shape);
    let explicit = param.shape.name_override.is_some() || param.shape.extension("x-speakeasy-match").is_some();
    match holds(&name) {
        _ if explicit => return name,
        // A query parameter goes by its own name, which the request needs.
        Some(held) if held.takes_parameters() || !param.in_path => return name,
        Some(_) => {
            let suffix = if Holds::of(&param.shape) == Holds::Number { "id" } else { "name" };
            let aside = (1..).map(|n| if n == 1 { format!("{name}_{suffix}") } else { format!("{name}_{suffix}{n}") });
            return aside
                .into_iter()
                .find(|candidate| holds(candidate).is_none_or(Holds::takes_parameters))
                .unwrap_or(name);
        }
        None if !param.last => return name,
        None => {}
    }
    let words: Vec<&str> = name.split('_').collect();
    let shorter = (1..words.len()).map(|skip| words[skip..].join("_"));
    let named_after_item = resource && param.item.as_deref() == Some(name.as_str());
    let item = named_after_item.then(|| ["name".to_owned(), "id".to_owned()]).into_iter().flatten();
    let candidates: Vec<String> = shorter.filter(|candidate| resource || candidate == "id").chain(item).collect();
    // A field of the parameter's own kind first (`{gpg_key_id}`, an integer, is the key's `id`, not its
    // text `key_id`), else any a parameter can fill.
    let kind = Holds::of(&param.shape);
    let suits = |candidate: &&String| holds(candidate).is_some_and(|held| held.suits(kind));
    let fills = |candidate: &&String| holds(candidate).is_some_and(Holds::takes_parameters);
    candidates.iter().find(suits).or_else(|| candidates.iter().find(fills)).cloned().unwrap_or(name)
}

/// What `fields` has under `name`, if anything.
pub(crate) fn holds(fields: &IndexMap<String, Field>, name: &str) -> Option<Holds> {
    fields.get(name).map(|field| Holds::of(&field.shape))
}

/// The `application/json` (or first JSON-like) media type of a `content` map, with its schema.
pub(crate) fn json_schema(content: &Value) -> Option<(&str, &Value)> {
    let content = content.as_object()?;
    let (kind, media) = content
        .iter()
        .find(|(kind, _)| kind.as_str() == "application/json")
        .or_else(|| content.iter().find(|(kind, _)| kind.contains("json")))
        .or_else(|| content.iter().next())?;
    Some((kind.as_str(), media.get("schema")?))
}

/// An entity's name as its default description says it: its parts (separated by `_` or spaces) joined,
/// each starting with a capital (`AppOwner` for `App_Owner`, `GroupList` for `Group_list`,
/// `AccessReviewSetup` for `Access Review Setup`).
pub fn entity_title(name: &str) -> String {
    name.split(['_', ' '])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_titles_join_their_parts_capitalised() {
        assert_eq!(entity_title("App_Owner"), "AppOwner");
        assert_eq!(entity_title("Group_list"), "GroupList");
        assert_eq!(entity_title("Access Review Setup"), "AccessReviewSetup");
    }
}
