//! `konnect_integration_instance_auth_credential`: its model, request bodies and operations.
/// IntegrationInstanceAuthCredential Resource
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct IntegrationInstanceAuthCredential {
    /// The `id` of the integration instance.
    pub integration_instance_id: ::std::string::String,
    /// Payload used to create an `Multi Key` credential for an integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_key_auth: ::core::option::Option<MultiKeyAuth>,
    /// An ISO-8601 timestamp representation of entity creation date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: ::core::option::Option<::std::string::String>,
    /// Timestamp denoting when the when the credential will expire in RFC-3339 format with a "T" character separating date from time within the field value.
    /// When expired, the credential must be replaced with a new valid credential to re-enable full functionality for the given integration instance.
    ///
    /// A `null` value indicates no known expiration time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// Short-hand descriptor of an integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_instance: ::core::option::Option<crate::types::IntegrationInstance>,
    /// List of detected missing permissions required to enable the full functionality of the given integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_permissions: ::core::option::Option<
        ::std::vec::Vec<crate::types::MissingPermission>,
    >,
    /// Represents a credential scoped to an integration instance that supports the `Multi Key` authorization strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_key_auth_credential: ::core::option::Option<MultiKeyAuthCredential>,
    /// Indicates that the credential is no longer valid and must be replaced with a new valid credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tainted: ::core::option::Option<bool>,
}
impl<'de> ::serde::Deserialize<'de> for IntegrationInstanceAuthCredential {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(IntegrationInstanceAuthCredential {
            integration_instance_id: fields.required("integration_instance_id")?,
            multi_key_auth: fields.optional("multi_key_auth")?,
            created_at: fields.optional("created_at")?,
            expires_at: fields.optional("expires_at")?,
            id: fields.optional("id")?,
            integration_instance: fields.optional("integration_instance")?,
            missing_permissions: fields.optional("missing_permissions")?,
            multi_key_auth_credential: fields.optional("multi_key_auth_credential")?,
            tainted: fields.optional("tainted")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuth {
    pub config: MultiKeyAuthConfig,
}
impl<'de> ::serde::Deserialize<'de> for MultiKeyAuth {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(MultiKeyAuth {
            config: fields.required("config")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuthConfig {
    /// A list of header key/value pairs used to transmit API credentials to the integration's external API.
    /// Header names are defined by the integration within its `Multi Key` authorization strategy definition.
    pub headers: ::std::vec::Vec<MultiKeyAuthConfigHeader>,
}
impl<'de> ::serde::Deserialize<'de> for MultiKeyAuthConfig {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(MultiKeyAuthConfig {
            headers: fields.required("headers")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuthConfigHeader {
    /// The key used to populate the request header.
    pub key: ::std::string::String,
    /// Name of the request header.
    pub name: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for MultiKeyAuthConfigHeader {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(MultiKeyAuthConfigHeader {
            key: fields.required("key")?,
            name: fields.required("name")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuthCredential {
    /// An ISO-8601 timestamp representation of entity creation date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: ::core::option::Option<::std::string::String>,
    /// Timestamp denoting when the when the credential will expire in RFC-3339 format with a "T" character separating date from time within the field value.
    /// When expired, the credential must be replaced with a new valid credential to re-enable full functionality for the given integration instance.
    ///
    /// A `null` value indicates no known expiration time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// Short-hand descriptor of an integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_instance: ::core::option::Option<crate::types::IntegrationInstance>,
    /// List of detected missing permissions required to enable the full functionality of the given integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_permissions: ::core::option::Option<
        ::std::vec::Vec<crate::types::MissingPermission>,
    >,
    /// Indicates that the credential is no longer valid and must be replaced with a new valid credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tainted: ::core::option::Option<bool>,
}
impl<'de> ::serde::Deserialize<'de> for MultiKeyAuthCredential {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(MultiKeyAuthCredential {
            created_at: fields.optional("created_at")?,
            expires_at: fields.optional("expires_at")?,
            id: fields.optional("id")?,
            integration_instance: fields.optional("integration_instance")?,
            missing_permissions: fields.optional("missing_permissions")?,
            tainted: fields.optional("tainted")?,
        })
    }
}
impl IntegrationInstanceAuthCredential {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| {
                &model.resources["konnect_integration_instance_auth_credential"]
            }),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct CreateRequest {
    /// The credential to create; the API takes one authorization strategy per request.
    #[serde(flatten)]
    pub credential: Credential,
}
/// The credential to create; the API takes one authorization strategy per request.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "type")]
pub enum Credential {
    /// `multi_key_auth`
    #[serde(rename = "multi_key_auth")]
    MultiKeyAuth(MultiKeyAuth),
}
/// The operations on `konnect_integration_instance_auth_credential`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// Create Integration Instance Auth Credential
    ///
    /// Creates an auth credential scoped to the given integration instance.
    /// Auth credentials are singleton resources that have a 1-to-1 relationship with
    /// an integration instance.
    ///
    /// An attempt to create subsequent auth credentials for an instance will result in a 409 response.
    ///
    /// `POST /v1/integration-instances/{integrationInstanceId}/auth-credential`
    pub async fn create(
        &self,
        integration_instance_id: &str,
        body: &CreateRequest,
    ) -> crate::Result<IntegrationInstanceAuthCredential> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/v1/integration-instances/{integrationInstanceId}/auth-credential",
            path_params: ::std::vec![
                ("integrationInstanceId", integration_instance_id.to_string())
            ],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| {
                        &model.resources["konnect_integration_instance_auth_credential"]
                    }),
                    &mut body,
                );
                body
            }),
            documented_errors: &[400, 401, 403, 404, 409],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[
                    (
                        "integration_instance_id",
                        ::serde_json::Value::from(integration_instance_id),
                    ),
                ],
                IntegrationInstanceAuthCredential::from_json,
            )
    }
    /// Get Integration Instance Auth Credential
    ///
    /// Fetches the auth credential scoped to the given integration instance.
    ///
    /// `GET /v1/integration-instances/{integrationInstanceId}/auth-credential`
    pub async fn read(
        &self,
        integration_instance_id: &str,
    ) -> crate::Result<IntegrationInstanceAuthCredential> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/v1/integration-instances/{integrationInstanceId}/auth-credential",
            path_params: ::std::vec![
                ("integrationInstanceId", integration_instance_id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 403, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[
                    (
                        "integration_instance_id",
                        ::serde_json::Value::from(integration_instance_id),
                    ),
                ],
                IntegrationInstanceAuthCredential::from_json,
            )
    }
    /// Delete Integration Instance Auth Credential
    ///
    /// Deletes the auth credential scoped to the given integration instance.
    ///
    /// `DELETE /v1/integration-instances/{integrationInstanceId}/auth-credential`
    pub async fn delete(&self, integration_instance_id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/v1/integration-instances/{integrationInstanceId}/auth-credential",
            path_params: ::std::vec![
                ("integrationInstanceId", integration_instance_id.to_string())
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
