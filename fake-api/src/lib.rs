//! A stateful fake of a provider's API, driven by the schema's operations, for offline acceptance tests:
//! `cargo run -p fake-api -- --schema schema/providers/<name> --listen 127.0.0.1:<port>`, or
//! [`FakeApi::start`] from Rust tests.
//!
//! It requires the credential the schema's `auth` names (401 without), checks request bodies and query
//! parameters against the attributes (400 with a problem+json body), answers 404 for unknown objects and
//! 409 when a create targets an object that exists, serves an upsert (create and update on one PUT path)
//! by whether the object exists, and treats objects as a real API does (see [`objects`]: computed values
//! at every depth, values changed on every update, merge patches, replacement, its own set order, values
//! it never returns). Tests can change objects behind the provider's back ([`FakeApi::edit`]), make its
//! answers unreadable ([`FakeApi::garble`]), and inject faults: a share of 500 and 429 answers, and a delay
//! before every answer.

pub mod control;
mod objects;
mod paging;
mod waits;

pub use waits::WaitEnd;

use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use schema::{Auth, Follow, Mode, Operation, OperationKind, Provider, Resource, Type, Until};
use serde_json::{Map, Value, json};

/// How the fake misbehaves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Share of requests (0 to 1) answered with 500 or 429 (alternately) instead of being served.
    pub error_rate: f64,
    /// Wait before every answer.
    pub delay: Duration,
    /// Share of creates and updates (0 to 1) that the API carries out and then answers with a 500, as a
    /// proxy that loses the answer would: only an idempotency key lets the client retry such a write.
    pub commit_then_fail: f64,
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
    /// API fields answered with a value of the wrong shape, by resource type.
    garbled: BTreeSet<(String, String)>,
    /// Resource types whose reads are answered with a body that is no object at all.
    misanswered: BTreeMap<String, Misanswer>,
    /// The answers given to requests that carried an idempotency key, by key: a repeated key gets the
    /// same answer, and the write is not done again.
    idempotent: BTreeMap<String, Saved>,
    /// Work finished later (operations with `wait`), by object.
    pending: BTreeMap<(String, String), waits::Pending>,
    /// How the waited-for writes of a resource type end, where a test said.
    wait_ends: BTreeMap<String, WaitEnd>,
    /// The operation resources of writes that follow one, by number.
    operations: BTreeMap<u64, waits::Operation>,
}

impl Store {
    /// Counts a read of the object in `slot` towards the work pending on it, and finishes the work when
    /// its reads are done.
    fn advance(&mut self, slot: &(String, String)) {
        let Some(pending) = self.pending.get_mut(slot) else { return };
        pending.reads_left = pending.reads_left.saturating_sub(1);
        if pending.reads_left > 0 {
            return;
        }
        match self.pending.remove(slot).map(|pending| pending.finish) {
            Some(waits::Finish::Status { field, value }) => {
                if let Some(Value::Object(fields)) = self.objects.get_mut(slot) {
                    fields.insert(field, value);
                }
            }
            Some(waits::Finish::Gone) => {
                self.objects.remove(slot);
            }
            None => {}
        }
    }
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
                        async move { Ok::<_, Infallible>(paced(state.answer(request).await)) }
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

    /// The objects of one resource type, as stored (write-only values included).
    pub fn objects(&self, type_name: &str) -> Vec<Value> {
        let Ok(store) = self.state.store.lock() else { return Vec::new() };
        store.objects.iter().filter(|((kind, _), _)| kind == type_name).map(|(_, object)| object.clone()).collect()
    }

    /// Changes every object of `type_name` with `change`, as if someone changed them outside Terraform.
    pub fn edit(&self, type_name: &str, mut change: impl FnMut(&mut Map<String, Value>)) {
        let Ok(mut store) = self.state.store.lock() else { return };
        for ((kind, _), object) in store.objects.iter_mut() {
            if let (true, Value::Object(fields)) = (kind == type_name, object) {
                change(fields);
            }
        }
    }

    /// Deletes the `type_name` objects `doomed` picks, as if they were deleted outside Terraform.
    pub fn remove(&self, type_name: &str, mut doomed: impl FnMut(&Map<String, Value>) -> bool) {
        let Ok(mut store) = self.state.store.lock() else { return };
        store.objects.retain(|(kind, _), object| kind != type_name || !object.as_object().is_some_and(&mut doomed));
    }

    /// From now on, answers about `type_name` objects carry the API field `field` as a value no schema
    /// type fits (the object itself is stored as sent).
    pub fn garble(&self, type_name: &str, field: &str) {
        if let Ok(mut store) = self.state.store.lock() {
            store.garbled.insert((type_name.to_owned(), field.to_owned()));
        }
    }

    /// From now on, reads of `type_name` objects that exist are answered 200 with `answer` instead of the
    /// object, or with the object slowly (`None`: with the object again, at once).
    pub fn misanswer(&self, type_name: &str, answer: Option<Misanswer>) {
        if let Ok(mut store) = self.state.store.lock() {
            match answer {
                Some(answer) => store.misanswered.insert(type_name.to_owned(), answer),
                None => store.misanswered.remove(type_name),
            };
        }
    }

    /// How many operation resources writes started (those that `follow` one), and how many of them were
    /// read until they were done.
    pub fn operations_followed(&self) -> (usize, usize) {
        let Ok(store) = self.state.store.lock() else { return (0, 0) };
        let done = store.operations.values().filter(|operation| operation.reads_left == 0).count();
        (store.operations.len(), done)
    }

    /// How the writes of `type_name` that are waited for (`wait:`) end from now on: ready (the default),
    /// failed, or never.
    pub fn end_waits(&self, type_name: &str, end: WaitEnd) {
        if let Ok(mut store) = self.state.store.lock() {
            store.wait_ends.insert(type_name.to_owned(), end);
        }
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
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A fake API served by a runtime on a thread of its own, for callers that block (tests driving
/// `terraform`, the binary reading commands); it stops when dropped.
pub struct Served {
    /// The running fake.
    pub api: FakeApi,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Served {
    /// Starts the fake API of `provider` on `address` (port 0 picks a free one), as [`FakeApi::start`].
    pub fn start(
        provider: Provider,
        address: SocketAddr,
        token: Option<String>,
        faults: Faults,
    ) -> std::io::Result<Served> {
        let (started, api) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(runtime) => runtime,
                Err(error) => {
                    let _ = started.send(Err(error));
                    return;
                }
            };
            runtime.block_on(async move {
                let api = FakeApi::start(provider, address, token, faults).await;
                let serving = api.is_ok();
                let _ = started.send(api);
                if serving {
                    let _ = stopped.await;
                }
            });
        });
        let api = api.recv().map_err(|_| std::io::Error::other("the fake API's thread ended"))??;
        Ok(Served { api, stop: Some(stop), thread: Some(thread) })
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The answer to a write, naming the operation resource it starts where the operation `follow`s one (in
/// the `Location` header, or in a field of the body).
fn followed(
    store: &mut Store,
    operation: &Operation,
    end: WaitEnd,
    status: u16,
    mut answer: Option<Value>,
) -> Response<Full<Bytes>> {
    let Some(wait) = &operation.wait else { return reply(status, answer) };
    let Some(work) = waits::Operation::start(wait, end) else { return reply(status, answer) };
    store.counter += 1;
    let link = format!("{}{}", waits::OPERATIONS, store.counter);
    store.operations.insert(store.counter, work);
    let Until::Operation { follow, .. } = &wait.until else { return reply(status, answer) };
    match follow {
        Follow::Location => {
            let mut response = reply(status, answer);
            if let Ok(value) = hyper::header::HeaderValue::from_str(&link) {
                response.headers_mut().insert(hyper::header::LOCATION, value);
            }
            response
        }
        Follow::Field(field) => {
            let body = answer.get_or_insert_with(|| json!({}));
            waits::put_link(body, field, &link);
            reply(status, answer)
        }
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

/// A body a misbehaving API answers a read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misanswer {
    /// An HTML maintenance page.
    Html,
    /// No body at all.
    Empty,
    /// A JSON array where an object is due.
    Array,
    /// The object itself, one byte a second.
    Trickle,
}

/// Marks a response whose body goes out one byte at a time, this long apart.
#[derive(Debug, Clone, Copy)]
struct Trickled(std::time::Duration);

/// The body of a response as it goes out: whole, or trickled where the response is marked so.
fn paced(response: Response<Full<Bytes>>) -> Response<BoxBody<Bytes, Infallible>> {
    let Some(Trickled(pause)) = response.extensions().get::<Trickled>().copied() else {
        return response.map(BodyExt::boxed);
    };
    let (parts, body) = response.into_parts();
    let (mut sender, channel) = http_body_util::channel::Channel::<Bytes, Infallible>::new(1);
    tokio::spawn(async move {
        let Ok(collected) = body.collect().await;
        for byte in collected.to_bytes() {
            if sender.send_data(Bytes::copy_from_slice(&[byte])).await.is_err() {
                return;
            }
            tokio::time::sleep(pause).await;
        }
    });
    Response::from_parts(parts, channel.boxed())
}

impl Misanswer {
    /// The answer to a read whose true answer is `answer`.
    fn response(self, mut answer: Response<Full<Bytes>>) -> Response<Full<Bytes>> {
        let (content_type, body) = match self {
            Misanswer::Html => ("text/html", "<html><body><h1>Down for maintenance</h1></body></html>"),
            Misanswer::Empty => ("application/json", ""),
            Misanswer::Array => ("application/json", "[{\"id\": \"x\"}]"),
            Misanswer::Trickle => {
                answer.extensions_mut().insert(Trickled(std::time::Duration::from_secs(1)));
                return answer;
            }
        };
        let builder = Response::builder().status(200).header("content-type", content_type);
        builder.body(Full::new(Bytes::from(body))).unwrap_or_default()
    }
}

/// An answer given before, given again.
/// An answer as it is given again: its status, body and `Location` header.
type Saved = (u16, Bytes, Option<hyper::header::HeaderValue>);

fn replay((status, bytes, location): Saved) -> Response<Full<Bytes>> {
    let mut builder = Response::builder().status(status);
    if !bytes.is_empty() {
        builder =
            builder.header("content-type", if status >= 400 { "application/problem+json" } else { "application/json" });
    }
    if let Some(location) = location {
        builder = builder.header(hyper::header::LOCATION, location);
    }
    builder.body(Full::new(bytes)).unwrap_or_default()
}

fn problem(status: u16, title: &str, detail: impl Into<String>) -> Response<Full<Bytes>> {
    reply(status, Some(json!({ "status": status, "title": title, "detail": detail.into() })))
}

/// The `{param}` values of `path` against `template`, percent-decoded, if it matches.
fn match_path(template: &str, path: &str) -> Option<BTreeMap<String, String>> {
    let mut params = schema::template::match_text(template, path, Some('/'))?;
    for value in params.values_mut() {
        *value = percent_decode(value);
    }
    Some(params)
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
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
        let request_headers = request.headers().clone();
        let query: Vec<(String, String)> = request.uri().query().map(url_pairs).unwrap_or_default();
        let body = match request.into_body().collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return problem(400, "Bad Request", "the body could not be read"),
        };
        let headers = request_headers;
        if let (true, Some(number)) = (method == "GET", path.strip_prefix(waits::OPERATIONS)) {
            let Ok(mut store) = self.store.lock() else {
                return problem(500, "Internal Server Error", "state unavailable");
            };
            return match number.parse().ok().and_then(|number: u64| store.operations.get_mut(&number)) {
                Some(operation) => reply(200, Some(operation.read())),
                None => problem(404, "Not Found", "no such operation"),
            };
        }
        for (type_name, resource) in self.provider.resources.iter().chain(&self.provider.ephemeral_resources) {
            // Further steps of a create or update change the object that exists (merging what they send);
            // those of a read answer it.
            let steps = resource.operations.iter().flat_map(|(kind, operation)| {
                let kind = if kind == OperationKind::Read { kind } else { OperationKind::Update };
                operation.then.iter().map(move |step| (kind, step, true))
            });
            let matching: Vec<(OperationKind, &Operation, BTreeMap<String, String>, bool)> = resource
                .operations
                .iter()
                .map(|(kind, operation)| (served_as(kind), operation, false))
                .chain(steps)
                .filter(|(_, operation, _)| operation.method.as_str() == method)
                .filter_map(|(kind, operation, step)| {
                    match_path(&operation.path, &path).map(|params| (kind, operation, params, step))
                })
                .collect();
            // An upsert: create and update share the method and path; which one it is depends on whether
            // the object exists.
            let chosen = match matching.as_slice() {
                [] => continue,
                [only] => only,
                several => {
                    let exists = several.iter().any(|(_, operation, params, _)| {
                        let key = key(&self.path_values(resource, operation, params));
                        self.store.lock().is_ok_and(|store| store.objects.contains_key(&(type_name.clone(), key)))
                    });
                    let wanted = if exists { OperationKind::Update } else { OperationKind::Create };
                    several.iter().find(|(kind, _, _, _)| *kind == wanted).unwrap_or(&several[0])
                }
            };
            let (kind, operation, params, step) = chosen;
            let missing = matches!(kind, OperationKind::Read | OperationKind::Delete)
                && !self.holds(type_name, resource, operation, params);
            // A further step of a read answers only for an object that exists; reference data a data
            // source reads at the same path is served below.
            if missing && *kind == OperationKind::Read && *step {
                continue;
            }
            // Two resources may share an address (an API whose access rules are groups): a read or delete
            // goes to the one that holds the object.
            if missing
                && self.provider.resources.iter().any(|(other, candidate)| {
                    other != type_name
                        && candidate.operations.iter().any(|(_, theirs)| {
                            theirs.method.as_str() == method
                                && match_path(&theirs.path, &path)
                                    .is_some_and(|found| self.holds(other, candidate, theirs, &found))
                        })
                })
            {
                continue;
            }
            if let Err(detail) = self.check_query(resource, operation, &query) {
                return problem(400, "Bad Request", detail);
            }
            let key = operation
                .idempotency_key
                .as_ref()
                .and_then(|header| headers.get(header.as_str()))
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            if let Some(saved) = key.as_ref().and_then(|key| self.store.lock().ok()?.idempotent.get(key).cloned()) {
                return replay(saved);
            }
            let request = (params.clone(), query.as_slice());
            let served = self.serve(type_name, resource, (*kind, *step), operation, request, &body);
            let status = served.status().as_u16();
            let (parts, body) = served.into_parts();
            let bytes = body.collect().await.map(|body| body.to_bytes()).unwrap_or_default();
            let location = parts.headers.get(hyper::header::LOCATION).cloned();
            let writes = matches!(kind, OperationKind::Create | OperationKind::Update);
            if let (Some(key), true) = (key, (200..300).contains(&status)) {
                if let Ok(mut store) = self.store.lock() {
                    store.idempotent.insert(key, (status, bytes.clone(), location.clone()));
                }
            }
            if writes && (200..300).contains(&status) && self.draw(self.faults.commit_then_fail) {
                return problem(500, "Internal Server Error", "the write was done, but its answer was lost");
            }
            // How the answer goes out (trickled) stays with it.
            let mut answer = replay((status, bytes, location));
            *answer.extensions_mut() = parts.extensions;
            return answer;
        }
        // A data source no resource stands behind reads reference data: the same answer for the same path.
        for source in self.provider.data_sources.values() {
            let Some(read) = source.operations.read.as_ref().filter(|read| read.method.as_str() == method) else {
                continue;
            };
            if let Some(params) = match_path(&read.path, &path) {
                if let Err(detail) = self.check_query(source, read, &query) {
                    return problem(400, "Bad Request", detail);
                }
                let mut object = Value::Object(self.path_values(source, read, &params));
                objects::assign_computed(&source.schema, &mut object, 0);
                let success = read.success.first().copied().unwrap_or(200);
                return reply(success, Some(read.wrap_answer(objects::answered(&source.schema, &object))));
            }
        }
        problem(404, "Not Found", format!("no operation serves {method} {path}"))
    }

    /// Whether the store holds the object of `type_name` that `operation`'s path parameters address.
    fn holds(
        &self,
        type_name: &str,
        resource: &Resource,
        operation: &Operation,
        params: &BTreeMap<String, String>,
    ) -> bool {
        let object_key = key(&self.path_values(resource, operation, params));
        self.store.lock().is_ok_and(|store| store.objects.contains_key(&(type_name.to_owned(), object_key)))
    }

    /// Checks that query parameters are ones the operation takes, with values of their attribute's type.
    fn check_query(
        &self,
        resource: &Resource,
        operation: &Operation,
        query: &[(String, String)],
    ) -> Result<(), String> {
        for (name, value) in query.iter().filter(|(name, _)| Some(name.as_str()) != paging::param(operation)) {
            let attribute = operation
                .query
                .iter()
                .map(|attribute| resource.schema.attribute(attribute))
                .find(|attribute| attribute.api_name == *name)
                .ok_or_else(|| format!("unknown query parameter `{name}`"))?;
            let fits = match attribute.ty {
                Type::Int64 => value.parse::<i64>().is_ok(),
                Type::Float64 | Type::Number => value.parse::<f64>().is_ok(),
                Type::Bool => value == "true" || value == "false",
                _ => true,
            };
            if !fits {
                return Err(format!("query parameter `{name}` does not have the type the schema gives it"));
            }
        }
        Ok(())
    }

    /// Whether a fault of probability `rate` happens now (deterministic from a seed); counts those that do.
    fn draw(&self, rate: f64) -> bool {
        if rate <= 0.0 {
            return false;
        }
        let Ok(mut store) = self.store.lock() else { return false };
        store.random ^= store.random << 13;
        store.random ^= store.random >> 7;
        store.random ^= store.random << 17;
        let happens = ((store.random % 10_000) as f64 / 10_000.0) < rate;
        store.faults += u64::from(happens);
        happens
    }

    /// A 500 or a 429 for the configured share of requests.
    fn fault(&self) -> Option<Response<Full<Bytes>>> {
        if !self.draw(self.faults.error_rate) {
            return None;
        }
        let random = self.store.lock().ok()?.random;
        Some(if random % 2 == 0 {
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
        (kind, step): (OperationKind, bool),
        operation: &Operation,
        (params, query): (BTreeMap<String, String>, &[(String, String)]),
        body: &[u8],
    ) -> Response<Full<Bytes>> {
        let Ok(mut store) = self.store.lock() else {
            return problem(500, "Internal Server Error", "state unavailable");
        };
        let success = operation.success.first().copied().unwrap_or(200);
        let path_values = self.path_values(resource, operation, &params);
        match kind {
            OperationKind::Create | OperationKind::Update | OperationKind::Open => {
                let sent: Value = if body.is_empty() {
                    json!({})
                } else {
                    match serde_json::from_slice(body) {
                        Ok(value) => value,
                        Err(error) => return problem(400, "Bad Request", format!("the body is not JSON: {error}")),
                    }
                };
                // An API that wraps the object takes it from its field.
                let sent = match operation.object_sent(&sent) {
                    Some(object) => object.clone(),
                    None => return problem(400, "Bad Request", "the body does not hold the object in its field"),
                };
                let sent = match by_api_names(resource, operation, sent) {
                    Ok(sent) => sent,
                    Err(detail) => return problem(400, "Bad Request", detail),
                };
                // A further step of a create or update sends only its part of the object.
                let merging = kind == OperationKind::Update && (step || operation.method == schema::Method::Patch);
                if let Err(detail) = self.check_body(resource, operation, &sent, merging) {
                    return problem(400, "Bad Request", detail);
                }
                store.counter += 1;
                let serial = store.counter;
                let schema = &resource.schema;
                let mut object = match kind {
                    OperationKind::Update => {
                        // An update whose path names no object addresses it in the body.
                        let address = match path_values.is_empty() {
                            true => self.object_key(resource, &sent).unwrap_or_else(|| key(&path_values)),
                            false => key(&path_values),
                        };
                        let Some(existing) = store.objects.get(&(type_name.to_owned(), address)) else {
                            return problem(404, "Not Found", "no such object");
                        };
                        if merging {
                            let mut merged = existing.clone();
                            objects::merge_patch(&mut merged, &sent);
                            merged
                        } else {
                            objects::replace(schema, existing, sent, operation.body.as_deref().unwrap_or_default())
                        }
                    }
                    _ => sent,
                };
                if let Value::Object(target) = &mut object {
                    target.extend(path_values.clone());
                }
                objects::assign_computed(schema, &mut object, serial);
                if kind == OperationKind::Update {
                    objects::bump(schema, &mut object, serial);
                }
                objects::reorder_sets(schema, &mut object);
                let object_key = self.object_key(resource, &object).unwrap_or_else(|| key(&path_values));
                let slot = (type_name.to_owned(), object_key);
                // An API with no delete lets a create take the place of what is there: nothing could
                // have removed it first.
                let deletable = resource.operations.delete.is_some() || resource.operations.close.is_some();
                if kind == OperationKind::Create && deletable && store.objects.contains_key(&slot) {
                    return problem(409, "Conflict", "the object exists already");
                }
                // A write the API finishes later shows a pending status until it is done.
                let end = store.wait_ends.get(type_name).copied().unwrap_or_default();
                if let Some(wait) = &operation.wait {
                    if let (Some((field, pending, work)), Value::Object(fields)) =
                        (waits::status_work(resource, wait, end), &mut object)
                    {
                        fields.insert(field, pending);
                        store.pending.insert(slot.clone(), work);
                    }
                }
                store.objects.insert(slot, object.clone());
                let answer = (!operation.empty_answer)
                    .then(|| operation.wrap_answer(self.answered(&store, type_name, resource, &object)));
                followed(&mut store, operation, end, success, answer)
            }
            OperationKind::Read | OperationKind::Renew => {
                let slot = (type_name.to_owned(), key(&path_values));
                store.advance(&slot);
                match store.objects.get(&slot) {
                    Some(_) if operation.empty_answer => reply(success, None),
                    Some(object) => {
                        let answer = reply(
                            success,
                            Some(operation.wrap_answer(self.answered(&store, type_name, resource, object))),
                        );
                        match store.misanswered.get(type_name) {
                            Some(misanswer) => misanswer.response(answer),
                            None => answer,
                        }
                    }
                    None => problem(404, "Not Found", "no such object"),
                }
            }
            OperationKind::Delete | OperationKind::Close => {
                let slot = (type_name.to_owned(), key(&path_values));
                if !store.objects.contains_key(&slot) {
                    return problem(404, "Not Found", "no such object");
                }
                // A delete the API finishes later leaves the object readable for a while.
                if operation.wait.as_ref().is_some_and(|wait| wait.until == Until::Gone) {
                    store.pending.entry(slot).or_insert_with(waits::Pending::gone);
                } else {
                    store.objects.remove(&slot);
                    store.pending.remove(&slot);
                }
                let end = store.wait_ends.get(type_name).copied().unwrap_or_default();
                followed(&mut store, operation, end, success, None)
            }
            OperationKind::List => {
                // The objects of the type below the path's parameters (a store's customers).
                let below = |object: &Value| path_values.iter().all(|(field, value)| object.get(field) == Some(value));
                let items: Vec<(&String, Value)> = store
                    .objects
                    .iter()
                    .filter(|((kind, _), object)| kind == type_name && below(object))
                    .map(|((_, key), object)| (key, self.answered(&store, type_name, resource, object)))
                    .collect();
                match &operation.paging {
                    Some(paging) => match paging::page(operation, paging, &params, query, items) {
                        Ok(page) => reply(success, Some(page)),
                        Err(detail) => problem(400, "Bad Request", detail),
                    },
                    None => reply(success, Some(Value::Array(items.into_iter().map(|(_, item)| item).collect()))),
                }
            }
        }
    }

    /// An object as the API answers it, garbled where a test asked for that.
    fn answered(&self, store: &Store, type_name: &str, resource: &Resource, object: &Value) -> Value {
        let mut answer = objects::answered(&resource.schema, object);
        if let Value::Object(fields) = &mut answer {
            for (_, field) in store.garbled.iter().filter(|(kind, _)| kind == type_name) {
                fields.insert(field.clone(), json!({"garbled": [true]}));
            }
        }
        answer
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
                let attribute = resource.schema.attribute(&param.attribute);
                let value = params.get(&param.name)?;
                let value = match attribute.ty {
                    Type::Int64 => {
                        value.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(value.clone()))
                    }
                    Type::Number => {
                        value.parse::<f64>().map(Value::from).unwrap_or_else(|_| Value::String(value.clone()))
                    }
                    Type::Bool => {
                        value.parse::<bool>().map(Value::from).unwrap_or_else(|_| Value::String(value.clone()))
                    }
                    _ => Value::String(value.clone()),
                };
                Some((attribute.api_name.clone(), value))
            })
            .collect()
    }

    /// The key of an object: the values of the path parameters of the operation that addresses it (the
    /// read, else the delete, else the update; for an ephemeral resource the renew, else the close).
    fn object_key(&self, resource: &Resource, object: &Value) -> Option<String> {
        let operations = &resource.operations;
        let read = [&operations.read, &operations.delete, &operations.update, &operations.renew, &operations.close]
            .into_iter()
            .find_map(Option::as_ref)?;
        let mut values = Map::new();
        for param in &read.path_params {
            let attribute = resource.schema.attribute(&param.attribute);
            values.insert(attribute.api_name.clone(), object.get(&attribute.api_name)?.clone());
        }
        Some(key(&values))
    }

    /// Checks that required attributes are sent and that sent attributes have their type.
    fn check_body(
        &self,
        resource: &Resource,
        operation: &Operation,
        sent: &Value,
        merging: bool,
    ) -> Result<(), String> {
        let Value::Object(fields) = sent else { return Err("the body must be a JSON object".to_owned()) };
        let variants: Vec<&str> = resource
            .schema
            .one_of
            .values()
            .flat_map(|group| group.variants.iter().map(|variant| variant.attribute.as_str()))
            .collect();
        for name in operation.body.iter().flatten() {
            let attribute = resource.schema.attribute(name);
            match fields.get(&attribute.api_name) {
                None if attribute.mode == Mode::Required && !merging && !variants.contains(&name.as_str()) => {
                    return Err(format!("`{}` is required", attribute.api_name));
                }
                Some(value) if !objects::attribute_fits(attribute, value) => {
                    return Err(format!("`{}` does not have the type the schema gives it", attribute.api_name));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// How the fake serves an operation: an ephemeral resource's `open` makes an object as a create does,
/// `renew` answers it as a read does (404 once it is gone), and `close` removes it as a delete does.
fn served_as(kind: OperationKind) -> OperationKind {
    match kind {
        OperationKind::Open => OperationKind::Create,
        OperationKind::Renew => OperationKind::Read,
        OperationKind::Close => OperationKind::Delete,
        other => other,
    }
}

fn key(values: &Map<String, Value>) -> String {
    // A number is one key however it is written (`3` in a path, `3.0` in a body).
    let canonical = |value: &Value| match value.as_f64() {
        Some(number) if number.fract() == 0.0 && number.abs() < 9e15 => Value::from(number as i64),
        _ => value.clone(),
    };
    let values: Map<String, Value> = values.iter().map(|(name, value)| (name.clone(), canonical(value))).collect();
    Value::Object(values).to_string()
}

/// The pairs of a URL query string, percent-decoded.
fn url_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(&name.replace('+', " ")), percent_decode(&value.replace('+', " ")))
        })
        .collect()
}

/// A body as the object's API names hold it: a field this operation names otherwise (`body_names`) goes
/// back to the attribute's API name; the attribute's own name in its place is refused, as an API that
/// names the field otherwise would refuse it.
fn by_api_names(resource: &Resource, operation: &Operation, sent: Value) -> Result<Value, String> {
    let Value::Object(mut fields) = sent else { return Ok(sent) };
    for (name, field) in &operation.body_names {
        let attribute = resource.schema.attribute(name);
        if attribute.api_name != *field && fields.contains_key(&attribute.api_name) {
            return Err(format!("`{}` is no field of this body: it takes `{field}`", attribute.api_name));
        }
        if let Some(value) = fields.remove(field) {
            fields.insert(attribute.api_name.clone(), value);
        }
    }
    Ok(Value::Object(fields))
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
