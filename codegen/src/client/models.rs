//! Model types: one struct per resource, nested object and named type, carrying the derive macros and
//! serde attributes that say what the schema says; Rust enums for enum validators and one-of groups.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use schema::{Attribute, Mode, Nested, NestedObject, NestingMode, Object, Provider, Type, Validator, Value};

use super::names::{Scope, field_ident, singular, type_ident, unraw};

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
    /// The `#[serde(...)]` options of the field.
    pub serde: Option<TokenStream>,
}

/// What a struct is, which decides its container attributes.
pub enum StructKind<'a> {
    /// A nested object.
    Nested,
    /// A reusable type from `types:`.
    Named(&'a str),
    /// A resource's root; the tokens are its `#[resource]`, `#[operation]` attributes.
    Resource(TokenStream),
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
        kind: StructKind<'_>,
    ) -> (Ident, Vec<FieldInfo>) {
        let ident = self.scope.claim(type_ident(name));
        if matches!(kind, StructKind::Resource(_)) {
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
        let is_resource = matches!(kind, StructKind::Resource(_));
        let container = match kind {
            StructKind::Nested => quote!(#[derive(::macros::Attributes)]),
            StructKind::Named(type_name) => quote! {
                #[derive(::macros::Attributes)]
                #[attributes(type_name = #type_name)]
            },
            StructKind::Resource(attributes) => quote! {
                #[derive(::macros::Resource)]
                #attributes
            },
        };
        let one_of = object.one_of.iter().map(|(group, one_of)| {
            let group = format_ident!("{}", group);
            let description = &one_of.description;
            let required = one_of.required.then(|| quote!(required,));
            let discriminator = one_of.discriminator.as_ref().map(|field| quote!(discriminator = #field,));
            let variants = one_of.variants.iter().map(|variant| {
                let attribute = format_ident!("{}", variant.attribute);
                let default_tag = object.attributes.get(&variant.attribute).map(|found| found.api_name.as_str());
                if default_tag == Some(variant.tag.as_str()) {
                    quote!(#attribute)
                } else {
                    let tag = &variant.tag;
                    quote!(#attribute = #tag)
                }
            });
            quote!(#[one_of(#group, description = #description, #required #discriminator variants(#(#variants),*))])
        });
        // clippy takes options that two `#[operation]` or `#[one_of]` attributes share (a path, a
        // discriminator) for a repeated attribute.
        let allow = is_resource || object.one_of.len() > 1;
        let allow = allow.then(|| quote!(#[allow(clippy::duplicated_attributes)]));
        let casing = casing_name(self.provider.api_naming);
        let docs = doc_lines(description);
        self.items[slot] = quote! {
            #docs
            #[derive(Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #container
            #(#one_of)*
            #allow
            #[serde(rename_all = #casing)]
            pub struct #ident {
                #(#fields)*
            }
        };
        (ident, infos)
    }

    /// One field: its docs, serde and schema attributes, and its type.
    fn field(&mut self, parent: &Ident, name: &str, attribute: &Attribute) -> (TokenStream, FieldInfo) {
        let ident = field_ident(name);
        let rust_type = self.value_type(parent, name, attribute);
        let optional = attribute.mode != Mode::Required;
        let field_type = if optional { quote!(::core::option::Option<#rust_type>) } else { rust_type.clone() };
        let mut serde = Vec::new();
        // serde applies the struct's `rename_all` to the field name; rename where that may not give the API
        // name: escaped names (`_1st`, `self_`) and names whose API name is not the casing of the name.
        if unraw(&ident) != name || self.provider.api_naming.apply(name) != attribute.api_name {
            let api_name = &attribute.api_name;
            serde.push(quote!(rename = #api_name));
        }
        if optional {
            serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
        }
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        let options = attribute_options(name, &ident, attribute);
        let docs = doc_lines(&attribute.description);
        let tokens = quote! {
            #docs
            #serde
            #[attribute(#(#options),*)]
            pub #ident: #field_type,
        };
        (tokens, FieldInfo { name: name.to_owned(), ident, value_type: rust_type, serde })
    }

    /// The Rust type of an attribute's value (without `Option`).
    fn value_type(&mut self, parent: &Ident, name: &str, attribute: &Attribute) -> TokenStream {
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
            NestedObject::Named(type_name) => {
                let ident = type_ident(type_name);
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
                    let variant = variant_scope.claim(type_ident(text));
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

            impl ::schema::derive::AttributeType for #ident {
                fn attribute_type() -> ::schema::Type {
                    ::schema::Type::String
                }
            }
        });
        quote!(#ident)
    }
}

/// The options of `#[attribute(...)]` for one attribute.
fn attribute_options(name: &str, ident: &Ident, attribute: &Attribute) -> Vec<TokenStream> {
    let mut options = Vec::new();
    if unraw(ident) != name {
        options.push(quote!(name = #name));
    }
    // An optional attribute with a default is optional+computed in the model; the default says so again.
    options.push(match (attribute.mode, &attribute.default) {
        (Mode::Required, _) => quote!(required),
        (Mode::Optional, _) | (Mode::OptionalComputed, Some(_)) => quote!(optional),
        (Mode::OptionalComputed, None) => quote!(optional, computed),
        (Mode::ReadOnly, _) => quote!(read_only),
    });
    if attribute.requires_replacement {
        options.push(quote!(requires_replacement));
    }
    if attribute.sensitive {
        options.push(quote!(sensitive));
    }
    if attribute.write_only {
        options.push(quote!(write_only));
    }
    if attribute.changes_on_update {
        options.push(quote!(changes_on_update));
    }
    if attribute.not_returned {
        options.push(quote!(not_returned));
    }
    if let Some(literal) = attribute.unset_value.as_ref().and_then(literal) {
        options.push(quote!(unset_value = #literal));
    }
    if matches!(&attribute.ty, Type::Set(_))
        || attribute.ty.as_nested().is_some_and(|nested| nested.mode == NestingMode::Set)
    {
        options.push(quote!(set));
    }
    if is_number(&attribute.ty) {
        options.push(quote!(number));
    }
    if let Some(message) = &attribute.deprecation {
        options.push(quote!(deprecated = #message));
    }
    if let Some(default) = &attribute.default {
        if let Some(literal) = literal(default) {
            options.push(quote!(default = #literal));
        }
    }
    if super::rustdoc::changes(&attribute.description) {
        let description = &attribute.description;
        options.push(quote!(description = #description));
    }
    if let Some(env) = &attribute.env {
        options.push(quote!(env = #env));
    }
    if let Some(nested) = attribute.ty.as_nested() {
        if nested.min_items > 0 {
            let min = nested.min_items;
            options.push(quote!(min_items = #min));
        }
        if nested.max_items > 0 {
            let max = nested.max_items;
            options.push(quote!(max_items = #max));
        }
    }
    for validator in &attribute.validators {
        options.push(match validator {
            Validator::Enum(values) => {
                let values = values.iter().filter_map(literal);
                quote!(enum_values = [#(#values),*])
            }
            Validator::Length { min, max } => {
                let bounds = bounds(min.map(Literal::u64_unsuffixed), max.map(Literal::u64_unsuffixed));
                quote!(length(#bounds))
            }
            Validator::Range { min, max } => {
                let bounds = bounds(min.map(Literal::f64_unsuffixed), max.map(Literal::f64_unsuffixed));
                quote!(range(#bounds))
            }
            Validator::Regex(pattern) => quote!(regex = #pattern),
        });
    }
    options
}

fn bounds(min: Option<Literal>, max: Option<Literal>) -> TokenStream {
    let min = min.map(|value| quote!(min = #value));
    let max = max.map(|value| quote!(max = #value));
    match (min, max) {
        (Some(min), Some(max)) => quote!(#min, #max),
        (Some(bound), None) | (None, Some(bound)) => bound,
        (None, None) => quote!(),
    }
}

fn literal(value: &Value) -> Option<TokenStream> {
    match value {
        Value::String(text) => Some(quote!(#text)),
        Value::Int(number) => Some(quote!(#number)),
        Value::Float(number) => {
            let literal = Literal::f64_unsuffixed(*number);
            Some(quote!(#literal))
        }
        Value::Bool(flag) => Some(quote!(#flag)),
        Value::List(items) => {
            let items = items.iter().map(literal).collect::<Option<Vec<_>>>()?;
            Some(quote!([#(#items),*]))
        }
        Value::Null | Value::Map(_) => None,
    }
}

/// Whether a type is `number`, or a collection of them (`f64` in Rust either way).
fn is_number(ty: &Type) -> bool {
    match ty {
        Type::Number => true,
        Type::List(element) | Type::Set(element) | Type::Map(element) => is_number(element),
        _ => false,
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
