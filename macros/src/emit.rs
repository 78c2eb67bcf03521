//! Writes the impls: `Attributes` (and `AttributeType`), `Resource`, and a `Debug` that hides sensitive fields.

use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::check::Mode;
use crate::parse::{Container, Field, Literal, OneOfSpec, OperationSpec};

/// A field that passed the checks, with its mode.
pub struct Checked<'a> {
    pub field: &'a Field,
    pub mode: Mode,
}

/// The API name of a field: `#[serde(rename)]` or `api_name`, else the container's casing of its name.
fn api_name(field: &Field, container: &Container) -> String {
    if let Some(name) = &field.api_name {
        return name.clone();
    }
    match container.rename_all.as_deref() {
        Some("snake_case") => field.name.to_snake_case(),
        Some("PascalCase") => field.name.to_upper_camel_case(),
        Some("kebab-case") => field.name.to_kebab_case(),
        _ => field.name.to_lower_camel_case(),
    }
}

fn literal(value: &Literal) -> TokenStream {
    match value {
        Literal::Str(text) => quote!(::schema::Value::String(#text.to_owned())),
        Literal::Int(number) => quote!(::schema::Value::Int(#number)),
        Literal::Float(number) => quote!(::schema::Value::Float(#number)),
        Literal::Bool(value) => quote!(::schema::Value::Bool(#value)),
        Literal::List(items) => {
            let items = items.iter().map(literal);
            quote!(::schema::Value::List(vec![#(#items),*]))
        }
    }
}

fn option<T: quote::ToTokens>(value: &Option<T>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn option_string(value: &Option<String>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(#text.to_owned())),
        None => quote!(::core::option::Option::None),
    }
}

/// The statements that insert one attribute into `object`.
fn attribute(checked: &Checked<'_>, container: &Container) -> TokenStream {
    let field = checked.field;
    let ty = &field.ty;
    let name = &field.name;
    // Terraform stores a default in state, so an optional attribute with a default is also computed.
    let mode = match (checked.mode, &field.default) {
        (Mode::Required, _) => quote!(Required),
        (Mode::Optional, Some(_)) | (Mode::OptionalComputed, _) => quote!(OptionalComputed),
        (Mode::Optional, None) => quote!(Optional),
        (Mode::ReadOnly, _) => quote!(ReadOnly),
    };
    let description = field.description.clone().unwrap_or_default();
    let requires_replacement = field.requires_replacement.is_some();
    let sensitive = field.sensitive;
    let write_only = field.write_only.is_some();
    let changes_on_update = field.changes_on_update.is_some();
    let not_returned = field.not_returned;
    let unset_value = option(&field.unset_value.as_ref().map(literal));
    let deprecation = option_string(&field.deprecated);
    let default = option(&field.default.as_ref().map(|(_, value)| literal(value)));
    let api = api_name(field, container);
    let env = option_string(&field.env);
    let mut validators = Vec::new();
    if let Some(values) = &field.enum_values {
        let values = values.iter().map(literal);
        validators.push(quote!(::schema::Validator::Enum(vec![#(#values),*])));
    }
    if let Some((min, max)) = field.length {
        let (min, max) = (option(&min), option(&max));
        validators.push(quote!(::schema::Validator::Length { min: #min, max: #max }));
    }
    if let Some((min, max)) = field.range {
        let (min, max) = (option(&min), option(&max));
        validators.push(quote!(::schema::Validator::Range { min: #min, max: #max }));
    }
    if let Some(pattern) = &field.regex {
        validators.push(quote!(::schema::Validator::Regex(#pattern.to_owned())));
    }
    let bounds = match (field.min_items, field.max_items) {
        (None, None) => quote!(),
        (min, max) => {
            let min = min.unwrap_or(0);
            let max = max.unwrap_or(0);
            quote! {
                if let ::schema::Type::Nested(nested) = &mut ty {
                    nested.min_items = #min;
                    nested.max_items = #max;
                }
            }
        }
    };
    let attribute_type = quote_spanned!(ty.span()=> <#ty as ::schema::derive::AttributeType>::attribute_type());
    let set = if field.set { quote!(let mut ty = ::schema::derive::as_set(ty);) } else { quote!() };
    let number = if field.number { quote!(let mut ty = ::schema::derive::as_number(ty);) } else { quote!() };
    quote! {
        {
            #[allow(unused_mut)]
            let mut ty = #attribute_type;
            #set
            #number
            #bounds
            object.attributes.insert(#name.to_owned(), ::schema::Attribute {
                ty,
                mode: ::schema::Mode::#mode,
                description: #description.to_owned(),
                requires_replacement: #requires_replacement,
                sensitive: #sensitive,
                write_only: #write_only,
                deprecation: #deprecation,
                default: #default,
                validators: vec![#(#validators),*],
                api_name: #api.to_owned(),
                answer_name: ::core::option::Option::None,
                env: #env,
                changes_on_update: #changes_on_update,
                not_returned: #not_returned,
                unset_value: #unset_value,
                json: false,
            });
        }
    }
}

fn one_of(group: &OneOfSpec) -> TokenStream {
    let name = group.name.to_string();
    let description = &group.description;
    let required = group.required;
    let discriminator = option_string(&group.discriminator);
    let variants = group.variants.iter().map(|(attribute, tag)| {
        let tag = match tag {
            Some(tag) => quote!(#tag.to_owned()),
            None => quote!(object.attributes.get(#attribute).map_or_else(|| #attribute.to_owned(), |found| found.api_name.clone())),
        };
        quote!(::schema::Variant { attribute: #attribute.to_owned(), tag: #tag })
    });
    quote! {
        let variants = vec![#(#variants),*];
        object.one_of.insert(#name.to_owned(), ::schema::OneOf {
            description: #description.to_owned(),
            required: #required,
            discriminator: #discriminator,
            variants,
        });
    }
}

/// `impl Attributes`, `impl AttributeType` and `impl Debug`.
pub fn attributes(
    input: &syn::DeriveInput,
    container: &Container,
    fields: &[Checked<'_>],
    all: &[Field],
) -> TokenStream {
    let ident = &input.ident;
    let inserts = fields.iter().map(|checked| attribute(checked, container));
    let groups = container.one_of.iter().map(one_of);
    let type_name = option(&container.type_name);
    let description = container.description.clone().unwrap_or_default();
    let debug_fields = all.iter().map(|field| {
        let member = &field.ident;
        let shown = member.to_string().trim_start_matches("r#").to_owned();
        if field.sensitive {
            quote!(.field(#shown, &::schema::derive::Redacted))
        } else {
            quote!(.field(#shown, &self.#member))
        }
    });
    let shown_name = ident.to_string();
    quote! {
        impl ::schema::derive::Attributes for #ident {
            const TYPE_NAME: ::core::option::Option<&'static str> = #type_name;

            fn object() -> ::schema::Object {
                let mut object = ::schema::Object::default();
                #(#inserts)*
                #(#groups)*
                object
            }

            fn description() -> ::std::string::String {
                #description.to_owned()
            }
        }

        impl ::schema::derive::AttributeType for #ident {
            fn attribute_type() -> ::schema::Type {
                ::schema::derive::nested_type::<Self>()
            }
        }

        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#shown_name) #(#debug_fields)* .finish()
            }
        }
    }
}

fn operation(spec: &OperationSpec, short_name: &str) -> TokenStream {
    let kind = &spec.kind;
    let kind_variant = format_ident!("{}", spec.kind.to_string().to_upper_camel_case());
    let method_text = spec.method.as_ref().map(syn::LitStr::value).unwrap_or_default();
    let method = format_ident!("{}", method_text.to_lowercase().to_upper_camel_case());
    let path = spec.path.as_ref().map(syn::LitStr::value).unwrap_or_default();
    let bindings = spec.path_params.iter().map(|(param, attribute)| quote!((#param.to_owned(), #attribute.to_owned())));
    let query = &spec.query;
    let body = match &spec.body {
        Some(body) => quote!(::core::option::Option::Some(vec![#(#body.to_owned()),*])),
        None => {
            quote!(::schema::Operation::default_body(::schema::OperationKind::#kind_variant, method, &schema, &path_params, &query))
        }
    };
    let operation_id = match &spec.operation_id {
        Some(id) => quote!(#id.to_owned()),
        None => quote!(::schema::Operation::default_operation_id(::schema::OperationKind::#kind_variant, #short_name)),
    };
    let success = if spec.success.is_empty() {
        quote!(::schema::Operation::default_success(::schema::OperationKind::#kind_variant))
    } else {
        let codes = &spec.success;
        quote!(vec![#(#codes),*])
    };
    let summary = spec.summary.clone().unwrap_or_default();
    let description = spec.description.clone().unwrap_or_default();
    let errors = &spec.errors;
    let unset = match &spec.unset {
        Some(rule) if rule.value() == "null" => quote!(::schema::Unset::Null),
        Some(rule) if rule.value() == "omit" => quote!(::schema::Unset::Omit),
        Some(rule) => {
            let message = format!("`unset` is \"null\" or \"omit\", not {:?}", rule.value());
            quote_spanned!(rule.span()=> compile_error!(#message))
        }
        None => quote!(::schema::Unset::default_for(method)),
    };
    let idempotency_key = option_string(&spec.idempotency_key);
    quote! {
        {
            let method = ::schema::Method::#method;
            let bindings: ::schema::derive::Bindings = [#(#bindings),*].into_iter().collect();
            let path_params = ::schema::Operation::bind_path_params(#path, &bindings);
            let query: ::std::vec::Vec<::std::string::String> = vec![#(#query.to_owned()),*];
            operations.#kind = ::core::option::Option::Some(::schema::Operation {
                method,
                path: #path.to_owned(),
                operation_id: #operation_id,
                summary: #summary.to_owned(),
                description: #description.to_owned(),
                body: #body,
                path_params,
                query,
                success: #success,
                errors: vec![#(#errors.to_owned()),*],
                unset: #unset,
                idempotency_key: #idempotency_key,
                body_names: ::core::default::Default::default(),
                empty_answer: false,
                then: ::std::vec::Vec::new(),
                body_field: ::core::option::Option::None,
                answer_field: ::core::option::Option::None,
                wait: ::core::option::Option::None,
                adopt: ::core::option::Option::None,
                paging: ::core::option::Option::None,
            });
        }
    }
}

/// `impl Resource`.
pub fn resource(input: &syn::DeriveInput, container: &Container, short_name: &str, type_name: &str) -> TokenStream {
    let ident = &input.ident;
    let operations = container.operations.iter().map(|spec| operation(spec, short_name));
    let description = container.description.clone().unwrap_or_default();
    let subcategory = option_string(&container.subcategory);
    let deprecation = option_string(&container.deprecation);
    let id_attribute = match &container.id {
        Some(id) => quote!(::core::option::Option::Some(#id.to_owned())),
        None => quote!(schema.attributes.contains_key("id").then(|| "id".to_owned())),
    };
    let import = match &container.import_id {
        Some(template) => quote! {
            ::core::option::Option::Some(::schema::Import { id: #template.to_owned(), attributes: ::schema::placeholders(#template) })
        },
        None => quote! {
            id_attribute.as_ref().map(|id| ::schema::Import { id: format!("{{{id}}}"), attributes: vec![id.clone()] })
        },
    };
    let timeouts_block = container.timeouts_block.unwrap_or(true);
    quote! {
        impl ::schema::derive::Resource for #ident {
            const TYPE: &'static str = #type_name;

            fn resource() -> ::schema::Resource {
                let schema = <Self as ::schema::derive::Attributes>::object();
                let mut operations = ::schema::Operations::default();
                #(#operations)*
                let id_attribute = #id_attribute;
                let import = #import;
                let mut timeouts = ::schema::Timeouts::defaults(&operations, false);
                timeouts.block = #timeouts_block;
                ::schema::Resource {
                    description: #description.to_owned(),
                    subcategory: #subcategory,
                    deprecation: #deprecation,
                    schema,
                    operations,
                    id_attribute,
                    import,
                    identity: ::core::option::Option::None,
                    timeouts,
                    version: 0,
                    upgrades: ::std::vec::Vec::new(),
                    moved_from: ::std::vec::Vec::new(),
                    renew_every: ::core::option::Option::None,
                }
            }
        }
    }
}
