//! Listings that span pages: where each answer keeps its objects, and how it leads to the next page (a
//! cursor sent back as a query parameter, a link on the API's server, the count of objects read so far,
//! or the next page's number). The typed clients' `list` calls and the provider's listings (adoption,
//! list resources) read pages alike, through [`Pages`].

use serde_json::Value;

use crate::client::{Request, Transport};
use crate::error::{ApiErrorKind, Error};

/// The most pages one listing reads: past it the API is taken to page without end.
pub const MOST_PAGES: usize = 10_000;

/// How a listing's answers are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listing<'a> {
    /// The dotted path of the field that holds the objects, where the answer is not the list itself;
    /// without one, an answer that is an object holding exactly one list gives that list.
    pub field: Option<&'a str>,
    /// Where the next page is; `None` when each listing is one answer.
    pub paging: Option<Paging<'a>>,
}

impl<'a> Listing<'a> {
    /// How the answers of a schema's `list` operation are read.
    pub fn of(operation: &'a schema::Operation) -> Self {
        let paging = operation.paging.as_ref().map(|paging| match paging {
            schema::Paging::Cursor { cursor, param } => Paging::Cursor { cursor, param },
            schema::Paging::Link { link } => Paging::Link { link },
            schema::Paging::Offset { offset } => Paging::Offset { offset },
            schema::Paging::Page { page, first } => Paging::Page { page, first: *first },
        });
        Listing { field: operation.answer_field.as_deref(), paging }
    }
}

/// Where an answer says the next page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging<'a> {
    /// The answer's field at the dotted path `cursor` holds a token the next request sends as the query
    /// parameter `param`; no token (or an empty one) ends the listing.
    Cursor {
        /// Where the answer holds the token.
        cursor: &'a str,
        /// The query parameter that takes it.
        param: &'a str,
    },
    /// The answer's field at the dotted path `link` holds the next page's URL or its path on the API's
    /// server; no link ends the listing.
    Link {
        /// Where the answer holds the link.
        link: &'a str,
    },
    /// Each request after the first sends how many objects were read so far as the query parameter
    /// `offset`; a page without objects ends the listing.
    Offset {
        /// The query parameter that takes the count.
        offset: &'a str,
    },
    /// Each request sends the page's number as the query parameter `page`, the first numbered `first`; a
    /// page without objects ends the listing.
    Page {
        /// The query parameter that takes the number.
        page: &'a str,
        /// The first page's number.
        first: u64,
    },
}

/// Where the next page of a listing is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Next {
    /// The request itself.
    First,
    /// The request with the cursor the last page gave.
    Cursor(String),
    /// The path on the API's server the last page linked to.
    Link(String),
    /// The request with a query parameter (the offset's or the page number's) set to this.
    Counted(u64),
}

/// The pages of one listing, read one at a time.
pub struct Pages<'r> {
    transport: &'r Transport,
    request: Request<'r>,
    listing: Listing<'r>,
    next: Option<Next>,
    /// Pages read.
    read: usize,
    /// Objects read.
    objects: u64,
}

impl<'r> Pages<'r> {
    /// The pages `request` starts, read as `listing` says.
    pub fn new(transport: &'r Transport, request: Request<'r>, listing: Listing<'r>) -> Self {
        let next = match listing.paging {
            Some(Paging::Page { first, .. }) => Next::Counted(first),
            _ => Next::First,
        };
        Pages { transport, request, listing, next: Some(next), read: 0, objects: 0 }
    }

    /// The next page's objects; `None` once the last page was read. An answer that is not JSON, holds no
    /// list, links off the API's server, leads to itself or past [`MOST_PAGES`] is a decode error.
    pub async fn next_page<E: ApiErrorKind>(&mut self) -> Result<Option<Vec<Value>>, Error<E>> {
        let Some(next) = self.next.take() else { return Ok(None) };
        self.read += 1;
        let unreadable =
            |message: String, body: &[u8]| Error::Decode { message, body: String::from_utf8_lossy(body).into_owned() };
        if self.read > MOST_PAGES {
            let message = format!("the API gave more than {MOST_PAGES} pages of {}", self.request.path);
            return Err(unreadable(message, &[]));
        }
        let mut request = self.request.clone();
        let mut set = |param: &'r str, value: String| {
            request.query.retain(|(name, _)| *name != param);
            request.query.push((param, value));
        };
        match (&next, self.listing.paging) {
            (Next::Cursor(cursor), Some(Paging::Cursor { param, .. })) => set(param, cursor.clone()),
            (Next::Counted(count), Some(Paging::Offset { offset: param } | Paging::Page { page: param, .. })) => {
                set(param, count.to_string())
            }
            (Next::Link(path), _) => {
                request.path = path;
                request.path_params.clear();
                request.query.clear();
            }
            _ => {}
        }
        let response = self.transport.send::<E>(&request).await?;
        let asked = format!("{} {}", request.method.as_reqwest(), request.path);
        let json: Value = serde_json::from_slice(&response.body).map_err(|error| {
            unreadable(format!("{asked} answered {}: the answer is not JSON: {error}", response.status), &response.body)
        })?;
        let Some(listed) = objects(&json, self.listing.field) else {
            let message = format!("{asked} answered {}: the answer holds no list of objects", response.status);
            return Err(unreadable(message, &response.body));
        };
        let listed = listed.clone();
        self.next = match self.listing.paging {
            Some(Paging::Cursor { cursor, .. }) => text_at(&json, cursor).map(Next::Cursor),
            Some(Paging::Link { link }) => match text_at(&json, link) {
                Some(to) => Some(Next::Link(self.transport.path_on_server(&to).map_err(|problem| {
                    unreadable(format!("{asked}: the next page's link {problem}"), &response.body)
                })?)),
                None => None,
            },
            Some(Paging::Offset { .. }) if !listed.is_empty() => {
                Some(Next::Counted(self.objects + listed.len() as u64))
            }
            Some(Paging::Page { first, .. }) if !listed.is_empty() => {
                let number = match next {
                    Next::Counted(number) => number,
                    _ => first,
                };
                Some(Next::Counted(number + 1))
            }
            Some(Paging::Offset { .. } | Paging::Page { .. }) | None => None,
        };
        self.objects += listed.len() as u64;
        // A page that leads to itself would be read for ever.
        if self.next.as_ref() == Some(&next) {
            let message = format!("{asked} answered a next page that is the page itself: the listing does not end");
            return Err(unreadable(message, &response.body));
        }
        Ok(Some(listed))
    }

    /// Every page's objects, in order.
    pub async fn all<E: ApiErrorKind>(mut self) -> Result<Vec<Value>, Error<E>> {
        let mut listed = Vec::new();
        while let Some(page) = self.next_page().await? {
            listed.extend(page);
        }
        Ok(listed)
    }

    /// Every page's objects, each read by `read` (a model's `from_json`).
    pub async fn models<T, E: ApiErrorKind>(
        self,
        read: fn(Value) -> Result<T, serde_json::Error>,
    ) -> Result<Vec<T>, Error<E>> {
        self.all()
            .await?
            .into_iter()
            .map(|item| {
                let body = item.to_string();
                read(item).map_err(|error| Error::Decode { message: error.to_string(), body })
            })
            .collect()
    }
}

/// The objects of an answer: the answer itself where it is a list, else the list at `field`, else the one
/// list an object such as `{"items": [...], "next": ...}` holds.
fn objects<'v>(json: &'v Value, field: Option<&str>) -> Option<&'v Vec<Value>> {
    match (json, field) {
        (Value::Array(items), _) => Some(items),
        (_, Some(field)) => at(json, field).and_then(Value::as_array),
        (Value::Object(fields), None) => {
            let mut lists = fields.values().filter_map(Value::as_array);
            lists.next().filter(|_| lists.next().is_none())
        }
        _ => None,
    }
}

/// The text (or number) at a dotted path; `None` where there is none or it is empty.
fn text_at(json: &Value, path: &str) -> Option<String> {
    match at(json, path)? {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn at<'v>(json: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(json, |level, name| level.get(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_and_next_pages_are_found_where_the_listing_says() {
        let envelope = json!({"items": [{"id": 1}], "meta": {"next": "c2", "count": 7}, "empty": ""});
        assert_eq!(objects(&envelope, None).map(Vec::len), Some(1));
        assert_eq!(objects(&json!([1, 2]), Some("ignored")).map(Vec::len), Some(2));
        assert_eq!(objects(&json!({"a": [], "b": []}), None), None, "two lists: which is meant is not known");
        assert_eq!(objects(&json!({"data": {"rows": [3]}, "x": [4]}), Some("data.rows")), Some(&vec![json!(3)]));
        assert_eq!(text_at(&envelope, "meta.next").as_deref(), Some("c2"));
        assert_eq!(text_at(&envelope, "meta.count").as_deref(), Some("7"));
        assert_eq!(text_at(&envelope, "empty"), None);
        assert_eq!(text_at(&envelope, "meta.missing"), None);
    }
}
