//! `shop_store`: its model, request bodies and operations.
/// Reads a store.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "shop", name = "store")]
#[operation(read, method = "GET", path = "/stores/{id}")]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    #[attribute(required)]
    pub id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub name: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only, number)]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub address: ::core::option::Option<Address>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub street: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub city: ::core::option::Option<::std::string::String>,
}
impl Store {
    /// Reads the model from an API response body.
    pub fn from_json(
        value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::serde_json::from_value(value)
    }
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
}
