//! A resource's or data source's attributes inferred from its operations, by the rules the leading
//! generator documents: attributes from the create request body merged with the responses and the
//! operations' path and query parameters; required, optional, optional+computed and read-only as it
//! decides them; "requires replacement" for inputs the update does not take (all of them without an
//! update); its description suffixes; `x-speakeasy-*` annotations where the spec gives them.

use indexmap::IndexMap;
use serde_json::Value;

use super::entities::{ApiOperation, Entity, Role};
use super::names::snake;
use super::shape::{Kind, Reader, Shape};
use crate::model::{
    Attribute, Method, Mode, Nested, NestedObject, NestingMode, Object, OneOf, Operation, OperationKind, Operations,
    PathParam, Resource, Type, Unset, Validator, Value as ModelValue, Variant,
};

/// Where a field was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
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
struct Field {
    api_name: String,
    /// The name answers give it, where it differs from the request's (`tag_key` sent, `key` answered).
    answer_name: Option<String>,
    /// The request's schema where a request has it, else the response's.
    shape: Shape,
    in_create: bool,
    /// The main create's body has it (not only a further step's).
    in_main_create: bool,
    required: bool,
    in_update: bool,
    in_response: bool,
    /// The request body's description (the create's, else the update's).
    request_description: Option<String>,
    /// The answer's description.
    response_description: Option<String>,
    /// An operation's whole request body, an object with no properties (see [`whole_body`]).
    whole_body: bool,
    /// A path or query parameter's description (the last operation's).
    param: Option<String>,
    /// Whose parameter described it: 1 a read's, 3 an update's, 4 a delete's (an answer ranks 2).
    param_rank: u8,
    /// A parameter the configuration must give.
    param_required: bool,
    /// A parameter of the create (or of a data source's read): an input whatever the schemas say.
    input_param: bool,
    /// A path parameter of a read, update or delete: the object's address, which must be known.
    addresses: bool,
    children: IndexMap<String, Field>,
    /// How the children nest.
    nesting: Option<NestingMode>,
    /// For a one-of: the API field naming the variant, and each variant child with its tag.
    union: Option<Union>,
}

/// A one-of's discriminator (the API field naming the variant) and its variants' children with their tags.
type Union = (Option<String>, Vec<(String, String)>);

/// Infers the resources and data sources of one document.
pub struct Inference<'r, 'd> {
    /// The schema reader.
    pub reader: &'r mut Reader<'d>,
    /// Decisions the spec leaves open, for the report.
    pub report: Vec<String>,
}

/// The Terraform name of a property or parameter: its `x-speakeasy-name-override`, else snake_case.
fn tf_name(name: &str, shape: &Shape) -> String {
    shape.name_override.as_deref().map_or_else(|| snake(name), snake)
}

fn ignored(shape: &Shape) -> bool {
    shape.flag("x-speakeasy-ignore")
        || shape.flag("x-speakeasy-terraform-ignore")
        || shape.extension("x-speakeasy-terraform-ignore").and_then(Value::as_str) == Some("schema")
}

impl<'d> Inference<'_, 'd> {
    /// The resource of `entity`, if it has a create operation.
    pub fn resource(&mut self, name: &str, entity: &Entity<'d>) -> Option<Resource> {
        entity.main(OperationKind::Create, false)?;
        let has_update = entity.main(OperationKind::Update, false).is_some();
        let mut fields: IndexMap<String, Field> = IndexMap::new();
        // The bodies of the create (and its further steps) and the update give the attributes; a delete's
        // body can only be an attribute of its own (see `whole_body`).
        for kind in [OperationKind::Create, OperationKind::Update, OperationKind::Delete] {
            for role in entity.all(kind, false) {
                let Some((body, path)) = self.request_body_at(&role.operation, name) else { continue };
                whole_body(&mut fields, &body, &path, kind);
                let seen = match kind {
                    OperationKind::Create if role.order == 1 => Seen::Create,
                    OperationKind::Create => Seen::CreateStep,
                    OperationKind::Update => Seen::Update,
                    _ => continue,
                };
                absorb(&mut fields, &body, seen);
            }
        }
        for kind in [OperationKind::Create, OperationKind::Read, OperationKind::Update] {
            for role in entity.all(kind, false) {
                if let Some(answer) = self.response(&role.operation, name) {
                    // A further step's answer adds attributes only where it is the entity's own object.
                    let seen = if role.order == 1 || names_entity(&answer, name) {
                        Seen::Response
                    } else {
                        Seen::StepResponse
                    };
                    absorb(&mut fields, &answer, seen);
                }
            }
        }
        // Parameters: the create's are inputs; the others' must come from the create's answer (matched by
        // name), else they are inputs too.
        for kind in [OperationKind::Create, OperationKind::Read, OperationKind::Update, OperationKind::Delete] {
            for role in entity.all(kind, false) {
                let input = kind == OperationKind::Create && role.order == 1;
                // Which description wins: a read's parameter's loses to the answer's, an update's or a
                // delete's parameter's wins over it.
                let rank = match kind {
                    OperationKind::Update => 3,
                    OperationKind::Delete => 4,
                    _ => 1,
                };
                for (param_name, param) in self.parameters(&role.operation) {
                    self.add_parameter(&mut fields, &param_name, &param, input, rank);
                }
            }
        }
        // What only the update takes, and no answer carries, is not part of the resource; nor is the
        // top-level field that marks an object deleted (`x-speakeasy-soft-delete-property`).
        fields.retain(|_, field| {
            (field.in_create || field.in_response || field.param.is_some() || field.whole_body)
                && !field.shape.flag("x-speakeasy-soft-delete-property")
        });
        let schema = self.object(&fields, 0, has_update, false);
        let operations = self.operations(entity, &fields, &schema, false, name);

        Some(self.finish(name, schema, operations))
    }

    /// The data source of `entity`, if it has a read operation serving one.
    pub fn data_source(&mut self, name: &str, entity: &Entity<'d>) -> Option<Resource> {
        let read = entity.main(OperationKind::Read, true)?;
        let mut fields: IndexMap<String, Field> = IndexMap::new();
        for role in entity.all(OperationKind::Read, true) {
            if let Some(answer) = self.response(&role.operation, name) {
                absorb(&mut fields, &answer, Seen::Response);
            }
        }
        for (param_name, param) in self.parameters(&read.operation) {
            self.add_parameter(&mut fields, &param_name, &param, true, 1);
        }
        // A search taken as a request body: its fields are the data source's inputs.
        if let Some(body) = self.request_body(&read.operation, name) {
            absorb(&mut fields, &body, Seen::Create);
        }
        let schema = self.object(&fields, 0, true, true);
        let operations = self.operations(entity, &fields, &schema, true, name);
        Some(self.finish(name, schema, operations))
    }

    fn finish(&self, name: &str, schema: Object, operations: Operations) -> Resource {
        let id_attribute = schema.attributes.contains_key("id").then(|| "id".to_owned());
        let import = operations.read.as_ref().and_then(|read| {
            let names: Vec<String> = read.path_params.iter().map(|param| param.attribute.clone()).collect();
            if names.is_empty() {
                return id_attribute
                    .as_ref()
                    .map(|id| crate::model::Import { id: format!("{{{id}}}"), attributes: vec![id.clone()] });
            }
            let template = names.iter().map(|name| format!("{{{name}}}")).collect::<Vec<_>>().join("/");
            Some(crate::model::Import { id: template, attributes: names })
        });
        Resource {
            description: format!("{} Resource", entity_title(name)),
            subcategory: None,
            deprecation: None,
            schema,
            operations,
            id_attribute,
            import,
            identity: None,
        }
    }

    /// The request body schema of an operation (JSON), hoisted to the entity's object.
    fn request_body(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<Shape> {
        self.request_body_at(operation, entity).map(|(shape, _)| shape)
    }

    /// [`Self::request_body`], with the field that holds the entity's object ([`hoisted`]).
    fn request_body_at(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<(Shape, Vec<String>)> {
        let body = operation.value.get("requestBody")?;
        let (body, _) = self.reader.follow(body, &operation.pointer)?;
        let (media, schema) = json_schema(body.get("content")?)?;
        let at = format!("{}/requestBody/content/{}/schema", operation.pointer, super::document::escape(media));
        let shape = self.reader.shape(schema, &at);
        Some(hoisted(shape, entity))
    }

    /// The first success response's JSON schema, hoisted to the entity's object; an array is wrapped in
    /// an attribute (`data`, or the `x-speakeasy-wrapped-attribute` name).
    fn response(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<Shape> {
        self.response_at(operation, entity).map(|(shape, _)| shape)
    }

    /// [`Self::response`], with the field that holds the entity's object ([`hoisted`]).
    fn response_at(&mut self, operation: &ApiOperation<'d>, entity: &str) -> Option<(Shape, Vec<String>)> {
        let responses = operation.value.get("responses")?.as_object()?;
        let (code, response) = responses.iter().find(|(code, _)| code.starts_with('2'))?;
        let (response, _) = self.reader.follow(response, &operation.pointer)?;
        let (media, schema) = json_schema(response.get("content")?)?;
        let at = format!("{}/responses/{code}/content/{}/schema", operation.pointer, super::document::escape(media));
        let root = self.reader.shape(schema, &at);
        // An answer that wraps the object (in a field, or as a list's first element) keeps what sits
        // beside it (`expanded`, a page token) as attributes too.
        let (mut shape, path) = hoisted(root.clone(), entity);
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
            return Some((
                Shape { kind: Kind::Object { properties, required: Vec::new() }, ..Shape::default() },
                Vec::new(),
            ));
        }
        Some((shape, path))
    }

    /// The path and query parameters of an operation (the path item's shared ones too), by API name.
    fn parameters(&mut self, operation: &ApiOperation<'d>) -> Vec<(String, Parameter)> {
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
            if found.iter().any(|(seen, _)| seen == name) {
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

            let parameter = Parameter {
                in_path: location == "path",
                last: location == "path" && operation.path.ends_with(&format!("{{{name}}}")),
                required: param.get("required").and_then(Value::as_bool).unwrap_or(location == "path"),
                description: param.get("description").and_then(Value::as_str).unwrap_or_default().to_owned(),
                shape,
            };
            found.push((name.to_owned(), parameter));
        }
        found
    }

    fn add_parameter(
        &mut self,
        fields: &mut IndexMap<String, Field>,
        api_name: &str,
        param: &Parameter,
        input: bool,
        rank: u8,
    ) {
        if ignored(&param.shape) {
            return;
        }
        let name = bound_attribute(api_name, param, &|name| fields.contains_key(name));
        if name != param_attribute(api_name, &param.shape)
            && !self.report.iter().any(|line| line.contains(&format!("`{{{api_name}}}`")))
        {
            self.report
                .push(format!("path parameter `{{{api_name}}}` is the object's `{name}`, which the answer carries"));
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
                    api_name: api_name.to_owned(),
                    shape: param.shape.clone(),
                    in_create: true,
                    param: Some(param.description.clone()),
                    param_required: param.required,
                    input_param: input,
                    ..Field::default()
                };
                fields.insert(name, field);
            }
        }
    }

    /// The attributes of an object from its fields.
    fn object(
        &mut self,
        fields: &IndexMap<String, Field>,
        depth: usize,
        has_update: bool,
        data_source: bool,
    ) -> Object {
        let mut object = Object::default();
        for (name, field) in fields {
            let attribute = self.attribute(field, depth, has_update, data_source);
            object.attributes.insert(name.clone(), attribute);
        }
        object
    }

    fn attribute(&mut self, field: &Field, depth: usize, has_update: bool, data_source: bool) -> Attribute {
        let shape = &field.shape;
        // Inputs are what the create takes; what only the update takes is read-only, as the API answers it.
        // A further create step that names the object in its body (a bulk update) sends the ID the
        // API assigned: that makes it no input.
        let assigned_address = field.addresses && field.in_response && !field.in_main_create;
        let configurable = field.input_param
            || field.whole_body
            || (field.in_create && !assigned_address && !shape.read_only && !shape.flag("x-speakeasy-param-readonly"));
        let input_required = field.param_required || field.required;
        let forced_computed = shape.extension("x-speakeasy-param-computed").and_then(Value::as_bool);
        let mut not_null = false;
        let default = shape
            .default
            .as_ref()
            .filter(|value| configurable && !data_source && !value.is_null() && !value.is_object())
            .and_then(model_value);
        let mode = if !configurable {
            Mode::ReadOnly
        } else if input_required && !shape.flag("x-speakeasy-param-optional") && default.is_none() {
            if forced_computed == Some(true) || (depth > 0 && field.in_response && !data_source) {
                not_null = true;
                Mode::OptionalComputed
            } else {
                Mode::Required
            }
        } else if data_source {
            Mode::Optional
        } else if field.addresses && !field.in_response {
            // Addresses the object, so it must be known: the configuration gives it.
            Mode::Required
        } else if default.is_some()
            || forced_computed == Some(true)
            || field.addresses
            || (field.in_response && forced_computed != Some(false))
        {
            Mode::OptionalComputed
        } else {
            Mode::Optional
        };
        let requires_replacement = mode != Mode::ReadOnly
            && !data_source
            && (!has_update
                || (field.in_create && !field.in_update && field.param.is_none())
                || shape.flag("x-speakeasy-param-force-new"));
        let (ty, json) = self.attribute_type(field, depth, has_update, data_source);
        let mut suffixes = Vec::new();
        let closed_enum = !shape.enumeration.is_empty()
            && shape.extension("x-speakeasy-unknown-values").and_then(Value::as_str) != Some("allow");
        if configurable && !shape.enumeration.is_empty() && !closed_enum {
            suffixes.push(format!("possible known values include one of [{}]", enum_list(&shape.enumeration)));
        }
        if let (Some(default), true) =
            (shape.default.as_ref().filter(|value| !value.is_null()), configurable && !data_source)
        {
            suffixes.push(format!("Default: {}", serde_json::to_string(default).unwrap_or_default()));
        }
        if not_null {
            suffixes.push("Not Null".to_owned());
        }
        if configurable && closed_enum {
            suffixes.push(match shape.enumeration.as_slice() {
                [only] => format!("must be {}", serde_json::to_string(only).unwrap_or_default()),
                members => format!("must be one of [{}]", enum_list(members)),
            });
        }
        if requires_replacement {
            suffixes.push("Requires replacement if changed.".to_owned());
        }
        if json {
            suffixes.push("Parsed as JSON.".to_owned());
        }
        // A resource describes an attribute as its request body does, else as its parameters do, else as
        // the answer does; a data source as the answer does, else as its parameters do.
        let nonempty = |text: &Option<String>| text.clone().filter(|text| !text.is_empty());
        let answered = field.response_description.clone().filter(|text| !text.is_empty());
        let base = if data_source {
            answered.or_else(|| nonempty(&field.request_description)).or_else(|| nonempty(&field.param))
        } else {
            let param = nonempty(&field.param);
            let late_param = param.clone().filter(|_| field.param_rank > 2 || field.input_param);
            nonempty(&field.request_description).or(late_param).or(answered).or(param)
        }
        .unwrap_or_default();
        let mut validators = Vec::new();
        if configurable && !shape.enumeration.is_empty() && closed_enum {
            let members: Option<Vec<ModelValue>> = shape.enumeration.iter().map(model_value).collect();
            if let Some(members) =
                members.filter(|members| members.iter().all(|member| !matches!(member, ModelValue::Null)))
            {
                validators.push(Validator::Enum(members));
            }
        }
        let deprecation = shape.deprecated.then(|| {
            shape
                .extension("x-speakeasy-deprecation-message")
                .and_then(Value::as_str)
                .unwrap_or("This will be removed in a future release, please migrate away from it as soon as possible")
                .to_owned()
        });
        // A value typed over as any JSON is described by its suffix alone, as the leading generator does.
        let base = if shape.extension("x-speakeasy-type-override").and_then(Value::as_str) == Some("any") {
            String::new()
        } else {
            base
        };
        let mut attribute = Attribute::new(ty, mode, field.api_name.clone());
        attribute.answer_name = field.answer_name.clone();
        attribute.description = describe(&base, &suffixes);
        // An input that addresses the object (a path parameter of its read, update or delete) names
        // another object when it changes: the provider replaces it. The description says nothing of it,
        // as the leading generator's does not (it would send the update to an object that is not there).
        let readdresses = depth == 0 && !data_source && mode != Mode::ReadOnly && field.addresses;
        attribute.requires_replacement = requires_replacement || readdresses;
        attribute.sensitive = shape.flag("x-speakeasy-param-sensitive") || shape.format.as_deref() == Some("password");
        attribute.write_only = shape.flag("x-speakeasy-terraform-write-only") && mode != Mode::ReadOnly;
        attribute.deprecation = deprecation;
        // An input no answer carries stays as configured (a read cannot say otherwise).
        attribute.not_returned = !data_source && configurable && !field.in_response && !attribute.write_only;
        attribute.default = default.filter(|_| mode == Mode::OptionalComputed);
        attribute.validators = validators;
        attribute
    }

    /// The attribute's type, and whether it holds JSON text.
    fn attribute_type(&mut self, field: &Field, depth: usize, has_update: bool, data_source: bool) -> (Type, bool) {
        let nested = |this: &mut Self, mode: NestingMode| {
            let mut object = this.object(&field.children, depth + 1, has_update, data_source);
            if let Some((discriminator, tags)) = &field.union {
                one_of(&mut object, discriminator.as_deref(), tags);
            }
            Type::Nested(Box::new(Nested { mode, object: NestedObject::Inline(object), min_items: 0, max_items: 0 }))
        };
        if field.shape.extension("x-speakeasy-type-override").and_then(Value::as_str) == Some("any") {
            return (Type::String, true);
        }
        match &field.shape.kind {
            Kind::String => (Type::String, false),
            Kind::Integer => (Type::Int64, false),
            Kind::Number if matches!(field.shape.format.as_deref(), Some("float" | "double")) => (Type::Float64, false),
            Kind::Number => (Type::Number, false),
            Kind::Boolean => (Type::Bool, false),
            Kind::Object { .. } | Kind::Union { .. } if !field.children.is_empty() => {
                (nested(self, NestingMode::Single), false)
            }
            Kind::Array { items, set } => {
                if !field.children.is_empty() {
                    let mode = if *set { NestingMode::Set } else { NestingMode::List };
                    return (nested(self, mode), false);
                }
                if matches!(&items.kind, Kind::Object { .. } if !items.open) {
                    let mode = if *set { NestingMode::Set } else { NestingMode::List };
                    return (nested(self, mode), false);
                }
                let element = primitive(items).unwrap_or(Type::String);
                (if *set { Type::Set(Box::new(element)) } else { Type::List(Box::new(element)) }, false)
            }
            Kind::Map(values) => {
                if !field.children.is_empty() {
                    return (nested(self, NestingMode::Map), false);
                }
                (Type::Map(Box::new(primitive(values).unwrap_or(Type::String))), false)
            }
            // An object that names no property: any JSON where it says so, else an empty object.
            Kind::Object { .. } if !field.shape.open => (nested(self, NestingMode::Single), false),
            Kind::Union { .. } | Kind::Object { .. } | Kind::Any | Kind::Recursive(_) => (Type::String, true),
        }
    }

    /// The model operations: the main operation of each kind, its path parameters bound to the
    /// attributes they fill, its query parameters and body.
    fn operations(
        &mut self,
        entity: &Entity<'d>,
        fields: &IndexMap<String, Field>,
        schema: &Object,
        data_source: bool,
        name: &str,
    ) -> Operations {
        let mut operations = Operations::default();
        let kinds: &[OperationKind] = if data_source {
            &[OperationKind::Read]
        } else {
            &[OperationKind::Create, OperationKind::Read, OperationKind::Update, OperationKind::Delete]
        };
        for kind in kinds {
            let Some(role) = entity.main(*kind, data_source) else { continue };
            let mut operation = self.operation(role, fields, schema, name);
            // Further steps (`#2`, `#3`) that address the object by path are made after the main call.
            for step in entity.all(*kind, data_source).skip(1) {
                let api = &step.operation;
                let made = self.operation(step, fields, schema, name);
                let same = made.method == operation.method && made.path == operation.path;
                if same || operation.then.iter().any(|other| other.method == made.method && other.path == made.path) {
                    continue;
                }
                let addressed = made
                    .body
                    .iter()
                    .flatten()
                    .any(|attribute| fields.get(attribute).is_some_and(|field| field.addresses));
                if made.path_params.is_empty() && !addressed {
                    self.report.push(format!(
                        "{name}: {} {} ({} step {}) names no object in its path; the provider does not make that call",
                        api.method.as_str(),
                        api.path,
                        kind.key(),
                        step.order
                    ));
                    continue;
                }
                operation.then.push(made);
            }
            match kind {
                OperationKind::Create => operations.create = Some(operation),
                OperationKind::Read => operations.read = Some(operation),
                OperationKind::Update => operations.update = Some(operation),
                OperationKind::Delete => operations.delete = Some(operation),
                OperationKind::List => {}
            }
        }
        operations
    }

    fn operation(
        &mut self,
        role: &Role<'d>,
        fields: &IndexMap<String, Field>,
        schema: &Object,
        name: &str,
    ) -> Operation {
        let api = &role.operation;
        let mut path_params = Vec::new();
        let mut query = Vec::new();
        for (param_name, param) in self.parameters(api) {
            let attribute = bound_attribute(&param_name, &param, &|name| fields.contains_key(name));
            if !schema.attributes.contains_key(&attribute) {
                continue;
            }
            if param.in_path {
                path_params.push(PathParam { name: param_name, attribute });
            } else {
                query.push(attribute);
            }
        }
        // Where the API wraps the object, the field that holds it.
        let field = |path: Vec<String>| (!path.is_empty()).then(|| path.join("."));
        let (request, request_path) = self.request_body_at(api, name).unzip();
        let body_field = request_path.and_then(field);
        let answer_path = self.response_at(api, name).map(|(_, path)| path);
        let answer_field = match role.kind {
            OperationKind::Delete => None,
            _ => answer_path.and_then(field),
        };
        // An operation whose path names no object (a bulk update) addresses it in the body, by the
        // fields that address it elsewhere; the create itself cannot, as nothing addresses it yet.
        let addressed_in_body = path_params.is_empty() && !(role.kind == OperationKind::Create && role.order == 1);
        let body = matches!(api.method, Method::Post | Method::Put | Method::Patch).then(|| {
            let properties = match request.as_ref().map(|shape| &shape.kind) {
                Some(Kind::Object { properties, .. }) => Some(properties),
                _ => None,
            };
            let sent: Vec<String> =
                properties.into_iter().flatten().map(|(api_name, shape)| tf_name(api_name, shape)).collect();
            let address = |name: &str| {
                addressed_in_body
                    && fields.get(name).is_some_and(|field| field.addresses)
                    && schema.attributes.get(name).is_some_and(|attribute| {
                        properties.is_some_and(|properties| properties.contains_key(&attribute.api_name))
                    })
            };
            fields
                .keys()
                .filter(|name| {
                    (sent.contains(name)
                        && schema.attributes.get(*name).is_some_and(|attribute| attribute.mode.is_configurable()))
                        || address(name)
                })
                .filter(|name| {
                    !query.contains(name) && !path_params.iter().any(|param: &PathParam| &param.attribute == *name)
                })
                .cloned()
                .collect()
        });
        let success: Vec<u16> = api
            .value
            .get("responses")
            .and_then(Value::as_object)
            .map(|responses| {
                responses
                    .keys()
                    .filter_map(|code| code.parse::<u16>().ok())
                    .filter(|code| (200..300).contains(code))
                    .collect()
            })
            .unwrap_or_default();
        let operation_id = api.value.get("operationId").and_then(Value::as_str).map(str::to_owned);
        Operation {
            method: api.method,
            path: api.path.clone(),
            operation_id: operation_id.unwrap_or_else(|| Operation::default_operation_id(role.kind, name)),
            summary: api.value.get("summary").and_then(Value::as_str).unwrap_or_default().to_owned(),
            description: api.value.get("description").and_then(Value::as_str).unwrap_or_default().to_owned(),
            path_params,
            query,
            body,
            success: if success.is_empty() { Operation::default_success(role.kind) } else { success },
            errors: Vec::new(),
            unset: Unset::default_for(api.method),
            idempotency_key: None,
            then: Vec::new(),
            body_field,
            answer_field,
        }
    }
}

/// A path or query parameter.
#[derive(Debug, Clone)]
struct Parameter {
    in_path: bool,
    /// The path ends with it: the ID of the object the path names.
    last: bool,
    required: bool,
    description: String,
    shape: Shape,
}

/// The attribute a parameter fills: its `x-speakeasy-match` (the last part of a dotted path), else its
/// own name in snake_case.
fn param_attribute(api_name: &str, shape: &Shape) -> String {
    match shape.extension("x-speakeasy-match").and_then(Value::as_str) {
        Some(matched) => snake(matched.rsplit('.').next().unwrap_or(matched)),
        None => tf_name(api_name, shape),
    }
}

/// The attribute a parameter fills: [`param_attribute`]; but by convention, where the spec does not say
/// and no attribute has that name, the object's `id` for the path's last parameter (`/pets/{petId}`).
fn bound_attribute(api_name: &str, param: &Parameter, has: &dyn Fn(&str) -> bool) -> String {
    let name = param_attribute(api_name, &param.shape);
    let explicit = param.shape.name_override.is_some() || param.shape.extension("x-speakeasy-match").is_some();
    if !explicit && !has(&name) && param.last && name.ends_with("_id") && has("id") {
        return "id".to_owned();
    }
    name
}

/// Whether a schema is marked `x-speakeasy-entity` with the entity's name.
fn names_entity(shape: &Shape, entity: &str) -> bool {
    match shape.extension("x-speakeasy-entity") {
        Some(Value::String(name)) => name == entity,
        Some(Value::Array(names)) => names.iter().any(|name| name.as_str() == Some(entity)),
        _ => false,
    }
}

/// A request body that is an object with no properties has nothing to merge: it is an attribute of its
/// own, named after its schema (else `request_body`), as the leading generator shows it. Its one value is
/// `{}`, which the operation sends whether or not it is set.
fn whole_body(fields: &mut IndexMap<String, Field>, body: &Shape, path: &[String], kind: OperationKind) {
    let empty = matches!(&body.kind, Kind::Object { properties, .. } if properties.is_empty());
    if !empty || body.open || ignored(body) || !path.is_empty() {
        return;
    }
    let attribute = body.type_name_override.as_deref().map_or_else(|| "request_body".to_owned(), snake);
    let field = fields.entry(attribute.clone()).or_insert_with(|| Field {
        api_name: attribute,
        shape: body.clone(),
        whole_body: true,
        ..Field::default()
    });
    field.in_create |= kind == OperationKind::Create;
    if field.request_description.is_none() && !body.description.is_empty() {
        field.request_description = Some(body.description.clone());
    }
}

/// Adds to `shape` (the object found at `path` inside `root`) what sits beside that path at each level, as
/// [`crate::model::Operation::object_in`] reads it: each property an attribute of its own, but the objects
/// beside the entity in a view that wraps it (the caller's permissions on it) add their fields; the outer
/// of two properties of one name wins.
fn with_siblings(shape: &mut Shape, root: &Shape, path: &[String]) {
    let Kind::Object { properties: own, .. } = &mut shape.kind else { return };
    let mut beside: IndexMap<String, Shape> = IndexMap::new();
    let mut level = root;
    for (depth, step) in path.iter().enumerate() {
        let (field, list) = crate::model::path_segment(step);
        let in_view = depth > 0 && depth == path.len() - 1;
        if !field.is_empty() {
            let Kind::Object { properties, .. } = &level.kind else { break };
            for (name, property) in properties.iter().filter(|(name, _)| *name != field) {
                match &property.kind {
                    Kind::Object { properties: fields, .. } if in_view => {
                        for (name, field) in fields {
                            beside.entry(name.clone()).or_insert_with(|| field.clone());
                        }
                    }
                    _ => {
                        beside.entry(name.clone()).or_insert_with(|| property.clone());
                    }
                }
            }
            let Some(next) = properties.get(field) else { break };
            level = next;
        }
        if list {
            let Kind::Array { items, .. } = &level.kind else { break };
            level = items;
        }
    }
    own.extend(beside);
}

/// The entity's own object within a schema: the first object, depth first, marked
/// `x-speakeasy-entity` with the entity's name; else the schema itself.
/// Also where it was found, as [`Operation::body_field`] writes it: the property names leading to it,
/// `[]` after one that holds a list of it (`groups[]`), `[]` alone for a schema that is such a list.
fn hoisted(shape: Shape, entity: &str) -> (Shape, Vec<String>) {
    fn find(shape: &Shape, entity: &str, depth: usize) -> Option<(Shape, Vec<String>)> {
        if names_entity(shape, entity) {
            return Some((shape.clone(), Vec::new()));
        }
        if depth > 3 {
            return None;
        }
        match &shape.kind {
            Kind::Object { properties, .. } => properties.iter().find_map(|(name, property)| {
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
    if names_entity(&shape, entity) {
        return (shape, Vec::new());
    }
    find(&shape, entity, 0).unwrap_or((shape, Vec::new()))
}

/// The `application/json` (or first JSON-like) media type of a `content` map, with its schema.
fn json_schema(content: &Value) -> Option<(&str, &Value)> {
    let content = content.as_object()?;
    let (kind, media) = content
        .iter()
        .find(|(kind, _)| kind.as_str() == "application/json")
        .or_else(|| content.iter().find(|(kind, _)| kind.contains("json")))
        .or_else(|| content.iter().next())?;
    Some((kind.as_str(), media.get("schema")?))
}

/// Adds the properties of an object shape (and, through nesting, of its objects) to `fields`.
fn absorb(fields: &mut IndexMap<String, Field>, shape: &Shape, seen: Seen) {
    let (properties, required) = match &shape.kind {
        Kind::Object { properties, required } => (properties, required),
        _ => return,
    };
    // Properties beyond the named ones, where an answer allows them, are shown as one read-only JSON
    // attribute (the provider does not gather them into it yet, so it stays null).
    if shape.open && !properties.is_empty() && seen == Seen::Response {
        let extra = fields
            .entry("additional_properties".to_owned())
            .or_insert_with(|| Field { api_name: "additionalProperties".to_owned(), ..Field::default() });
        extra.in_response = true;
    }
    for (api_name, property) in properties {
        let answer = matches!(seen, Seen::Response | Seen::StepResponse);
        if ignored(property) || (property.ignored_reference && !answer) {
            continue;
        }
        let name = tf_name(api_name, property);
        if seen == Seen::StepResponse && !fields.contains_key(&name) {
            continue;
        }
        let field = fields.entry(name).or_insert_with(|| Field {
            api_name: api_name.clone(),
            shape: property.clone(),
            ..Field::default()
        });
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
                field.required |= required.contains(api_name) && !property.nullable;
            }
            Seen::Update => field.in_update = true,
            Seen::Response | Seen::StepResponse => field.in_response = true,
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
            let children = std::mem::take(&mut field.children);
            field.shape = property.clone();
            field.children = children;
        }
        absorb_children(field, property, seen);
    }
}

/// Adds the members of a property's objects (object, list or set of objects, map of objects, or the
/// variants of a one-of) to the field's children.
fn absorb_children(field: &mut Field, shape: &Shape, seen: Seen) {
    match &shape.kind {
        Kind::Object { .. } => absorb(&mut field.children, shape, seen),
        Kind::Array { items, .. } => {
            if matches!(items.kind, Kind::Object { .. } | Kind::Union { .. }) {
                field.nesting = Some(NestingMode::List);
                absorb_children(field, items, seen);
            }
        }
        Kind::Map(values) => {
            if matches!(values.kind, Kind::Object { .. }) {
                absorb(&mut field.children, values, seen);
            }
        }
        Kind::Union { variants, discriminator, mapping } => {
            let (_, tags) = field.union.get_or_insert_with(|| (discriminator.clone(), Vec::new()));
            let mut named = Vec::new();
            for (index, variant) in variants.iter().enumerate() {
                let name = variant
                    .name_override
                    .as_deref()
                    .or(variant.type_name_override.as_deref())
                    .map(snake)
                    .or_else(|| variant.component.as_deref().map(snake))
                    .or_else(|| variant.title.as_deref().map(snake))
                    .unwrap_or_else(|| format!("variant{}", index + 1));
                if !matches!(variant.kind, Kind::Object { .. }) {
                    continue;
                }
                let tag = mapping
                    .iter()
                    .find(|(_, component)| variant.component.as_deref() == Some(component.as_str()))
                    .map(|(tag, _)| tag.clone())
                    .or_else(|| variant.component.clone())
                    .unwrap_or_else(|| name.clone());
                if !tags.iter().any(|(child, _)| *child == name) {
                    named.push((name.clone(), tag));
                }
                if seen == Seen::StepResponse && !field.children.contains_key(&name) {
                    continue;
                }
                let child = field.children.entry(name.clone()).or_insert_with(|| Field {
                    api_name: name.clone(),
                    shape: variant.clone(),
                    ..Field::default()
                });
                match seen {
                    Seen::Create | Seen::CreateStep => child.in_create = true,
                    Seen::Update => child.in_update = true,
                    Seen::Response | Seen::StepResponse => child.in_response = true,
                }
                absorb(&mut child.children, variant, seen);
            }
            if let Some((_, tags)) = &mut field.union {
                tags.extend(named);
            }
        }
        _ => {}
    }
}

/// Makes the variant attributes of a one-of a group of `object`: the API sends the chosen variant's
/// fields in place of the object, with the discriminator (which the variants then do not hold themselves).
fn one_of(object: &mut Object, discriminator: Option<&str>, tags: &[(String, String)]) {
    let variants: Vec<Variant> = tags
        .iter()
        .filter(|(child, _)| object.attributes.contains_key(child))
        .map(|(child, tag)| Variant { attribute: child.clone(), tag: tag.clone() })
        .collect();
    if variants.len() < 2 {
        return;
    }
    if let Some(discriminator) = discriminator {
        for variant in &variants {
            if let Some(Type::Nested(nested)) =
                object.attributes.get_mut(&variant.attribute).map(|attribute| &mut attribute.ty)
            {
                if let NestedObject::Inline(inner) = &mut nested.object {
                    inner.attributes.retain(|_, attribute| attribute.api_name != discriminator);
                }
            }
        }
    }
    let group = OneOf {
        description: String::new(),
        required: false,
        discriminator: discriminator.map(str::to_owned),
        variants,
    };
    object.one_of.insert("variant".to_owned(), group);
}

/// The primitive Terraform type of a shape, if it is one.
fn primitive(shape: &Shape) -> Option<Type> {
    Some(match shape.kind {
        Kind::String => Type::String,
        Kind::Integer => Type::Int64,
        Kind::Number => Type::Number,
        Kind::Boolean => Type::Bool,
        _ => return None,
    })
}

/// A JSON value as a model value (defaults, enum members).
fn model_value(value: &Value) -> Option<ModelValue> {
    Some(match value {
        Value::Null => ModelValue::Null,
        Value::Bool(flag) => ModelValue::Bool(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(int) => ModelValue::Int(int),
            None => ModelValue::Float(number.as_f64()?),
        },
        Value::String(text) => ModelValue::String(text.clone()),
        Value::Array(items) => ModelValue::List(items.iter().map(model_value).collect::<Option<_>>()?),
        Value::Object(_) => return None,
    })
}

/// `"a", "b"` for an enum list.
fn enum_list(members: &[Value]) -> String {
    members.iter().map(|member| serde_json::to_string(member).unwrap_or_default()).collect::<Vec<_>>().join(", ")
}

/// The description with its suffixes: joined by `; `, directly after a final line break, on a line of
/// their own after text of several lines, else after a space when the text ends with a period and after
/// `. ` when it ends otherwise.
pub fn describe(text: &str, suffixes: &[String]) -> String {
    if suffixes.is_empty() {
        return text.to_owned();
    }
    let joined = suffixes.join("; ");
    if text.is_empty() {
        joined
    } else if text.ends_with('\n') {
        format!("{text}{joined}")
    } else if text.contains('\n') {
        format!("{text}\n{joined}")
    } else if text.ends_with('.') {
        format!("{text} {joined}")
    } else {
        format!("{text}. {joined}")
    }
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

    #[test]
    fn suffixes_join_as_the_leading_generator_writes_them() {
        let rr = "Requires replacement if changed.".to_owned();
        assert_eq!(
            describe("Name of the request header", std::slice::from_ref(&rr)),
            "Name of the request header. Requires replacement if changed."
        );
        assert_eq!(
            describe("The type.", &["must be one of [\"a\"]".to_owned(), rr.clone()]),
            "The type. must be one of [\"a\"]; Requires replacement if changed."
        );
        assert_eq!(
            describe("", &[rr.clone(), "Parsed as JSON.".to_owned()]),
            "Requires replacement if changed.; Parsed as JSON."
        );
        assert_eq!(describe("Lines\n", std::slice::from_ref(&rr)), "Lines\nRequires replacement if changed.");
        assert_eq!(describe("Two\nlines", std::slice::from_ref(&rr)), "Two\nlines\nRequires replacement if changed.");
    }
}
