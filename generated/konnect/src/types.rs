//! Reusable object types.
/// Short-hand descriptor of an integration instance.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct IntegrationInstance {
    /// The display name of the integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: ::core::option::Option<::std::string::String>,
    /// The integration instance ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: ::core::option::Option<::std::string::String>,
    /// The machine name of the integration instance that uniquely identifies it within the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for IntegrationInstance {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(IntegrationInstance {
            display_name: fields.optional("display_name")?,
            id: fields.optional("id")?,
            name: fields.optional("name")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub struct MissingPermission {
    /// Describes the degraded experience of the integration instance due to the missing permission.
    /// May also include a message on how to resolve the missing permission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl<'de> ::serde::Deserialize<'de> for MissingPermission {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(MissingPermission {
            message: fields.optional("message")?,
            scopes: fields.optional("scopes")?,
        })
    }
}
