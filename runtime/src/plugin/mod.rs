//! Terraform's plugin protocol, version 6: the message definitions, the provider's schema as Terraform
//! sees it, and values in their msgpack encoding.

pub mod proto;
pub mod schema;
pub mod value;
