//! A downstream crate's own resources, declared in plain Rust with the derive macros: the infra access key
//! and the konnect auth credential, the same resources `schema/providers/` declares in YAML.

pub mod infra;
pub mod konnect;
