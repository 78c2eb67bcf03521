//! SDK docs for the generated Rust client: one page per resource with its operations, a usage example
//! for each, the parameters, the response and the errors.

use std::fmt::Write;

use heck::ToUpperCamelCase;
use quote::quote;
use schema::{Mode, Nested, NestingMode, Object, Operation, OperationKind, Provider, Resource, Type, Value};
use serde_json::{Map, Value as Json};

use super::DocsError;
use crate::client::format_file;
use crate::client::names::{field_ident, type_ident, unraw};

/// The SDK page of one resource.
pub fn resource_page(provider: &Provider, type_name: &str, resource: &Resource) -> Result<String, DocsError> {
    let short = provider.short_name(type_name);
    let title = schema::names::plural(short).to_upper_camel_case();
    let mut page =
        format!("# {title}\n\n## Overview\n\n{}\n\n### Available Operations\n\n", resource.description.trim());
    for (kind, operation) in resource.operations.iter() {
        let summary = if operation.summary.is_empty() { kind.key() } else { operation.summary.trim() };
        writeln!(page, "* [{}](#{}) - {summary}", kind.key(), kind.key()).ok();
    }
    for (kind, operation) in resource.operations.iter() {
        page.push('\n');
        page.push_str(&operation_section(provider, short, kind, operation, resource)?);
    }
    Ok(page)
}

fn operation_section(
    provider: &Provider,
    short: &str,
    kind: OperationKind,
    operation: &Operation,
    resource: &Resource,
) -> Result<String, DocsError> {
    let module = field_ident(short);
    let model = type_ident(short);
    let mut section = format!("## {}\n\n", kind.key());
    if !operation.description.trim().is_empty() {
        writeln!(section, "{}\n", operation.description.trim()).ok();
    } else if !operation.summary.is_empty() {
        writeln!(section, "{}\n", operation.summary.trim()).ok();
    }
    writeln!(section, "`{} {}`\n", operation.method.as_str(), operation.path).ok();
    section.push_str("### Example Usage\n\n```rust\n");
    section.push_str(&example(provider, short, kind, operation, resource)?);
    section.push_str("```\n\n### Parameters\n\n");
    let mut rows = vec![["Parameter".to_owned(), "Type".to_owned(), "Required".to_owned(), "Description".to_owned()]];
    let mut seen = Vec::new();
    for name in operation.path_params.iter().map(|param| &param.attribute).chain(&operation.query) {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let Some(attribute) = resource.schema.attributes.get(name) else { continue };
        let required =
            operation.path_params.iter().any(|param| &param.attribute == name) || attribute.mode == Mode::Required;
        rows.push([
            format!("`{}`", unraw(&field_ident(name))),
            format!("*{}*", argument_type(&attribute.ty)),
            if required { ":heavy_check_mark:" } else { ":heavy_minus_sign:" }.to_owned(),
            one_line(&attribute.description),
        ]);
    }
    if has_body(kind, operation) {
        let body = if kind == OperationKind::Create { "CreateRequest" } else { "UpdateRequest" };
        rows.push([
            "`body`".to_owned(),
            format!("[&{body}](#{})", kind.key()),
            ":heavy_check_mark:".to_owned(),
            format!("The body of the {} request.", kind.key()),
        ]);
    }
    section.push_str(&table(&rows));
    let response = match kind {
        OperationKind::Delete => "()".to_owned(),
        OperationKind::List => format!("Vec<{module}::{model}>", module = unraw(&module)),
        _ => format!("{}::{model}", unraw(&module)),
    };
    writeln!(section, "\n### Response\n\n**`{}::Result<{response}>`**\n\n### Errors\n", provider.name).ok();
    let mut errors = vec![["Error Type".to_owned(), "Status Code".to_owned(), "Content Type".to_owned()]];
    for name in &operation.errors {
        if let Some(error) = provider.errors.get(name) {
            errors.push([
                format!("ApiError::{}", type_ident(name)),
                error.status.to_string(),
                error.content_type.clone(),
            ]);
        }
    }
    errors.push(["runtime::Error::Unexpected".to_owned(), "4XX, 5XX".to_owned(), "\\*/\\*".to_owned()]);
    section.push_str(&table(&errors));
    Ok(section)
}

fn has_body(kind: OperationKind, operation: &Operation) -> bool {
    matches!(kind, OperationKind::Create | OperationKind::Update)
        && operation.body.as_ref().is_some_and(|body| !body.is_empty())
}

/// A complete program calling the operation, formatted by prettyplease.
fn example(
    provider: &Provider,
    short: &str,
    kind: OperationKind,
    operation: &Operation,
    resource: &Resource,
) -> Result<String, DocsError> {
    let crate_ident = field_ident(&provider.name);
    let module = field_ident(short);
    let accessor = crate::client::names::accessor_ident(short, false);
    let method = quote::format_ident!("{}", kind.key());
    let mut args = Vec::new();
    let mut seen = Vec::new();
    for param in &operation.path_params {
        if seen.contains(&&param.attribute) {
            continue;
        }
        seen.push(&param.attribute);
        args.push(example_argument(
            &param.attribute,
            resource.schema.attributes.get(&param.attribute).map(|attribute| &attribute.ty),
            true,
        ));
    }
    for name in &operation.query {
        let attribute = resource.schema.attributes.get(name);
        let required = attribute.is_some_and(|attribute| attribute.mode == Mode::Required);
        args.push(example_argument(name, attribute.map(|attribute| &attribute.ty), required));
    }
    let body = has_body(kind, operation).then(|| {
        let json = serde_json::to_string_pretty(&body_example(provider, operation, resource)).unwrap_or_default();
        // A raw string keeps the JSON's lines, so the example shows the document as it is sent.
        let literal: proc_macro2::TokenStream = format!("r#\"{json}\"#").parse().unwrap_or_default();
        let body_type = if kind == OperationKind::Create {
            quote::format_ident!("CreateRequest")
        } else {
            quote::format_ident!("UpdateRequest")
        };
        args.push(quote!(&body));
        quote!(let body: #crate_ident::#module::#body_type = serde_json::from_str(#literal)?;)
    });
    let credential = if provider.auth.is_some() { quote!(Some("<YOUR_TOKEN>".to_owned())) } else { quote!(None) };
    let tokens = quote! {
        #[tokio::main]
        async fn main() -> Result<(), Box<dyn std::error::Error>> {
            let client = #crate_ident::Client::from_settings(None, #credential)?;
            #body
            let result = client.#accessor().#method(#(#args),*).await?;
            println!("{result:?}");
            Ok(())
        }
    };
    format_file(tokens).map_err(|error| DocsError::new(error.to_string()))
}

fn example_argument(name: &str, ty: Option<&Type>, required: bool) -> proc_macro2::TokenStream {
    let value = match ty {
        Some(Type::Int64) => quote!(1),
        Some(Type::Float64 | Type::Number) => quote!(1.0),
        Some(Type::Bool) => quote!(true),
        _ => {
            let placeholder = format!("<{name}>");
            quote!(#placeholder)
        }
    };
    if required { value } else { quote!(Some(#value)) }
}

/// The request body as JSON, with placeholder values of the right types and the first variant of each
/// one-of group.
fn body_example(provider: &Provider, operation: &Operation, resource: &Resource) -> Json {
    let mut body = Map::new();
    let mut groups_done = Vec::new();
    for name in operation.body.iter().flatten() {
        let Some(attribute) = resource.schema.attributes.get(name) else { continue };
        let group = resource
            .schema
            .one_of
            .iter()
            .find(|(_, group)| group.variants.iter().any(|variant| &variant.attribute == name));
        match group {
            Some((group_name, group)) => {
                if groups_done.contains(group_name)
                    || group.variants.first().map(|variant| &variant.attribute) != Some(name)
                {
                    continue;
                }
                groups_done.push(group_name.clone());
                if let Some(field) = &group.discriminator {
                    body.insert(field.clone(), Json::String(group.variants[0].tag.clone()));
                }
                if let Json::Object(fields) = type_example(provider, &attribute.ty) {
                    body.extend(fields);
                }
            }
            None => {
                let value = match &attribute.default {
                    Some(default) => value_json(default),
                    None => type_example(provider, &attribute.ty),
                };
                body.insert(attribute.api_name.clone(), value);
            }
        }
    }
    Json::Object(body)
}

fn type_example(provider: &Provider, ty: &Type) -> Json {
    match ty {
        Type::String => Json::String("string".to_owned()),
        Type::Int64 | Type::Number => Json::from(0),
        Type::Float64 => Json::from(0.0),
        Type::Bool => Json::Bool(false),
        Type::Dynamic | Type::Object(_) | Type::Tuple(_) => Json::Object(Map::new()),
        Type::List(element) | Type::Set(element) => Json::Array(vec![type_example(provider, element)]),
        Type::Map(element) => Json::Object(Map::from_iter([("key".to_owned(), type_example(provider, element))])),
        Type::Nested(nested) => nested_example(provider, nested),
    }
}

fn nested_example(provider: &Provider, nested: &Nested) -> Json {
    let object = provider.object(&nested.object).map(|object| object_example(provider, object)).unwrap_or_default();
    match nested.mode {
        NestingMode::Single => object,
        NestingMode::List | NestingMode::Set => Json::Array(vec![object]),
        NestingMode::Map => Json::Object(Map::from_iter([("key".to_owned(), object)])),
    }
}

fn object_example(provider: &Provider, object: &Object) -> Json {
    Json::Object(
        object
            .attributes
            .values()
            .filter(|attribute| attribute.mode.is_configurable())
            .map(|attribute| (attribute.api_name.clone(), type_example(provider, &attribute.ty)))
            .collect(),
    )
}

fn value_json(value: &Value) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

fn argument_type(ty: &Type) -> &'static str {
    match ty {
        Type::Int64 => "i64",
        Type::Float64 | Type::Number => "f64",
        Type::Bool => "bool",
        _ => "&str",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// A markdown table whose columns are all padded to the widest cell, as in the seed page.
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let width = rows.iter().flatten().map(|cell| cell.chars().count()).max().unwrap_or(0);
    let line = |cells: &[String; N]| {
        let cells: Vec<String> = cells.iter().map(|cell| format!("{cell:<width$}")).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = String::new();
    for (index, row) in rows.iter().enumerate() {
        out.push_str(&line(row));
        if index == 0 {
            let rule = std::array::from_fn(|_| "-".repeat(width));
            out.push_str(&line(&rule));
        }
    }
    out
}
