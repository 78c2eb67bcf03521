//! `shop_store`: its model, request bodies and operations.
/// A store, updated with JSON merge patches.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "shop", name = "store")]
#[operation(
    create,
    method = "POST",
    path = "/stores",
    success = [201],
    idempotency_key = "Idempotency-Key"
)]
#[operation(read, method = "GET", path = "/stores/{id}")]
#[operation(
    update,
    method = "PATCH",
    path = "/stores/{id}",
    idempotency_key = "Idempotency-Key"
)]
#[operation(delete, method = "DELETE", path = "/stores/{id}", success = [204])]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    #[attribute(required, length(min = 1, max = 64))]
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed, requires_replacement)]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, number, range(min = 0.0, max = 100.0))]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, deprecated = "Use `labels` instead.")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub created_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only, changes_on_update)]
    pub updated_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed)]
    pub settings: ::core::option::Option<Settings>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[attribute(required)]
    pub street: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub city: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub geo: ::core::option::Option<crate::types::Geo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub address_id: ::core::option::Option<::std::string::String>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed)]
    pub currency: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed)]
    pub open: ::core::option::Option<bool>,
}
impl Store {
    /// Reads the model from an API response body.
    pub fn from_json(
        value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: ::core::option::Option<Settings>,
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: ::core::option::Option<Settings>,
}
/// The operations on `shop_store`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// create the object.
    ///
    /// `POST /stores`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::Some("Idempotency-Key"),
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[], Store::from_json)
    }
    /// read the object.
    ///
    /// `GET /stores/{id}`
    pub async fn read(&self, id: &str) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Store::from_json)
    }
    /// update the object.
    ///
    /// `PATCH /stores/{id}`
    pub async fn update(&self, id: &str, body: &UpdateRequest) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Patch,
            path: "/stores/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::Some("Idempotency-Key"),
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Store::from_json)
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{id}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
