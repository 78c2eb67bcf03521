//! Ephemeral resources (Terraform 1.10+): values opened for one run — a short-lived token, a lease — that
//! Terraform never writes to state or plan. `open` makes the object and answers its values; Terraform
//! hands back the private data the provider gave it when it renews the object (`renew`, every
//! `renew_every`) and when it no longer needs it (`close`). The private data holds only what the renew
//! and close operations address the object by.

use std::time::{Duration, SystemTime};

use schema::{OperationKind, Resource};

use super::handlers::{Provider, error, within};
use super::proto::{self, Diagnostic, DynamicValue};
use super::timeouts;
use super::value::{self, TfValue};

impl Provider {
    /// The ephemeral resource `type_name`, or the diagnostic that says the provider has none.
    fn ephemeral(&self, type_name: &str) -> Result<&Resource, Vec<Diagnostic>> {
        self.model.ephemeral_resources.get(type_name).ok_or_else(|| self.unknown_type(type_name, "ephemeral resource"))
    }

    /// `ValidateEphemeralResourceConfig`.
    pub async fn validate_ephemeral_resource_config(
        &self,
        request: proto::ValidateConfigRequest,
    ) -> proto::DiagnosticsResponse {
        let diagnostics = match (self.ephemeral(&request.type_name), Self::decode(request.config.as_ref())) {
            (Ok(resource), Ok(config)) => Self::check_config(&self.model, resource, config),
            (Err(problems), _) | (_, Err(problems)) => problems,
        };
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `OpenEphemeralResource`: the configuration sent to the API's `open`, completed with its answer.
    pub async fn open_ephemeral_resource(
        &self,
        request: proto::OpenEphemeralResourceRequest,
    ) -> proto::OpenEphemeralResourceResponse {
        let mut response = proto::OpenEphemeralResourceResponse::default();
        match self.open(&request).await {
            Ok((result, resource)) => {
                response.private = Some(value::encode(&addressing(resource, &result)));
                response.renew_at = resource.renew_every.map(renew_at);
                response.result = Some(DynamicValue { msgpack: value::encode(&result), json: Vec::new() });
            }
            Err(problems) => response.diagnostics = problems,
        }
        response
    }

    async fn open(
        &self,
        request: &proto::OpenEphemeralResourceRequest,
    ) -> Result<(TfValue, &Resource), Vec<Diagnostic>> {
        let type_name = &request.type_name;
        let resource = self.ephemeral(type_name)?;
        let config = Self::decode(request.config.as_ref())?;
        // What the configuration leaves to the API is what the answer fills in.
        let planned = super::plan::plan(&self.model, &resource.schema, &TfValue::Null, &config, &config).planned;
        let failed = |problem: String| vec![error(format!("cannot open {type_name}"), problem)];
        let rest = self.rest()?;
        let limit = timeouts::limit(resource, &TfValue::Null, OperationKind::Open);
        let call = rest.call(resource, OperationKind::Open, &planned, None);
        match within(limit, OperationKind::Open, call).await.map_err(failed)? {
            Some(answer) if answer.problems.is_empty() => {
                Ok((super::state::applied(&self.model, &resource.schema, &planned, &answer.said), resource))
            }
            Some(answer) => Err(failed(answer.problems.join("; "))),
            None => Err(failed("the API answered that there is nothing to open".to_owned())),
        }
    }

    /// `RenewEphemeralResource`: the API's `renew`, addressed by the private data `open` gave.
    pub async fn renew_ephemeral_resource(
        &self,
        request: proto::EphemeralResourceRequest,
    ) -> proto::RenewEphemeralResourceResponse {
        let mut response = proto::RenewEphemeralResourceResponse::default();
        match self.after_open(&request, OperationKind::Renew).await {
            Ok(Some(resource)) => {
                response.renew_at = resource.renew_every.map(renew_at);
                response.private = request.private;
            }
            Ok(None) => {}
            Err(problems) => response.diagnostics = problems,
        }
        response
    }

    /// `CloseEphemeralResource`: the API's `close`, where it has one; an object already gone (404) is
    /// closed. A renewal of an object that is gone fails with the API's answer.
    pub async fn close_ephemeral_resource(
        &self,
        request: proto::EphemeralResourceRequest,
    ) -> proto::DiagnosticsResponse {
        let diagnostics = self.after_open(&request, OperationKind::Close).await.err().unwrap_or_default();
        proto::DiagnosticsResponse { diagnostics }
    }

    /// Runs `kind` (renew or close) of the ephemeral resource the request names, on the object its private
    /// data addresses; `None` where the resource has no such operation (nothing to do).
    async fn after_open(
        &self,
        request: &proto::EphemeralResourceRequest,
        kind: OperationKind,
    ) -> Result<Option<&Resource>, Vec<Diagnostic>> {
        let type_name = &request.type_name;
        let resource = self.ephemeral(type_name)?;
        if resource.operations.get(kind).is_none() {
            return Ok(None);
        }
        let failed = |problem: String| vec![error(format!("cannot {} {type_name}", kind.key()), problem)];
        let object = value::decode(request.private.as_deref().unwrap_or_default())
            .map_err(|problem| failed(format!("the private data Terraform kept is unreadable: {problem}")))?;
        let rest = self.rest()?;
        let limit = timeouts::limit(resource, &TfValue::Null, kind);
        let answer = within(limit, kind, rest.call(resource, kind, &object, None)).await.map_err(failed)?;
        match answer {
            Some(answer) if !answer.problems.is_empty() => Err(failed(answer.problems.join("; "))),
            _ => Ok(Some(resource)),
        }
    }
}

/// Of an opened object, the attributes its `renew` and `close` operations send: what Terraform keeps for
/// them as private data, and no more.
fn addressing(resource: &Resource, result: &TfValue) -> TfValue {
    let operations = [&resource.operations.renew, &resource.operations.close];
    let sent: Vec<&str> = operations
        .into_iter()
        .flatten()
        .flat_map(|operation| {
            let path = operation.path_params.iter().map(|param| param.attribute.as_str());
            let body = operation.body.iter().flatten().map(String::as_str);
            path.chain(operation.query.iter().map(String::as_str)).chain(body)
        })
        .collect();
    result.only(&sent)
}

/// When Terraform renews an object that lasts `every`: that long from now.
fn renew_at(every: Duration) -> proto::Timestamp {
    let at = SystemTime::now() + every;
    let since = at.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    proto::Timestamp {
        seconds: i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        nanos: i32::try_from(since.subsec_nanos()).unwrap_or_default(),
    }
}
