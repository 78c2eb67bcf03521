//! `shop_discount`: its model, request bodies and operations.
/// A discount; every change replaces it.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    pub store_id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    pub label: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_off: ::core::option::Option<PercentOff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_off: ::core::option::Option<AmountOff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codes: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for Discount {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Discount {
            store_id: fields.required("storeId")?,
            id: fields.optional("id")?,
            label: fields.required("label")?,
            percent_off: fields.optional("percentOff")?,
            amount_off: fields.optional("amountOff")?,
            codes: fields.optional("codes")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PercentOff {
    pub percent: f64,
}
impl<'de> ::serde::Deserialize<'de> for PercentOff {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(PercentOff {
            percent: fields.required("percent")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AmountOff {
    pub amount: f64,
    pub currency: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for AmountOff {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(AmountOff {
            amount: fields.required("amount")?,
            currency: fields.required("currency")?,
        })
    }
}
impl Discount {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["shop_discount"]),
            &mut value,
        );
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
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_discount"]),
                    &mut body,
                );
                body
            }),
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
