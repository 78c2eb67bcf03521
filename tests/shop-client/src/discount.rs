//! `shop_discount`: its model, request bodies and operations.
/// A discount; every change replaces it.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "shop", name = "discount", import_id = "{store_id}/{id}")]
#[operation(create, method = "POST", path = "/stores/{store_id}/discounts")]
#[operation(read, method = "GET", path = "/stores/{store_id}/discounts/{id}")]
#[operation(delete, method = "DELETE", path = "/stores/{store_id}/discounts/{id}")]
#[one_of(
    value,
    description = "How much the discount takes off.",
    required,
    variants(percent_off, amount_off)
)]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    #[attribute(required, requires_replacement)]
    pub store_id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    #[attribute(required, requires_replacement)]
    pub label: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub percent_off: ::core::option::Option<PercentOff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub amount_off: ::core::option::Option<AmountOff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed, requires_replacement)]
    pub codes: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct PercentOff {
    #[attribute(required, number, range(min = 0.5, max = 99.5))]
    pub percent: f64,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct AmountOff {
    #[attribute(required, number)]
    pub amount: f64,
    #[attribute(required)]
    pub currency: ::std::string::String,
}
impl Discount {
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
    pub label: ::std::string::String,
    /// How much the discount takes off.
    #[serde(flatten)]
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codes: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// How much the discount takes off.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// `percent_off`
    #[serde(rename = "percentOff")]
    PercentOff(PercentOff),
    /// `amount_off`
    #[serde(rename = "amountOff")]
    AmountOff(AmountOff),
}
/// The operations on `shop_discount`.
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
    /// `POST /stores/{store_id}/discounts`
    pub async fn create(
        &self,
        store_id: &str,
        body: &CreateRequest,
    ) -> crate::Result<Discount> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/discounts",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[("storeId", ::serde_json::Value::from(store_id))],
                Discount::from_json,
            )
    }
    /// read the object.
    ///
    /// `GET /stores/{store_id}/discounts/{id}`
    pub async fn read(&self, store_id: &str, id: &str) -> crate::Result<Discount> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/discounts/{id}",
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
                Discount::from_json,
            )
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{store_id}/discounts/{id}`
    pub async fn delete(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/discounts/{id}",
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
