//! The HTTP transport of generated API clients: authentication, timeouts, retries, typed errors.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue, LOCATION, RETRY_AFTER};

use crate::error::{ApiErrorKind, Error, ErrorResponse};
use crate::secret::Secret;

/// Characters escaped in a path parameter (everything that would end or change a path segment).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// How requests authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <token>`.
    Bearer(Secret),
    /// A header carrying the key as it is (`X-API-Key: <key>`).
    Header {
        /// The header's name.
        name: String,
        /// The key.
        value: Secret,
    },
}

/// A setting as configured, else from the environment variable `env` when that is set and not empty.
pub fn setting(configured: Option<String>, env: Option<&str>) -> Option<String> {
    configured.or_else(|| env.and_then(|name| std::env::var(name).ok()).filter(|value| !value.is_empty()))
}

/// When and how often to retry. A request is retried when it was not sent (the connection could not be
/// made), when the API says it did not process it (429, 503), and after an answer that leaves open whether
/// the API acted (500, 502, 504, a timeout, a connection lost after sending) only when repeating it is
/// harmless: the method is idempotent, or the request carries an idempotency key, the same on every attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// The wait before the first retry; it doubles for each further one.
    pub initial_backoff: Duration,
    /// The longest wait between attempts, and the most a `Retry-After` may ask for.
    pub max_backoff: Duration,
}

impl RetryPolicy {
    /// The policy of a Terraform provider: more patient, since an apply that gives up leaves work undone.
    pub fn for_provider() -> Self {
        RetryPolicy { max_attempts: 10, ..RetryPolicy::default() }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
        }
    }
}

/// Everything a client needs to reach an API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// Base URL; operation paths are appended to it.
    pub server_url: String,
    /// Credentials, if the API needs them.
    pub auth: Option<Auth>,
    /// Limit on one attempt, from sending the request to the end of the response body.
    pub timeout: Duration,
    /// Limit on opening a connection.
    pub connect_timeout: Duration,
    /// Retries of failed attempts.
    pub retry: RetryPolicy,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// The largest response body read; a larger one is an [`Error::TooLarge`].
    pub max_response_bytes: usize,
}

impl ClientConfig {
    /// A configuration for `server_url` with the defaults: 60 s per attempt, 10 s to connect, 5 attempts,
    /// answers up to 16 MiB.
    pub fn new(server_url: impl Into<String>) -> Self {
        ClientConfig {
            server_url: server_url.into(),
            auth: None,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            user_agent: concat!("terraform-codegen-runtime/", env!("CARGO_PKG_VERSION")).to_owned(),
            max_response_bytes: 16 << 20,
        }
    }
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
    /// DELETE.
    Delete,
}

impl Method {
    /// Whether sending the request twice has the effect of sending it once.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }

    pub(crate) fn as_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

/// One API request, as a generated operation describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    /// The method.
    pub method: Method,
    /// The path template (`/things/{id}`), which is also what logs show.
    pub path: &'a str,
    /// The value of each `{param}` of the path; values are percent-encoded.
    pub path_params: Vec<(&'a str, String)>,
    /// Query parameters.
    pub query: Vec<(&'a str, String)>,
    /// The JSON body.
    pub body: Option<serde_json::Value>,
    /// Statuses the operation documents as errors.
    pub documented_errors: &'a [u16],
    /// The header that carries an idempotency key, when the API takes one for this operation: a fresh key
    /// is sent with the request, the same one on every retry, so a write may be retried safely.
    pub idempotency_key: Option<&'a str>,
}

impl Request<'_> {
    /// A request with no parameters and no body.
    pub fn new(method: Method, path: &'static str) -> Request<'static> {
        Request {
            method,
            path,
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            documented_errors: &[],
            idempotency_key: None,
        }
    }
}

/// Serializes a request body.
pub fn to_body<T: serde::Serialize, E>(body: &T) -> Result<serde_json::Value, Error<E>> {
    serde_json::to_value(body).map_err(|error| Error::Config(format!("request body: {error}")))
}

/// A successful response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// The `Location` header, where the answer has one (an operation the API finishes later).
    pub location: Option<String>,
}

impl Response {
    /// Reads the body as a model: `fields` (path parameters, which APIs often leave out of bodies) are added
    /// to a JSON object that lacks them, then `read` builds the model.
    pub fn model<T, E>(
        &self,
        fields: &[(&str, serde_json::Value)],
        read: fn(serde_json::Value) -> Result<T, serde_json::Error>,
    ) -> Result<T, Error<E>> {
        let mut value: serde_json::Value = self.json()?;
        if let serde_json::Value::Object(object) = &mut value {
            for (name, field) in fields {
                object.entry(name.to_string()).or_insert_with(|| field.clone());
            }
        }
        read(value).map_err(|error| Error::Decode {
            message: error.to_string(),
            body: String::from_utf8_lossy(&self.body).into_owned(),
        })
    }

    /// Reads the body as JSON.
    pub fn json<T: serde::de::DeserializeOwned, E>(&self) -> Result<T, Error<E>> {
        serde_json::from_slice(&self.body).map_err(|error| Error::Decode {
            message: error.to_string(),
            body: String::from_utf8_lossy(&self.body).into_owned(),
        })
    }
}

/// Sends requests to one API.
#[derive(Debug, Clone)]
pub struct Transport {
    http: reqwest::Client,
    config: ClientConfig,
}

impl Transport {
    /// A transport for `config`.
    pub fn new<E>(config: ClientConfig) -> Result<Self, Error<E>> {
        // reqwest is built without a TLS crypto provider of its own; use ring process-wide.
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Url::parse(&config.server_url)
            .map_err(|error| Error::Config(format!("server URL {:?}: {error}", config.server_url)))?;
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .user_agent(config.user_agent.clone())
            .redirect(reqwest::redirect::Policy::custom(same_origin_redirects))
            .build()
            .map_err(|error| Error::Config(error.to_string()))?;
        Ok(Transport { http, config })
    }

    /// The configuration in use.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The path below the server URL of a link an answer gives (a `Location` header, a URL in a field):
    /// relative links are taken from the server URL; a link to another origin, or outside the server
    /// URL's path, is refused, so credentials never go where the configuration did not send them.
    pub fn path_on_server(&self, link: &str) -> Result<String, String> {
        let base = reqwest::Url::parse(&self.config.server_url).map_err(|error| error.to_string())?;
        let url = base.join(link).map_err(|error| format!("`{link}` is not a URL: {error}"))?;
        let prefix = base.as_str().trim_end_matches('/');
        match url.as_str().strip_prefix(prefix) {
            Some(path) if url.origin() == base.origin() && (path.is_empty() || path.starts_with(['/', '?'])) => {
                Ok(path.to_owned())
            }
            _ => Err(format!("`{link}` is not on the API's server ({prefix}), so it is not followed")),
        }
    }

    /// Sends a request, retrying as the policy allows; error responses become `E` when the operation
    /// documents their status, [`Error::Unexpected`] otherwise.
    pub async fn send<E: ApiErrorKind>(&self, request: &Request<'_>) -> Result<Response, Error<E>> {
        let url = self.url(request)?;
        let shown = format!("{} {}", request.method.as_reqwest(), without_query(&url));
        let policy = &self.config.retry;
        let key = request.idempotency_key.map(|header| (header, idempotency_key()));
        let repeatable = request.method.is_idempotent() || key.is_some();
        let mut attempt = 1;
        loop {
            // The deadline covers the whole attempt, the answer's body included: an answer that trickles
            // in holds nothing past it.
            let attempt_within =
                tokio::time::timeout(self.config.timeout, self.attempt(request, url.clone(), key.as_ref()));
            let outcome = attempt_within.await.unwrap_or(Err(Failed::Deadline));
            let retry_after = match &outcome {
                Ok(Answer { status: 429 | 503, retry_after, .. }) => Some(*retry_after),
                Ok(Answer { status: 500 | 502 | 504, retry_after, .. }) if repeatable => Some(*retry_after),
                // Not connected: the request was never sent, so any request may go again.
                Err(Failed::Http(error)) if error.is_connect() && !error.is_timeout() => Some(None),
                Err(Failed::Http(_) | Failed::Deadline) if repeatable => Some(None),
                _ => None,
            };
            if let (Some(retry_after), true) = (retry_after, attempt < policy.max_attempts) {
                let wait = retry_after.unwrap_or_else(|| backoff(policy, attempt)).min(policy.max_backoff);
                log::debug!("{shown}: attempt {attempt} failed, retrying in {wait:?}");
                tokio::time::sleep(wait).await;
                attempt += 1;
                continue;
            }
            return match outcome {
                Err(Failed::TooLarge) => Err(Error::TooLarge { request: shown, limit: self.config.max_response_bytes }),
                Err(Failed::Deadline) => Err(Error::Timeout { request: shown }),
                Err(Failed::Http(error)) if error.is_timeout() => Err(Error::Timeout { request: shown }),
                Err(Failed::Http(error)) => Err(Error::Transport { request: shown, message: describe(&error) }),
                Ok(Answer { status, content_type, body, location, .. }) => {
                    log::debug!("{shown} -> {status} (attempt {attempt})");
                    if (200..300).contains(&status) {
                        return Ok(Response { status, body, location });
                    }
                    let response =
                        ErrorResponse::new(shown, status, content_type, String::from_utf8_lossy(&body).into_owned());
                    match E::from_response(&response, request.documented_errors) {
                        Some(documented) => Err(Error::Api(documented)),
                        None => Err(Error::Unexpected(Box::new(response))),
                    }
                }
            };
        }
    }

    /// One attempt: status, `Retry-After`, content type and body (read up to the configured limit).
    async fn attempt(
        &self,
        request: &Request<'_>,
        url: reqwest::Url,
        key: Option<&(&str, String)>,
    ) -> Result<Answer, Failed> {
        let mut builder = self.http.request(request.method.as_reqwest(), url);
        match &self.config.auth {
            Some(Auth::Bearer(token)) => {
                builder = builder.header(AUTHORIZATION, sensitive(&format!("Bearer {}", token.expose())))
            }
            Some(Auth::Header { name, value }) => {
                if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
                    builder = builder.header(name, sensitive(value.expose()));
                }
            }
            None => {}
        }
        if let Some((header, value)) = key {
            if let Ok(name) = HeaderName::from_bytes(header.as_bytes()) {
                builder = builder.header(name, value.as_str());
            }
        }
        if let Some(body) = &request.body {
            builder = builder.header(CONTENT_TYPE, "application/json").body(body.to_string());
        }
        let mut response = builder.send().await.map_err(Failed::Http)?;
        let status = response.status().as_u16();
        let headers = response.headers();
        let retry_after = headers.get(RETRY_AFTER).and_then(|value| value.to_str().ok()).and_then(parse_retry_after);
        let content_type = headers.get(CONTENT_TYPE).and_then(|value| value.to_str().ok()).map(str::to_owned);
        let location = headers.get(LOCATION).and_then(|value| value.to_str().ok()).map(str::to_owned);
        let limit = self.config.max_response_bytes;
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(Failed::TooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(Failed::Http)? {
            if body.len() + chunk.len() > limit {
                return Err(Failed::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Answer { status, retry_after, content_type, body, location })
    }

    fn url<E>(&self, request: &Request<'_>) -> Result<reqwest::Url, Error<E>> {
        let path = schema::template::expand(request.path, |name| {
            let (_, value) = request.path_params.iter().find(|(param, _)| *param == name)?;
            Some(utf8_percent_encode(value, SEGMENT).to_string())
        });
        let base = self.config.server_url.trim_end_matches('/');
        let mut url = reqwest::Url::parse(&format!("{base}{path}"))
            .map_err(|error| Error::Config(format!("URL for {}: {error}", request.path)))?;
        if !request.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &request.query {
                pairs.append_pair(name, value);
            }
        }
        Ok(url)
    }
}

/// What one attempt got back.
struct Answer {
    status: u16,
    retry_after: Option<Duration>,
    content_type: Option<String>,
    body: Vec<u8>,
    location: Option<String>,
}

/// Why one attempt got no answer.
enum Failed {
    Http(reqwest::Error),
    TooLarge,
    /// The whole answer did not arrive within the configured timeout.
    Deadline,
}

/// Follows redirects within the configured server's origin only: the credential goes with every request,
/// so a redirect to another host, scheme or port is refused rather than followed.
fn same_origin_redirects(attempt: reqwest::redirect::Attempt<'_>) -> reqwest::redirect::Action {
    let Some(first) = attempt.previous().first() else { return attempt.follow() };
    if attempt.previous().len() > 10 {
        let error = format!("more than 10 redirects from {}", without_query(first));
        return attempt.error(RedirectRefused(error));
    }
    if attempt.url().origin() == first.origin() {
        return attempt.follow();
    }
    let error = format!(
        "refused the redirect from {} to {}: it leaves the configured server, and the credential goes only there",
        without_query(first),
        without_query(attempt.url())
    );
    attempt.error(RedirectRefused(error))
}

/// Why a redirect was not followed.
#[derive(Debug)]
struct RedirectRefused(String);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RedirectRefused {}

/// A fresh idempotency key: 128 bits from the clock, the process and a counter, as 32 hex digits.
fn idempotency_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_nanos() as u64);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut mixed = nanos ^ (u64::from(std::process::id()) << 32) ^ count.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    mixed ^= mixed >> 33;
    mixed = mixed.wrapping_mul(0xff51_afd7_ed55_8ccd);
    format!("{mixed:016x}{:08x}{count:08x}", std::process::id())
}

/// A URL without its query, which may carry values that belong in no message.
fn without_query(url: &reqwest::Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    shown.set_fragment(None);
    shown.to_string()
}

fn sensitive(value: &str) -> HeaderValue {
    let mut header = HeaderValue::from_str(value).unwrap_or_else(|_| HeaderValue::from_static(""));
    header.set_sensitive(true);
    header
}

/// What a transport error says, with its causes, without the URL (the message names the request).
fn describe(error: &reqwest::Error) -> String {
    let mut message = error.to_string();
    if let Some(url) = error.url() {
        message = message.replace(&format!(" for url ({})", url.as_str()), "").replace(url.as_str(), "<url>");
    }
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message = format!("{message}: {cause}");
        source = cause.source();
    }
    message
}

/// Exponential backoff with full jitter: a random wait up to `initial * 2^(attempt-1)`, capped.
fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let ceiling = policy.initial_backoff.saturating_mul(1 << (attempt - 1).min(16)).min(policy.max_backoff);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.subsec_nanos());
    let mut seed = u64::from(nanos) ^ 0x9e37_79b9_7f4a_7c15 ^ u64::from(attempt);
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    let fraction = (seed % 1_000) as f64 / 1_000.0;
    ceiling.mul_f64(0.5 + fraction / 2.0)
}

/// `Retry-After` as seconds or as an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = parse_http_date(value.trim())?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// Seconds since the epoch of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn parse_http_date(value: &str) -> Option<u64> {
    let mut parts = value.split_whitespace().skip(1);
    let day: u64 = parts.next()?.parse().ok()?;
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .iter()
        .position(|name| Some(*name) == parts.clone().next())? as u64
        + 1;
    parts.next();
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|part| part.parse::<u64>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    // Days from the civil date (proleptic Gregorian calendar).
    let (y, m) = if month <= 2 { (year - 1, month + 9) } else { (year, month - 3) };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_on_the_api_server_only() {
        let transport = Transport::new::<()>(ClientConfig::new("https://api.example.com/v1")).unwrap();
        let path = |link: &str| transport.path_on_server(link);
        assert_eq!(path("/v1/operations/7").as_deref(), Ok("/operations/7"));
        assert_eq!(path("https://api.example.com/v1/operations/7?view=full").as_deref(), Ok("/operations/7?view=full"));
        assert!(path("https://elsewhere.example/v1/operations/7").unwrap_err().contains("not on the API's server"));
        assert!(path("http://api.example.com/v1/operations/7").is_err(), "another scheme is another origin");
        assert!(path("/v2/operations/7").is_err(), "outside the server URL's path");
        assert!(path("https://api.example.com/v1evil/x").is_err(), "a path that only starts like the base");
    }

    #[test]
    fn reads_retry_after_in_both_forms() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn idempotency_keys_are_fresh() {
        let (first, second) = (idempotency_key(), idempotency_key());
        assert_ne!(first, second);
        assert_eq!(first.len(), 32);
    }

    #[test]
    fn backoff_grows_and_stays_capped() {
        let policy = RetryPolicy {
            max_attempts: 10,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(1),
        };
        assert!(backoff(&policy, 1) <= Duration::from_millis(100));
        assert!(backoff(&policy, 3) >= Duration::from_millis(200));
        assert!(backoff(&policy, 9) <= Duration::from_secs(1));
    }
}
