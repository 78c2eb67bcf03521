//! What the provider answers to each protocol call. The schema, validation, state upgrades and plans are
//! answered from the model; apply, read, import and data sources go through the [`Api`] client that
//! configuration connects.

use std::sync::{Arc, Mutex, PoisonError};

use schema::{OperationKind, Resource};

use super::convert::{from_api, merge, parse_import_id, to_api, untyped};
use super::proto::{self, Diagnostic, DynamicValue, Severity};
use super::validate;
use super::value::{self, TfValue};
use super::{Api, Connect};

/// A provider served from its model.
pub struct Provider {
    model: schema::Provider,
    schema: proto::GetProviderSchemaResponse,
    connect: Connect,
    /// The client, once Terraform has configured the provider.
    api: Mutex<Option<Arc<dyn Api>>>,
}

fn error(summary: impl Into<String>, detail: impl Into<String>) -> Diagnostic {
    Diagnostic { severity: Severity::Error as i32, summary: summary.into(), detail: detail.into(), attribute: None }
}

impl Provider {
    /// A provider for `model`.
    pub fn new(model: schema::Provider, connect: Connect) -> Self {
        let schema = super::schema::provider_schema(&model);
        Provider { model, schema, connect, api: Mutex::new(None) }
    }

    /// The client `ConfigureProvider` connected.
    fn api(&self) -> Result<Arc<dyn Api>, Vec<Diagnostic>> {
        let api = self.api.lock().unwrap_or_else(PoisonError::into_inner).clone();
        api.ok_or_else(|| vec![error("the provider is not configured", "Terraform did not call ConfigureProvider")])
    }

    fn encode(state: &TfValue) -> Option<DynamicValue> {
        Some(DynamicValue { msgpack: value::encode(state), json: Vec::new() })
    }

    /// Calls the API and turns its object into state (`None`: the object does not exist).
    async fn call(
        &self,
        type_name: &str,
        resource: &Resource,
        kind: OperationKind,
        state: &TfValue,
    ) -> Result<Option<TfValue>, Vec<Diagnostic>> {
        let object = to_api(&self.model, &resource.schema, state);
        match self.api()?.call(type_name, kind, object).await {
            Ok(Some(api)) => Ok(Some(from_api(&self.model, &resource.schema, &api))),
            Ok(None) => Ok(None),
            Err(problem) => Err(vec![error(format!("{} of {type_name} failed", kind.key()), problem)]),
        }
    }

    fn check_type(&self, type_name: &str, data_source: bool) -> Vec<Diagnostic> {
        let known = if data_source {
            self.model.data_sources.contains_key(type_name)
        } else {
            self.model.resources.contains_key(type_name)
        };
        if known {
            Vec::new()
        } else {
            vec![error(
                format!("unknown type {type_name}"),
                format!(
                    "provider `{}` has no such {}",
                    self.model.name,
                    if data_source { "data source" } else { "resource" }
                ),
            )]
        }
    }

    fn decode(value: Option<&DynamicValue>) -> Result<TfValue, Vec<Diagnostic>> {
        let bytes = value.map(|value| value.msgpack.as_slice()).unwrap_or_default();
        if bytes.is_empty() {
            return Ok(TfValue::Null);
        }
        value::decode(bytes).map_err(|problem| vec![error("unreadable value from Terraform", problem)])
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
            (Ok(config), Some(resource)) => diagnostics.extend(validate::check(&self.model, &resource.schema, &config)),
            (Ok(_), None) => {}
            (Err(problems), _) => diagnostics.extend(problems),
        }
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `ValidateDataResourceConfig`.
    pub async fn validate_data_resource_config(
        &self,
        request: proto::ValidateConfigRequest,
    ) -> proto::DiagnosticsResponse {
        let mut diagnostics = self.check_type(&request.type_name, true);
        diagnostics.extend(Self::decode(request.config.as_ref()).err().unwrap_or_default());
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `ConfigureProvider`: connects the client from the provider block's values.
    pub async fn configure_provider(&self, request: proto::ConfigureProviderRequest) -> proto::DiagnosticsResponse {
        let config = match Self::decode(request.config.as_ref()) {
            Ok(config) => config,
            Err(diagnostics) => return proto::DiagnosticsResponse { diagnostics },
        };
        let text = |name: &str| match &config {
            TfValue::Map(entries) => match entries.get(name) {
                Some(TfValue::String(value)) => Some(value.clone()),
                _ => None,
            },
            _ => None,
        };
        let credential_attribute = match &self.model.auth {
            Some(schema::Auth::Bearer { attribute } | schema::Auth::ApiKey { attribute, .. }) => {
                Some(attribute.as_str())
            }
            None => None,
        };
        let diagnostics = match (self.connect)(text("server_url"), credential_attribute.and_then(text)) {
            Ok(api) => {
                *self.api.lock().unwrap_or_else(PoisonError::into_inner) = Some(api);
                Vec::new()
            }
            Err(problem) => vec![error("cannot configure the provider", problem)],
        };
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `UpgradeResourceState`: the stored JSON state, re-encoded as msgpack (the schema has one version).
    pub async fn upgrade_resource_state(
        &self,
        request: proto::UpgradeResourceStateRequest,
    ) -> proto::UpgradeResourceStateResponse {
        let mut diagnostics = self.check_type(&request.type_name, false);
        let json = request.raw_state.map(|state| state.json).unwrap_or_default();
        let upgraded = if json.is_empty() {
            Some(TfValue::Null)
        } else {
            match serde_json::from_slice::<serde_json::Value>(&json) {
                Ok(state) => Some(untyped(&state)),
                Err(problem) => {
                    diagnostics.push(error("unreadable stored state", problem.to_string()));
                    None
                }
            }
        };
        proto::UpgradeResourceStateResponse {
            upgraded_state: upgraded.map(|state| DynamicValue { msgpack: value::encode(&state), json: Vec::new() }),
            diagnostics,
        }
    }

    /// `ReadResource`: the object as the API has it now; gone from state when the API no longer has it.
    pub async fn read_resource(&self, request: proto::ReadResourceRequest) -> proto::ReadResourceResponse {
        let mut response =
            proto::ReadResourceResponse { new_state: None, diagnostics: Vec::new(), private: request.private.clone() };
        let Some(resource) = self.model.resources.get(&request.type_name) else {
            response.diagnostics = self.check_type(&request.type_name, false);
            return response;
        };
        let current = match Self::decode(request.current_state.as_ref()) {
            Ok(current) => current,
            Err(diagnostics) => {
                response.diagnostics = diagnostics;
                return response;
            }
        };
        match self.call(&request.type_name, resource, OperationKind::Read, &current).await {
            Ok(Some(found)) => response.new_state = Self::encode(&merge(&resource.schema, &current, &found, true)),
            Ok(None) => response.new_state = Self::encode(&TfValue::Null),
            Err(diagnostics) => {
                response.new_state = request.current_state;
                response.diagnostics = diagnostics;
            }
        }
        response
    }

    /// `PlanResourceChange`: defaults, unknowns on create, prior values kept, replacement flagged.
    pub async fn plan_resource_change(
        &self,
        request: proto::PlanResourceChangeRequest,
    ) -> proto::PlanResourceChangeResponse {
        let mut response = proto::PlanResourceChangeResponse {
            planned_state: None,
            requires_replace: Vec::new(),
            planned_private: request.prior_private.clone(),
            diagnostics: self.check_type(&request.type_name, false),
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else { return response };
        let values = (
            Self::decode(request.prior_state.as_ref()),
            Self::decode(request.proposed_new_state.as_ref()),
            Self::decode(request.config.as_ref()),
        );
        let (prior, proposed, config) = match values {
            (Ok(prior), Ok(proposed), Ok(config)) => (prior, proposed, config),
            (prior, proposed, config) => {
                for result in [prior, proposed, config] {
                    response.diagnostics.extend(result.err().unwrap_or_default());
                }
                return response;
            }
        };
        let plan = super::plan::plan(&self.model, &resource.schema, &prior, &proposed, &config);
        response.planned_state = Some(DynamicValue { msgpack: value::encode(&plan.planned), json: Vec::new() });
        response.requires_replace = plan
            .requires_replace
            .into_iter()
            .map(|path| proto::AttributePath {
                steps: path
                    .into_iter()
                    .map(|name| proto::Step { selector: Some(proto::Selector::AttributeName(name)) })
                    .collect(),
            })
            .collect();
        response
    }

    /// `ApplyResourceChange`: create, update or delete through the API.
    pub async fn apply_resource_change(
        &self,
        request: proto::ApplyResourceChangeRequest,
    ) -> proto::ApplyResourceChangeResponse {
        let mut response = proto::ApplyResourceChangeResponse {
            new_state: None,
            private: request.planned_private.clone(),
            diagnostics: Vec::new(),
        };
        let Some(resource) = self.model.resources.get(&request.type_name) else {
            response.diagnostics = self.check_type(&request.type_name, false);
            return response;
        };
        let (prior, planned) =
            match (Self::decode(request.prior_state.as_ref()), Self::decode(request.planned_state.as_ref())) {
                (Ok(prior), Ok(planned)) => (prior, planned),
                (prior, planned) => {
                    response.diagnostics = [prior.err(), planned.err()].into_iter().flatten().flatten().collect();
                    return response;
                }
            };
        let kind = match (&prior, &planned) {
            (_, TfValue::Null) => OperationKind::Delete,
            (TfValue::Null, _) => OperationKind::Create,
            _ => OperationKind::Update,
        };
        let state_for_call = if kind == OperationKind::Delete { &prior } else { &planned };
        match self.call(&request.type_name, resource, kind, state_for_call).await {
            Ok(_) if kind == OperationKind::Delete => response.new_state = Self::encode(&TfValue::Null),
            Ok(Some(found)) => response.new_state = Self::encode(&merge(&resource.schema, &planned, &found, false)),
            Ok(None) => {
                response.diagnostics = vec![error(
                    format!("{} of {} returned no object", kind.key(), request.type_name),
                    "the API answered without the object",
                )];
            }
            Err(diagnostics) => {
                response.new_state = if kind == OperationKind::Create { None } else { request.prior_state };
                response.diagnostics = diagnostics;
            }
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
        let Some(import) = &resource.import else {
            response.diagnostics =
                vec![error(format!("{} cannot be imported", request.type_name), "its schema has no import ID")];
            return response;
        };
        let Some(values) = parse_import_id(&import.id, &request.id) else {
            response.diagnostics =
                vec![error("invalid import ID", format!("expected an ID of the form {}", import.id))];
            return response;
        };
        let partial = TfValue::Map(
            resource
                .schema
                .attributes
                .iter()
                .map(|(name, attribute)| {
                    let value = match (values.get(name), &attribute.ty) {
                        (Some(text), schema::Type::Int64) => {
                            text.parse().map(TfValue::Int).unwrap_or(TfValue::String(text.clone()))
                        }
                        (Some(text), _) => TfValue::String(text.clone()),
                        (None, _) => TfValue::Null,
                    };
                    (name.clone(), value)
                })
                .collect(),
        );
        match self.call(&request.type_name, resource, OperationKind::Read, &partial).await {
            Ok(Some(found)) => response.imported_resources.push(proto::ImportedResource {
                type_name: request.type_name.clone(),
                state: Self::encode(&merge(&resource.schema, &partial, &found, true)),
                private: Vec::new(),
            }),
            Ok(None) => response.diagnostics.push(error(
                "cannot import a non-existent object",
                format!("{} {} was not found", request.type_name, request.id),
            )),
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
        match self.read_data(&request.type_name, source, request.config.as_ref()).await {
            Ok(state) => proto::ReadDataSourceResponse { state: Self::encode(&state), diagnostics },
            Err(diagnostics) => proto::ReadDataSourceResponse { state: None, diagnostics },
        }
    }

    async fn read_data(
        &self,
        type_name: &str,
        source: &Resource,
        config: Option<&DynamicValue>,
    ) -> Result<TfValue, Vec<Diagnostic>> {
        let config = Self::decode(config)?;
        let object = to_api(&self.model, &source.schema, &config);
        match self.api()?.read_data_source(type_name, object).await {
            Ok(Some(api)) => Ok(merge(&source.schema, &config, &from_api(&self.model, &source.schema, &api), false)),
            Ok(None) => Err(vec![error(
                format!("{type_name} found nothing"),
                "the API has no object matching this configuration",
            )]),
            Err(problem) => Err(vec![error(format!("read of {type_name} failed"), problem)]),
        }
    }

    /// `StopProvider`: nothing runs in the background, so there is nothing to stop.
    pub async fn stop_provider(&self, _: proto::Empty) -> proto::StopProviderResponse {
        proto::StopProviderResponse { error: String::new() }
    }
}
