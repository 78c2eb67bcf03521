//! `shop_product`: its model, request bodies and operations.
/// A product of a store, replaced whole on update.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "shop", name = "product", import_id = "{store_id}/{id}")]
#[operation(
    create,
    method = "POST",
    path = "/stores/{store_id}/products",
    idempotency_key = "Idempotency-Key"
)]
#[operation(read, method = "GET", path = "/stores/{store_id}/products/{id}")]
#[operation(update, method = "PUT", path = "/stores/{store_id}/products/{id}")]
#[operation(delete, method = "DELETE", path = "/stores/{store_id}/products/{id}")]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    #[attribute(required, requires_replacement)]
    pub store_id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    #[attribute(required)]
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed, enum_values = ["draft", "active", "archived"])]
    pub status: ::core::option::Option<ProductStatus>,
    #[attribute(required, number)]
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only, changes_on_update)]
    pub version: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, set)]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, set)]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum ProductStatus {
    #[serde(rename = "draft")]
    Draft,
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "archived")]
    Archived,
    /// A value the schema does not list, as the API sent it.
    #[serde(untagged)]
    Other(::std::string::String),
}
impl ::schema::derive::AttributeType for ProductStatus {
    fn attribute_type() -> ::schema::Type {
        ::schema::Type::String
    }
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Variant {
    #[attribute(required)]
    pub sku: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, number)]
    pub price: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub variant_id: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub options: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, VariantOption>,
    >,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct VariantOption {
    #[attribute(required)]
    pub value: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub option_id: ::core::option::Option<::std::string::String>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    #[attribute(required)]
    pub url: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub alt: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub image_id: ::core::option::Option<::std::string::String>,
}
impl Product {
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
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: ::core::option::Option<ProductStatus>,
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: ::core::option::Option<ProductStatus>,
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// The operations on `shop_product`.
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
    /// `POST /stores/{store_id}/products`
    pub async fn create(
        &self,
        store_id: &str,
        body: &CreateRequest,
    ) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/products",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::Some("Idempotency-Key"),
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[("storeId", ::serde_json::Value::from(store_id))],
                Product::from_json,
            )
    }
    /// read the object.
    ///
    /// `GET /stores/{store_id}/products/{id}`
    pub async fn read(&self, store_id: &str, id: &str) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("id", ::serde_json::Value::from(id)),
                ],
                Product::from_json,
            )
    }
    /// update the object.
    ///
    /// `PUT /stores/{store_id}/products/{id}`
    pub async fn update(
        &self,
        store_id: &str,
        id: &str,
        body: &UpdateRequest,
    ) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Put,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("id", ::serde_json::Value::from(id)),
                ],
                Product::from_json,
            )
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{store_id}/products/{id}`
    pub async fn delete(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
