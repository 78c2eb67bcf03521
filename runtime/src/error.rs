//! Errors of API calls: a provider's documented error types, and everything else kept whole.

use std::fmt;

/// An RFC 9457 `application/problem+json` body.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// A URI identifying the problem type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// A short summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// An explanation of this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A URI identifying this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Any other members.
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = self.title.as_deref().unwrap_or("error");
        match &self.detail {
            Some(detail) => write!(f, "{title}: {detail}"),
            None => f.write_str(title),
        }
    }
}

/// An error response: its status, content type and body, with the problem details when the body has them.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse {
    /// The request that got it: method and URL, without the query (`POST https://api.test/things`).
    pub request: String,
    /// HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The raw body.
    pub body: String,
    /// The body read as `application/problem+json` (or any JSON object with those members).
    pub problem: Option<Problem>,
}

impl ErrorResponse {
    /// Keeps the response to `request`, reading problem details from a JSON body.
    pub fn new(request: String, status: u16, content_type: Option<String>, body: String) -> Self {
        let is_json = content_type.as_deref().is_some_and(|kind| kind.contains("json"));
        let problem = if is_json { serde_json::from_str(&body).ok() } else { None };
        ErrorResponse { request, status, content_type, body, problem }
    }
}

impl fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Some(problem) => write!(f, "{} answered HTTP {}: {problem}", self.request, self.status),
            None if self.body.is_empty() => write!(f, "{} answered HTTP {}", self.request, self.status),
            None => write!(f, "{} answered HTTP {}: {}", self.request, self.status, truncate(&self.body, 512)),
        }
    }
}

fn truncate(text: &str, limit: usize) -> &str {
    match text.char_indices().nth(limit) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The error types a provider documents; generated clients implement it with one variant per type.
pub trait ApiErrorKind: Sized + fmt::Debug {
    /// The documented error for a response, if its status is one of `documented`.
    fn from_response(response: &ErrorResponse, documented: &[u16]) -> Option<Self>;

    /// The response the error was read from.
    fn response(&self) -> &ErrorResponse;

    /// The HTTP status of the error.
    fn status(&self) -> u16 {
        self.response().status
    }
}

/// Why an API call failed.
#[derive(Debug)]
pub enum Error<E> {
    /// A documented error response.
    Api(E),
    /// An error response the operation does not document (the catch-all).
    Unexpected(Box<ErrorResponse>),
    /// No response within the configured timeout.
    Timeout {
        /// The request: method and URL without the query.
        request: String,
    },
    /// The request could not be sent or the response not received.
    Transport {
        /// The request: method and URL without the query.
        request: String,
        /// What went wrong.
        message: String,
    },
    /// The response body is larger than the configured limit.
    TooLarge {
        /// The request: method and URL without the query.
        request: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The response body is not what the operation returns.
    Decode {
        /// What could not be read.
        message: String,
        /// The body as received.
        body: String,
    },
    /// The client configuration is unusable.
    Config(String),
}

impl<E: ApiErrorKind> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(error) => write!(f, "{}", error.response()),
            Error::Unexpected(response) => write!(f, "{response}"),
            Error::Timeout { request } => write!(f, "{request} timed out"),
            Error::Transport { request, message } => write!(f, "{request} failed: {message}"),
            Error::TooLarge { request, limit } => write!(
                f,
                "{request}: the answer is larger than the limit of {limit} bytes (ClientConfig::max_response_bytes)"
            ),
            Error::Decode { message, .. } => write!(f, "unreadable response: {message}"),
            Error::Config(message) => write!(f, "invalid client configuration: {message}"),
        }
    }
}

impl<E: ApiErrorKind> std::error::Error for Error<E> {}

impl<E: ApiErrorKind> Error<E> {
    /// The HTTP status of an error response, if there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(error) => Some(error.status()),
            Error::Unexpected(response) => Some(response.status),
            _ => None,
        }
    }
}
