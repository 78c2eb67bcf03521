//! Markdown to plain text, the way tfplugindocs' `plainmarkdown` writes a page's frontmatter description.
//!
//! Blocks are separated by one line break; text is copied from the source as written (escapes and entities
//! are not decoded), links keep their text and, unless relative, their destination; images, emphasis
//! markers and raw HTML disappear. Tables, which CommonMark does not know, stay as their source lines.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};

/// Converts markdown to plain text.
pub fn plain_markdown(source: &str) -> String {
    let mut writer = Writer { source, out: String::new(), skip_depth: 0, code_block: None, links: Vec::new() };
    let mut pending_text: Option<Range<usize>> = None;
    for (event, range) in Parser::new(source).into_offset_iter() {
        if let Event::Text(_) = event {
            if writer.skip_depth == 0 && !writer.in_code_block() {
                pending_text = Some(match pending_text {
                    Some(run) if source[run.end..range.start].chars().all(|c| c == '\\') => run.start..range.end,
                    Some(run) => {
                        writer.text(run);
                        range
                    }
                    None => range,
                });
                continue;
            }
        }
        if let Some(run) = pending_text.take() {
            writer.text(run);
        }
        writer.event(event, range);
    }
    if let Some(run) = pending_text {
        writer.text(run);
    }
    writer.out
}

struct Writer<'s> {
    source: &'s str,
    out: String,
    /// Inside an image, a blockquote or a table-like paragraph: children write nothing.
    skip_depth: usize,
    /// Inside a code block, whose text is written as it is.
    code_block: Option<CodeBlockKind<'s>>,
    /// Destinations of the links being written, `None` for autolinks and relative links.
    links: Vec<Option<String>>,
}

impl<'s> Writer<'s> {
    fn in_code_block(&self) -> bool {
        self.code_block.is_some()
    }

    /// Starts a new line unless nothing is written yet.
    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    /// Writes a run of text as its source says.
    fn text(&mut self, run: Range<usize>) {
        let raw = &self.source[run];
        self.out.push_str(&linkify_www(raw));
    }

    fn event(&mut self, event: Event<'s>, range: Range<usize>) {
        if self.skip_depth > 0 {
            match event {
                Event::Start(_) => self.skip_depth += 1,
                Event::End(_) => self.skip_depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.out.push_str(&text),
            Event::Code(code) => self.out.push_str(&code),
            Event::SoftBreak => self.newline(),
            Event::Rule => self.newline(),
            Event::HardBreak
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'s>, range: Range<usize>) {
        match tag {
            Tag::Heading { .. } | Tag::List(_) => self.newline(),
            Tag::BlockQuote(_) => {
                self.newline();
                let quoted = blockquote_text(&self.source[range]);
                self.out.push_str(&quoted);
                self.skip_depth = 1;
            }
            Tag::CodeBlock(kind) => {
                self.newline();
                if matches!(kind, CodeBlockKind::Fenced(_)) {
                    self.out.push('\n');
                }
                self.code_block = Some(kind);
            }
            Tag::Paragraph => {
                self.newline();
                let raw = &self.source[range];
                if raw.starts_with('|') {
                    self.out.push_str(raw.trim_end());
                    self.skip_depth = 1;
                }
            }
            Tag::Link { link_type, dest_url, .. } => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                let relative = dest_url.starts_with('#') || (dest_url.starts_with('/') && !dest_url.starts_with("//"));
                let shown = (!autolink && !relative && !dest_url.is_empty()).then(|| dest_url.to_string());
                self.links.push(shown);
            }
            Tag::Image { .. } => self.skip_depth = 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock => self.code_block = None,
            TagEnd::Link => {
                if let Some(Some(destination)) = self.links.pop() {
                    self.out.push(' ');
                    self.out.push_str(&destination);
                }
            }
            _ => {}
        }
    }
}

/// The lines of a blockquote without their `>` markers, markup kept.
fn blockquote_text(raw: &str) -> String {
    raw.lines()
        .map(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix('>').unwrap_or(line);
            line.strip_prefix(' ').unwrap_or(line)
        })
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Adds `http://` to bare `www.` links, as the Linkify extension does.
fn linkify_www(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("www.") {
        let starts_word = rest[..at].chars().next_back().is_none_or(|c| c.is_whitespace() || "(*_~".contains(c));
        let domain = rest[at + 4..].split(|c: char| c.is_whitespace() || c == '<').next().unwrap_or_default();
        out.push_str(&rest[..at]);
        if starts_word && domain.contains('.') && domain.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            out.push_str("http://");
        }
        out.push_str("www.");
        rest = &rest[at + 4..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain_markdown;

    #[test]
    fn keeps_source_text_and_link_destinations() {
        assert_eq!(plain_markdown("a \\* b &amp; c"), "a \\* b &amp; c");
        assert_eq!(plain_markdown("[x](https://e.test) and [y](#here)"), "x https://e.test and y");
        assert_eq!(plain_markdown("one\n\ntwo"), "one\ntwo");
        assert_eq!(plain_markdown("- a\n- b"), "ab");
        assert_eq!(plain_markdown("see www.example.com now"), "see http://www.example.com now");
    }

    #[test]
    fn an_empty_link_destination_does_not_crash() {
        assert_eq!(plain_markdown("[x]()"), "x");
    }
}
