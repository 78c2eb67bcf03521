//! `shop_webhook`: its model, request bodies and operations.
/// A webhook, created and updated by the same PUT.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    pub store_id: ::std::string::String,
    pub name: ::std::string::String,
    pub url: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, Header>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: ::core::option::Option<::std::string::String>,
}
impl ::core::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("Webhook")
            .field("store_id", &self.store_id)
            .field("name", &self.name)
            .field("url", &self.url)
            .field("timeout_seconds", &self.timeout_seconds)
            .field("secret", &::runtime::Redacted)
            .field("headers", &self.headers)
            .field("events", &self.events)
            .field("etag", &self.etag)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for Webhook {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Webhook {
            store_id: fields.required("storeId")?,
            name: fields.required("name")?,
            url: fields.required("url")?,
            timeout_seconds: fields.optional("timeoutSeconds")?,
            secret: fields.optional("secret")?,
            headers: fields.optional("headers")?,
            events: fields.optional("events")?,
            etag: fields.optional("etag")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    pub value: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for Header {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Header {
            value: fields.required("value")?,
            header_id: fields.optional("headerId")?,
        })
    }
}
impl Webhook {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["shop_webhook"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub url: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, Header>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            url: fields.required("url")?,
            timeout_seconds: fields.optional("timeoutSeconds")?,
            secret: fields.optional("secret")?,
            headers: fields.optional("headers")?,
            events: fields.optional("events")?,
        })
    }
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub url: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, Header>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for UpdateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(UpdateRequest {
            url: fields.required("url")?,
            timeout_seconds: fields.optional("timeoutSeconds")?,
            secret: fields.optional("secret")?,
            headers: fields.optional("headers")?,
            events: fields.optional("events")?,
        })
    }
}
/// The operations on `shop_webhook`.
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
    /// `PUT /stores/{store_id}/webhooks/{name}`
    pub async fn create(
        &self,
        store_id: &str,
        name: &str,
        body: &CreateRequest,
    ) -> crate::Result<Webhook> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Put,
            path: "/stores/{store_id}/webhooks/{name}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("name", name.to_string())
            ],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_webhook"]),
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
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("name", ::serde_json::Value::from(name)),
                ],
                Webhook::from_json,
            )
    }
    /// read the object.
    ///
    /// `GET /stores/{store_id}/webhooks/{name}`
    pub async fn read(&self, store_id: &str, name: &str) -> crate::Result<Webhook> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/webhooks/{name}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("name", name.to_string())
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
                    ("name", ::serde_json::Value::from(name)),
                ],
                Webhook::from_json,
            )
    }
    /// update the object.
    ///
    /// `PUT /stores/{store_id}/webhooks/{name}`
    pub async fn update(
        &self,
        store_id: &str,
        name: &str,
        body: &UpdateRequest,
    ) -> crate::Result<Webhook> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Put,
            path: "/stores/{store_id}/webhooks/{name}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("name", name.to_string())
            ],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_webhook"]),
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
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("name", ::serde_json::Value::from(name)),
                ],
                Webhook::from_json,
            )
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{store_id}/webhooks/{name}`
    pub async fn delete(&self, store_id: &str, name: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/webhooks/{name}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("name", name.to_string())
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
