//! `keywords_self`: its model, request bodies and operations.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Self_ {
    pub id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#async: ::core::option::Option<i64>,
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for Self_ {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Self_ {
            id: fields.required("id")?,
            r#type: fields.optional("type")?,
            r#async: fields.optional("async")?,
            url: fields.optional("URL")?,
        })
    }
}
impl Self_ {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.data_sources["keywords_self"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
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
}
