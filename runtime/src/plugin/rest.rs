//! The API calls behind resources and data sources, made from the model: each operation's path
//! parameters, query and body come from the object's attributes, the request goes through the
//! [`Transport`], and the answer is read back through the codec.

use schema::{Attribute, Auth, Follow, Method as ModelMethod, Object, OperationKind, Provider, Resource, Until};

use super::convert::{Removals, from_api, param_text, param_value, to_api};
use super::proto::Step;
use super::value::TfValue;
use super::walk::{Lanes, Rule, walk};
use crate::client::{Auth as ClientAuth, ClientConfig, Method, Request, RetryPolicy, Transport, setting};
use crate::error::{ApiErrorKind, Error, ErrorResponse};
use crate::paging::{Listing, Pages};
use crate::secret::Secret;

/// What an answer says about the object, and what in it could not be read.
pub struct Answer {
    /// The attributes the answer has (see [`from_api`]), path parameters added where it leaves them out.
    pub said: TfValue,
    /// Fields that did not fit their type, or why there was no object to read.
    pub problems: Vec<String>,
    /// What the user should know although all went well (an object adopted after a lost answer).
    pub notes: Vec<String>,
    /// The operation resource the answer names, for an operation that waits on one (`follow`).
    pub operation: Option<String>,
}

/// A configured connection to the provider's API.
pub struct Rest {
    transport: Transport,
}

/// No error type is documented for the provider's calls: every error response is kept whole.
#[derive(Debug)]
enum Undocumented {}

impl ApiErrorKind for Undocumented {
    fn from_response(_: &ErrorResponse, _: &[u16]) -> Option<Self> {
        None
    }

    fn response(&self) -> &ErrorResponse {
        match *self {}
    }
}

impl Rest {
    /// Connects to `provider`'s API as its provider block says: the server URL and credential configured,
    /// else read from their environment variables, else the schema's default server URL.
    pub fn connect(provider: &Provider, config: &TfValue) -> Result<Rest, String> {
        let configured = |name: &str| match config.field(name) {
            Some(TfValue::String(text)) => Some(text.clone()),
            _ => None,
        };
        let env = |name: &str| provider.config.attributes.get(name).and_then(|attribute| attribute.env.as_deref());
        let server_url = setting(configured("server_url"), env("server_url"))
            .or_else(|| provider.default_server_url.clone())
            .ok_or("no server URL: set `server_url` in the provider block")?;
        let mut client = ClientConfig::new(server_url);
        client.retry = RetryPolicy::for_provider();
        client.auth = match &provider.auth {
            Some(Auth::Bearer { attribute }) => {
                setting(configured(attribute), env(attribute)).map(|token| ClientAuth::Bearer(Secret::new(token)))
            }
            Some(Auth::ApiKey { header, attribute }) => setting(configured(attribute), env(attribute))
                .map(|key| ClientAuth::Header { name: header.clone(), value: Secret::new(key) }),
            None => None,
        };
        let transport = Transport::new::<Undocumented>(client).map_err(|error| error.to_string())?;
        Ok(Rest { transport })
    }

    /// Runs `kind` of `resource` on `object` (the values to send: planned state with write-only values
    /// from the configuration). An update sends what was removed since `prior` as its operation says. A
    /// create or update whose operation answers nothing (`empty_answer`) is followed by a read.
    /// `Ok(None)`: the object does not exist (or no longer does, after a delete).
    pub async fn call(
        &self,
        resource: &Resource,
        kind: OperationKind,
        object: &TfValue,
        prior: Option<&TfValue>,
    ) -> Result<Option<Answer>, String> {
        let operation =
            resource.operations.get(kind).ok_or_else(|| format!("the schema gives no {} operation", kind.key()))?;
        let mut answer = self.call_one(resource, kind, operation, object, prior).await?;
        // Further steps address the object by what the calls before them learnt (the new object's ID).
        let read = resource.operations.read.as_ref();
        let read_after = matches!(kind, OperationKind::Create | OperationKind::Update) && operation.empty_answer;
        let steps = operation.then.iter().chain(read.filter(|_| read_after));
        for step in steps {
            let Some(so_far) = answer.as_mut() else { break };
            let current = completed(object, &so_far.said, step);
            let step_kind = if read.is_some_and(|read| std::ptr::eq(step, read)) { OperationKind::Read } else { kind };
            match self.call_one(resource, step_kind, step, &current, prior).await? {
                Some(more) => {
                    if let (TfValue::Map(fields), TfValue::Map(said)) = (&mut so_far.said, more.said) {
                        fields.extend(said);
                    }
                    so_far.problems.extend(more.problems);
                }
                // What the API just made or changed is not there to read.
                None if step_kind == OperationKind::Read => {
                    so_far.problems.push("the object is not there to read after the API answered".to_owned());
                }
                None => {}
            }
        }
        Ok(answer)
    }

    /// Every object the resource's `list` operation answers, page after page where it pages. The path
    /// is filled from `object`.
    pub(super) async fn list(&self, resource: &Resource, object: &TfValue) -> Result<Vec<serde_json::Value>, String> {
        self.pager(resource, object)?.all::<Undocumented>().await.map_err(|error| error.to_string())
    }

    /// The pages of the resource's `list` operation for `object`'s path and query (read them with
    /// [`next_page`]).
    pub(super) fn pager<'r>(&'r self, resource: &'r Resource, object: &TfValue) -> Result<Pages<'r>, String> {
        let operation = resource.operations.list.as_ref().ok_or("the schema gives no list operation")?;
        let (path_params, query) = address(&resource.schema, operation, object)?;
        let request = Request {
            method: method(operation.method),
            path: &operation.path,
            path_params,
            query,
            body: None,
            documented_errors: &[],
            idempotency_key: None,
        };
        Ok(Pages::new(&self.transport, request, Listing::of(operation)))
    }

    /// Makes one call of `operation` (a step of `kind`).
    async fn call_one(
        &self,
        resource: &Resource,
        kind: OperationKind,
        operation: &schema::Operation,
        object: &TfValue,
        prior: Option<&TfValue>,
    ) -> Result<Option<Answer>, String> {
        let schema = &resource.schema;
        let (path_params, query) = address(schema, operation, object)?;
        let body = operation.body.as_ref().map(|names| {
            let removals = match (kind, prior) {
                (OperationKind::Update, Some(prior)) => Some(Removals { prior, unset: operation.unset }),
                _ => None,
            };
            let mut fields = to_api(schema, object, removals, &|name| names.iter().any(|n| n == name));
            // A field this operation names otherwise than the attribute's API name goes by its name here.
            for (name, field) in &operation.body_names {
                if let Some(value) = fields.remove(&schema.attribute(name).api_name) {
                    fields.insert(field.clone(), value);
                }
            }
            operation.wrap_body(serde_json::Value::Object(fields))
        });
        let request = Request {
            method: method(operation.method),
            path: &operation.path,
            path_params,
            query,
            body,
            documented_errors: &[],
            idempotency_key: operation.idempotency_key.as_deref(),
        };
        let response = match self.transport.send::<Undocumented>(&request).await {
            Ok(response) => response,
            Err(error)
                if error.status() == Some(404)
                    && matches!(kind, OperationKind::Read | OperationKind::Delete | OperationKind::Close) =>
            {
                return Ok(None);
            }
            Err(error) => {
                let answer_lost = matches!(error.status(), Some(500 | 502 | 504))
                    || matches!(error, Error::Timeout { .. } | Error::Transport { .. });
                let repeatable = request.method.is_idempotent() || request.idempotency_key.is_some();
                let mut message = error.to_string();
                if let (OperationKind::Create, true, false, Some(adopt)) =
                    (kind, answer_lost, repeatable, operation.adopt.as_ref())
                {
                    return self.adopt(resource, adopt, object, message).await.map(Some);
                }
                if kind == OperationKind::Create && answer_lost && !repeatable {
                    message.push_str(
                        "; the API may have created the object all the same: if it did, `terraform import` it \
                         instead of applying again (an `idempotency_key` on the operation lets the provider retry safely)",
                    );
                }
                return Err(message);
            }
        };
        // The answer, read once: for the operation it may name and for the object.
        let empty = response.body.iter().all(u8::is_ascii_whitespace);
        let parsed = (!empty).then(|| serde_json::from_slice::<serde_json::Value>(&response.body));
        let json = parsed.as_ref().and_then(|parsed| parsed.as_ref().ok());
        // An operation the API finishes later may name the operation resource that says how it goes.
        let operation_link = match operation.wait.as_ref().map(|wait| &wait.until) {
            Some(Until::Operation { follow, .. }) => Some(link(follow, &response, json).ok_or_else(|| {
                let place = match follow {
                    Follow::Location => "no `Location` header".to_owned(),
                    Follow::Field(field) => format!("no `{field}` naming it"),
                };
                format!(
                    "{} {} answered {} with {place}: there is no operation to follow",
                    operation.method.as_str(),
                    operation.path,
                    response.status
                )
            })?),
            _ => None,
        };
        // What a delete, a renewal or a close answers changes nothing Terraform holds.
        if matches!(kind, OperationKind::Delete | OperationKind::Renew | OperationKind::Close) {
            let said = TfValue::Map(Default::default());
            return Ok(operation_link.map(|link| Answer {
                said,
                problems: Vec::new(),
                notes: Vec::new(),
                operation: Some(link),
            }));
        }
        let mut problems = Vec::new();
        let mut said = if operation.empty_answer {
            // An operation that answers nothing says nothing; the object is read after it.
            TfValue::Map(Default::default())
        } else {
            match parsed {
                None => {
                    problems.push("the API answered without a body".to_owned());
                    TfValue::Map(Default::default())
                }
                Some(Ok(json)) => match operation.object_in(&json) {
                    Some(object) => from_api(schema, &object, &mut problems),
                    None => {
                        let field = operation.answer_field.as_deref().unwrap_or_default();
                        problems.push(format!("the answer has no `{field}` holding the object"));
                        TfValue::Map(Default::default())
                    }
                },
                Some(Err(error)) => {
                    problems.push(format!("the answer is not JSON: {error}"));
                    TfValue::Map(Default::default())
                }
            }
        };
        // APIs often leave the fields that address an object out of its body: the request said them.
        if let TfValue::Map(fields) = &mut said {
            for param in &operation.path_params {
                if let Some((_, text)) = request.path_params.iter().find(|(name, _)| *name == param.name) {
                    let ty = &schema.attribute(&param.attribute).ty;
                    fields.entry(param.attribute.clone()).or_insert_with(|| param_value(ty, text));
                }
            }
        }
        // Each problem names the request it is about, and what the API answered.
        let asked = format!("{} {}", operation.method.as_str(), filled(&operation.path, &request.path_params));
        let problems =
            problems.into_iter().map(|problem| format!("{asked} answered {}: {problem}", response.status)).collect();
        Ok(Some(Answer { said, problems, notes: Vec::new(), operation: operation_link }))
    }
}

/// Where an answer names the operation resource to follow: its `Location` header, or a text field of its
/// body (`json`, where it is JSON).
fn link(follow: &Follow, response: &crate::client::Response, json: Option<&serde_json::Value>) -> Option<String> {
    match follow {
        Follow::Location => response.location.clone(),
        Follow::Field(field) => {
            field.split('.').try_fold(json?, |level, name| level.get(name))?.as_str().map(str::to_owned)
        }
    }
}

impl Rest {
    /// The operation resource at `link` (on the API's server only), as JSON.
    pub(super) async fn operation_status(&self, link: &str) -> Result<serde_json::Value, String> {
        let path = self.transport.path_on_server(link)?;
        let request = Request {
            method: Method::Get,
            path: &path,
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            documented_errors: &[],
            idempotency_key: None,
        };
        let response = self.transport.send::<Undocumented>(&request).await.map_err(|error| error.to_string())?;
        serde_json::from_slice(&response.body)
            .map_err(|error| format!("GET {path} answered {}: the operation is not JSON: {error}", response.status))
    }
}

/// Parameters of a request by name, with their text.
type Params<'o> = Vec<(&'o str, String)>;

/// The path parameters and query parameters of `operation` from `object`'s attributes: an error where a
/// path parameter's attribute is not known.
pub(super) fn address<'o>(
    schema: &'o Object,
    operation: &'o schema::Operation,
    object: &TfValue,
) -> Result<(Params<'o>, Params<'o>), String> {
    let mut path_params = Vec::new();
    for param in &operation.path_params {
        let value = object
            .field(&param.attribute)
            .and_then(param_text)
            .ok_or_else(|| format!("`{}` is not known, so the object cannot be addressed", param.attribute))?;
        path_params.push((param.name.as_str(), value));
    }
    let mut query = Vec::new();
    for name in &operation.query {
        let attribute = schema.attribute(name);
        match object.field(name) {
            Some(TfValue::List(items)) => {
                query.extend(items.iter().filter_map(param_text).map(|text| (attribute.api_name.as_str(), text)))
            }
            Some(value) => query.extend(param_text(value).map(|text| (attribute.api_name.as_str(), text))),
            None => {}
        }
    }
    Ok((path_params, query))
}

/// A path template with its parameters' values in place (`/things/{id}` as `/things/t1`).
pub(super) fn filled(path: &str, params: &[(&str, String)]) -> String {
    schema::template::expand(path, |name| {
        params.iter().find(|(param, _)| *param == name).map(|(_, value)| value.clone())
    })
}

/// `object` with the values it does not know yet (unknown or null) taken from an answer, and the values
/// that address the object in `step`'s path taken from the answer where it has them (the API's identity
/// of the object wins over the planned one).
pub(super) fn completed(object: &TfValue, said: &TfValue, step: &schema::Operation) -> TfValue {
    match (object, said) {
        (TfValue::Map(fields), TfValue::Map(answered)) => {
            let mut fields = fields.clone();
            for (name, value) in answered {
                let known = fields.get(name).is_some_and(|value| !matches!(value, TfValue::Unknown | TfValue::Null));
                let addresses = step.path_params.iter().any(|param| &param.attribute == name);
                if !known || (addresses && !matches!(value, TfValue::Null)) {
                    fields.insert(name.clone(), value.clone());
                }
            }
            TfValue::Map(fields)
        }
        _ => object.clone(),
    }
}

/// The values a create or update sends: the planned state, with each write-only value (planned null,
/// never stored) taken from the configuration, at every depth.
pub fn outgoing(provider: &Provider, object: &Object, planned: &TfValue, config: &TfValue) -> TfValue {
    walk(provider, object, Lanes { subject: Some(planned), config: Some(config), ..Lanes::default() }, &mut WriteOnly)
}

struct WriteOnly;

impl Rule for WriteOnly {
    fn attribute(&mut self, _: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        attribute.write_only.then(|| lanes.config().clone())
    }
}

fn method(method: ModelMethod) -> Method {
    match method {
        ModelMethod::Get => Method::Get,
        ModelMethod::Post => Method::Post,
        ModelMethod::Put => Method::Put,
        ModelMethod::Patch => Method::Patch,
        ModelMethod::Delete => Method::Delete,
    }
}

/// The next page of a listing ([`Rest::pager`]), a failure told as text.
pub(super) async fn next_page(pages: &mut Pages<'_>) -> Result<Option<Vec<serde_json::Value>>, String> {
    pages.next_page::<Undocumented>().await.map_err(|error| error.to_string())
}
