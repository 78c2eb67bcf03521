//! A resource's `list` operation: the GET on the collection its item path is in (`GET
//! /stores/{store_id}/customers` beside `GET /stores/{store_id}/customers/{id}`), where its answer keeps
//! the objects (the answer itself, or the one list an envelope holds), and how it pages: as its
//! `x-speakeasy-pagination` says (a cursor or an offset or page number taken in a query parameter, or a
//! next-page URL), else by the names of what the answer holds beside the list: a field named as a query
//! parameter, or `next` and that name (`next_cursor` for `?cursor=`, `nextPageToken` for `?pageToken=`),
//! or a bare `next` its description calls a cursor or token, is the cursor; a field whose name says it is
//! a link or URL to the next page, or that is a URI, or a bare `next` its description calls a URL or link,
//! is the link; else an integer query parameter named `offset` or `skip` takes the count read so far, and one
//! named `page` (or `page_number`) the page's number, from its minimum or default (else 1).

use indexmap::IndexMap;
use serde_json::Value;

use crate::entities::{Entity, Role};
use crate::fields::Field;
use crate::infer::Inference;
use crate::shape::{Kind, Shape};
use schema::model::{Object, Operation, OperationKind, Paging};

impl<'d> Inference<'_, 'd> {
    /// The resource's `list` operation, where the entity has one whose answer holds a list of the
    /// resource's objects (each with the fields its `read` addresses it by); what keeps one from being
    /// made, or from reading past the first page, is reported.
    pub(crate) fn list(
        &mut self,
        entity: &Entity<'d>,
        fields: &IndexMap<String, Field>,
        schema: &Object,
        name: &str,
        read: Option<&Operation>,
    ) -> Option<Operation> {
        let role = entity.main(OperationKind::List, false)?;
        let api = &role.operation;
        let asked = format!("{} {}", api.method.as_str(), api.path);
        let Some((_, answer)) = self.response_root(api) else {
            self.report.push(format!("{name}: `{asked}` answers no JSON; it is not the resource's list"));
            return None;
        };
        let Some(field) = objects_field(&answer) else {
            self.report
                .push(format!("{name}: `{asked}` answers no single list of objects; it is not the resource's list"));
            return None;
        };
        let mut operation = self.operation(role, fields, schema, name, false);
        let named = api.path.matches('{').count();
        if operation.path_params.len() != named {
            self.report.push(format!(
                "{name}: `{asked}` takes a path parameter no attribute of the resource holds; it is not the \
                 resource's list"
            ));
            return None;
        }
        // What the read takes in its path, beyond what the list does, each object listed must hold.
        let item = items(&answer, field.as_deref());
        let missing: Vec<&str> = read
            .into_iter()
            .flat_map(|read| &read.path_params)
            .filter(|param| operation.path_params.iter().all(|own| own.attribute != param.attribute))
            .filter_map(|param| schema.attributes.get(&param.attribute))
            .map(|attribute| attribute.answered_as())
            .filter(|answered| item.is_some_and(|item| !holds_field(item, answered)))
            .collect();
        if !missing.is_empty() {
            self.report.push(format!(
                "{name}: the objects `{asked}` lists hold no `{}` at their top, by which the read addresses one; it \
                 is not the resource's list",
                missing.join("`, `")
            ));
            return None;
        }
        operation.answer_field = field;
        operation.body = None;
        operation.paging = self.paging(role, &answer, operation.answer_field.as_deref(), name, &asked);
        Some(operation)
    }

    /// How the list pages, if it does in a way the format describes.
    fn paging(
        &mut self,
        role: &Role<'d>,
        answer: &Shape,
        objects: Option<&str>,
        name: &str,
        asked: &str,
    ) -> Option<Paging> {
        if let Some(declared) = role.operation.value.get("x-speakeasy-pagination") {
            let paging = declared_paging(declared);
            if paging.is_none() {
                let kind = declared.get("type").and_then(Value::as_str).unwrap_or("unnamed");
                self.report.push(format!(
                    "{name}: `{asked}` pages by {kind} (`x-speakeasy-pagination`) in a way the format does not \
                     describe (it does a cursor, an offset or a page number in a query parameter, and a next-page \
                     URL): only its first page is listed"
                ));
            }
            return paging;
        }
        let parameters: Vec<(String, Shape)> = self
            .parameters(&role.operation)
            .into_iter()
            .filter(|(_, param)| !param.in_path)
            .map(|(param_name, param)| (param_name, param.shape))
            .collect();
        let query: Vec<String> = parameters.iter().map(|(param_name, _)| param_name.clone()).collect();
        let mut beside = Vec::new();
        strings_beside(answer, objects, "", 0, &mut beside);
        // A bare `next` is a cursor or a link as its description says.
        let says = |shape: &Shape, words: &[&str]| {
            let description = shape.description.to_lowercase();
            words.iter().any(|word| description.contains(word))
        };
        let token_param = || query.iter().find(|param| names_token(&normalized(param)));
        let cursor = beside.iter().find_map(|(path, shape)| {
            let last = normalized(path.rsplit('.').next().unwrap_or(path));
            if last == "next" && says(shape, &["cursor", "token"]) && !says(shape, &["url", "link"]) {
                let param = token_param()?;
                return Some(Paging::Cursor { cursor: path.clone(), param: param.clone() });
            }
            // A field named as the parameter itself must be named as a page token (`continue`), not as a
            // filter the answer echoes (`name`).
            let param = query.iter().find(|param| {
                let param = normalized(param);
                (last == param && names_paging(&param)) || last == format!("next{param}")
            })?;
            Some(Paging::Cursor { cursor: path.clone(), param: param.clone() })
        });
        let link = || {
            beside.iter().find_map(|(path, shape)| {
                let last = normalized(path.rsplit('.').next().unwrap_or(path));
                let uri = matches!(shape.format.as_deref(), Some("uri" | "url" | "uri-reference"));
                let names_link =
                    last.starts_with("next") && ["url", "link", "href"].iter().any(|word| last.contains(word));
                let next_uri =
                    uri && (last.starts_with("next") || path.split('.').any(|part| normalized(part) == "next"));
                let bare_next_url = last == "next" && says(shape, &["url", "link"]);
                (names_link || next_uri || bare_next_url).then(|| Paging::Link { link: path.clone() })
            })
        };
        let counted = || {
            parameters.iter().find_map(|(param, shape)| {
                if !matches!(shape.kind, Kind::Integer) {
                    return None;
                }
                match normalized(param).as_str() {
                    "offset" | "skip" => Some(Paging::Offset { offset: param.clone() }),
                    "page" | "pagenumber" => Some(Paging::Page { page: param.clone(), first: first_page(shape) }),
                    _ => None,
                }
            })
        };
        let paging = cursor.or_else(link).or_else(counted);
        if paging.is_none() && query.iter().any(|param| names_paging(&normalized(param))) {
            self.report.push(format!(
                "{name}: `{asked}` seems to page ({}), but its answer holds no cursor or next-page link by a name \
                 that says so, and no integer `offset` or `page` parameter takes the place: only its first page is \
                 listed",
                query.join(", ")
            ));
        }
        paging
    }
}

/// Where an answer keeps its objects: `Some(None)` for an answer that is the list, `Some(Some(path))` for
/// the one list of objects an envelope holds (at its top, else one level down), `None` where there is no
/// such list or more than one.
fn objects_field(answer: &Shape) -> Option<Option<String>> {
    let object_list = |shape: &Shape| match &shape.kind {
        Kind::Array { items, .. } => matches!(items.kind, Kind::Object(_) | Kind::Union(_)),
        _ => false,
    };
    if object_list(answer) {
        return Some(None);
    }
    let Kind::Object(envelope) = &answer.kind else { return None };
    let top: Vec<&String> =
        envelope.properties.iter().filter(|(_, shape)| object_list(shape)).map(|(name, _)| name).collect();
    match top[..] {
        [one] => return Some(Some(one.clone())),
        [] => {}
        _ => return None,
    }
    let mut below = Vec::new();
    for (outer, shape) in &envelope.properties {
        if let Kind::Object(inner) = &shape.kind {
            below.extend(
                inner
                    .properties
                    .iter()
                    .filter(|(_, shape)| object_list(shape))
                    .map(|(name, _)| format!("{outer}.{name}")),
            );
        }
    }
    match below.as_slice() {
        [one] => Some(Some(one.clone())),
        _ => None,
    }
}

/// The shape of each object of the list at `field` (the answer itself without one).
fn items<'s>(answer: &'s Shape, field: Option<&str>) -> Option<&'s Shape> {
    let mut list = answer;
    for name in field.into_iter().flat_map(|field| field.split('.')) {
        let Kind::Object(object) = &list.kind else { return None };
        list = object.properties.get(name)?;
    }
    match &list.kind {
        Kind::Array { items, .. } => Some(items),
        _ => None,
    }
}

/// Whether objects of `item`'s shape hold the field `name` at their top (every variant of a one-of does).
fn holds_field(item: &Shape, name: &str) -> bool {
    match &item.kind {
        Kind::Object(object) => object.properties.contains_key(name),
        Kind::Union(union) => union.variants.iter().all(|variant| holds_field(variant, name)),
        _ => false,
    }
}

/// The text fields an answer holds beside its list of objects (at `objects`): at its top and one level in,
/// by dotted path.
fn strings_beside(shape: &Shape, objects: Option<&str>, prefix: &str, depth: usize, found: &mut Vec<(String, Shape)>) {
    let Kind::Object(object) = &shape.kind else { return };
    for (name, property) in &object.properties {
        let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        if Some(path.as_str()) == objects {
            continue;
        }
        match &property.kind {
            Kind::String => found.push((path, property.clone())),
            Kind::Object(_) if depth < 1 => strings_beside(property, objects, &path, depth + 1, found),
            _ => {}
        }
    }
}

/// The number of a page-number parameter's first page: its minimum or default, where 0 or 1, else 1.
fn first_page(shape: &Shape) -> u64 {
    let default = shape.default.as_ref().and_then(Value::as_u64);
    let minimum = shape.range.0.filter(|minimum| *minimum == 0.0 || *minimum == 1.0).map(|minimum| minimum as u64);
    minimum.or(default.filter(|default| *default <= 1)).unwrap_or(1)
}

/// Whether a (normalized) parameter name says it asks for a page.
fn names_paging(param: &str) -> bool {
    names_token(param) || ["page", "offset"].iter().any(|word| param.contains(word))
}

/// Whether a (normalized) parameter name says it takes a page token.
fn names_token(param: &str) -> bool {
    ["cursor", "token", "after", "marker", "continue"].iter().any(|word| param.contains(word))
}

/// A name compared regardless of case and separators (`next_page_token`, `nextPageToken`).
fn normalized(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The paging an `x-speakeasy-pagination` declares, where the format describes it: a cursor taken in a
/// query parameter (`inputs: [{in: parameters, type: cursor, name}]`, `outputs: {nextCursor: $.path}`),
/// an offset or page number taken in one (`type: offsetLimit`, an input of `type: offset` or `page`,
/// pages numbered from 1), or a next-page URL (`type: url`, `outputs: {nextUrl: $.path}`).
fn declared_paging(declared: &Value) -> Option<Paging> {
    let output = |key: &str| {
        let path = declared.pointer(&format!("/outputs/{key}"))?.as_str()?.strip_prefix("$.")?;
        path.split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
            .then(|| path.to_owned())
    };
    let input = |kind: &str| {
        let inputs = declared.get("inputs")?.as_array()?;
        let input = inputs.iter().find(|input| {
            input.get("in").and_then(Value::as_str) == Some("parameters")
                && input.get("type").and_then(Value::as_str) == Some(kind)
        })?;
        input.get("name")?.as_str().map(str::to_owned)
    };
    match declared.get("type").and_then(Value::as_str)? {
        "cursor" => Some(Paging::Cursor { cursor: output("nextCursor")?, param: input("cursor")? }),
        "offsetLimit" => match (input("offset"), input("page")) {
            (Some(offset), _) => Some(Paging::Offset { offset }),
            (None, Some(page)) => Some(Paging::Page { page, first: 1 }),
            (None, None) => None,
        },
        "url" => Some(Paging::Link { link: output("nextUrl")? }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn declared_paging_the_format_describes() {
        let cursor = json!({"type": "cursor", "inputs": [{"in": "parameters", "name": "after", "type": "cursor"}],
            "outputs": {"nextCursor": "$.meta.next"}});
        assert_eq!(
            declared_paging(&cursor),
            Some(Paging::Cursor { cursor: "meta.next".into(), param: "after".into() })
        );
        let url = json!({"type": "url", "outputs": {"nextUrl": "$.links.next"}});
        assert_eq!(declared_paging(&url), Some(Paging::Link { link: "links.next".into() }));
        let in_body = json!({"type": "cursor", "inputs": [{"in": "requestBody", "name": "pageToken", "type": "cursor"}],
            "outputs": {"nextCursor": "$.nextPageToken"}});
        assert_eq!(declared_paging(&in_body), None, "a cursor sent in a body");
        let offset = json!({"type": "offsetLimit", "inputs": [{"in": "parameters", "name": "skip", "type": "offset"},
            {"in": "parameters", "name": "limit", "type": "limit"}]});
        assert_eq!(declared_paging(&offset), Some(Paging::Offset { offset: "skip".into() }));
        let page = json!({"type": "offsetLimit", "inputs": [{"in": "parameters", "name": "p", "type": "page"}]});
        assert_eq!(declared_paging(&page), Some(Paging::Page { page: "p".into(), first: 1 }));
        let offset_in_body =
            json!({"type": "offsetLimit", "inputs": [{"in": "requestBody", "name": "offset", "type": "offset"}]});
        assert_eq!(declared_paging(&offset_in_body), None);
        let filtered = json!({"type": "url", "outputs": {"nextUrl": "$.links[0].href"}});
        assert_eq!(declared_paging(&filtered), None, "a JSONPath beyond dotted names");
    }

    #[test]
    fn names_compare_regardless_of_case_and_separators() {
        assert_eq!(normalized("next_page_token"), normalized("nextPageToken"));
        assert_eq!(normalized("page-token"), "pagetoken");
    }
}
