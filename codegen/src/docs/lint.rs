//! A structural check of a rendered page: it parses as CommonMark, every in-page link has its anchor,
//! and no heading is empty.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The problems of one page; empty when it is sound.
pub fn check_page(page: &str) -> Vec<String> {
    let mut anchors = HashSet::new();
    let mut links = Vec::new();
    let mut problems = Vec::new();
    let mut heading: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(page, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS).into_offset_iter() {
        let line = page[..range.start].matches('\n').count() + 1;
        match event {
            Event::Html(html) | Event::InlineHtml(html) => anchors.extend(anchor_ids(&html)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = dest_url.strip_prefix('#') {
                    links.push((target.to_owned(), line));
                }
            }
            Event::Start(Tag::Heading { .. }) => heading = Some((String::new(), line)),
            Event::Text(text) | Event::Code(text) => {
                if let Some((content, _)) = heading.as_mut() {
                    content.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((content, line)) = heading.take() {
                    if content.trim().is_empty() {
                        problems.push(format!("line {line}: empty heading"));
                    }
                    anchors.insert(heading_slug(&content));
                }
            }
            _ => {}
        }
    }
    for (target, line) in links {
        if !anchors.contains(&target) {
            problems.push(format!("line {line}: link to #{target}, which has no anchor"));
        }
    }
    problems
}

/// The anchor a heading gets where markdown is published (GitHub's rule): lower case, spaces to `-`,
/// punctuation other than `-` and `_` dropped.
fn heading_slug(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// The `id`s of `<a id="...">` elements in a piece of HTML.
fn anchor_ids(html: &str) -> Vec<String> {
    html.split("<a ")
        .skip(1)
        .filter_map(|tag| {
            tag.split_once("id=\"").and_then(|(_, rest)| rest.split_once('"')).map(|(id, _)| id.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::check_page;

    #[test]
    fn finds_dangling_links_and_empty_headings() {
        let page = "---\ntitle: x\n---\n\n# \n\nsee [below](#nested--a)\n\n<a id=\"nested--b\"></a>\n### B\n";
        assert_eq!(check_page(page), ["line 5: empty heading", "line 7: link to #nested--a, which has no anchor"]);
        assert!(check_page("<a id=\"x\"></a>\n# X\n\n[x](#x)\n").is_empty());
    }
}
