//! `konnect_system_account_access_token`: its model, request bodies and operations.
/// A system account access token opened for one Terraform run and revoked when the run no longer needs
/// it. Its `token` can authenticate another provider block or fill a write-only argument; Terraform never
/// writes it to state or plan.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct SystemAccountAccessToken {
    /// ID of the system account.
    pub account_id: ::std::string::String,
    /// Name of the system account access token.
    pub name: ::std::string::String,
    /// Timestamp of when the system account access token will expire.
    pub expires_at: ::std::string::String,
    /// ID of the system account access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// The access token, returned only when it is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: ::core::option::Option<::std::string::String>,
    /// Timestamp of when the system account access token was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: ::core::option::Option<::std::string::String>,
    /// Timestamp of when the system account access token was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: ::core::option::Option<::std::string::String>,
    /// Timestamp of when the system account access token was last used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: ::core::option::Option<::std::string::String>,
}
impl ::core::fmt::Debug for SystemAccountAccessToken {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("SystemAccountAccessToken")
            .field("account_id", &self.account_id)
            .field("name", &self.name)
            .field("expires_at", &self.expires_at)
            .field("id", &self.id)
            .field("token", &::runtime::Redacted)
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .field("last_used_at", &self.last_used_at)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for SystemAccountAccessToken {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(SystemAccountAccessToken {
            account_id: fields.required("account_id")?,
            name: fields.required("name")?,
            expires_at: fields.required("expires_at")?,
            id: fields.optional("id")?,
            token: fields.optional("token")?,
            created_at: fields.optional("created_at")?,
            updated_at: fields.optional("updated_at")?,
            last_used_at: fields.optional("last_used_at")?,
        })
    }
}
impl SystemAccountAccessToken {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| {
                &model.ephemeral_resources["konnect_system_account_access_token"]
            }),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the open request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct OpenRequest {
    /// Name of the system account access token.
    pub name: ::std::string::String,
    /// Timestamp of when the system account access token will expire.
    pub expires_at: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for OpenRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(OpenRequest {
            name: fields.required("name")?,
            expires_at: fields.required("expires_at")?,
        })
    }
}
/// The operations on `konnect_system_account_access_token`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// Create System Account Access Token
    ///
    /// Creates an access token for the specified system account.
    ///
    /// `POST /v3/system-accounts/{accountId}/access-tokens`
    pub async fn open(
        &self,
        account_id: &str,
        body: &OpenRequest,
    ) -> crate::Result<SystemAccountAccessToken> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/v3/system-accounts/{accountId}/access-tokens",
            path_params: ::std::vec![("accountId", account_id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| {
                        &model.ephemeral_resources["konnect_system_account_access_token"]
                    }),
                    &mut body,
                );
                body
            }),
            documented_errors: &[400, 401, 403, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[("account_id", ::serde_json::Value::from(account_id))],
                SystemAccountAccessToken::from_json,
            )
    }
    /// Delete System Account Access Token
    ///
    /// Deletes the specified system account access token.
    ///
    /// `DELETE /v3/system-accounts/{accountId}/access-tokens/{tokenId}`
    pub async fn close(&self, account_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/v3/system-accounts/{accountId}/access-tokens/{tokenId}",
            path_params: ::std::vec![
                ("accountId", account_id.to_string()), ("tokenId", id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 403, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
