//! The YAML resource-schema format, v1: its key tables, its type expressions and its decoder.

pub mod decode;
pub mod spec;
pub mod type_expr;
pub mod write;
