//! An operation method as the client exposes it, worked out once from the schema: its name, its
//! arguments (path parameters, query parameters, the body) with their Rust types, and what it returns.
//! The method emitter writes it and the SDK pages document it, so the two always agree.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use schema::{Attribute, Mode, Operation, OperationKind, Resource, Type};

use super::names::field_ident;

/// Where an argument goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A `{param}` of the path.
    Path,
    /// A query parameter.
    Query,
    /// The JSON body.
    Body,
}

/// One argument of an operation method.
pub struct Argument<'a> {
    /// The attribute it carries (`body` for the body).
    pub name: &'a str,
    /// The Rust argument.
    pub ident: Ident,
    /// The attribute, where the argument is one.
    pub attribute: Option<&'a Attribute>,
    /// Where it goes.
    pub place: Place,
    /// Whether the caller must give it (otherwise it is an `Option`).
    pub required: bool,
}

impl Argument<'_> {
    /// The Rust type of the argument as the method takes it.
    pub fn rust_type(&self, body: Option<&Ident>) -> TokenStream {
        if self.place == Place::Body {
            let body = body.cloned().unwrap_or_else(|| format_ident!("CreateRequest"));
            return quote!(&#body);
        }
        let scalar: TokenStream = self.value_type().parse().unwrap_or_default();
        if self.required { scalar } else { quote!(::core::option::Option<#scalar>) }
    }

    /// The type of a path or query argument's value, as the SDK pages name it (`&str`, `i64`).
    pub fn value_type(&self) -> &'static str {
        match self.attribute.map(|attribute| &attribute.ty) {
            Some(Type::Int64) => "i64",
            Some(Type::Float64 | Type::Number) => "f64",
            Some(Type::Bool) => "bool",
            _ => "&str",
        }
    }
}

/// What an operation method returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    /// Nothing (a delete).
    Nothing,
    /// The resource's model.
    Model,
    /// A list of models.
    Models,
}

/// An operation method's signature.
pub struct Signature<'a> {
    /// The method's name (`create`, `read`, ...).
    pub name: Ident,
    /// Its arguments: path parameters (each attribute once), query parameters, then the body.
    pub arguments: Vec<Argument<'a>>,
    /// The request body's type, when the operation sends attributes in a body.
    pub body: Option<Ident>,
    /// What it returns.
    pub returns: Returns,
}

impl<'a> Signature<'a> {
    /// The signature of `kind` of `resource`.
    pub fn new(kind: OperationKind, operation: &'a Operation, resource: &'a Resource) -> Self {
        let mut arguments: Vec<Argument<'a>> = Vec::new();
        for param in &operation.path_params {
            if arguments.iter().any(|argument| argument.name == param.attribute) {
                continue;
            }
            arguments.push(Argument {
                name: &param.attribute,
                ident: field_ident(&param.attribute),
                attribute: Some(resource.schema.attribute(&param.attribute)),
                place: Place::Path,
                required: true,
            });
        }
        for name in &operation.query {
            let attribute = resource.schema.attribute(name);
            arguments.push(Argument {
                name,
                ident: field_ident(name),
                attribute: Some(attribute),
                place: Place::Query,
                // A list's query parameters filter it: each may be left out.
                required: kind != OperationKind::List && attribute.mode == Mode::Required,
            });
        }
        let body = match kind {
            OperationKind::Create => Some(format_ident!("CreateRequest")),
            OperationKind::Update => Some(format_ident!("UpdateRequest")),
            OperationKind::Open => Some(format_ident!("OpenRequest")),
            OperationKind::Renew => Some(format_ident!("RenewRequest")),
            OperationKind::Close => Some(format_ident!("CloseRequest")),
            _ => None,
        }
        .filter(|_| operation.body.as_ref().is_some_and(|body| !body.is_empty()));
        if body.is_some() {
            arguments.push(Argument {
                name: "body",
                ident: format_ident!("body"),
                attribute: None,
                place: Place::Body,
                required: true,
            });
        }
        let returns = match kind {
            OperationKind::Delete | OperationKind::Renew | OperationKind::Close => Returns::Nothing,
            _ if operation.empty_answer => Returns::Nothing,
            OperationKind::List => Returns::Models,
            _ => Returns::Model,
        };
        Signature { name: format_ident!("{}", kind.key()), arguments, body, returns }
    }
}
