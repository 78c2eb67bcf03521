//! The data sources: their models and read operations.
pub mod store;
