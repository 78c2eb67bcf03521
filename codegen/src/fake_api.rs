//! A stateful fake of a provider's API, driven by the schema's operations, for offline acceptance tests:
//! `codegen fake-api --provider <name> --listen 127.0.0.1:<port>`, or [`FakeApi::start`] from Rust tests.
//!
//! It requires the credential the schema's `auth` names (401 without), checks request bodies against the
//! attributes (400 with a problem+json body), assigns values to read-only and unset computed attributes,
//! answers 404 for unknown objects and 409 when a create targets an object that exists, and can inject
//! faults: a share of 500 and 429 answers, and a delay before every answer.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use schema::{Auth, Mode, Operation, OperationKind, Provider, Resource, Type};
use serde_json::{Map, Value, json};

/// How the fake misbehaves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Share of requests (0 to 1) answered with 500 or 429 (alternately) instead of being served.
    pub error_rate: f64,
    /// Wait before every answer.
    pub delay: Duration,
}

/// A running fake API; it stops when dropped.
pub struct FakeApi {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

struct State {
    provider: Provider,
    token: Option<String>,
    faults: Faults,
    store: Mutex<Store>,
}

#[derive(Default)]
struct Store {
    /// Objects by resource type and canonical path.
    objects: BTreeMap<(String, String), Value>,
    counter: u64,
    /// Deterministic generator for fault injection.
    random: u64,
    /// Faults answered so far.
    faults: u64,
}

impl FakeApi {
    /// Serves `provider`'s API on `address` (port 0 picks a free port). `token` is the credential
    /// requests must carry (`None` accepts any).
    pub async fn start(
        provider: Provider,
        address: SocketAddr,
        token: Option<String>,
        faults: Faults,
    ) -> std::io::Result<FakeApi> {
        let listener = tokio::net::TcpListener::bind(address).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(State {
            provider,
            token,
            faults,
            store: Mutex::new(Store { random: 0x2545_f491_4f6c_dd1d, ..Store::default() }),
        });
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let _ = stream.set_nodelay(true);
                let state = shared.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(state.answer(request).await) }
                    });
                    let io = hyper_util::rt::TokioIo::new(stream);
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
                });
            }
        });
        Ok(FakeApi { url, state, task })
    }

    /// How many objects the fake holds.
    pub fn object_count(&self) -> usize {
        self.state.store.lock().map(|store| store.objects.len()).unwrap_or(0)
    }

    /// How many requests were answered with an injected fault.
    pub fn faults_injected(&self) -> u64 {
        self.state.store.lock().map(|store| store.faults).unwrap_or(0)
    }

    /// Deletes every object, as if they were deleted outside Terraform.
    pub fn clear(&self) {
        if let Ok(mut store) = self.state.store.lock() {
            store.objects.clear();
        }
    }

    /// Waits until the server stops (never, unless the listener fails).
    pub async fn wait(mut self) {
        let _ = (&mut self.task).await;
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn reply(status: u16, body: Option<Value>) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(status);
    if body.is_some() {
        builder =
            builder.header("content-type", if status >= 400 { "application/problem+json" } else { "application/json" });
    }
    let bytes = body.map(|body| body.to_string()).unwrap_or_default();
    builder.body(Full::new(Bytes::from(bytes))).unwrap_or_default()
}

fn problem(status: u16, title: &str, detail: impl Into<String>) -> Response<Full<Bytes>> {
    reply(status, Some(json!({ "status": status, "title": title, "detail": detail.into() })))
}

/// The `{param}` values of `path` against `template`, if it matches.
fn match_path(template: &str, path: &str) -> Option<BTreeMap<String, String>> {
    let wanted: Vec<&str> = template.trim_matches('/').split('/').collect();
    let given: Vec<&str> = path.trim_matches('/').split('/').collect();
    if wanted.len() != given.len() {
        return None;
    }
    let mut params = BTreeMap::new();
    for (pattern, segment) in wanted.iter().zip(&given) {
        match pattern.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')) {
            Some(name) => {
                let decoded = percent_decode(segment);
                params.insert(name.to_owned(), decoded);
            }
            None if pattern == segment => {}
            None => return None,
        }
    }
    Some(params)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' && at + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[at + 1..at + 3]).ok().and_then(|hex| u8::from_str_radix(hex, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                at += 3;
                continue;
            }
        }
        out.push(bytes[at]);
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl State {
    async fn answer(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        if !self.faults.delay.is_zero() {
            tokio::time::sleep(self.faults.delay).await;
        }
        if let Some(fault) = self.fault() {
            return fault;
        }
        if let Some(denied) = self.authenticate(&request) {
            return denied;
        }
        let method = request.method().as_str().to_owned();
        let path = request.uri().path().to_owned();
        let body = match request.into_body().collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return problem(400, "Bad Request", "the body could not be read"),
        };
        for (type_name, resource) in &self.provider.resources {
            for (kind, operation) in resource.operations.iter() {
                if operation.method.as_str() != method {
                    continue;
                }
                if let Some(params) = match_path(&operation.path, &path) {
                    return self.serve(type_name, resource, kind, operation, params, &body);
                }
            }
        }
        problem(404, "Not Found", format!("no operation serves {method} {path}"))
    }

    /// A 500 or a 429 for the configured share of requests.
    fn fault(&self) -> Option<Response<Full<Bytes>>> {
        if self.faults.error_rate <= 0.0 {
            return None;
        }
        let mut store = self.store.lock().ok()?;
        store.random ^= store.random << 13;
        store.random ^= store.random >> 7;
        store.random ^= store.random << 17;
        let draw = (store.random % 10_000) as f64 / 10_000.0;
        if draw >= self.faults.error_rate {
            return None;
        }
        store.faults += 1;
        Some(if store.random % 2 == 0 {
            problem(500, "Internal Server Error", "injected fault")
        } else {
            let mut response = problem(429, "Too Many Requests", "injected fault");
            response.headers_mut().insert("retry-after", hyper::header::HeaderValue::from_static("0"));
            response
        })
    }

    fn authenticate(&self, request: &Request<Incoming>) -> Option<Response<Full<Bytes>>> {
        let (header, prefix) = match &self.provider.auth {
            Some(Auth::Bearer { .. }) => ("authorization", "Bearer "),
            Some(Auth::ApiKey { header, .. }) => (header.as_str(), ""),
            None => return None,
        };
        let sent = request
            .headers()
            .get(header)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix(prefix));
        let accepted = match (&self.token, sent) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(token), Some(sent)) => token == sent,
        };
        (!accepted).then(|| problem(401, "Unauthorized", format!("a valid `{header}` header is required")))
    }

    fn serve(
        &self,
        type_name: &str,
        resource: &Resource,
        kind: OperationKind,
        operation: &Operation,
        params: BTreeMap<String, String>,
        body: &[u8],
    ) -> Response<Full<Bytes>> {
        let Ok(mut store) = self.store.lock() else {
            return problem(500, "Internal Server Error", "state unavailable");
        };
        let success = operation.success.first().copied().unwrap_or(200);
        let path_values = self.path_values(resource, operation, &params);
        match kind {
            OperationKind::Create | OperationKind::Update => {
                let sent: Value = if body.is_empty() {
                    json!({})
                } else {
                    match serde_json::from_slice(body) {
                        Ok(value) => value,
                        Err(error) => return problem(400, "Bad Request", format!("the body is not JSON: {error}")),
                    }
                };
                if let Err(detail) = self.check_body(resource, operation, &sent, kind == OperationKind::Update) {
                    return problem(400, "Bad Request", detail);
                }
                let mut object = match kind {
                    OperationKind::Update => match store.objects.get(&(type_name.to_owned(), key(&path_values))) {
                        Some(existing) => existing.clone(),
                        None => return problem(404, "Not Found", "no such object"),
                    },
                    _ => json!({}),
                };
                if let (Value::Object(target), Value::Object(fields)) = (&mut object, sent) {
                    target.extend(fields);
                    target.extend(path_values.clone());
                }
                reorder_sets(resource, &mut object);
                if kind == OperationKind::Create {
                    store.counter += 1;
                    let counter = store.counter;
                    assign_computed(resource, &mut object, counter);
                }
                let object_key = self.object_key(resource, &object).unwrap_or_else(|| key(&path_values));
                let slot = (type_name.to_owned(), object_key);
                if kind == OperationKind::Create && store.objects.contains_key(&slot) {
                    return problem(409, "Conflict", "the object exists already");
                }
                store.objects.insert(slot, object.clone());
                reply(success, Some(object))
            }
            OperationKind::Read => match store.objects.get(&(type_name.to_owned(), key(&path_values))) {
                Some(object) => reply(success, Some(object.clone())),
                None => problem(404, "Not Found", "no such object"),
            },
            OperationKind::Delete => match store.objects.remove(&(type_name.to_owned(), key(&path_values))) {
                Some(_) => reply(success, None),
                None => problem(404, "Not Found", "no such object"),
            },
            OperationKind::List => {
                let items: Vec<Value> = store
                    .objects
                    .iter()
                    .filter(|((kind, _), _)| kind == type_name)
                    .map(|(_, object)| object.clone())
                    .collect();
                reply(success, Some(Value::Array(items)))
            }
        }
    }

    /// The path parameters as API fields of the object (`{keyId}` bound to `id` gives `"id": ...`).
    fn path_values(
        &self,
        resource: &Resource,
        operation: &Operation,
        params: &BTreeMap<String, String>,
    ) -> Map<String, Value> {
        operation
            .path_params
            .iter()
            .filter_map(|param| {
                let attribute = resource.schema.attributes.get(&param.attribute)?;
                let value = params.get(&param.name)?;
                let value = match attribute.ty {
                    Type::Int64 => {
                        value.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(value.clone()))
                    }
                    _ => Value::String(value.clone()),
                };
                Some((attribute.api_name.clone(), value))
            })
            .collect()
    }

    /// The key of an object: the values of the read operation's path parameters.
    fn object_key(&self, resource: &Resource, object: &Value) -> Option<String> {
        let read = resource.operations.read.as_ref()?;
        let mut values = Map::new();
        for param in &read.path_params {
            let attribute = resource.schema.attributes.get(&param.attribute)?;
            values.insert(attribute.api_name.clone(), object.get(&attribute.api_name)?.clone());
        }
        Some(key(&values))
    }

    /// Checks that required attributes are sent and that sent attributes have their type.
    fn check_body(&self, resource: &Resource, operation: &Operation, sent: &Value, update: bool) -> Result<(), String> {
        let Value::Object(fields) = sent else { return Err("the body must be a JSON object".to_owned()) };
        let variants: Vec<&str> = resource
            .schema
            .one_of
            .values()
            .flat_map(|group| group.variants.iter().map(|variant| variant.attribute.as_str()))
            .collect();
        for name in operation.body.iter().flatten() {
            let Some(attribute) = resource.schema.attributes.get(name) else { continue };
            match fields.get(&attribute.api_name) {
                None if attribute.mode == Mode::Required && !update && !variants.contains(&name.as_str()) => {
                    return Err(format!("`{}` is required", attribute.api_name));
                }
                Some(value) if !fits(&attribute.ty, value) => {
                    return Err(format!("`{}` does not have the type the schema gives it", attribute.api_name));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn key(values: &Map<String, Value>) -> String {
    Value::Object(values.clone()).to_string()
}

/// Whether a JSON value can be of a type (null always can).
fn fits(ty: &Type, value: &Value) -> bool {
    match (ty, value) {
        (_, Value::Null) | (Type::Dynamic, _) => true,
        (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) => true,
        (Type::Int64, Value::Number(number)) => number.is_i64(),
        (Type::Float64 | Type::Number, Value::Number(_)) => true,
        (Type::List(element) | Type::Set(element), Value::Array(items)) => items.iter().all(|item| fits(element, item)),
        (Type::Map(element), Value::Object(entries)) => entries.values().all(|item| fits(element, item)),
        (Type::Object(_) | Type::Tuple(_), _) => true,
        (Type::Nested(nested), value) => match nested.mode {
            schema::NestingMode::Single | schema::NestingMode::Map => value.is_object(),
            schema::NestingMode::List | schema::NestingMode::Set => value.is_array(),
        },
        _ => false,
    }
}

/// Stores the elements of top-level sets in reverse, as an API free to keep sets in its own order would
/// answer them; a provider must not show that as a change.
fn reorder_sets(resource: &Resource, object: &mut Value) {
    let Value::Object(fields) = object else { return };
    for attribute in resource.schema.attributes.values() {
        let is_set = match &attribute.ty {
            Type::Set(_) => true,
            Type::Nested(nested) => nested.mode == schema::NestingMode::Set,
            _ => false,
        };
        if let (true, Some(Value::Array(items))) = (is_set, fields.get_mut(&attribute.api_name)) {
            items.reverse();
        }
    }
}

/// Gives read-only attributes, and computed ones left unset, values the way an API would.
fn assign_computed(resource: &Resource, object: &mut Value, counter: u64) {
    let Value::Object(fields) = object else { return };
    for (name, attribute) in &resource.schema.attributes {
        if !attribute.mode.is_computed() || fields.get(&attribute.api_name).is_some_and(|value| !value.is_null()) {
            continue;
        }
        let value = match &attribute.ty {
            Type::String if name == "id" || name.ends_with("_id") => json!(format!("{name}-{counter}")),
            Type::String if name.ends_with("_at") => json!("2030-01-01T00:00:00Z"),
            Type::String => json!(format!("{name}-{counter}")),
            Type::Int64 | Type::Float64 | Type::Number => json!(counter),
            Type::Bool => json!(false),
            Type::List(_) | Type::Set(_) => json!([]),
            _ => continue,
        };
        fields.insert(attribute.api_name.clone(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_paths_and_decodes_parameters() {
        let params = match_path("/v1/things/{id}/parts", "/v1/things/a%2Fb%20c/parts").unwrap();
        assert_eq!(params["id"], "a/b c");
        assert!(match_path("/v1/things/{id}", "/v1/other/1").is_none());
        assert!(match_path("/v1/things/{id}", "/v1/things").is_none());
        assert_eq!(percent_decode("100%"), "100%");
    }
}
