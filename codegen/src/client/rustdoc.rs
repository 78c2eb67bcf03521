//! Schema text made inert for rustdoc: whatever a description holds, the generated crate builds, its
//! tests run only the crate's own code, and its documentation shows the text rather than obeying it.
//!
//! Code blocks (fenced with any info string, or indented) become ```` ```text ```` blocks, so rustdoc never
//! runs them as doctests; raw HTML is escaped so it shows as written; characters rustc refuses in
//! source (direction overrides and isolates, which its `text_direction_codepoint_in_comment` lint denies)
//! and other control characters are removed.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Characters that change the direction of the text around them.
const DIRECTION_CONTROLS: &[char] = &[
    '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}',
];

/// The lines of a doc comment for `text`, each with the one leading space `///` comments have.
pub fn lines(text: &str) -> Vec<String> {
    let safe = inert(text.trim());
    safe.trim().lines().map(|line| if line.trim().is_empty() { String::new() } else { format!(" {line}") }).collect()
}

/// `text` without direction controls and control characters (tabs and line breaks stay), its code blocks
/// marked `text` and its raw HTML escaped.
pub fn inert(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !DIRECTION_CONTROLS.contains(c) && (!c.is_control() || *c == '\n' || *c == '\t'))
        .collect();
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut code: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(&text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                // An indented block starts after its indentation: the replacement takes the whole line.
                let line = text[..range.start].rfind('\n').map_or(0, |at| at + 1);
                let start = if text[line..range.start].trim().is_empty() { line } else { range.start };
                code = Some((start, String::new()));
            }
            Event::Text(content) if code.is_some() => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&content);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((start, body)) = code.take() {
                    let mut block = text_block(&body);
                    if !text[start..range.end].ends_with('\n') {
                        block.pop();
                    }
                    edits.push((start..range.end, block));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) if code.is_none() => {
                edits.push((range, escape_html(&html)));
            }
            _ => {}
        }
    }
    let mut out = text.clone();
    // From the end, so earlier ranges stay valid.
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, replacement) in edits {
        if out.is_char_boundary(range.start) && out.is_char_boundary(range.end) {
            out.replace_range(range, &replacement);
        }
    }
    out
}

/// A fenced `text` block holding `body`, its fence longer than any run of backticks inside.
fn text_block(body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = body.strip_suffix('\n').unwrap_or(body);
    format!("{fence}text\n{body}\n{fence}\n")
}

fn escape_html(html: &str) -> String {
    html.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_become_text_blocks() {
        assert_eq!(inert("Run:\n\n```\npanic!()\n```\n"), "Run:\n\n```text\npanic!()\n```\n");
        assert_eq!(inert("```rust,no_run\nx\n```"), "```text\nx\n```");
        assert_eq!(
            inert("Indented:\n\n    std::process::exit(1);\n"),
            "Indented:\n\n```text\nstd::process::exit(1);\n```\n"
        );
        assert_eq!(inert("````\n```\n````"), "````text\n```\n````");
        assert_eq!(inert("```json\n{}\n```"), "```text\n{}\n```");
    }

    #[test]
    fn html_shows_as_written_and_controls_go() {
        assert_eq!(inert("a <script>alert(1)</script> b"), "a &lt;script&gt;alert(1)&lt;/script&gt; b");
        assert_eq!(inert("x\u{202e}y\u{0}z\u{2066}"), "xyz");
        assert_eq!(inert("`<b>` stays code"), "`<b>` stays code");
    }
}
