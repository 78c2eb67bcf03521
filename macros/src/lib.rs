//! Derive macros that declare Terraform resources in plain Rust.
//!
//! `#[derive(Attributes)]` on a struct makes its fields attributes (a nested object or a reusable type);
//! `#[derive(Resource)]` makes the struct a whole resource with its REST operations. Both build the same
//! `schema` model at run time as the YAML loader does (`AccessKey::resource()`), and implement `Debug`
//! so that sensitive fields print as `(sensitive value)`.
//!
//! ```ignore
//! #[derive(Resource, serde::Serialize, serde::Deserialize)]
//! #[resource(provider = "infra", name = "access_key", timeouts_block = false)]
//! #[operation(create, method = "POST", path = "/api/access-keys", success = [201])]
//! #[operation(read, method = "GET", path = "/api/access-keys/{id}")]
//! #[operation(delete, method = "DELETE", path = "/api/access-keys/{id}")]
//! /// Provides an Infra access key.
//! struct AccessKey {
//!     /// The access key's name.
//!     #[attribute(optional, computed, requires_replacement, length(min = 2, max = 256))]
//!     name: Option<String>,
//!     /// The access key secret.
//!     #[attribute(read_only, sensitive)]
//!     secret: Option<String>,
//! }
//! ```

mod check;
mod emit;
mod parse;

use proc_macro::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, parse_macro_input};

/// Implements `Attributes`, `AttributeType` and `Debug` for a struct with named fields.
#[proc_macro_derive(Attributes, attributes(attribute, attributes, one_of, serde))]
pub fn derive_attributes(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, false).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Implements `Resource` as well as everything `Attributes` implements.
#[proc_macro_derive(Resource, attributes(attribute, attributes, resource, operation, one_of, serde))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, true).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// Parses, checks (collecting every error) and emits, wrapped in `const _` so nothing leaks into scope.
fn expand(input: &DeriveInput, is_resource: bool) -> syn::Result<proc_macro2::TokenStream> {
    let mut errors = parse::Errors::default();
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => Some(&fields.named),
            _ => None,
        },
        _ => None,
    };
    let Some(named) = named else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "only structs with named fields can derive Attributes or Resource",
        ));
    };
    if !input.generics.params.is_empty() {
        errors
            .push(syn::spanned::Spanned::span(&input.generics), "generic structs cannot derive Attributes or Resource");
    }
    let container = parse::container(input, &mut errors);
    let fields: Vec<parse::Field> = named.iter().filter_map(|field| parse::field(field, &mut errors)).collect();
    let mut checked = Vec::new();
    for field in &fields {
        check::field_type(&field.ty, &mut errors);
        if let Some(mode) = check::mode(field, &mut errors) {
            checked.push(emit::Checked { field, mode });
        }
    }
    let names = if is_resource {
        match (&container.provider, &container.resource) {
            (Some(provider), Some(name)) => Some((name.clone(), format!("{provider}_{name}"))),
            _ => {
                errors.push(input.ident.span(), "a resource needs `#[resource(provider = \"...\", name = \"...\")]`");
                None
            }
        }
    } else {
        None
    };
    if let Some(error) = errors.combined() {
        return Err(error);
    }
    let attributes = emit::attributes(input, &container, &checked, &fields);
    let resource = names.map(|(short, full)| emit::resource(input, &container, &short, &full));
    Ok(quote! {
        const _: () = {
            #attributes
            #resource
        };
    })
}
