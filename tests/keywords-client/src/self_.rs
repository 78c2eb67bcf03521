//! `keywords_self`: its model, request bodies and operations.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "keywords", name = "self")]
#[operation(create, method = "POST", path = "/self")]
#[operation(read, method = "GET", path = "/self/{id}")]
#[operation(delete, method = "DELETE", path = "/self/{id}")]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Self_ {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    #[attribute(required, requires_replacement)]
    pub r#type: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub r#ref: ::core::option::Option<::std::string::String>,
    #[serde(rename = "1stChoice", default, skip_serializing_if = "Option::is_none")]
    #[attribute(name = "1st_choice", optional, requires_replacement)]
    pub _1st_choice: ::core::option::Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed, requires_replacement)]
    pub r#async: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub r#match: ::core::option::Option<Match>,
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub url: ::core::option::Option<::std::string::String>,
    #[serde(rename = "url", default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement)]
    pub u_r_l: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, requires_replacement, set)]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub r#fn: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub r#impl: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl Self_ {
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
    pub r#type: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#ref: ::core::option::Option<::std::string::String>,
    #[serde(rename = "1stChoice", default, skip_serializing_if = "Option::is_none")]
    pub _1st_choice: ::core::option::Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#async: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#match: ::core::option::Option<Match>,
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: ::core::option::Option<::std::string::String>,
    #[serde(rename = "url", default, skip_serializing_if = "Option::is_none")]
    pub u_r_l: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
/// The operations on `keywords_self`.
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
    /// `POST /self`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<Self_> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/self",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[], Self_::from_json)
    }
    /// read the object.
    ///
    /// `GET /self/{id}`
    pub async fn read(&self, id: &str) -> crate::Result<Self_> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/self/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Self_::from_json)
    }
    /// delete the object.
    ///
    /// `DELETE /self/{id}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/self/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
}
