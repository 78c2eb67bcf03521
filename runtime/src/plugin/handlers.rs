//! What the provider answers to each protocol call. The schema, validation, state upgrades and plans are
//! answered from the model; apply, read, import and data sources call the API through [`Rest`], which
//! configuration connects.

use std::sync::{Arc, Mutex, PoisonError};

use schema::{OperationKind, Resource};

use super::convert::param_value;
use super::identity;
use super::plan::from_model;
use super::proto::{self, Diagnostic, DynamicValue, Severity};
use super::rest::{Rest, outgoing};
use super::state::{applied, refreshed};
use super::timeouts;
use super::upgrade::{move_state, upgrade};
use super::validate;
use super::value::{self, TfValue};
use super::wait::Budget;

/// A provider served from its model.
pub struct Provider {
    pub(super) model: schema::Provider,
    schema: proto::GetProviderSchemaResponse,
    /// The provider-defined functions, derived from the model once.
    functions: schema::functions::IdFunctions,
    /// The list resources, derived from the model once.
    pub(super) lists: schema::listing::ListResources,
    /// The API connection, once Terraform has configured the provider.
    rest: Mutex<Option<Arc<Rest>>>,
}

/// The largest state sent back: Terraform's plugin messages are limited to 4 MiB, with room left for the
/// rest of the message.
const MAX_STATE_BYTES: usize = (4 << 20) - (64 << 10);

/// An error diagnostic.
pub(super) fn error(summary: impl Into<String>, detail: impl Into<String>) -> Diagnostic {
    Diagnostic { severity: Severity::Error as i32, summary: summary.into(), detail: detail.into(), attribute: None }
}

fn warning(summary: impl Into<String>, detail: impl Into<String>) -> Diagnostic {
    Diagnostic { severity: Severity::Warning as i32, summary: summary.into(), detail: detail.into(), attribute: None }
}

impl Provider {
    /// A provider for `model`.
    pub fn new(model: schema::Provider) -> Self {
        let functions = schema::functions::id_functions(&model);
        let lists = schema::listing::list_resources(&model);
        let schema = super::schema::provider_schema(&model, &functions, &lists);
        Provider { model, schema, functions, lists, rest: Mutex::new(None) }
    }

    /// The connection `ConfigureProvider` made.
    pub(super) fn rest(&self) -> Result<Arc<Rest>, Vec<Diagnostic>> {
        let rest = self.rest.lock().unwrap_or_else(PoisonError::into_inner).clone();
        rest.ok_or_else(|| vec![error("the provider is not configured", "Terraform did not call ConfigureProvider")])
    }

    fn encode(state: &TfValue) -> Option<DynamicValue> {
        Some(DynamicValue { msgpack: value::encode(state), json: Vec::new() })
    }

    /// A new state Terraform can carry back: its plugin messages hold at most 4 MiB, so a larger state is
    /// refused with a diagnostic rather than sent.
    pub(super) fn encode_state(state: &TfValue, type_name: &str) -> Result<DynamicValue, Diagnostic> {
        let msgpack = value::encode(state);
        if msgpack.len() > MAX_STATE_BYTES {
            return Err(error(
                format!("the state of {type_name} is too large"),
                format!(
                    "The API's answer makes a state of {} bytes; Terraform carries at most {MAX_STATE_BYTES}.",
                    msgpack.len()
                ),
            ));
        }
        Ok(DynamicValue { msgpack, json: Vec::new() })
    }

    pub(super) fn check_type(&self, type_name: &str, data_source: bool) -> Vec<Diagnostic> {
        let known = if data_source {
            self.model.data_sources.contains_key(type_name)
        } else {
            self.model.resources.contains_key(type_name)
        };
        match known {
            true => Vec::new(),
            false => self.unknown_type(type_name, if data_source { "data source" } else { "resource" }),
        }
    }

    /// The diagnostic for a `kind` (`resource`, `list resource`) Terraform names that the provider lacks.
    pub(super) fn unknown_type(&self, type_name: &str, kind: &str) -> Vec<Diagnostic> {
        vec![error(format!("unknown type {type_name}"), format!("provider `{}` has no such {kind}", self.model.name))]
    }

    pub(super) fn decode(value: Option<&DynamicValue>) -> Result<TfValue, Vec<Diagnostic>> {
        let bytes = value.map(|value| value.msgpack.as_slice()).unwrap_or_default();
        if bytes.is_empty() {
            return Ok(TfValue::Null);
        }
        value::decode(bytes).map_err(|problem| vec![error("unreadable value from Terraform", problem)])
    }

    /// Problems with a resource's or data source's configuration: its attributes', and its `timeouts`
    /// block's.
    pub(super) fn check_config(model: &schema::Provider, resource: &Resource, mut config: TfValue) -> Vec<Diagnostic> {
        let mut problems = timeouts::check(resource, &config);
        timeouts::take(resource, &mut config);
        problems.extend(validate::check(model, &resource.schema, &config));
        problems
    }

    /// `GetResourceIdentitySchemas`: each importable resource's identity.
    pub async fn get_resource_identity_schemas(&self, _: proto::Empty) -> proto::GetResourceIdentitySchemasResponse {
        proto::GetResourceIdentitySchemasResponse {
            identity_schemas: identity::schemas(&self.model),
            diagnostics: Vec::new(),
        }
    }

    /// `UpgradeResourceIdentity`: an identity an earlier provider stored, as the current schema reads it.
    pub async fn upgrade_resource_identity(
        &self,
        request: proto::UpgradeResourceIdentityRequest,
    ) -> proto::UpgradeResourceIdentityResponse {
        let mut response = proto::UpgradeResourceIdentityResponse {
            upgraded_identity: None,
            diagnostics: self.check_type(&request.type_name, false),
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else { return response };
        let raw = request.raw_identity.map(|raw| raw.json).unwrap_or_default();
        match identity::upgrade(resource, request.version, &raw) {
            Ok(upgraded) => response.upgraded_identity = Some(upgraded),
            Err(problem) => response
                .diagnostics
                .push(error(format!("the identity of {} cannot be read", request.type_name), problem)),
        }
        response
    }

    /// `GetMetadata`: the types and functions the provider serves, and its capabilities, so Terraform
    /// can do without the whole schema.
    pub async fn get_metadata(&self, _: proto::Empty) -> proto::GetMetadataResponse {
        let types = |names: &mut dyn Iterator<Item = &String>| {
            names.map(|type_name| proto::TypeMetadata { type_name: type_name.clone() }).collect()
        };
        proto::GetMetadataResponse {
            server_capabilities: self.schema.server_capabilities.clone(),
            diagnostics: Vec::new(),
            data_sources: types(&mut self.model.data_sources.keys()),
            resources: types(&mut self.model.resources.keys()),
            functions: self.functions.keys().map(|name| proto::FunctionMetadata { name: name.clone() }).collect(),
            ephemeral_resources: types(&mut self.model.ephemeral_resources.keys()),
            list_resources: types(&mut self.lists.keys()),
        }
    }

    /// `GetFunctions`: the signatures of the provider-defined functions.
    pub async fn get_functions(&self, _: proto::Empty) -> proto::GetFunctionsResponse {
        proto::GetFunctionsResponse { functions: self.schema.functions.clone(), diagnostics: Vec::new() }
    }

    /// `CallFunction`.
    pub async fn call_function(&self, request: proto::CallFunctionRequest) -> proto::CallFunctionResponse {
        super::functions::call(&self.functions, request)
    }

    /// `GetProviderSchema`.
    pub async fn get_provider_schema(&self, _: proto::Empty) -> proto::GetProviderSchemaResponse {
        self.schema.clone()
    }

    /// `ValidateProviderConfig`.
    pub async fn validate_provider_config(
        &self,
        request: proto::ValidateProviderConfigRequest,
    ) -> proto::ValidateProviderConfigResponse {
        let diagnostics = match Self::decode(request.config.as_ref()) {
            Ok(config) => validate::check(&self.model, &self.model.config, &config),
            Err(problems) => problems,
        };
        proto::ValidateProviderConfigResponse { diagnostics }
    }

    /// `ValidateResourceConfig`.
    pub async fn validate_resource_config(&self, request: proto::ValidateConfigRequest) -> proto::DiagnosticsResponse {
        let mut diagnostics = self.check_type(&request.type_name, false);
        match (Self::decode(request.config.as_ref()), self.model.resources.get(&request.type_name)) {
            (Ok(config), Some(resource)) => diagnostics.extend(Self::check_config(&self.model, resource, config)),
            (Ok(_), None) => {}
            (Err(problems), _) => diagnostics.extend(problems),
        }
        if let Some(message) = self.model.resources.get(&request.type_name).and_then(|found| found.deprecation.as_ref())
        {
            let detail = match message.trim() {
                "" => format!("{} is deprecated.", request.type_name),
                message => message.to_owned(),
            };
            diagnostics.push(warning("deprecated resource", detail));
        }
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `ValidateDataResourceConfig`.
    pub async fn validate_data_resource_config(
        &self,
        request: proto::ValidateConfigRequest,
    ) -> proto::DiagnosticsResponse {
        let mut diagnostics = self.check_type(&request.type_name, true);
        match (Self::decode(request.config.as_ref()), self.model.data_sources.get(&request.type_name)) {
            (Ok(config), Some(source)) => diagnostics.extend(Self::check_config(&self.model, source, config)),
            (Ok(_), None) => {}
            (Err(problems), _) => diagnostics.extend(problems),
        }
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `ConfigureProvider`: connects to the API as the provider block says.
    pub async fn configure_provider(&self, request: proto::ConfigureProviderRequest) -> proto::DiagnosticsResponse {
        let config = match Self::decode(request.config.as_ref()) {
            Ok(config) => config,
            Err(diagnostics) => return proto::DiagnosticsResponse { diagnostics },
        };
        let diagnostics = match Rest::connect(&self.model, &config) {
            Ok(rest) => {
                *self.rest.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(rest));
                Vec::new()
            }
            Err(problem) => vec![error("cannot configure the provider", problem)],
        };
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `UpgradeResourceState`: the stored JSON state, brought to the current shape by the upgrade steps.
    pub async fn upgrade_resource_state(
        &self,
        request: proto::UpgradeResourceStateRequest,
    ) -> proto::UpgradeResourceStateResponse {
        let mut diagnostics = self.check_type(&request.type_name, false);
        let json = request.raw_state.map(|state| state.json).unwrap_or_default();
        let resource = self.model.resources.get(&request.type_name);
        let upgraded = match (json.is_empty(), resource) {
            (true, _) => Some(TfValue::Null),
            (false, None) => None,
            (false, Some(resource)) => match serde_json::from_slice::<serde_json::Value>(&json) {
                Ok(state) => {
                    let version = u64::try_from(request.version).unwrap_or_default();
                    match upgrade(&self.model, resource, version, state) {
                        Ok(upgraded) => Some(upgraded),
                        Err(problems) => {
                            let summary = format!("the stored state of {} cannot be upgraded", request.type_name);
                            diagnostics.extend(problems.into_iter().map(|problem| error(summary.clone(), problem)));
                            None
                        }
                    }
                }
                Err(problem) => {
                    diagnostics.push(error("unreadable stored state", problem.to_string()));
                    None
                }
            },
        };
        proto::UpgradeResourceStateResponse {
            upgraded_state: upgraded.map(|state| DynamicValue { msgpack: value::encode(&state), json: Vec::new() }),
            diagnostics,
        }
    }

    /// `MoveResourceState`: the state of an object of a type the target resource's `moved_from` names,
    /// in the target's shape (Terraform reads it from the API right after).
    pub async fn move_resource_state(
        &self,
        request: proto::MoveResourceStateRequest,
    ) -> proto::MoveResourceStateResponse {
        let mut response = proto::MoveResourceStateResponse {
            target_state: None,
            diagnostics: self.check_type(&request.target_type_name, false),
            target_private: request.source_private,
        };
        let Some(target) = self.model.resources.get(&request.target_type_name) else { return response };
        let json = request.source_state.map(|state| state.json).unwrap_or_default();
        let summary = format!("{} cannot move to {}", request.source_type_name, request.target_type_name);
        let stored = match serde_json::from_slice::<serde_json::Value>(&json) {
            Ok(stored) => stored,
            Err(problem) => {
                response.diagnostics.push(error(summary, format!("its stored state is unreadable: {problem}")));
                return response;
            }
        };
        let version = u64::try_from(request.source_schema_version).unwrap_or_default();
        let target = (request.target_type_name.as_str(), target);
        match move_state(&self.model, target, &request.source_type_name, version, stored) {
            Ok(moved) => {
                response.target_state = Some(DynamicValue { msgpack: value::encode(&moved), json: Vec::new() })
            }
            Err(problems) => {
                response.diagnostics.extend(problems.into_iter().map(|problem| error(summary.clone(), problem)))
            }
        }
        response
    }

    /// `ReadResource`: the object as the API has it now; gone from state when the API no longer has it.
    pub async fn read_resource(&self, request: proto::ReadResourceRequest) -> proto::ReadResourceResponse {
        let mut response = proto::ReadResourceResponse {
            new_state: None,
            diagnostics: Vec::new(),
            private: request.private.clone(),
            new_identity: None,
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else {
            response.diagnostics = self.check_type(&request.type_name, false);
            return response;
        };
        let mut response = self.read_into(resource, request, response).await;
        response.new_identity = identity::of_state(resource, response.new_state.as_ref());
        response
    }

    async fn read_into(
        &self,
        resource: &Resource,
        request: proto::ReadResourceRequest,
        mut response: proto::ReadResourceResponse,
    ) -> proto::ReadResourceResponse {
        match self.read(&request.type_name, resource, request.current_state.as_ref()).await {
            Ok((state, diagnostics)) => match Self::encode_state(&state, &request.type_name) {
                Ok(encoded) => {
                    response.new_state = Some(encoded);
                    response.diagnostics = diagnostics;
                }
                Err(too_large) => {
                    response.new_state = request.current_state;
                    response.diagnostics = vec![too_large];
                }
            },
            Err(diagnostics) => {
                response.new_state = request.current_state;
                response.diagnostics = diagnostics;
            }
        }
        response
    }

    async fn read(
        &self,
        type_name: &str,
        resource: &Resource,
        current: Option<&DynamicValue>,
    ) -> Result<(TfValue, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut current = Self::decode(current)?;
        // An API with no read: the state keeps what was applied.
        if resource.operations.read.is_none() {
            return Ok((current, Vec::new()));
        }
        let configured = timeouts::take(resource, &mut current);
        let failed = |problem| vec![error(format!("read of {type_name} failed"), problem)];
        let limit = timeouts::limit(resource, &configured, OperationKind::Read);
        let rest = self.rest()?;
        let call = rest.call(resource, OperationKind::Read, &current, None);
        let answer = within(limit, OperationKind::Read, call).await.map_err(failed)?;
        let Some(answer) = answer else { return Ok((TfValue::Null, Vec::new())) };
        // An answer that is not what the read declares says nothing reliable: the state keeps what it had.
        if !answer.problems.is_empty() {
            let summary = format!("the answer to the read of {type_name} is not what the API's schema says");
            return Err(answer.problems.into_iter().map(|problem| error(summary.clone(), problem)).collect());
        }
        let mut state = refreshed(&self.model, &resource.schema, &current, &answer.said, &resource.unreturned());
        timeouts::put(resource, &mut state, configured);
        Ok((state, Vec::new()))
    }

    /// `PlanResourceChange`: defaults, unknowns, prior values kept, replacement flagged.
    pub async fn plan_resource_change(
        &self,
        request: proto::PlanResourceChangeRequest,
    ) -> proto::PlanResourceChangeResponse {
        let resource = self.model.resources.get(&request.type_name);
        let mut response = self.plan(request).await;
        response.planned_identity =
            resource.and_then(|resource| identity::of_state(resource, response.planned_state.as_ref()));
        response
    }

    async fn plan(&self, request: proto::PlanResourceChangeRequest) -> proto::PlanResourceChangeResponse {
        let mut response = proto::PlanResourceChangeResponse {
            planned_state: None,
            requires_replace: Vec::new(),
            planned_private: request.prior_private.clone(),
            diagnostics: self.check_type(&request.type_name, false),
            planned_identity: None,
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else { return response };
        let values = (
            Self::decode(request.prior_state.as_ref()),
            Self::decode(request.proposed_new_state.as_ref()),
            Self::decode(request.config.as_ref()),
        );
        let (mut prior, mut proposed, mut config) = match values {
            (Ok(prior), Ok(proposed), Ok(config)) => (prior, proposed, config),
            (prior, proposed, config) => {
                for result in [prior, proposed, config] {
                    response.diagnostics.extend(result.err().unwrap_or_default());
                }
                return response;
            }
        };
        // The `timeouts` block is planned as configured; the walk plans the object's own attributes.
        timeouts::take(resource, &mut prior);
        timeouts::take(resource, &mut config);
        let configured = timeouts::take(resource, &mut proposed);
        let mut plan = super::plan::plan(&self.model, &resource.schema, &prior, &proposed, &config);
        timeouts::put(resource, &mut plan.planned, configured);
        response.planned_state = Self::encode(&plan.planned);
        response.requires_replace =
            plan.requires_replace.into_iter().map(|steps| proto::AttributePath { steps }).collect();
        response
    }

    /// `ApplyResourceChange`: create, update or delete through the API.
    pub async fn apply_resource_change(
        &self,
        request: proto::ApplyResourceChangeRequest,
    ) -> proto::ApplyResourceChangeResponse {
        let resource = self.model.resources.get(&request.type_name);
        let mut response = self.apply(request).await;
        response.new_identity = resource.and_then(|resource| identity::of_state(resource, response.new_state.as_ref()));
        response
    }

    async fn apply(&self, request: proto::ApplyResourceChangeRequest) -> proto::ApplyResourceChangeResponse {
        let mut response = proto::ApplyResourceChangeResponse {
            new_state: None,
            private: request.planned_private.clone(),
            diagnostics: Vec::new(),
            new_identity: None,
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else {
            response.diagnostics = self.check_type(&request.type_name, false);
            return response;
        };
        let decoded = (
            Self::decode(request.prior_state.as_ref()),
            Self::decode(request.planned_state.as_ref()),
            Self::decode(request.config.as_ref()),
        );
        let (mut prior, mut planned, mut config) = match decoded {
            (Ok(prior), Ok(planned), Ok(config)) => (prior, planned, config),
            (prior, planned, config) => {
                response.diagnostics =
                    [prior.err(), planned.err(), config.err()].into_iter().flatten().flatten().collect();
                return response;
            }
        };
        let kind = match (&prior, &planned) {
            (_, TfValue::Null) => OperationKind::Delete,
            (TfValue::Null, _) => OperationKind::Create,
            _ => OperationKind::Update,
        };
        // A delete is bounded as the state's `timeouts` says, a create or an update as the plan's.
        let prior_timeouts = timeouts::take(resource, &mut prior);
        let planned_timeouts = timeouts::take(resource, &mut planned);
        timeouts::take(resource, &mut config);
        let bounding = if kind == OperationKind::Delete { &prior_timeouts } else { &planned_timeouts };
        let limit = timeouts::limit(resource, bounding, kind);
        // What stays in state when the call fails: nothing for a create, the prior object otherwise.
        response.new_state = if kind == OperationKind::Create { None } else { request.prior_state.clone() };
        let rest = match self.rest() {
            Ok(rest) => rest,
            Err(diagnostics) => {
                response.diagnostics = diagnostics;
                return response;
            }
        };
        let failed = |problem: String| vec![error(format!("{} of {} failed", kind.key(), request.type_name), problem)];
        if kind == OperationKind::Delete {
            // An API with no delete: destroy only forgets the object.
            if resource.operations.delete.is_none() {
                response.new_state = Self::encode(&TfValue::Null);
                return response;
            }
            let budget = Budget::starting(limit);
            let deleted = within(limit, kind, rest.call(resource, kind, &prior, None)).await;
            // An API that finishes the delete later: the object is read until it is gone.
            let waited = match (deleted, resource.operations.delete.as_ref().and_then(|delete| delete.wait.as_ref())) {
                (Ok(answer), Some(wait)) => rest.gone(resource, wait, (&prior, answer), budget).await,
                (deleted, _) => deleted.map(|_| ()),
            };
            match waited {
                Ok(()) => response.new_state = Self::encode(&TfValue::Null),
                Err(problem) => response.diagnostics = failed(problem),
            }
            return response;
        }
        let sent = outgoing(&self.model, &resource.schema, &planned, &config);
        let budget = Budget::starting(limit);
        let called = within(limit, kind, rest.call(resource, kind, &sent, Some(&prior))).await;
        let settled = |said: &TfValue| {
            let mut state = applied(&self.model, &resource.schema, &planned, said);
            timeouts::put(resource, &mut state, planned_timeouts.clone());
            state
        };
        // The API acted, but the write did not end well: a create keeps what identifies the object and what
        // was configured, so the next apply replaces it (tainted) rather than making another; an update
        // keeps the prior state. Without its identity there is nothing to keep.
        let kept = |said: &TfValue| {
            let identified = settled(&identity(resource, said));
            (kind == OperationKind::Create && addressable(resource, &identified)).then(|| Self::encode(&identified))
        };
        // An API that finishes the create or update later: the object is read until its status says so.
        let wait = resource.operations.get(kind).and_then(|operation| operation.wait.as_ref());
        let called = match (called, wait) {
            (Ok(Some(answer)), Some(wait)) if answer.problems.is_empty() => {
                match rest.settle(resource, (kind, wait), &sent, answer, budget).await {
                    Ok(answer) => Ok(Some(answer)),
                    Err(unfinished) => {
                        if let Some(state) = kept(&unfinished.answer.said) {
                            response.new_state = state;
                        }
                        response.diagnostics = failed(unfinished.problem);
                        return response;
                    }
                }
            }
            (called, _) => called,
        };
        match called {
            Ok(Some(answer)) => {
                let mut state = settled(&answer.said);
                let mut problems = answer.problems;
                let encoded = match Self::encode_state(&state, &request.type_name) {
                    Ok(encoded) => Some(encoded),
                    Err(too_large) => {
                        // Keep what identifies the object and what was configured, and say why the rest is
                        // missing.
                        problems.push(too_large.detail);
                        state = settled(&identity(resource, &answer.said));
                        Self::encode(&state)
                    }
                };
                let noted =
                    answer.notes.iter().map(|note| warning(format!("{} of {}", kind.key(), request.type_name), note));
                response.diagnostics.extend(noted);
                if problems.is_empty() {
                    response.new_state = encoded;
                } else {
                    // The API acted, but its answer is not what the schema says.
                    if let Some(state) = kept(&answer.said) {
                        response.new_state = state;
                    }
                    response.diagnostics = failed(format!(
                        "the API accepted the {} but its answer could not be read: {}",
                        kind.key(),
                        problems.join("; ")
                    ));
                }
            }
            Ok(None) => response.diagnostics = failed("the API answered that the object does not exist".to_owned()),
            Err(problem) => response.diagnostics = failed(problem),
        }
        response
    }

    /// `ImportResourceState`: the attributes the import ID names, then a read.
    pub async fn import_resource_state(
        &self,
        request: proto::ImportResourceStateRequest,
    ) -> proto::ImportResourceStateResponse {
        let mut response = proto::ImportResourceStateResponse {
            imported_resources: Vec::new(),
            diagnostics: self.check_type(&request.type_name, false),
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else { return response };
        if resource.operations.read.is_none() {
            response.diagnostics = vec![error(
                format!("{} cannot be imported", request.type_name),
                "the API has no operation that reads one object",
            )];
            return response;
        }
        let Some(import) = &resource.import else {
            response.diagnostics =
                vec![error(format!("{} cannot be imported", request.type_name), "its schema has no import ID")];
            return response;
        };
        // Terraform 1.12+ imports by identity: the ID is the import template filled with its parts.
        let id = match (request.id.is_empty(), &request.identity) {
            (true, Some(given)) => match identity::import_id(resource, given) {
                Ok(id) => id,
                Err(problem) => {
                    response.diagnostics = vec![error("invalid import identity", problem)];
                    return response;
                }
            },
            _ => request.id.clone(),
        };
        let Some(values) = schema::template::match_text(&import.id, &id, None) else {
            response.diagnostics =
                vec![error("invalid import ID", format!("expected an ID of the form {}", import.id))];
            return response;
        };
        // What the API does not return, an import cannot learn: its default stands in where it has one.
        let unreturned = resource.unreturned();
        let mut unknowable = Vec::new();
        let partial = TfValue::Map(
            resource
                .schema
                .attributes
                .iter()
                .map(|(name, attribute)| {
                    let value = match (values.get(name), &attribute.default) {
                        (Some(text), _) => param_value(&attribute.ty, text),
                        (None, Some(default)) if unreturned.contains(name) => from_model(default),
                        (None, None) if unreturned.contains(name) => {
                            unknowable.push(format!("`{name}`"));
                            TfValue::Null
                        }
                        (None, _) => TfValue::Null,
                    };
                    (name.clone(), value)
                })
                .collect(),
        );
        let mut partial = partial;
        timeouts::put(resource, &mut partial, TfValue::Null);
        let current = Self::encode(&partial);
        match self.read(&request.type_name, resource, current.as_ref()).await {
            Ok((TfValue::Null, _)) => response.diagnostics.push(error(
                "cannot import a non-existent object",
                format!("{} {} was not found", request.type_name, request.id),
            )),
            Ok((state, diagnostics)) => {
                response.diagnostics.extend(diagnostics);
                if !unknowable.is_empty() {
                    response.diagnostics.push(warning(
                        "some attributes cannot be imported",
                        format!(
                            "The API does not return {}, so the import leaves them unset; the next apply sets them from the configuration.",
                            unknowable.join(", ")
                        ),
                    ));
                }
                match Self::encode_state(&state, &request.type_name) {
                    Ok(encoded) => response.imported_resources.push(proto::ImportedResource {
                        type_name: request.type_name.clone(),
                        identity: identity::of_object(resource, &state),
                        state: Some(encoded),
                        private: Vec::new(),
                    }),
                    Err(too_large) => response.diagnostics.push(too_large),
                }
            }
            Err(diagnostics) => response.diagnostics = diagnostics,
        }
        response
    }

    /// `ReadDataSource`: the configuration sent to the API's read, completed with what it answers.
    pub async fn read_data_source(&self, request: proto::ReadDataSourceRequest) -> proto::ReadDataSourceResponse {
        let diagnostics = self.check_type(&request.type_name, true);
        let Some(source) = self.model.data_sources.get(&request.type_name) else {
            return proto::ReadDataSourceResponse { state: None, diagnostics };
        };
        let read = self.read_data(&request.type_name, source, request.config.as_ref()).await;
        match read.and_then(|state| Self::encode_state(&state, &request.type_name).map_err(|too_large| vec![too_large]))
        {
            Ok(state) => proto::ReadDataSourceResponse { state: Some(state), diagnostics },
            Err(diagnostics) => proto::ReadDataSourceResponse { state: None, diagnostics },
        }
    }

    async fn read_data(
        &self,
        type_name: &str,
        source: &Resource,
        config: Option<&DynamicValue>,
    ) -> Result<TfValue, Vec<Diagnostic>> {
        let mut config = Self::decode(config)?;
        let configured = timeouts::take(source, &mut config);
        // What the configuration leaves to the API is what the read fills in.
        let planned = super::plan::plan(&self.model, &source.schema, &TfValue::Null, &config, &config).planned;
        let failed = |problem: String| vec![error(format!("read of {type_name} failed"), problem)];
        let limit = timeouts::limit(source, &configured, OperationKind::Read);
        let rest = self.rest()?;
        let call = rest.call(source, OperationKind::Read, &planned, None);
        match within(limit, OperationKind::Read, call).await.map_err(failed)? {
            Some(answer) if answer.problems.is_empty() => {
                let mut state = applied(&self.model, &source.schema, &planned, &answer.said);
                timeouts::put(source, &mut state, configured);
                Ok(state)
            }
            Some(answer) => Err(failed(answer.problems.join("; "))),
            None => Err(vec![error(
                format!("{type_name} found nothing"),
                "the API has no object matching this configuration",
            )]),
        }
    }

    /// `StopProvider`: nothing runs in the background, so there is nothing to stop.
    pub async fn stop_provider(&self, _: proto::Empty) -> proto::StopProviderResponse {
        proto::StopProviderResponse { error: String::new() }
    }
}

/// Runs an API call within `limit` (none: as long as it takes); past it, the error says which operation
/// ran out of time.
pub(super) async fn within<T>(
    limit: Option<std::time::Duration>,
    kind: OperationKind,
    call: impl std::future::Future<Output = Result<T, String>>,
) -> Result<T, String> {
    let Some(limit) = limit else { return call.await };
    tokio::time::timeout(limit, call).await.unwrap_or_else(|_| Err(timeouts::exceeded(kind, limit)))
}

/// Of what an answer said, only the attributes that address the object.
fn identity(resource: &Resource, said: &TfValue) -> TfValue {
    let addressing: Vec<&str> = resource
        .operations
        .iter()
        .flat_map(|(_, operation)| operation.path_params.iter().map(|param| param.attribute.as_str()))
        .collect();
    said.only(&addressing)
}

/// Whether a state holds every attribute the read operation addresses the object by.
fn addressable(resource: &Resource, state: &TfValue) -> bool {
    resource.operations.read.as_ref().is_some_and(|read| {
        read.path_params.iter().all(|param| state.field(&param.attribute).is_some_and(TfValue::is_set))
    })
}
