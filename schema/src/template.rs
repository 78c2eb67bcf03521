//! Templates of literal text and `{name}` placeholders: operation paths (`/stores/{store_id}/products/{id}`)
//! and import IDs (`{store_id}/{id}`). One routine reads them for everyone: the loaders list their
//! placeholders, clients and the provider fill them in, the fake API and the provider's import match
//! text against them.

use std::collections::BTreeMap;

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text that stands for itself.
    Literal(&'t str),
    /// A `{name}` placeholder.
    Placeholder(&'t str),
}

/// The pieces of `template` in order. An unclosed `{` is literal text.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|at| at + open) else { break };
        if open > 0 {
            pieces.push(Piece::Literal(&rest[..open]));
        }
        pieces.push(Piece::Placeholder(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Literal(rest));
    }
    pieces
}

/// The `{name}` placeholders of `template`, in order.
pub fn placeholders(template: &str) -> Vec<String> {
    pieces(template)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name.to_owned()),
            Piece::Literal(_) => None,
        })
        .collect()
}

/// `template` with every placeholder replaced by `value(name)` (left as written where it gives `None`).
pub fn expand(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Placeholder(name) => match value(name) {
                Some(text) => out.push_str(&text),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// The placeholder values that make `template` give `text`, if any. A value runs to the next literal
/// text of the template (to the end after the last placeholder), is not empty, and may not contain `separator`:
/// `Some('/')` keeps each path parameter to one segment, `None` lets an import ID's last part hold
/// anything.
pub fn match_text(template: &str, text: &str, separator: Option<char>) -> Option<BTreeMap<String, String>> {
    let pieces = pieces(template);
    let mut values = BTreeMap::new();
    let mut rest = text;
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Literal(literal) => rest = rest.strip_prefix(literal)?,
            Piece::Placeholder(name) => {
                let end = match pieces.get(index + 1) {
                    Some(Piece::Literal(next)) => rest.find(next)?,
                    _ => rest.len(),
                };
                let value = &rest[..end];
                if value.is_empty() || separator.is_some_and(|separator| value.contains(separator)) {
                    return None;
                }
                values.insert((*name).to_owned(), value.to_owned());
                rest = &rest[end..];
            }
        }
    }
    rest.is_empty().then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_into_literals_and_placeholders() {
        assert_eq!(
            pieces("/a/{b}/c{d}"),
            [Piece::Literal("/a/"), Piece::Placeholder("b"), Piece::Literal("/c"), Piece::Placeholder("d")]
        );
        assert_eq!(pieces("/open/{x"), [Piece::Literal("/open/{x")]);
        assert_eq!(placeholders("{org}/{id}"), ["org", "id"]);
    }

    #[test]
    fn expands_and_keeps_unknown_placeholders() {
        let expanded = expand("/v1/{a}/x/{b}", |name| (name == "a").then(|| "1".to_owned()));
        assert_eq!(expanded, "/v1/1/x/{b}");
    }

    #[test]
    fn matches_import_ids_and_paths() {
        assert_eq!(match_text("{id}", "a/b", None).unwrap()["id"], "a/b");
        let values = match_text("{org}/{id}", "acme/42", None).unwrap();
        assert_eq!((values["org"].as_str(), values["id"].as_str()), ("acme", "42"));
        assert!(match_text("{org}/{id}", "acme", None).is_none());
        let path = match_text("/v1/things/{id}/parts", "/v1/things/a%2Fb/parts", Some('/')).unwrap();
        assert_eq!(path["id"], "a%2Fb");
        assert!(match_text("/v1/things/{id}", "/v1/things/1/parts", Some('/')).is_none());
        assert!(match_text("/v1/things/{id}", "/v1/other/1", Some('/')).is_none());
        assert!(match_text("/v1/things/{id}", "/v1/things/1/", Some('/')).is_none());
    }
}
