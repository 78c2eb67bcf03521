//! `shop_customer`: its model, request bodies and operations.
/// A customer account, with a password set once and never returned.
#[derive(Clone, PartialEq, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    pub store_id: ::std::string::String,
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: ::core::option::Option<::std::string::String>,
    /// Whether the API mails a welcome message; sent only as a query parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_welcome: ::core::option::Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_contact: ::core::option::Option<EmailContact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_contact: ::core::option::Option<PhoneContact>,
}
impl ::core::fmt::Debug for Customer {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.debug_struct("Customer")
            .field("id", &self.id)
            .field("store_id", &self.store_id)
            .field("name", &self.name)
            .field("password", &::runtime::Redacted)
            .field("send_welcome", &self.send_welcome)
            .field("email_contact", &self.email_contact)
            .field("phone_contact", &self.phone_contact)
            .finish()
    }
}
impl<'de> ::serde::Deserialize<'de> for Customer {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Customer {
            id: fields.optional("id")?,
            store_id: fields.required("storeId")?,
            name: fields.required("name")?,
            password: fields.optional("password")?,
            send_welcome: fields.optional("sendWelcome")?,
            email_contact: fields.optional("emailContact")?,
            phone_contact: fields.optional("phoneContact")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailContact {
    pub address: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: ::core::option::Option<bool>,
}
impl<'de> ::serde::Deserialize<'de> for EmailContact {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(EmailContact {
            address: fields.required("address")?,
            verified: fields.optional("verified")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneContact {
    pub number: ::std::string::String,
}
impl<'de> ::serde::Deserialize<'de> for PhoneContact {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(PhoneContact {
            number: fields.required("number")?,
        })
    }
}
impl Customer {
    /// Reads the model from an API response body.
    pub fn from_json(
        mut value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        ::runtime::plugin::convert::unfold_answer(
            crate::schema_of(|model| &model.resources["shop_customer"]),
            &mut value,
        );
        ::serde_json::from_value(value)
    }
}
/// The body of the create request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    pub name: ::std::string::String,
    pub password: ::std::string::String,
    #[serde(flatten)]
    pub contact: Contact,
}
/// The body of the update request.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRequest {
    pub name: ::std::string::String,
    pub password: ::std::string::String,
    #[serde(flatten)]
    pub contact: Contact,
}
#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[serde(tag = "channel")]
pub enum Contact {
    /// `email_contact`
    #[serde(rename = "email")]
    EmailContact(EmailContact),
    /// `phone_contact`
    #[serde(rename = "phone")]
    PhoneContact(PhoneContact),
}
/// The operations on `shop_customer`.
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
    /// `POST /stores/{store_id}/customers`
    pub async fn create(
        &self,
        store_id: &str,
        send_welcome: ::core::option::Option<bool>,
        body: &CreateRequest,
    ) -> crate::Result<Customer> {
        let mut query = ::std::vec::Vec::new();
        if let ::core::option::Option::Some(value) = send_welcome {
            query.push(("sendWelcome", value.to_string()));
        }
        let request = ::runtime::Request {
            method: ::runtime::Method::Post,
            path: "/stores/{store_id}/customers",
            path_params: ::std::vec![("store_id", store_id.to_string())],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_customer"]),
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
                &[("storeId", ::serde_json::Value::from(store_id))],
                Customer::from_json,
            )
    }
    /// read the object.
    ///
    /// `GET /stores/{store_id}/customers/{id}`
    pub async fn read(&self, store_id: &str, id: &str) -> crate::Result<Customer> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/customers/{id}",
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
                Customer::from_json,
            )
    }
    /// update the object.
    ///
    /// `PATCH /stores/{store_id}/customers/{id}`
    pub async fn update(
        &self,
        store_id: &str,
        id: &str,
        body: &UpdateRequest,
    ) -> crate::Result<Customer> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Patch,
            path: "/stores/{store_id}/customers/{id}",
            path_params: ::std::vec![
                ("store_id", store_id.to_string()), ("id", id.to_string())
            ],
            query,
            body: ::core::option::Option::Some({
                let mut body = ::runtime::to_body(body)?;
                ::runtime::plugin::convert::fold_body(
                    crate::schema_of(|model| &model.resources["shop_customer"]),
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
                Customer::from_json,
            )
    }
    /// delete the object.
    ///
    /// `DELETE /stores/{store_id}/customers/{id}`
    pub async fn delete(&self, store_id: &str, id: &str) -> crate::Result<()> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Delete,
            path: "/stores/{store_id}/customers/{id}",
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
    /// `GET /stores/{store_id}/customers`
    pub async fn list(
        &self,
        store_id: &str,
    ) -> crate::Result<::std::vec::Vec<Customer>> {
        let query = ::std::vec::Vec::new();
        let request = ::runtime::Request {
            method: ::runtime::Method::Get,
            path: "/stores/{store_id}/customers",
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
                    paging: ::core::option::Option::Some(::runtime::paging::Paging::Cursor {
                        cursor: "next_cursor",
                        param: "cursor",
                    }),
                },
            )
            .models(Customer::from_json)
            .await
    }
}
