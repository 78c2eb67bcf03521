//! `fusionauth_api_key`: its model, request bodies and operations.
/// # API Key
///
/// The FusionAuth APIs are primarily secured using API keys. This API can only be accessed using an API key that is set as a keyManager. In order to retrieve, update or delete an API key, an API key with equal or greater permissions must be used. A “tenant-scoped” API key can retrieve, create, update or delete an API key for the same tenant. This page describes APIs that are used to manage API keys.
///
/// [API Key](https://fusionauth.io/docs/apis/api-keys)
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// Description of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    /// The expiration instant of this API key. Using an expired API key for API Authentication will result in a 401 response code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_instant: ::core::option::Option<i64>,
    /// The Id of the IP Access Control List limiting access to this API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_access_control_list_id: ::core::option::Option<::std::string::String>,
    /// API key string. When you create an API key the key is defaulted to a secure random value but the API key is simply a string, so you may call it super-secret-key if you’d like. However a long and random value makes a good API key in that it is unique and difficult to guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: ::core::option::Option<::std::string::String>,
    /// The Id to use for the new Form. If not specified a secure random UUID will be generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: ::core::option::Option<::std::string::String>,
    /// Endpoint permissions for this key. Each key of the object is an endpoint, with the value being an array of the HTTP methods which can be used against the endpoint. An Empty permissions_endpoints object mean that this is a super key that authorizes this key for all the endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_endpoints: ::core::option::Option<
        ::std::vec::Vec<PermissionsEndpoint>,
    >,
    /// The unique Id of the Tenant. This value is required if the key is meant to be tenant scoped. Tenant scoped keys can only be used to access users and other tenant scoped objects for the specified tenant. This value is read-only once the key is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: ::core::option::Option<::std::string::String>,
    /// The provider-assigned unique ID of the API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
}
impl ::core::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("ApiKey")
            .field("description", &self.description)
            .field("expiration_instant", &self.expiration_instant)
            .field("ip_access_control_list_id", &self.ip_access_control_list_id)
            .field("key", &::runtime::Redacted)
            .field("key_id", &self.key_id)
            .field("permissions_endpoints", &self.permissions_endpoints)
            .field("tenant_id", &self.tenant_id)
            .field("id", &self.id)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for ApiKey {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(ApiKey {
            description: fields.optional("description")?,
            expiration_instant: fields.optional("expirationInstant")?,
            ip_access_control_list_id: fields.optional("ipAccessControlListId")?,
            key: fields.optional("key")?,
            key_id: fields.optional("keyId")?,
            permissions_endpoints: fields.optional("permissionsEndpoints")?,
            tenant_id: fields.optional("tenantId")?,
            id: fields.optional("id")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionsEndpoint {
    pub endpoint: ::std::string::String,
    /// HTTP DELETE Verb
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: ::core::option::Option<bool>,
    /// HTTP GET Verb
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub get: ::core::option::Option<bool>,
    /// HTTP PATCH Verb
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patch: ::core::option::Option<bool>,
    /// HTTP POST Verb
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: ::core::option::Option<bool>,
    /// HTTP PUT Verb
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub put: ::core::option::Option<bool>,
}
impl<'de> ::serde::Deserialize<'de> for PermissionsEndpoint {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(PermissionsEndpoint {
            endpoint: fields.required("endpoint")?,
            delete: fields.optional("delete")?,
            get: fields.optional("get")?,
            patch: fields.optional("patch")?,
            post: fields.optional("post")?,
            put: fields.optional("put")?,
        })
    }
}
impl ApiKey {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["fusionauth_api_key"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    /// Description of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    /// The expiration instant of this API key. Using an expired API key for API Authentication will result in a 401 response code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_instant: ::core::option::Option<i64>,
    /// The Id of the IP Access Control List limiting access to this API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_access_control_list_id: ::core::option::Option<::std::string::String>,
    /// API key string. When you create an API key the key is defaulted to a secure random value but the API key is simply a string, so you may call it super-secret-key if you’d like. However a long and random value makes a good API key in that it is unique and difficult to guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: ::core::option::Option<::std::string::String>,
    /// The Id to use for the new Form. If not specified a secure random UUID will be generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: ::core::option::Option<::std::string::String>,
    /// Endpoint permissions for this key. Each key of the object is an endpoint, with the value being an array of the HTTP methods which can be used against the endpoint. An Empty permissions_endpoints object mean that this is a super key that authorizes this key for all the endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_endpoints: ::core::option::Option<
        ::std::vec::Vec<PermissionsEndpoint>,
    >,
    /// The unique Id of the Tenant. This value is required if the key is meant to be tenant scoped. Tenant scoped keys can only be used to access users and other tenant scoped objects for the specified tenant. This value is read-only once the key is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            description: fields.optional("description")?,
            expiration_instant: fields.optional("expirationInstant")?,
            ip_access_control_list_id: fields.optional("ipAccessControlListId")?,
            key: fields.optional("key")?,
            key_id: fields.optional("keyId")?,
            permissions_endpoints: fields.optional("permissionsEndpoints")?,
            tenant_id: fields.optional("tenantId")?,
        })
    }
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    /// Description of the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    /// The expiration instant of this API key. Using an expired API key for API Authentication will result in a 401 response code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_instant: ::core::option::Option<i64>,
    /// The Id of the IP Access Control List limiting access to this API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_access_control_list_id: ::core::option::Option<::std::string::String>,
    /// API key string. When you create an API key the key is defaulted to a secure random value but the API key is simply a string, so you may call it super-secret-key if you’d like. However a long and random value makes a good API key in that it is unique and difficult to guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: ::core::option::Option<::std::string::String>,
    /// The Id to use for the new Form. If not specified a secure random UUID will be generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: ::core::option::Option<::std::string::String>,
    /// Endpoint permissions for this key. Each key of the object is an endpoint, with the value being an array of the HTTP methods which can be used against the endpoint. An Empty permissions_endpoints object mean that this is a super key that authorizes this key for all the endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_endpoints: ::core::option::Option<
        ::std::vec::Vec<PermissionsEndpoint>,
    >,
    /// The unique Id of the Tenant. This value is required if the key is meant to be tenant scoped. Tenant scoped keys can only be used to access users and other tenant scoped objects for the specified tenant. This value is read-only once the key is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for UpdateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(UpdateRequest {
            description: fields.optional("description")?,
            expiration_instant: fields.optional("expirationInstant")?,
            ip_access_control_list_id: fields.optional("ipAccessControlListId")?,
            key: fields.optional("key")?,
            key_id: fields.optional("keyId")?,
            permissions_endpoints: fields.optional("permissionsEndpoints")?,
            tenant_id: fields.optional("tenantId")?,
        })
    }
}
/// The operations on `fusionauth_api_key`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// Create an API key
    ///
    /// `POST /api/api-key`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<ApiKey> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/api/api-key",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["fusionauth_api_key"]),
                    &mut body,
                );
                body
            }),
            documented_errors: &[400, 401],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[], ApiKey::from_json)
    }
    /// Retrieve an API key
    ///
    /// `GET /api/api-key/{keyId}`
    pub async fn read(&self, id: &str) -> crate::Result<ApiKey> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/api/api-key/{keyId}",
            path_params: ::std::vec![("keyId", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], ApiKey::from_json)
    }
    /// Update an API key
    ///
    /// `PUT /api/api-key/{keyId}`
    pub async fn update(&self, id: &str, body: &UpdateRequest) -> crate::Result<ApiKey> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Put,
            path: "/api/api-key/{keyId}",
            path_params: ::std::vec![("keyId", id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["fusionauth_api_key"]),
                    &mut body,
                );
                body
            }),
            documented_errors: &[400, 401, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], ApiKey::from_json)
    }
    /// Delete an API key
    ///
    /// `DELETE /api/api-key/{keyId}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/api/api-key/{keyId}",
            path_params: ::std::vec![("keyId", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
