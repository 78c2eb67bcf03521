//! The pages of a list the schema says is paged (`paging:`): a few objects per page, in an envelope that
//! holds them where the operation's `answer_field` says (else `items`), with the next page's cursor or link
//! where `paging` says (or, paged by offset or page number, the page the query asks for), so a reader
//! that stops at the first page misses objects.

use std::collections::BTreeMap;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use schema::{Operation, Paging};
use serde_json::{Map, Value};

/// How many objects a page holds.
pub const PAGE_SIZE: usize = 2;

/// The query parameter the fake's own next-page links carry.
const LINK_PARAM: &str = "page_from";

/// The query parameter that says which page is asked for, where the operation pages.
pub fn param(operation: &Operation) -> Option<&str> {
    match &operation.paging {
        Some(Paging::Cursor { param, .. }) => Some(param),
        Some(Paging::Link { .. }) => Some(LINK_PARAM),
        Some(Paging::Offset { offset }) => Some(offset),
        Some(Paging::Page { page, .. }) => Some(page),
        None => None,
    }
}

/// The page of `items` (each with the key the store orders it by) the request's `query` asks for (the
/// first without a page parameter), for `operation` with its path filled from `params`. A page's token is
/// the key of its last object, so objects added or removed while a client pages neither repeat nor go
/// missing.
pub fn page(
    operation: &Operation,
    paging: &Paging,
    params: &BTreeMap<String, String>,
    query: &[(String, String)],
    items: Vec<(&String, Value)>,
) -> Result<Value, String> {
    let asked = param(operation).unwrap_or_default();
    let given = query.iter().find(|(name, _)| name == asked).map(|(_, value)| value.as_str());
    let count = |text: &str| text.parse::<usize>().map_err(|_| format!("`{asked}={text}` is not a whole number"));
    let start = match (paging, given) {
        (Paging::Offset { .. }, Some(offset)) => count(offset)?.min(items.len()),
        (Paging::Page { first, .. }, Some(number)) => {
            let number = count(number)?;
            let index = number.checked_sub(*first as usize).ok_or_else(|| format!("pages start at {first}"))?;
            index.saturating_mul(PAGE_SIZE).min(items.len())
        }
        (Paging::Page { .. } | Paging::Offset { .. }, None) => 0,
        (_, Some(token)) => {
            let after = unhex(token).ok_or_else(|| format!("`{token}` is not a page this API gave"))?;
            items.iter().position(|(key, _)| **key > after).unwrap_or(items.len())
        }
        (_, None) => 0,
    };
    let end = (start + PAGE_SIZE).min(items.len());
    let page: Vec<Value> = items[start..end].iter().map(|(_, item)| item.clone()).collect();
    let mut envelope = Value::Object(Map::new());
    insert_at(&mut envelope, operation.answer_field.as_deref().unwrap_or("items"), Value::Array(page));
    if end < items.len() {
        let next = hex(items[end - 1].0);
        match paging {
            // The reader asks for the next page itself.
            Paging::Offset { .. } | Paging::Page { .. } => {}
            Paging::Cursor { cursor, .. } => insert_at(&mut envelope, cursor, Value::String(next)),
            Paging::Link { link } => {
                let path = schema::template::expand(&operation.path, |name| {
                    params.get(name).map(|value| utf8_percent_encode(value, NON_ALPHANUMERIC).to_string())
                });
                let mut pairs: Vec<String> = query
                    .iter()
                    .filter(|(name, _)| name != asked)
                    .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
                    .collect();
                pairs.push(format!("{LINK_PARAM}={next}"));
                insert_at(&mut envelope, link, Value::String(format!("{path}?{}", pairs.join("&"))));
            }
        }
    }
    Ok(envelope)
}

/// A key as a page token.
fn hex(key: &str) -> String {
    key.bytes().map(|byte| format!("{byte:02x}")).collect()
}

/// The key a page token holds.
fn unhex(token: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = (0..token.len())
        .step_by(2)
        .map(|at| token.get(at..at + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
        .collect();
    String::from_utf8(bytes?).ok()
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

/// Sets the field at the dotted `path` of `object`, making the objects on the way.
fn insert_at(object: &mut Value, path: &str, value: Value) {
    let mut level = object;
    let mut names = path.split('.').peekable();
    while let Some(name) = names.next() {
        let Value::Object(fields) = level else { return };
        if names.peek().is_none() {
            fields.insert(name.to_owned(), value);
            return;
        }
        level = fields.entry(name.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    }
}
