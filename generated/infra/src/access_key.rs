//! `infra_access_key`: its model, request bodies and operations.
/// Provides an Infra access key. This resource can be used to create and manage connector access keys.
///
/// -> This resource requires Infra server version 0.20.0 or higher.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessKey {
    /// The date-time when the access key will expire. Format is a RFC3339 timestamp, e.g. "2006-01-02T15:04:05Z07:00." Cannot be used with `expires_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: ::core::option::Option<::std::string::String>,
    /// The total amount of time before the access key expires. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". Default is 8766h0m0s. Cannot be used with `expires_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: ::core::option::Option<::std::string::String>,
    /// The amount of time before the access key expires if left unused. If the access key is used before it expires, it will be renewed for the same duration. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". If value is greater than or equal to the remaining lifetime of the access key, the access key will not be renewed. Default is 72h0m0s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout: ::core::option::Option<::std::string::String>,
    /// The access key's name. If omitted, a name will be automatically generated. Identity provider names may include letters (uppercase and lowercase), numbers, underscores `_`, hyphens `-`, and periods `.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: ::core::option::Option<::std::string::String>,
    /// The access key's unique identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// The access key secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: ::core::option::Option<::std::string::String>,
}
impl ::core::fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("AccessKey")
            .field("expires_at", &self.expires_at)
            .field("expires_in", &self.expires_in)
            .field("inactivity_timeout", &self.inactivity_timeout)
            .field("name", &self.name)
            .field("id", &self.id)
            .field("secret", &::runtime::Redacted)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for AccessKey {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(AccessKey {
            expires_at: fields.optional("expiresAt")?,
            expires_in: fields.optional("expiresIn")?,
            inactivity_timeout: fields.optional("inactivityTimeout")?,
            name: fields.optional("name")?,
            id: fields.optional("id")?,
            secret: fields.optional("secret")?,
        })
    }
}
impl AccessKey {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["infra_access_key"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    /// The date-time when the access key will expire. Format is a RFC3339 timestamp, e.g. "2006-01-02T15:04:05Z07:00." Cannot be used with `expires_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: ::core::option::Option<::std::string::String>,
    /// The total amount of time before the access key expires. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". Default is 8766h0m0s. Cannot be used with `expires_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: ::core::option::Option<::std::string::String>,
    /// The amount of time before the access key expires if left unused. If the access key is used before it expires, it will be renewed for the same duration. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". If value is greater than or equal to the remaining lifetime of the access key, the access key will not be renewed. Default is 72h0m0s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout: ::core::option::Option<::std::string::String>,
    /// The access key's name. If omitted, a name will be automatically generated. Identity provider names may include letters (uppercase and lowercase), numbers, underscores `_`, hyphens `-`, and periods `.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            expires_at: fields.optional("expiresAt")?,
            expires_in: fields.optional("expiresIn")?,
            inactivity_timeout: fields.optional("inactivityTimeout")?,
            name: fields.optional("name")?,
        })
    }
}
/// The operations on `infra_access_key`.
#[derive(Debug, Clone, Copy)]
pub struct Operations<'c> {
    transport: &'c ::runtime::Transport,
}
impl<'c> Operations<'c> {
    pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
        Operations { transport }
    }
    /// Create an access key
    ///
    /// `POST /api/access-keys`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<AccessKey> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/api/access-keys",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["infra_access_key"]),
                    &mut body,
                );
                body
            }),
            documented_errors: &[400, 401, 403],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[], AccessKey::from_json)
    }
    /// Get an access key
    ///
    /// `GET /api/access-keys/{id}`
    pub async fn read(&self, id: &str) -> crate::Result<AccessKey> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/api/access-keys/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 403, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], AccessKey::from_json)
    }
    /// Delete an access key
    ///
    /// `DELETE /api/access-keys/{id}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/api/access-keys/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[401, 403, 404],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
