//! Terraform's plugin protocol, version 6: the message definitions, the provider's schema as Terraform
//! sees it, values in their msgpack encoding, planning from the schema, and the plugin process that serves
//! them.

pub mod adopt;
pub mod convert;
pub mod ephemeral;
pub mod functions;
pub mod generate;
pub mod handlers;
pub mod identity;
pub mod listing;
pub mod plan;
pub mod proto;
pub mod rest;
pub mod schema;
pub mod server;
pub mod state;
pub mod timeouts;
pub mod upgrade;
pub mod validate;
pub mod value;
pub mod wait;
pub mod walk;

pub use server::{serve, serve_embedded};
