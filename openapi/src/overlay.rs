//! OpenAPI Overlay 1.0: a list of actions, each selecting nodes of the document with a JSONPath (RFC
//! 9535, through serde_json_path) and merging an `update` into them or removing them, in order.

use serde_json::Value;
use serde_json_path::JsonPath;

use schema::diag::{Diagnostic, FileErrors, Pos};

/// Applies the overlay in `file` to `document`; every action that cannot be read is reported at once.
pub fn apply(file: &std::path::Path, document: &mut Value) -> Result<Vec<String>, FileErrors> {
    let (overlay, positions) = crate::document::read(file)?;
    let position = |pointer: &str| {
        let segments = crate::document::pointer_segments(pointer);
        positions.as_ref().map_or(Pos::START, |node| node.locate(&segments))
    };
    let Some(actions) = overlay.get("actions").and_then(Value::as_array) else {
        let diagnostic = Diagnostic::new(Pos::START, "the overlay has no `actions` list")
            .hint("an OpenAPI Overlay 1.0 document lists its changes under `actions:`");
        return Err(FileErrors::new(file, vec![diagnostic]));
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (index, action) in actions.iter().enumerate() {
        let at = format!("/actions/{index}");
        let Some(target) = action.get("target").and_then(Value::as_str) else {
            errors.push(Diagnostic::new(position(&at), "an action has no `target`").hint("add a JSONPath `target`"));
            continue;
        };
        let path = match JsonPath::parse(&lenient(target)) {
            Ok(path) => path,
            Err(error) => {
                errors.push(
                    Diagnostic::new(
                        position(&format!("{at}/target")),
                        format!("`{target}` is not a JSONPath: {error}"),
                    )
                    .hint("write an RFC 9535 JSONPath, such as $.paths['/things'].post"),
                );
                continue;
            }
        };
        let pointers: Vec<String> =
            path.query_located(document).locations().map(|location| location.to_json_pointer()).collect();
        if pointers.is_empty() {
            warnings.push(format!("{}: action {index}: `{target}` selects nothing", file.display()));
        }
        let remove = action.get("remove").and_then(Value::as_bool).unwrap_or(false);
        // Removing from the end keeps the earlier pointers of the same array valid.
        for pointer in pointers.iter().rev() {
            if remove {
                remove_at(document, pointer);
            } else if let (Some(update), Some(node)) = (action.get("update"), document.pointer_mut(pointer)) {
                merge(node, update);
            }
        }
    }
    if errors.is_empty() { Ok(warnings) } else { Err(FileErrors::new(file, errors)) }
}

/// Overlay targets as real overlays write them, read as RFC 9535: a member name after `.` or `..` that
/// the RFC's shorthand does not allow (`application/json`, `x-speakeasy-entity`, `@type`, or `\@type` as
/// some tools escape it) is read as the bracketed name it means (`['application/json']`).
fn lenient(target: &str) -> String {
    let chars: Vec<char> = target.chars().collect();
    let mut out = String::with_capacity(target.len());
    let mut index = 0;
    while index < chars.len() {
        match chars[index] {
            '[' => {
                // A bracketed selector is copied whole, quotes and all.
                let mut quote = None;
                while index < chars.len() {
                    let c = chars[index];
                    out.push(c);
                    index += 1;
                    match (quote, c) {
                        (Some(_), '\\') if index < chars.len() => {
                            out.push(chars[index]);
                            index += 1;
                        }
                        (Some(open), c) if c == open => quote = None,
                        (None, '\'' | '"') => quote = Some(c),
                        (None, ']') => break,
                        _ => {}
                    }
                }
            }
            '.' => {
                let dots = if chars.get(index + 1) == Some(&'.') { 2 } else { 1 };
                let start = index + dots;
                let end = (start..chars.len()).find(|&at| matches!(chars[at], '.' | '[')).unwrap_or(chars.len());
                let name: String = chars[start..end].iter().collect();
                let name = name.strip_prefix('\\').unwrap_or(&name);
                if name.is_empty() || name == "*" || shorthand(name) {
                    out.extend(&chars[index..index + dots]);
                    out.push_str(name);
                } else {
                    if dots == 2 {
                        out.push_str("..");
                    }
                    out.push_str(&format!("['{}']", name.replace('\\', "\\\\").replace('\'', "\\'")));
                }
                index = end;
            }
            c => {
                out.push(c);
                index += 1;
            }
        }
    }
    out
}

/// Whether RFC 9535 allows `name` after a dot: a letter, `_` or non-ASCII first, then also digits.
fn shorthand(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || !c.is_ascii())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii())
}

/// Overlay 1.0 merge: objects merge key by key (recursively), an array gets the update's items appended
/// (or the update itself, when it is not an array), anything else is replaced.
fn merge(target: &mut Value, update: &Value) {
    match (target, update) {
        (Value::Object(target), Value::Object(update)) => {
            for (key, value) in update {
                match target.get_mut(key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(items), Value::Array(more)) => items.extend(more.iter().cloned()),
        (Value::Array(items), value) => items.push(value.clone()),
        (target, value) => *target = value.clone(),
    }
}

fn remove_at(document: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else { return };
    let key = last.replace("~1", "/").replace("~0", "~");
    match document.pointer_mut(parent) {
        Some(Value::Object(entries)) => {
            entries.shift_remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Ok(index) = key.parse::<usize>() {
                if index < items.len() {
                    items.remove(index);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lenient_targets_become_rfc_9535() {
        assert_eq!(lenient("$..\\@type"), "$..['@type']");
        assert_eq!(lenient("$.a.\\@type.b"), "$.a['@type'].b");
        assert!(JsonPath::parse(&lenient("$..\\@type")).is_ok());
        let target = "$.paths['/m/{id}'].get.responses['200'].content.application/json.schema.properties.items";
        assert_eq!(
            lenient(target),
            "$.paths['/m/{id}'].get.responses['200'].content['application/json'].schema.properties.items"
        );
        assert_eq!(
            lenient("$.components.schemas.Foo.x-speakeasy-entity"),
            "$.components.schemas.Foo['x-speakeasy-entity']"
        );
        assert_eq!(lenient("$.paths[*][*].security"), "$.paths[*][*].security");
        assert_eq!(lenient("$.a['b.c'].d"), "$.a['b.c'].d");
        assert!(JsonPath::parse(&lenient(target)).is_ok());
    }

    #[test]
    fn updates_merge_and_removals_remove() {
        let mut document = json!({"a": {"x": 1, "@type": "t", "list": [1]}, "b": [{"@type": "u"}]});
        let dir = std::env::temp_dir().join(format!("overlay-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("overlay.yaml");
        std::fs::write(
            &file,
            "overlay: 1.0.0\nactions:\n  - target: $..\\@type\n    remove: true\n  - target: $.a\n    update: {y: 2, list: [2]}\n  - target: $.nothing\n    update: {z: 1}\n",
        )
        .unwrap();
        let warnings = apply(&file, &mut document).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(document, json!({"a": {"x": 1, "y": 2, "list": [1, 2]}, "b": [{}]}));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }
}
