//! Reusable object types.
/// Short-hand descriptor of an integration instance.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[attributes(type_name = "IntegrationInstance")]
#[serde(rename_all = "snake_case")]
pub struct IntegrationInstance {
    /// The display name of the integration instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub display_name: ::core::option::Option<::std::string::String>,
    /// The integration instance ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub id: ::core::option::Option<::std::string::String>,
    /// The machine name of the integration instance that uniquely identifies it within the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub name: ::core::option::Option<::std::string::String>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[attributes(type_name = "MissingPermission")]
#[serde(rename_all = "snake_case")]
pub struct MissingPermission {
    /// Describes the degraded experience of the integration instance due to the missing permission.
    /// May also include a message on how to resolve the missing permission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub message: ::core::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub scopes: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
