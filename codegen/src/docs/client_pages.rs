//! SDK docs for the generated Rust client: one page per resource with its operations, a usage example
//! for each, the parameters, the response and the errors.

use std::fmt::Write;

use heck::ToUpperCamelCase;
use quote::quote;
use schema::{Nested, NestingMode, Object, Operation, OperationKind, Provider, Resource, Type, Value};
use serde_json::{Map, Value as Json};

use super::DocsError;
use crate::client::format_file;
use crate::client::names::{field_ident, type_ident, unraw};
use crate::client::signature::{Place, Returns, Signature};

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
    let signature = Signature::new(kind, operation, resource);
    let mut rows = vec![["Parameter".to_owned(), "Type".to_owned(), "Required".to_owned(), "Description".to_owned()]];
    for argument in &signature.arguments {
        let required = if argument.required { ":heavy_check_mark:" } else { ":heavy_minus_sign:" }.to_owned();
        rows.push(match (&signature.body, argument.attribute) {
            (Some(body), None) => [
                format!("`{}`", argument.ident),
                format!("[&{body}](#{})", kind.key()),
                required,
                format!("The body of the {} request.", kind.key()),
            ],
            (_, attribute) => [
                format!("`{}`", unraw(&argument.ident)),
                format!("*{}*", argument.value_type()),
                required,
                attribute.map(|attribute| one_line(&attribute.description)).unwrap_or_default(),
            ],
        });
    }
    section.push_str(&table(&rows));
    let response = match signature.returns {
        Returns::Nothing => "()".to_owned(),
        Returns::Models => format!("Vec<{module}::{model}>", module = unraw(&module)),
        Returns::Model => format!("{}::{model}", unraw(&module)),
    };
    writeln!(section, "\n### Response\n\n**`{}::Result<{response}>`**\n\n### Errors\n", provider.name).ok();
    let mut errors = vec![["Error Type".to_owned(), "Status Code".to_owned(), "Content Type".to_owned()]];
    for name in &operation.errors {
        let error = provider.error_type(name);
        errors.push([format!("ApiError::{}", type_ident(name)), error.status.to_string(), error.content_type.clone()]);
    }
    errors.push(["runtime::Error::Unexpected".to_owned(), "4XX, 5XX".to_owned(), "\\*/\\*".to_owned()]);
    section.push_str(&table(&errors));
    Ok(section)
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
    let accessor = crate::client::names::accessor_ident(provider, short, false);
    let method = quote::format_ident!("{}", kind.key());
    let signature = Signature::new(kind, operation, resource);
    let mut args: Vec<proc_macro2::TokenStream> = signature
        .arguments
        .iter()
        .filter(|argument| argument.place != Place::Body)
        .map(|argument| {
            example_argument(argument.name, argument.attribute.map(|attribute| &attribute.ty), argument.required)
        })
        .collect();
    let body = signature.body.as_ref().map(|body_type| {
        let json = serde_json::to_string_pretty(&body_example(provider, operation, resource)).unwrap_or_default();
        // A raw string keeps the JSON's lines, so the example shows the document as it is sent; it has more
        // `#`s than any run of them after a quote in the JSON (`"#microsoft.graph.user"`).
        let hashes = "#".repeat(longest_hash_run(&json) + 1);
        let literal: proc_macro2::TokenStream = format!("r{hashes}\"{json}\"{hashes}").parse().unwrap_or_default();
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
        let attribute = resource.schema.attribute(name);
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
    let object = object_example(provider, nested.members());
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

/// The longest run of `#` that follows a `"` in `text`, which a raw string holding it must outnumber.
fn longest_hash_run(text: &str) -> usize {
    text.split('"').skip(1).map(|after| after.chars().take_while(|c| *c == '#').count()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::longest_hash_run;

    #[test]
    fn raw_strings_outnumber_the_hashes_after_quotes() {
        assert_eq!(longest_hash_run(r#"{"a": 1}"#), 0);
        assert_eq!(longest_hash_run(r##"{"@odata.type": "#microsoft.graph.user"}"##), 1);
        assert_eq!(longest_hash_run(r###"{"x": "##y"}"###), 2);
    }
}
