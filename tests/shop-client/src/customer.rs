//! `shop_customer`: its model, request bodies and operations.
/// A customer account, with a password set once and never returned.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Resource)]
#[resource(provider = "shop", name = "customer", import_id = "{store_id}/{id}")]
#[operation(
    create,
    method = "POST",
    path = "/stores/{store_id}/customers",
    query = ["send_welcome"]
)]
#[operation(read, method = "GET", path = "/stores/{store_id}/customers/{id}")]
#[operation(
    update,
    method = "PATCH",
    path = "/stores/{store_id}/customers/{id}",
    body = ["name",
    "password",
    "email_contact",
    "phone_contact"]
)]
#[operation(delete, method = "DELETE", path = "/stores/{store_id}/customers/{id}")]
#[one_of(
    contact,
    description = "",
    required,
    discriminator = "channel",
    variants(email_contact = "email", phone_contact = "phone")
)]
#[allow(clippy::duplicated_attributes)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    #[attribute(required, requires_replacement)]
    pub store_id: ::std::string::String,
    #[attribute(required)]
    pub name: ::std::string::String,
    #[attribute(required, sensitive, write_only)]
    pub password: ::std::string::String,
    /// Whether the API mails a welcome message; sent only as a query parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, default = true)]
    pub send_welcome: ::core::option::Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub email_contact: ::core::option::Option<EmailContact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional)]
    pub phone_contact: ::core::option::Option<PhoneContact>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct EmailContact {
    #[attribute(required)]
    pub address: ::std::string::String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub verified: ::core::option::Option<bool>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct PhoneContact {
    #[attribute(required)]
    pub number: ::std::string::String,
}
impl Customer {
    /// Reads the model from an API response body.
    pub fn from_json(
        value: ::serde_json::Value,
    ) -> ::core::result::Result<Self, ::serde_json::Error> {
        let mut model: Self = ::serde_json::from_value(value.clone())?;
        if model.email_contact.is_none()
            && value.get("channel").and_then(::serde_json::Value::as_str)
                == ::core::option::Option::Some("email")
        {
            model.email_contact = ::serde_json::from_value(value.clone()).ok();
        }
        if model.phone_contact.is_none()
            && value.get("channel").and_then(::serde_json::Value::as_str)
                == ::core::option::Option::Some("phone")
        {
            model.phone_contact = ::serde_json::from_value(value.clone()).ok();
        }
        ::core::result::Result::Ok(model)
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
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
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
            body: ::core::option::Option::Some(::runtime::to_body(body)?),
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
}
