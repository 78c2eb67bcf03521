//! List resources (Terraform 1.14+, `terraform query`): `ListResource` streams the objects a resource's
//! `list` operation answers, page after page ([`crate::paging::Pages`]), each with its identity, a display
//! name (its import ID) and, when Terraform asks, the whole object as state would hold it; it stops at
//! Terraform's limit, and when Terraform stops reading. `ValidateListResourceConfig` checks the
//! configuration ([`schema::listing`] says what it holds).

use std::sync::Arc;

use schema::{OperationKind, Resource};
use tokio::sync::mpsc;
use tonic::Status;

use super::convert::{from_api, param_text};
use super::handlers::{Provider, error, within};
use super::identity;
use super::proto::{self, Diagnostic, ListResourceEvent};
use super::rest::next_page;
use super::state::refreshed;
use super::timeouts;
use super::value::TfValue;

/// How long one page may take.
const PAGE_LIMIT: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// The events of one `ListResource` call, as the server streams them.
pub type Events = tokio_stream::wrappers::ReceiverStream<Result<ListResourceEvent, Status>>;

impl Provider {
    /// The list resource `type_name` and the resource it lists, or the diagnostic that says there is none.
    fn listing(&self, type_name: &str) -> Result<(&Resource, &Resource), Vec<Diagnostic>> {
        match (self.lists.get(type_name), self.model.resources.get(type_name)) {
            (Some(listing), Some(resource)) => Ok((listing, resource)),
            _ => Err(self.unknown_type(type_name, "list resource")),
        }
    }

    /// `ValidateListResourceConfig`: the configuration's attributes, and a limit that is not negative.
    pub async fn validate_list_resource_config(
        &self,
        request: proto::ValidateListResourceConfigRequest,
    ) -> proto::DiagnosticsResponse {
        let mut diagnostics = match (self.listing(&request.type_name), Self::decode(request.config.as_ref())) {
            (Ok((listing, _)), Ok(config)) => Self::check_config(&self.model, listing, config),
            (Err(problems), _) | (_, Err(problems)) => problems,
        };
        match Self::decode(request.limit.as_ref()) {
            Ok(TfValue::Int(limit)) if limit < 0 => {
                diagnostics.push(error("invalid limit", format!("a list cannot stop after {limit} results")));
            }
            Ok(_) => {}
            Err(problems) => diagnostics.extend(problems),
        }
        proto::DiagnosticsResponse { diagnostics }
    }

    /// `ListResource`: the objects, as they are read, to the server's stream.
    pub fn list_resource(self: Arc<Self>, request: proto::ListResourceRequest) -> Events {
        let (sender, receiver) = mpsc::channel(16);
        tokio::spawn(async move {
            if let Err(problems) = self.list_into(&request, &sender).await {
                let event = ListResourceEvent { diagnostic: problems, ..ListResourceEvent::default() };
                let _ = sender.send(Ok(event)).await;
            }
        });
        Events::new(receiver)
    }

    async fn list_into(
        &self,
        request: &proto::ListResourceRequest,
        sender: &mpsc::Sender<Result<ListResourceEvent, Status>>,
    ) -> Result<(), Vec<Diagnostic>> {
        let type_name = &request.type_name;
        let (_, resource) = self.listing(type_name)?;
        let config = Self::decode(request.config.as_ref())?;
        let rest = self.rest()?;
        let failed = |problem: String| vec![error(format!("cannot list {type_name}"), problem)];
        let mut pager = rest.pager(resource, &config).map_err(failed)?;
        let most = usize::try_from(request.limit).ok().filter(|limit| *limit > 0).unwrap_or(usize::MAX);
        let mut sent = 0;
        while sent < most {
            let page = within(Some(PAGE_LIMIT), OperationKind::List, next_page(&mut pager)).await.map_err(failed)?;
            let Some(page) = page else { break };
            for item in page.iter().take(most - sent) {
                let event = self.listed(type_name, resource, &config, item, request.include_resource_object);
                // Terraform has what it wanted once it stops reading.
                if sender.send(Ok(event)).await.is_err() {
                    return Ok(());
                }
                sent += 1;
            }
        }
        Ok(())
    }

    /// One object listed: its identity and display name, and the object where Terraform asks for it.
    fn listed(
        &self,
        type_name: &str,
        resource: &Resource,
        config: &TfValue,
        item: &serde_json::Value,
        include_object: bool,
    ) -> ListResourceEvent {
        let mut problems = Vec::new();
        let mut said = from_api(&resource.schema, item, &mut problems);
        if !problems.is_empty() {
            let summary = format!("an object listed of {type_name} is not what the API's schema says");
            let diagnostic = problems.into_iter().map(|problem| error(summary.clone(), problem)).collect();
            return ListResourceEvent { diagnostic, ..ListResourceEvent::default() };
        }
        // What addresses the listing (a parent's ID) addresses each object listed, where its answer leaves
        // it out.
        if let (TfValue::Map(fields), Some(list)) = (&mut said, resource.operations.list.as_ref()) {
            for param in &list.path_params {
                if let Some(value) = config.field(&param.attribute) {
                    fields.entry(param.attribute.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        let nothing =
            TfValue::Map(resource.schema.attributes.keys().map(|name| (name.clone(), TfValue::Null)).collect());
        let mut state = refreshed(&self.model, &resource.schema, &nothing, &said, &resource.unreturned());
        timeouts::put(resource, &mut state, TfValue::Null);
        let encoded = match Self::encode_state(&state, type_name) {
            Ok(encoded) => encoded,
            Err(too_large) => return ListResourceEvent { diagnostic: vec![too_large], ..ListResourceEvent::default() },
        };
        let display_name = resource
            .import
            .as_ref()
            .map(|import| schema::template::expand(&import.id, |name| state.field(name).and_then(param_text)))
            .unwrap_or_default();
        ListResourceEvent {
            identity: identity::of_object(resource, &state),
            display_name,
            resource_object: include_object.then(|| encoded.clone()),
            diagnostic: Vec::new(),
        }
    }
}
