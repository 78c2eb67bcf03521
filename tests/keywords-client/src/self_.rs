//! `keywords_self`: its model, request bodies and operations.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Self_ {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: ::core::option::Option<SelfOffset>,
}
impl<'de> ::serde::Deserialize<'de> for Self_ {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Self_ {
            id: fields.optional("id")?,
            r#type: fields.required("type")?,
            r#ref: fields.optional("ref")?,
            _1st_choice: fields.optional("1stChoice")?,
            r#async: fields.optional("async")?,
            r#match: fields.optional("match")?,
            url: fields.optional("URL")?,
            u_r_l: fields.optional("url")?,
            tags: fields.optional("tags")?,
            offset: fields.optional("offset")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#fn: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#impl: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for Match {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Match {
            r#fn: fields.optional("fn")?,
            r#impl: fields.optional("impl")?,
        })
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum SelfOffset {
    #[serde(rename = "+1")]
    Plus1,
    #[serde(rename = "-1")]
    Minus1,
    #[serde(rename = "asc")]
    Asc,
    #[serde(rename = "ASC")]
    Asc2,
    #[serde(rename = "dark-red")]
    DarkRed,
    #[serde(rename = "dark_red")]
    DarkRed2,
    #[serde(rename = "Etc/GMT+10")]
    EtcGmtPlus10,
    #[serde(rename = "Etc/GMT-10")]
    EtcGmtMinus10,
    #[serde(rename = "")]
    Empty,
    #[serde(rename = "self")]
    Self_,
    #[serde(rename = "Other")]
    Other,
    /// A value the schema does not list, as the API sent it.
    #[serde(untagged)]
    Other2(::std::string::String),
}
impl Self_ {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["keywords_self"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: ::core::option::Option<SelfOffset>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            r#type: fields.required("type")?,
            r#ref: fields.optional("ref")?,
            _1st_choice: fields.optional("1stChoice")?,
            r#async: fields.optional("async")?,
            r#match: fields.optional("match")?,
            url: fields.optional("URL")?,
            u_r_l: fields.optional("url")?,
            tags: fields.optional("tags")?,
            offset: fields.optional("offset")?,
        })
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
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["keywords_self"]),
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
