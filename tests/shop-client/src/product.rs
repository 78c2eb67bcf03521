//! `shop_product`: its model, request bodies and operations.
/// A product of a store, replaced whole on update.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub store_id: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: ::core::option::Option<ProductStatus>,
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for Product {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Product {
            store_id: fields.required("storeId")?,
            id: fields.optional("id")?,
            title: fields.required("title")?,
            status: fields.optional("status")?,
            price: fields.required("price")?,
            weight_kg: fields.optional("weightKg")?,
            version: fields.optional("version")?,
            variants: fields.optional("variants")?,
            images: fields.optional("images")?,
            tags: fields.optional("tags")?,
        })
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub enum ProductStatus {
    #[serde(rename = "draft")]
    Draft,
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "archived")]
    Archived,
    /// A value the schema does not list, as the API sent it.
    #[serde(untagged)]
    Other(::std::string::String),
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Variant {
    pub sku: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: ::core::option::Option<
        ::std::collections::BTreeMap<::std::string::String, VariantOption>,
    >,
}
impl<'de> ::serde::Deserialize<'de> for Variant {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Variant {
            sku: fields.required("sku")?,
            price: fields.optional("price")?,
            variant_id: fields.optional("variantId")?,
            options: fields.optional("options")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantOption {
    pub value: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for VariantOption {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(VariantOption {
            value: fields.required("value")?,
            option_id: fields.optional("optionId")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    pub url: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for Image {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Image {
            url: fields.required("url")?,
            alt: fields.optional("alt")?,
            image_id: fields.optional("imageId")?,
        })
    }
}
impl Product {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["shop_product"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: ::core::option::Option<ProductStatus>,
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for CreateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(CreateRequest {
            title: fields.required("title")?,
            status: fields.optional("status")?,
            price: fields.required("price")?,
            weight_kg: fields.optional("weightKg")?,
            variants: fields.optional("variants")?,
            images: fields.optional("images")?,
            tags: fields.optional("tags")?,
        })
    }
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub title: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: ::core::option::Option<ProductStatus>,
    pub price: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: ::core::option::Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variants: ::core::option::Option<::std::vec::Vec<Variant>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: ::core::option::Option<::std::vec::Vec<Image>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for UpdateRequest {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(UpdateRequest {
            title: fields.required("title")?,
            status: fields.optional("status")?,
            price: fields.required("price")?,
            weight_kg: fields.optional("weightKg")?,
            variants: fields.optional("variants")?,
            images: fields.optional("images")?,
            tags: fields.optional("tags")?,
        })
    }
}
/// The operations on `shop_product`.
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
    /// `POST /stores/{store_id}/products`
    pub async fn create(
        &self,
        store_id: &str,
        body: &CreateRequest,
    ) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/products",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_product"]),
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
            .model(
                &[("storeId", ::serde_json::Value::from(store_id))],
                Product::from_json,
            )
    }
    /// read the object.
    ///
    /// `GET /stores/{store_id}/products/{id}`
    pub async fn read(&self, store_id: &str, id: &str) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport
            .send::<crate::ApiError>(&request)
            .await?
            .model(
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("id", ::serde_json::Value::from(id)),
                ],
                Product::from_json,
            )
    }
    /// update the object.
    ///
    /// `PUT /stores/{store_id}/products/{id}`
    pub async fn update(
        &self,
        store_id: &str,
        id: &str,
        body: &UpdateRequest,
    ) -> crate::Result<Product> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Put,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_product"]),
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
            .model(
                &[
                    ("storeId", ::serde_json::Value::from(store_id)),
                    ("id", ::serde_json::Value::from(id)),
                ],
                Product::from_json,
            )
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{store_id}/products/{id}`
    pub async fn delete(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/products/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        self.transport.send::<crate::ApiError>(&request).await?;
        ::core::result::Result::Ok(())
    }
    /// list the object.
    ///
    /// `GET /stores/{store_id}/products`
    pub async fn list(&self, store_id: &str) -> crate::Result<::std::vec::Vec<Product>> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/products",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::None,
            documented_errors: &[],
            idempotency_key: ::core::option::Option::None,
        };
        ::runtime::paging::Pages::new(
                self.transport,
                request,
                ::runtime::paging::Listing {
                    field: ::core::option::Option::None,
                    paging: ::core::option::Option::Some(::runtime::paging::Paging::Link {
                        link: "links.next",
                    }),
                },
            )
            .models(Product::from_json)
            .await
    }
}
