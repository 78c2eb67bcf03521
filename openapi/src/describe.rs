//! Descriptions as the leading generator writes them: the spec's text and the suffixes it appends.

use serde_json::Value;

/// `"a", "b"` for an enum list.
pub(crate) fn enum_list(members: &[Value]) -> String {
    members.iter().map(|member| serde_json::to_string(member).unwrap_or_default()).collect::<Vec<_>>().join(", ")
}

/// The description with its suffixes: joined by `; `, directly after a final line break, on a line of
/// their own after text of several lines, else after a space when the text ends with a period and after
/// `. ` when it ends otherwise.
pub fn describe(text: &str, suffixes: &[String]) -> String {
    if suffixes.is_empty() {
        return text.to_owned();
    }
    let joined = suffixes.join("; ");
    if text.is_empty() {
        joined
    } else if text.ends_with('\n') {
        format!("{text}{joined}")
    } else if text.contains('\n') {
        format!("{text}\n{joined}")
    } else if text.ends_with('.') {
        format!("{text} {joined}")
    } else {
        format!("{text}. {joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_join_as_the_leading_generator_writes_them() {
        let rr = "Requires replacement if changed.".to_owned();
        assert_eq!(
            describe("Name of the request header", std::slice::from_ref(&rr)),
            "Name of the request header. Requires replacement if changed."
        );
        assert_eq!(
            describe("The type.", &["must be one of [\"a\"]".to_owned(), rr.clone()]),
            "The type. must be one of [\"a\"]; Requires replacement if changed."
        );
        assert_eq!(
            describe("", &[rr.clone(), "Parsed as JSON.".to_owned()]),
            "Requires replacement if changed.; Parsed as JSON."
        );
        assert_eq!(describe("Lines\n", std::slice::from_ref(&rr)), "Lines\nRequires replacement if changed.");
        assert_eq!(describe("Two\nlines", std::slice::from_ref(&rr)), "Two\nlines\nRequires replacement if changed.");
    }
}
