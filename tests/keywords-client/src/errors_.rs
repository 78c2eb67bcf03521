//! `keywords_errors`: its model, request bodies and operations.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Errors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    pub message: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for Errors {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Errors {
            id: fields.optional("id")?,
            message: fields.required("message")?,
        })
    }
}
impl Errors {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["keywords_errors"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub message: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            message: fields.required("message")?,
        })
    }
}
/// The operations on `keywords_errors`.
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
    /// `POST /errors`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<Errors> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/errors",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["keywords_errors"]),
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
            .model(&[], Errors::from_json)
    }
    /// read the object.
    ///
    /// `GET /errors/{id}`
    pub async fn read(&self, id: &str) -> crate::Result<Errors> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/errors/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Errors::from_json)
    }
    /// delete the object.
    ///
    /// `DELETE /errors/{id}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/errors/{id}",
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
