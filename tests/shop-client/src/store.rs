//! `shop_store`: its model, request bodies and operations.
/// A store, updated with JSON merge patches.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: ::core::option::Option<Settings>,
}
impl<'de> ::serde::Deserialize<'de> for Store {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Store {
            id: fields.optional("id")?,
            name: fields.required("name")?,
            region: fields.optional("region")?,
            description: fields.optional("description")?,
            tax_rate: fields.optional("taxRate")?,
            labels: fields.optional("labels")?,
            legacy_code: fields.optional("legacyCode")?,
            created_at: fields.optional("createdAt")?,
            updated_at: fields.optional("updatedAt")?,
            address: fields.optional("address")?,
            settings: fields.optional("settings")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub street: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: ::core::option::Option<crate::types::Geo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for Address {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Address {
            street: fields.required("street")?,
            city: fields.optional("city")?,
            geo: fields.optional("geo")?,
            address_id: fields.optional("addressId")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: ::core::option::Option<bool>,
}
impl<'de> ::serde::Deserialize<'de> for Settings {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Settings {
            currency: fields.optional("currency")?,
            open: fields.optional("open")?,
        })
    }
}
impl Store {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["shop_store"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: ::core::option::Option<Settings>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            name: fields.required("name")?,
            region: fields.optional("region")?,
            description: fields.optional("description")?,
            tax_rate: fields.optional("taxRate")?,
            labels: fields.optional("labels")?,
            legacy_code: fields.optional("legacyCode")?,
            address: fields.optional("address")?,
            settings: fields.optional("settings")?,
        })
    }
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rate: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    >,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_code: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: ::core::option::Option<Address>,
    /// Store settings; the API picks them when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: ::core::option::Option<Settings>,
}
impl<'de> ::serde::Deserialize<'de> for UpdateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(UpdateRequest {
            name: fields.required("name")?,
            region: fields.optional("region")?,
            description: fields.optional("description")?,
            tax_rate: fields.optional("taxRate")?,
            labels: fields.optional("labels")?,
            legacy_code: fields.optional("legacyCode")?,
            address: fields.optional("address")?,
            settings: fields.optional("settings")?,
        })
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
    /// create the object.
    ///
    /// `POST /stores`
    pub async fn create(&self, body: &CreateRequest) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores",
            path_params: ::std::vec![],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_store"]),
                    &mut body,
                );
                body
            }),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::Some("Idempotency-Key"),
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[], Store::from_json)
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
    /// update the object.
    ///
    /// `PATCH /stores/{id}`
    pub async fn update(&self, id: &str, body: &UpdateRequest) -> crate::Result<Store> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Patch,
            path: "/stores/{id}",
            path_params: ::std::vec![("id", id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_store"]),
                    &mut body,
                );
                body
            }),
            documented_errors: &[],
            idempotency_key: ::core::option::Option::Some("Idempotency-Key"),
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(&[("id", ::serde_json::Value::from(id))], Store::from_json)
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{id}`
    pub async fn delete(&self, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{id}",
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
