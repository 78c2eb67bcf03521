//! The model's operations: the main operation of each kind with its further steps, path parameters bound
//! to the attributes they fill, query parameters, body and the fields that wrap the object.

use indexmap::IndexMap;
use serde_json::Value;

use crate::entities::{Entity, Role};
use crate::fields::{Field, sent_fields};
use crate::infer::{Inference, bound_attribute, holds};
use schema::model::{Method, Object, Operation, OperationKind, Operations, PathParam, Unset};

impl<'d> Inference<'_, 'd> {
    /// The model operations: the main operation of each kind, its path parameters bound to the
    /// attributes they fill, its query parameters and body.
    pub(crate) fn operations(
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
            let mut operation = self.operation(role, fields, schema, name, data_source);
            // Further steps (`#2`, `#3`) that address the object by path are made after the main call.
            for step in entity.all(*kind, data_source).skip(1) {
                let api = &step.operation;
                let made = self.operation(step, fields, schema, name, data_source);
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
            *operations.slot(*kind) = Some(operation);
        }
        if !data_source {
            operations.list = self.list(entity, fields, schema, name, operations.read.as_ref());
        }
        operations
    }

    pub(crate) fn operation(
        &mut self,
        role: &Role<'d>,
        fields: &IndexMap<String, Field>,
        schema: &Object,
        name: &str,
        data_source: bool,
    ) -> Operation {
        let api = &role.operation;
        let mut path_params = Vec::new();
        let mut query = Vec::new();
        for (param_name, param) in self.parameters(api) {
            let attribute = bound_attribute(&param_name, &param, &|name| holds(fields, name), !data_source);
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
        // Each field the request body declares, by attribute, under the name the body gives it.
        let sent: IndexMap<String, String> =
            request.as_ref().map(sent_fields).unwrap_or_default().into_iter().collect();
        let address = |name: &str| {
            addressed_in_body
                && fields.get(name).is_some_and(|field| field.addresses)
                && schema
                    .attributes
                    .get(name)
                    .is_some_and(|attribute| sent.values().any(|field| *field == attribute.api_name))
        };
        let sends = |name: &str| {
            let in_path_or_query = query.iter().any(|other| other == name)
                || path_params.iter().any(|param: &PathParam| param.attribute == name);
            // What the body declares is sent there, also where a path or query parameter carries it.
            let configurable = schema.attributes.get(name).is_some_and(|attribute| attribute.mode.is_configurable());
            (sent.contains_key(name) && configurable) || (address(name) && !in_path_or_query)
        };
        let body: Option<Vec<String>> = matches!(api.method, Method::Post | Method::Put | Method::Patch)
            .then(|| fields.keys().filter(|name| sends(name)).cloned().collect());
        // A field the body names otherwise than the attribute's API name (a create and an update that
        // name one field differently) is sent under the body's name.
        let body_names: IndexMap<String, String> = body
            .iter()
            .flatten()
            .filter_map(|name| {
                let field = sent.get(name)?;
                let attribute = schema.attributes.get(name)?;
                (*field != attribute.api_name).then(|| (name.clone(), field.clone()))
            })
            .collect();
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
        // A create or update whose success answers no JSON: the provider reads the object after it. A
        // read that answers none (`204`: the object is there) tells that the object exists, nothing more.
        let empty_answer = matches!(role.kind, OperationKind::Create | OperationKind::Update | OperationKind::Read)
            && self.response_root(api).is_none();
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
            empty_answer,
            errors: Vec::new(),
            unset: Unset::default_for(api.method),
            idempotency_key: None,
            body_names,
            then: Vec::new(),
            body_field,
            answer_field,
            wait: None,
            adopt: None,
            paging: None,
        }
    }
}
