//! `shop_access_token`: its model, request bodies and operations.
/// A short-lived API token for one store: made for a Terraform run, renewed while the run needs it,
/// revoked after, and never written to state or plan. Use it in write-only arguments, such as a
/// webhook's `secret`.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessToken {
    /// The token's identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// The store the token opens.
    pub store_id: ::std::string::String,
    /// What the token may do; the API grants `read` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: ::core::option::Option<AccessTokenScope>,
    /// The secret token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: ::core::option::Option<::std::string::String>,
    /// When the token stops working (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: ::core::option::Option<::std::string::String>,
}
impl ::core::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("AccessToken")
            .field("id", &self.id)
            .field("store_id", &self.store_id)
            .field("scope", &self.scope)
            .field("token", &::runtime::Redacted)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for AccessToken {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(AccessToken {
            id: fields.optional("id")?,
            store_id: fields.required("storeId")?,
            scope: fields.optional("scope")?,
            token: fields.optional("token")?,
            expires_at: fields.optional("expiresAt")?,
        })
    }
}
/// What the token may do; the API grants `read` when unset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum AccessTokenScope {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "write")]
    Write,
    /// A value the schema does not list, as the API sent it.
    #[serde(untagged)]
    Other(::std::string::String),
}
impl AccessToken {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.ephemeral_resources["shop_access_token"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the open request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenRequest {
    /// What the token may do; the API grants `read` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: ::core::option::Option<AccessTokenScope>,
}
impl<'de> ::serde::Deserialize<'de> for OpenRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(OpenRequest {
            scope: fields.optional("scope")?,
        })
    }
}
/// The operations on `shop_access_token`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// open the object.
    ///
    /// `POST /stores/{store_id}/tokens`
    pub async fn open(
        &self,
        store_id: &str,
        body: &OpenRequest,
    ) -> crate::Result<AccessToken> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/tokens",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| {
                        &model.ephemeral_resources["shop_access_token"]
                    }),
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
                AccessToken::from_json,
            )
    }
    /// renew the object.
    ///
    /// `POST /stores/{store_id}/tokens/{id}/renewal`
    pub async fn renew(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/tokens/{id}/renewal",
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
    /// close the object.
    ///
    /// `DELETE /stores/{store_id}/tokens/{id}`
    pub async fn close(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/tokens/{id}",
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
