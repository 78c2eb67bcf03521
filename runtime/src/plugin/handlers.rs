//! What the provider answers to each protocol call. The schema, validation, configuration, state upgrades
//! and plans are answered from the model; the calls that change or read objects are answered with a
//! "not supported" error until the provider is wired to its generated client.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::proto::{self, Diagnostic, DynamicValue, Severity};
use super::value::{self, TfValue};

/// A provider served from its model.
pub struct Provider {
    model: schema::Provider,
    schema: proto::GetProviderSchemaResponse,
    /// The provider block's values, once Terraform has configured the provider.
    config: Mutex<Option<TfValue>>,
}

fn error(summary: impl Into<String>, detail: impl Into<String>) -> Diagnostic {
    Diagnostic { severity: Severity::Error as i32, summary: summary.into(), detail: detail.into(), attribute: None }
}

fn not_supported(call: &str) -> Vec<Diagnostic> {
    vec![error(format!("{call} is not supported"), format!("This provider does not implement {call} yet."))]
}

impl Provider {
    /// A provider for `model`.
    pub fn new(model: schema::Provider) -> Self {
        let schema = super::schema::provider_schema(&model);
        Provider { model, schema, config: Mutex::new(None) }
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
        let diagnostics = Self::decode(request.config.as_ref()).err().unwrap_or_default();
        proto::ValidateProviderConfigResponse { diagnostics }
    }

    /// `ValidateResourceConfig`.
    pub async fn validate_resource_config(&self, request: proto::ValidateConfigRequest) -> proto::DiagnosticsResponse {
        let mut diagnostics = self.check_type(&request.type_name, false);
        diagnostics.extend(Self::decode(request.config.as_ref()).err().unwrap_or_default());
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

    /// `ConfigureProvider`: keeps the provider block's values.
    pub async fn configure_provider(&self, request: proto::ConfigureProviderRequest) -> proto::DiagnosticsResponse {
        match Self::decode(request.config.as_ref()) {
            Ok(config) => {
                if let Ok(mut stored) = self.config.lock() {
                    *stored = Some(config);
                }
                proto::DiagnosticsResponse { diagnostics: Vec::new() }
            }
            Err(diagnostics) => proto::DiagnosticsResponse { diagnostics },
        }
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
                Ok(state) => Some(from_json(state)),
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

    /// `ReadResource`.
    pub async fn read_resource(&self, _: proto::ReadResourceRequest) -> proto::ReadResourceResponse {
        proto::ReadResourceResponse { new_state: None, diagnostics: not_supported("ReadResource"), private: Vec::new() }
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

    /// `ApplyResourceChange`.
    pub async fn apply_resource_change(
        &self,
        _: proto::ApplyResourceChangeRequest,
    ) -> proto::ApplyResourceChangeResponse {
        proto::ApplyResourceChangeResponse {
            new_state: None,
            private: Vec::new(),
            diagnostics: not_supported("ApplyResourceChange"),
        }
    }

    /// `ImportResourceState`.
    pub async fn import_resource_state(
        &self,
        _: proto::ImportResourceStateRequest,
    ) -> proto::ImportResourceStateResponse {
        proto::ImportResourceStateResponse {
            imported_resources: Vec::new(),
            diagnostics: not_supported("ImportResourceState"),
        }
    }

    /// `ReadDataSource`.
    pub async fn read_data_source(&self, _: proto::ReadDataSourceRequest) -> proto::ReadDataSourceResponse {
        proto::ReadDataSourceResponse { state: None, diagnostics: not_supported("ReadDataSource") }
    }

    /// `StopProvider`: nothing runs in the background, so there is nothing to stop.
    pub async fn stop_provider(&self, _: proto::Empty) -> proto::StopProviderResponse {
        proto::StopProviderResponse { error: String::new() }
    }
}

/// A JSON state value as a Terraform value.
fn from_json(value: serde_json::Value) -> TfValue {
    match value {
        serde_json::Value::Null => TfValue::Null,
        serde_json::Value::Bool(flag) => TfValue::Bool(flag),
        serde_json::Value::Number(number) => match number.as_i64() {
            Some(int) => TfValue::Int(int),
            None => TfValue::Float(number.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(text) => TfValue::String(text),
        serde_json::Value::Array(items) => TfValue::List(items.into_iter().map(from_json).collect()),
        serde_json::Value::Object(entries) => {
            TfValue::Map(entries.into_iter().map(|(key, value)| (key, from_json(value))).collect::<BTreeMap<_, _>>())
        }
    }
}
