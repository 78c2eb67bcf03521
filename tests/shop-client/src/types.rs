//! Reusable object types.
/// Where the address is on a map.
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[attributes(type_name = "Geo")]
#[serde(rename_all = "camelCase")]
pub struct Geo {
    #[attribute(required, number)]
    pub latitude: f64,
    #[attribute(required, number)]
    pub longitude: f64,
    /// How exact the position is; the API works it out when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed)]
    pub precision: ::core::option::Option<GeoPrecision>,
}
#[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
#[derive(::macros::Attributes)]
#[serde(rename_all = "camelCase")]
pub struct GeoPrecision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(optional, computed)]
    pub meters: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[attribute(read_only)]
    pub source: ::core::option::Option<::std::string::String>,
}
