//! The API behind a provider's resources, which generated code implements over its typed client, and the
//! helpers that implementation uses.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::Value;

use crate::error::{ApiErrorKind, Error};

/// A boxed future, as the plugin server runs them.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// What one API call gives: the object as API JSON, `None` when it does not exist (or is deleted).
pub type CallResult = Result<Option<Value>, String>;

/// Builds the API client from the provider block's server URL and credential (unset values fall back to
/// the environment).
pub type Connect = Box<dyn Fn(Option<String>, Option<String>) -> Result<Arc<dyn Api>, String> + Send + Sync>;

/// The API calls behind the resources and data sources, on a configured client.
pub trait Api: Send + Sync + 'static {
    /// Runs one operation of `type_name` on `object` (API JSON with every known field, path parameters
    /// included).
    fn call(&self, type_name: &str, kind: schema::OperationKind, object: Value) -> BoxFuture<CallResult>;

    /// Reads the data source `type_name` for `object` (its configuration as API JSON).
    fn read_data_source(&self, type_name: &str, object: Value) -> BoxFuture<CallResult> {
        let _ = object;
        let problem = format!("this provider has no data source `{type_name}`");
        Box::pin(std::future::ready(Err(problem)))
    }
}

/// A request body read from the object's API JSON.
pub fn body<T: serde::de::DeserializeOwned>(object: &Value) -> Result<T, String> {
    serde_json::from_value(object.clone()).map_err(|error| format!("cannot build the request body: {error}"))
}

/// A parameter the operation needs: the object's field `api_name`.
pub fn param<T: serde::de::DeserializeOwned>(object: &Value, api_name: &str) -> Result<T, String> {
    optional_param(object, api_name)
        .ok_or_else(|| format!("`{api_name}` is not known, so the object cannot be addressed"))
}

/// A parameter the operation may go without: the object's field `api_name` when it is set.
pub fn optional_param<T: serde::de::DeserializeOwned>(object: &Value, api_name: &str) -> Option<T> {
    object.get(api_name).filter(|value| !value.is_null()).and_then(|value| T::deserialize(value).ok())
}

/// The answer of an operation that returns the object: 404 means it does not exist.
pub fn answer<T: serde::Serialize, E: ApiErrorKind>(result: Result<T, Error<E>>) -> CallResult {
    match result {
        Ok(model) => serde_json::to_value(model).map(Some).map_err(|error| error.to_string()),
        Err(error) if error.status() == Some(404) => Ok(None),
        Err(error) => Err(error.to_string()),
    }
}

/// The answer of a delete: gone either way when the API says 404.
pub fn deleted<E: ApiErrorKind>(result: Result<(), Error<E>>) -> CallResult {
    match result {
        Ok(()) => Ok(None),
        Err(error) if error.status() == Some(404) => Ok(None),
        Err(error) => Err(error.to_string()),
    }
}
