//! What generated and hand-written provider code calls at run time.
//!
//! - [`client`]: the HTTP transport of API clients (authentication, timeouts, retries with backoff).
//! - [`de`]: how generated models read themselves from JSON, with little code per model.
//! - [`error`]: typed API errors and the catch-all that keeps any other response whole.
//! - [`paging`]: listings read page after page, by cursor or by link.
//! - [`secret`]: values that never show in `Debug`, `Display` or logs.
//! - [`plugin`]: Terraform's plugin protocol 6: messages, schema conversion, msgpack values.

pub mod client;
pub mod de;
pub mod error;
pub mod paging;
pub mod plugin;
pub mod secret;

pub use client::{Auth, ClientConfig, Method, Request, Response, RetryPolicy, Transport, setting, to_body};
pub use error::{ApiErrorKind, Error, ErrorResponse, Problem};
pub use secret::{REDACTED, Redacted, Secret};
