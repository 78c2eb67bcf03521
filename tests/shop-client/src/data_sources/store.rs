//! `shop_store`: its model, request bodies and operations.
/// Reads a store.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
}
impl<'de> ::serde::Deserialize<'de> for Store {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Store {
            id: fields.required("id")?,
            name: fields.optional("name")?,
            tax_rate: fields.optional("taxRate")?,
            address: fields.optional("address")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for Address {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Address {
            street: fields.optional("street")?,
            city: fields.optional("city")?,
        })
    }
}
impl Store {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.data_sources["shop_store"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The operations on `shop_store`.
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
    /// `GET /stores/{id}`
    pub async fn read(&self, id: &str) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Store::from_json)
    }
}
