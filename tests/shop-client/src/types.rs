//! Reusable object types.
/// Where the address is on a map.
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Geo {
    pub latitude: f64,
    pub longitude: f64,
    /// How exact the position is; the API works it out when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: ::core::option::Option<GeoPrecision>,
}
impl<'de> ::serde::Deserialize<'de> for Geo {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(Geo {
            latitude: fields.required("latitude")?,
            longitude: fields.required("longitude")?,
            precision: fields.optional("precision")?,
        })
    }
}
#[derive(Clone, PartialEq, Debug, ::serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GeoPrecision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meters: ::core::option::Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: ::core::option::Option<::std::string::String>,
}
impl<'de> ::serde::Deserialize<'de> for GeoPrecision {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        let mut fields = ::runtime::de::Fields::read(deserializer)?;
        ::core::result::Result::Ok(GeoPrecision {
            meters: fields.optional("meters")?,
            source: fields.optional("source")?,
        })
    }
}
