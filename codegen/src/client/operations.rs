//! The module of one resource: its model (carrying `#[derive(Resource)]` and its operations), request
//! bodies, one-of enums, and the async operation methods.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use schema::{Mode, OneOf, Operation, OperationKind, Paging, Provider, Resource};

use super::Section;
use super::models::{FieldInfo, ModelWriter, StructKind, doc_lines};
use super::names::{field_ident, type_ident};
use super::signature::{Place, Returns, Signature};

/// The names operations code needs that a model could also claim.
const RESERVED: &[&str] =
    &["Operations", "CreateRequest", "UpdateRequest", "OpenRequest", "RenewRequest", "CloseRequest"];

/// The whole module of a resource, a data source or an ephemeral resource (which `section` says).
pub fn resource_module(provider: &Provider, type_name: &str, resource: &Resource, section: Section) -> TokenStream {
    let short = provider.short_name(type_name);
    let mut writer = ModelWriter::new(provider, RESERVED);
    let (model, fields) = writer.object(short, &resource.description, &resource.schema, StructKind::Resource);
    // The schema by which bodies are folded and answers unfolded, as the provider does.
    let field = format_ident!("{}", section.field());
    let schema = quote!(crate::schema_of(|model| &model.#field[#type_name]));
    let from_json = from_json(&model, &schema);
    let mut bodies = Vec::new();
    let mut enums = BTreeMap::new();
    let mut methods = Vec::new();
    for (kind, operation) in resource.operations.iter() {
        let signature = Signature::new(kind, operation, resource);
        if let Some(ident) = &signature.body {
            bodies.push(request_body(ident, kind, operation, resource, &fields, &mut enums, provider));
        }
        methods.push(method(&signature, operation, resource, &model, (provider, &schema)));
    }
    let models = writer.items;
    let enums = enums.into_values();
    let module_doc = format!(" `{type_name}`: its model, request bodies and operations.");
    let accessor_doc = format!(" The operations on `{type_name}`.");
    quote! {
        #![doc = #module_doc]

        #(#models)*

        #from_json

        #(#bodies)*

        #(#enums)*

        #[doc = #accessor_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct Operations<'c> {
            transport: &'c ::runtime::Transport,
        }

        impl<'c> Operations<'c> {
            pub(crate) fn new(transport: &'c ::runtime::Transport) -> Self {
                Operations { transport }
            }

            #(#methods)*
        }
    }
}

/// `Model::from_json`: the model from a response body, read as the provider reads answers: one-of
/// variants are given back their fields at every depth by the runtime's own rule
/// ([`runtime::plugin::convert::unfold_answer`]), then the model is deserialised.
fn from_json(model: &Ident, schema: &TokenStream) -> TokenStream {
    quote! {
        impl #model {
            /// Reads the model from an API response body.
            pub fn from_json(mut value: ::serde_json::Value) -> ::core::result::Result<Self, ::serde_json::Error> {
                ::runtime::plugin::convert::unfold_answer(#schema, &mut value);
                ::serde_json::from_value(value)
            }
        }
    }
}

/// The request body of a create or update: its attributes (under the names the operation gives them),
/// with one-of variants folded into an enum each.
fn request_body(
    ident: &Ident,
    kind: OperationKind,
    operation: &schema::Operation,
    resource: &Resource,
    fields: &[FieldInfo],
    enums: &mut BTreeMap<String, TokenStream>,
    provider: &Provider,
) -> TokenStream {
    let mut members = Vec::new();
    let mut reads = Vec::new();
    let mut groups_done = Vec::new();
    for name in operation.body.iter().flatten() {
        let attribute = resource.schema.attribute(name);
        let Some(info) = fields.iter().find(|info| info.name == *name) else { continue };
        let group = resource
            .schema
            .one_of
            .iter()
            .find(|(_, group)| group.variants.iter().any(|variant| variant.attribute == *name));
        if let Some((group_name, group)) = group {
            if !groups_done.contains(group_name) {
                groups_done.push(group_name.clone());
                members.push(group_field(group_name, group, fields, enums));
            }
            continue;
        }
        let member = &info.ident;
        let value_type = &info.value_type;
        let required = attribute.mode == Mode::Required;
        let field_name = operation.body_names.get(name).unwrap_or(&attribute.api_name);
        // The field goes by the name this operation gives it, else by the model's.
        let mut options = Vec::new();
        if let Some(field) = operation.body_names.get(name).or(info.rename.as_ref()) {
            options.push(quote!(rename = #field));
        }
        if !required {
            options.push(quote!(default, skip_serializing_if = "Option::is_none"));
        }
        let serde = (!options.is_empty()).then(|| quote!(#[serde(#(#options),*)]));
        let docs = doc_lines(&attribute.description);
        let field_type = if required { quote!(#value_type) } else { quote!(::core::option::Option<#value_type>) };
        members.push(quote! {
            #docs
            #serde
            pub #member: #field_type,
        });
        reads.push((member, field_name.as_str(), required));
    }
    let casing = super::models::casing_name(provider.api_naming);
    let doc = format!(" The body of the {} request.", kind.key());
    // A body with a one-of group flattens the group's enum into itself, which serde's derive reads; any
    // other body reads its fields by name, as the models do.
    let (derive, deserialize) = if groups_done.is_empty() {
        (quote!(::serde::Serialize), super::models::deserialize_by_name(ident, reads.into_iter()))
    } else {
        (quote!(::serde::Serialize, ::serde::Deserialize), quote!())
    };
    quote! {
        #[doc = #doc]
        #[derive(Clone, PartialEq, #derive)]
        #[serde(rename_all = #casing)]
        pub struct #ident {
            #(#members)*
        }

        #deserialize
    }
}

/// The body field of a one-of group, and its enum (written once into `enums`).
fn group_field(
    name: &str,
    group: &OneOf,
    fields: &[FieldInfo],
    enums: &mut BTreeMap<String, TokenStream>,
) -> TokenStream {
    let enum_ident = type_ident(name);
    let member = field_ident(name);
    enums.entry(name.to_owned()).or_insert_with(|| {
        let variants = group.variants.iter().filter_map(|variant| {
            let info = fields.iter().find(|info| info.name == variant.attribute)?;
            let variant_ident = type_ident(&variant.attribute);
            let value_type = &info.value_type;
            let tag = &variant.tag;
            let doc = format!(" `{}`", variant.attribute);
            Some(quote!(#[doc = #doc] #[serde(rename = #tag)] #variant_ident(#value_type),))
        });
        let tagging = match &group.discriminator {
            Some(field) => quote!(#[serde(tag = #field)]),
            None => quote!(#[serde(untagged)]),
        };
        let docs = doc_lines(&group.description);
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #tagging
            pub enum #enum_ident {
                #(#variants)*
            }
        }
    });
    let docs = doc_lines(&group.description);
    if group.required {
        quote!(#docs #[serde(flatten)] pub #member: #enum_ident,)
    } else {
        quote!(#docs #[serde(flatten, default, skip_serializing_if = "Option::is_none")] pub #member: ::core::option::Option<#enum_ident>,)
    }
}

/// One async operation method, as its signature says.
fn method(
    signature: &Signature<'_>,
    operation: &Operation,
    resource: &Resource,
    model: &Ident,
    (provider, schema): (&Provider, &TokenStream),
) -> TokenStream {
    let name = &signature.name;
    let mut path_values = Vec::new();
    let mut fills = Vec::new();
    for param in &operation.path_params {
        let ident = field_ident(&param.attribute);
        let param_name = &param.name;
        path_values.push(quote!((#param_name, #ident.to_string())));
        let api_name = &resource.schema.attribute(&param.attribute).api_name;
        fills.push(quote!((#api_name, ::serde_json::Value::from(#ident))));
    }
    let query_values = signature.arguments.iter().filter(|argument| argument.place == Place::Query).map(|argument| {
        let ident = &argument.ident;
        let api_name = argument.attribute.map(|attribute| attribute.api_name.as_str()).unwrap_or(argument.name);
        if argument.required {
            quote!(query.push((#api_name, #ident.to_string()));)
        } else {
            quote!(if let ::core::option::Option::Some(value) = #ident { query.push((#api_name, value.to_string())); })
        }
    });
    let query_values: Vec<TokenStream> = query_values.collect();
    let args: Vec<TokenStream> = signature
        .arguments
        .iter()
        .map(|argument| {
            let ident = &argument.ident;
            let ty = argument.rust_type(signature.body.as_ref());
            quote!(#ident: #ty)
        })
        .collect();
    let body_value = match &signature.body {
        // One-of variants inside nested objects are folded as the provider folds them (those at the
        // top are folded by the body's enum already).
        Some(_) => quote!(::core::option::Option::Some({
            let mut body = ::runtime::to_body(body)?;
            ::runtime::plugin::convert::fold_body(#schema, &mut body);
            body
        })),
        None if operation.body.as_ref().is_some_and(|body| body.is_empty()) => {
            quote!(::core::option::Option::Some(::serde_json::Value::Object(::serde_json::Map::new())))
        }
        None => quote!(::core::option::Option::None),
    };
    let documented = operation
        .errors
        .iter()
        .map(|error| provider.error_type(error))
        .map(|error| proc_macro2::Literal::u16_unsuffixed(error.status));
    let method_variant = format_ident!("{}", {
        let text = operation.method.as_str().to_lowercase();
        text[..1].to_uppercase() + &text[1..]
    });
    let path = &operation.path;
    let idempotency_key = match &operation.idempotency_key {
        Some(header) => quote!(::core::option::Option::Some(#header)),
        None => quote!(::core::option::Option::None),
    };
    let send = quote!(self.transport.send::<crate::ApiError>(&request).await?);
    let (return_type, result) = match signature.returns {
        Returns::Nothing => (quote!(()), quote!(#send; ::core::result::Result::Ok(()))),
        Returns::Models => {
            let listing = listing(operation);
            let pages = quote!(::runtime::paging::Pages::new(self.transport, request, #listing));
            (quote!(::std::vec::Vec<#model>), quote!(#pages.models(#model::from_json).await))
        }
        Returns::Model => (quote!(#model), quote!(#send.model(&[#(#fills),*], #model::from_json))),
    };
    let summary = if operation.summary.is_empty() { format!("{name} the object.") } else { operation.summary.clone() };
    let mut docs = super::rustdoc::lines(&summary);
    if !operation.description.trim().is_empty() {
        docs.push(String::new());
        docs.extend(super::rustdoc::lines(&operation.description));
    }
    docs.push(String::new());
    docs.push(format!(" `{} {}`", operation.method.as_str(), operation.path));
    let query_init = if query_values.is_empty() {
        quote!(let query = ::std::vec::Vec::new();)
    } else {
        quote!(let mut query = ::std::vec::Vec::new(); #(#query_values)*)
    };
    quote! {
        #(#[doc = #docs])*
        pub async fn #name(&self, #(#args),*) -> crate::Result<#return_type> {
            #query_init
            let request = ::runtime::Request {
                method: ::runtime::Method::#method_variant,
                path: #path,
                path_params: ::std::vec![#(#path_values),*],
                query,
                body: #body_value,
                documented_errors: &[#(#documented),*],
                idempotency_key: #idempotency_key,
            };
            #result
        }
    }
}

/// How a `list` operation's answers are read, as the runtime's [`runtime::paging::Listing`]: the field
/// that holds the objects and where the next page is.
fn listing(operation: &Operation) -> TokenStream {
    let field = match &operation.answer_field {
        Some(field) => quote!(::core::option::Option::Some(#field)),
        None => quote!(::core::option::Option::None),
    };
    let paging = match &operation.paging {
        Some(Paging::Cursor { cursor, param }) => quote!(::core::option::Option::Some(
            ::runtime::paging::Paging::Cursor { cursor: #cursor, param: #param }
        )),
        Some(Paging::Link { link }) => {
            quote!(::core::option::Option::Some(::runtime::paging::Paging::Link { link: #link }))
        }
        Some(Paging::Offset { offset }) => {
            quote!(::core::option::Option::Some(::runtime::paging::Paging::Offset { offset: #offset }))
        }
        Some(Paging::Page { page, first }) => quote!(::core::option::Option::Some(
            ::runtime::paging::Paging::Page { page: #page, first: #first }
        )),
        None => quote!(::core::option::Option::None),
    };
    quote!(::runtime::paging::Listing { field: #field, paging: #paging })
}
