//! Model types: one struct per resource, nested object and named type, with serde attributes that say
//! what the schema says; Rust enums for enum validators and one-of groups.
//!
//! What is emitted per type is kept small, since it is what a crate of hundreds of resources compiles:
//! `Serialize` is derived, `Deserialize` reads the fields through one runtime helper instead of serde's
//! derived visitor, and `Debug` is derived unless a field is sensitive.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use schema::{Attribute, Mode, Nested, NestedObject, NestingMode, Object, Provider, Type, Validator, Value};

use super::names::{Scope, field_ident, singular, type_ident, unraw, variant_ident};

/// Emits the types of one module (a resource's, or the named types').
pub struct ModelWriter<'p> {
    provider: &'p Provider,
    /// The struct whose nested types are named without its name in front (a resource's model).
    root: Option<String>,
    /// Type names already used in the module.
    pub scope: Scope,
    /// The items written so far, in order.
    pub items: Vec<TokenStream>,
}

/// A field written into a struct: the attribute's name, the field, and its type without `Option`.
#[derive(Clone)]
pub struct FieldInfo {
    /// The attribute's name.
    pub name: String,
    /// The field.
    pub ident: Ident,
    /// The value type.
    pub value_type: TokenStream,
    /// The API name the field is renamed to, where serde's `rename_all` would not give it.
    pub rename: Option<String>,
}

/// What a struct is, which decides how its nested types are named.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StructKind {
    /// A nested object, or a reusable type from `types:`.
    Nested,
    /// A resource's root, after which its nested types are named.
    Resource,
}

impl<'p> ModelWriter<'p> {
    /// A writer for `provider`'s types with `reserved` names already taken in the module.
    pub fn new(provider: &'p Provider, reserved: &[&str]) -> Self {
        ModelWriter { provider, root: None, scope: Scope::with(reserved), items: Vec::new() }
    }

    /// Writes a struct for `object` named after `name`, with nested types named after their path; returns
    /// the struct's identifier.
    pub fn object(
        &mut self,
        name: &str,
        description: &str,
        object: &Object,
        kind: StructKind,
    ) -> (Ident, Vec<FieldInfo>) {
        let ident = self.scope.claim(type_ident(name));
        if kind == StructKind::Resource {
            self.root = Some(unraw(&ident));
        }
        // The struct comes before the nested types its fields create.
        let slot = self.items.len();
        self.items.push(TokenStream::new());
        let mut fields = Vec::new();
        let mut infos = Vec::new();
        for (attribute_name, attribute) in &object.attributes {
            let (tokens, info) = self.field(&ident, attribute_name, attribute);
            fields.push(tokens);
            infos.push(info);
        }
        let casing = casing_name(self.provider.api_naming);
        let docs = doc_lines(description);
        let sensitive = object.attributes.values().any(|attribute| attribute.sensitive);
        let debug = if sensitive { quote!() } else { quote!(Debug,) };
        let debug_impl = sensitive.then(|| redacted_debug(&ident, object, &infos));
        let deserialize = deserialize_impl(&ident, object, &infos);
        self.items[slot] = quote! {
            #docs
            #[derive(Clone, PartialEq, #debug ::serde::Serialize)]
            #[serde(rename_all = #casing)]
            pub struct #ident {
                #(#fields)*
            }

            #debug_impl
            #deserialize
        };
        (ident, infos)
    }

    /// One field: its docs, serde and schema attributes, and its type.
    fn field(&mut self, parent: &Ident, name: &str, attribute: &Attribute) -> (TokenStream, FieldInfo) {
        let ident = field_ident(name);
        let rust_type = self.value_type(parent, name, attribute);
        let optional = !always_answered(attribute);
        let field_type = if optional { quote!(::core::option::Option<#rust_type>) } else { rust_type.clone() };
        let mut serde = Vec::new();
        // serde applies the struct's `rename_all` to the field name; rename where that may not give the API
        // name: escaped names (`_1st`, `self_`) and names whose API name is not the casing of the name.
        let renamed = unraw(&ident) != name || self.provider.api_naming.apply(name) != attribute.api_name;
        let rename = renamed.then(|| attribute.api_name.clone());
        if let Some(api_name) = &rename {
            serde.push(quote!(rename = #api_name));
        }
        if optional {
            serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
        }
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        let docs = doc_lines(&attribute.description);
        let tokens = quote! {
            #docs
            #serde
            pub #ident: #field_type,
        };
        (tokens, FieldInfo { name: name.to_owned(), ident, value_type: rust_type, rename })
    }

    /// The Rust type of an attribute's value (without `Option`).
    fn value_type(&mut self, parent: &Ident, name: &str, attribute: &Attribute) -> TokenStream {
        if attribute.json {
            return quote!(::serde_json::Value);
        }
        let enum_values = attribute.validators.iter().find_map(|validator| match validator {
            Validator::Enum(values) if attribute.ty == Type::String => Some(values),
            _ => None,
        });
        if let Some(values) = enum_values {
            return self.string_enum(parent, name, &attribute.description, values);
        }
        self.rust_type(parent, name, &attribute.ty)
    }

    fn rust_type(&mut self, parent: &Ident, name: &str, ty: &Type) -> TokenStream {
        match ty {
            Type::String => quote!(::std::string::String),
            Type::Int64 => quote!(i64),
            Type::Float64 | Type::Number => quote!(f64),
            Type::Bool => quote!(bool),
            Type::Dynamic | Type::Object(_) | Type::Tuple(_) => quote!(::serde_json::Value),
            Type::List(element) | Type::Set(element) => {
                let element = self.rust_type(parent, &singular(name), element);
                quote!(::std::vec::Vec<#element>)
            }
            Type::Map(element) => {
                let element = self.rust_type(parent, name, element);
                quote!(::std::collections::BTreeMap<::std::string::String, #element>)
            }
            Type::Nested(nested) => self.nested_type(parent, name, nested),
        }
    }

    fn nested_type(&mut self, parent: &Ident, name: &str, nested: &Nested) -> TokenStream {
        let element_name = if nested.mode == NestingMode::Single { name.to_owned() } else { singular(name) };
        let element = match &nested.object {
            NestedObject::Named(reference) => {
                let ident = type_ident(reference.name());
                quote!(crate::types::#ident)
            }
            NestedObject::Inline(object) => {
                let parent = unraw(parent);
                let struct_name =
                    if self.root.as_ref() == Some(&parent) { element_name } else { format!("{parent}_{element_name}") };
                let (ident, _) = self.object(&struct_name, "", object, StructKind::Nested);
                quote!(#ident)
            }
        };
        match nested.mode {
            NestingMode::Single => element,
            NestingMode::List | NestingMode::Set => quote!(::std::vec::Vec<#element>),
            NestingMode::Map => quote!(::std::collections::BTreeMap<::std::string::String, #element>),
        }
    }

    /// An enum for a string attribute with an `enum` validator. It is open: a value the schema does not
    /// list (APIs add values over time) reads into the catch-all variant, kept as it is.
    fn string_enum(&mut self, parent: &Ident, name: &str, description: &str, values: &[Value]) -> TokenStream {
        let ident = self.scope.claim(type_ident(&format!("{}_{name}", unraw(parent))));
        let mut variant_scope = Scope::default();
        let variants: Vec<TokenStream> = values
            .iter()
            .filter_map(|value| match value {
                Value::String(text) => {
                    let variant = variant_scope.claim(variant_ident(text));
                    Some(quote!(#[serde(rename = #text)] #variant,))
                }
                _ => None,
            })
            .collect();
        let other = variant_scope.claim(format_ident!("Other"));
        let docs = doc_lines(description);
        self.items.push(quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
            pub enum #ident {
                #(#variants)*
                /// A value the schema does not list, as the API sent it.
                #[serde(untagged)]
                #other(::std::string::String),
            }
        });
        quote!(#ident)
    }
}

/// `Deserialize` for a struct: its fields read by name from the JSON object (the answer's names), through
/// the runtime.
fn deserialize_impl(ident: &Ident, object: &Object, infos: &[FieldInfo]) -> TokenStream {
    // One field per attribute, in the object's order.
    let fields = object
        .attributes
        .values()
        .zip(infos)
        .map(|(attribute, info)| (&info.ident, attribute.answered_as(), always_answered(attribute)));
    deserialize_by_name(ident, fields)
}

/// Whether every answer holds the attribute, so the model's field needs no `Option`: a required one
/// that the API returns (a write-only or `not_returned` value never comes back).
fn always_answered(attribute: &Attribute) -> bool {
    attribute.mode == Mode::Required && !attribute.write_only && !attribute.not_returned
}

/// `Deserialize` reading each `(field, API name, required)` by name through `runtime::de::Fields`, far
/// less code than serde's derived visitor.
pub fn deserialize_by_name<'a>(ident: &Ident, fields: impl Iterator<Item = (&'a Ident, &'a str, bool)>) -> TokenStream {
    let reads = fields.map(|(member, api_name, required)| {
        if required {
            quote!(#member: fields.required(#api_name)?,)
        } else {
            quote!(#member: fields.optional(#api_name)?,)
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let mut fields = ::runtime::de::Fields::read(deserializer)?;
                ::core::result::Result::Ok(#ident { #(#reads)* })
            }
        }
    }
}

/// `Debug` for a struct with sensitive fields, which it prints as `(sensitive value)`.
fn redacted_debug(ident: &Ident, object: &Object, infos: &[FieldInfo]) -> TokenStream {
    let shown_name = unraw(ident);
    let fields = object.attributes.values().zip(infos).map(|(attribute, info)| {
        let member = &info.ident;
        let shown = unraw(member);
        if attribute.sensitive {
            quote!(.field(#shown, &::runtime::Redacted))
        } else {
            quote!(.field(#shown, &self.#member))
        }
    });
    quote! {
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#shown_name) #(#fields)* .finish()
            }
        }
    }
}

/// `#[doc]` lines for a description; each line keeps one leading space, as `///` comments do.
pub fn doc_lines(description: &str) -> TokenStream {
    let lines = super::rustdoc::lines(description);
    quote!(#(#[doc = #lines])*)
}

/// serde's name for a casing.
pub fn casing_name(casing: schema::Casing) -> &'static str {
    match casing {
        schema::Casing::Snake => "snake_case",
        schema::Casing::Camel => "camelCase",
        schema::Casing::Pascal => "PascalCase",
        schema::Casing::Kebab => "kebab-case",
    }
}
