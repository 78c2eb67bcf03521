//! A small HCL writer for example configurations: blocks, attributes and the expressions examples use
//! (literals, lists, objects and references), printed in `terraform fmt`'s canonical layout: two spaces
//! per level, `=` aligned over runs of single-line attributes, multi-line values opening on their line.

use std::fmt::Write;

/// A value in a configuration.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A string literal.
    String(String),
    /// A number literal, as written.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `{ key = value }`, keys in order.
    Object(Vec<(String, Expr)>),
    /// An attribute of another resource: `shop_store.example.id`.
    Reference(Reference),
    /// A bare name: a provider's local name (`provider = shop`).
    Name(String),
}

/// An attribute of another block of the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The resource type (`data.`/`ephemeral.` before a data source's or ephemeral resource's).
    pub type_name: String,
    /// The resource's name in the configuration.
    pub name: String,
    /// The attribute read.
    pub attribute: String,
}

impl Reference {
    /// `type.name`.
    pub fn address(&self) -> String {
        format!("{}.{}", self.type_name, self.name)
    }
}

/// A block: `resource "type" "name" { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// `resource`, `data`, `provider`.
    pub kind: String,
    /// The quoted labels.
    pub labels: Vec<String>,
    /// What the block holds.
    pub body: Body,
}

/// The items of a block, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// Attributes and nested blocks.
    pub items: Vec<Item>,
}

/// One item of a body.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `name = value`.
    Attribute(String, Expr),
    /// A nested block.
    Block(Block),
}

impl Expr {
    /// Whether the value prints on one line.
    fn is_single_line(&self) -> bool {
        match self {
            Expr::Object(entries) => entries.is_empty(),
            Expr::List(items) => items.iter().all(|item| item.is_single_line() && !matches!(item, Expr::Object(_))),
            _ => true,
        }
    }

    /// Every reference in the value.
    pub fn references(&self) -> Vec<&Reference> {
        match self {
            Expr::Reference(reference) => vec![reference],
            Expr::List(items) => items.iter().flat_map(Expr::references).collect(),
            Expr::Object(entries) => entries.iter().flat_map(|(_, value)| value.references()).collect(),
            _ => Vec::new(),
        }
    }

    /// The value with each reference replaced by what `resolve` gives for it (kept where it gives `None`).
    pub fn resolved(&self, resolve: &dyn Fn(&Reference) -> Option<Expr>) -> Expr {
        match self {
            Expr::Reference(reference) => resolve(reference).unwrap_or_else(|| self.clone()),
            Expr::List(items) => Expr::List(items.iter().map(|item| item.resolved(resolve)).collect()),
            Expr::Object(entries) => {
                Expr::Object(entries.iter().map(|(key, value)| (key.clone(), value.resolved(resolve))).collect())
            }
            _ => self.clone(),
        }
    }
}

impl Body {
    /// Every reference in the body, nested blocks included.
    pub fn references(&self) -> Vec<&Reference> {
        self.items
            .iter()
            .flat_map(|item| match item {
                Item::Attribute(_, value) => value.references(),
                Item::Block(block) => block.body.references(),
            })
            .collect()
    }

    /// The body with references resolved as [`Expr::resolved`] does.
    pub fn resolved(&self, resolve: &dyn Fn(&Reference) -> Option<Expr>) -> Body {
        let items = self
            .items
            .iter()
            .map(|item| match item {
                Item::Attribute(name, value) => Item::Attribute(name.clone(), value.resolved(resolve)),
                Item::Block(block) => Item::Block(Block { body: block.body.resolved(resolve), ..block.clone() }),
            })
            .collect();
        Body { items }
    }
}

/// Whether `name` may stand unquoted as an attribute name or object key (an HCL identifier).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A string literal as HCL's writer makes one: quoted, with escapes (`\\uXXXX` for other characters that
/// do not print), and template sequences (`${`, `%{`) doubled so they stay text.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let code = u32::from(c);
                let _ = if code < 0x10000 { write!(out, "\\u{code:04x}") } else { write!(out, "\\U{code:08x}") };
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The blocks as a configuration file, a blank line between blocks.
pub fn file<'b>(blocks: impl IntoIterator<Item = &'b Block>) -> String {
    let mut out = String::new();
    for (index, block) in blocks.into_iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        write_block(&mut out, block, 0);
    }
    out
}

fn indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n("  ", level));
}

fn write_block(out: &mut String, block: &Block, level: usize) {
    indent(out, level);
    out.push_str(&block.kind);
    for label in &block.labels {
        out.push(' ');
        out.push_str(&quoted(label));
    }
    if block.body.items.is_empty() {
        out.push_str(" {\n");
        indent(out, level);
        out.push_str("}\n");
        return;
    }
    out.push_str(" {\n");
    let entries: Vec<Entry<'_>> = block
        .body
        .items
        .iter()
        .map(|item| match item {
            Item::Attribute(name, value) => Entry::Pair(name.clone(), value),
            Item::Block(block) => Entry::Block(block),
        })
        .collect();
    write_entries(out, &entries, level + 1);
    indent(out, level);
    out.push_str("}\n");
}

/// A line of a body or object: a `key = value` pair or a nested block.
enum Entry<'e> {
    Pair(String, &'e Expr),
    Block(&'e Block),
}

/// Writes entries one per line, aligning `=` over each run of single-line pairs (`terraform fmt` lets a
/// multi-line value or a block end the run).
fn write_entries(out: &mut String, entries: &[Entry<'_>], level: usize) {
    let mut at = 0;
    while at < entries.len() {
        let run_end = entries[at..]
            .iter()
            .position(|entry| !matches!(entry, Entry::Pair(_, value) if value.is_single_line()))
            .map_or(entries.len(), |offset| at + offset);
        let width = entries[at..run_end]
            .iter()
            .map(|entry| match entry {
                Entry::Pair(key, _) => key.chars().count(),
                Entry::Block(_) => 0,
            })
            .max()
            .unwrap_or(0);
        for entry in &entries[at..run_end] {
            if let Entry::Pair(key, value) = entry {
                indent(out, level);
                let _ = write!(out, "{key:<width$} = ");
                write_expr(out, value, level);
                out.push('\n');
            }
        }
        if run_end < entries.len() {
            match &entries[run_end] {
                Entry::Pair(key, value) => {
                    indent(out, level);
                    let _ = write!(out, "{key} = ");
                    write_expr(out, value, level);
                    out.push('\n');
                }
                Entry::Block(block) => write_block(out, block, level),
            }
        }
        at = run_end + 1;
    }
}

/// Writes a value whose first line is already indented at `level`.
fn write_expr(out: &mut String, expr: &Expr, level: usize) {
    match expr {
        Expr::String(text) => out.push_str(&quoted(text)),
        Expr::Number(text) => out.push_str(text),
        Expr::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Expr::Name(name) => out.push_str(name),
        Expr::Reference(reference) => {
            let _ = write!(out, "{}.{}", reference.address(), reference.attribute);
        }
        Expr::List(items) if expr.is_single_line() => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_expr(out, item, level);
            }
            out.push(']');
        }
        Expr::List(items) => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                indent(out, level + 1);
                write_expr(out, item, level + 1);
                if index + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, level);
            out.push(']');
        }
        Expr::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Expr::Object(entries) => {
            out.push_str("{\n");
            let entries: Vec<Entry<'_>> = entries
                .iter()
                .map(|(key, value)| Entry::Pair(if is_identifier(key) { key.clone() } else { quoted(key) }, value))
                .collect();
            write_entries(out, &entries, level + 1);
            indent(out, level);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Expr {
        Expr::String(value.to_owned())
    }

    #[test]
    fn aligns_runs_of_single_line_attributes_as_terraform_fmt_does() {
        let body = Body {
            items: vec![
                Item::Attribute("name".into(), text("a")),
                Item::Attribute("description".into(), text("b")),
                Item::Attribute(
                    "settings".into(),
                    Expr::Object(vec![("open".into(), Expr::Bool(true)), ("currency".into(), text("EUR"))]),
                ),
                Item::Attribute("tags".into(), Expr::List(vec![text("x"), text("y")])),
                Item::Attribute(
                    "items".into(),
                    Expr::List(vec![Expr::Object(vec![("sku".into(), Expr::Number("1".into()))])]),
                ),
                Item::Attribute(
                    "store_id".into(),
                    Expr::Reference(Reference {
                        type_name: "shop_store".into(),
                        name: "example".into(),
                        attribute: "id".into(),
                    }),
                ),
            ],
        };
        let block = Block { kind: "resource".into(), labels: vec!["shop_product".into(), "example".into()], body };
        assert_eq!(
            file(&[block]),
            r#"resource "shop_product" "example" {
  name        = "a"
  description = "b"
  settings = {
    open     = true
    currency = "EUR"
  }
  tags = ["x", "y"]
  items = [
    {
      sku = 1
    }
  ]
  store_id = shop_store.example.id
}
"#
        );
    }

    #[test]
    fn quotes_what_is_not_plain_text() {
        assert_eq!(quoted("a\"b\\c\n${x} %{y} $z"), r#""a\"b\\c\n$${x} %%{y} $z""#);
        assert_eq!(quoted("bell\u{7} nbsp\u{a0}"), r#""bell\u0007 nbsp\u00a0""#);
        assert!(is_identifier("store_id") && is_identifier("a-b") && !is_identifier("1st") && !is_identifier(""));
        let object = Expr::Object(vec![("1st choice".into(), Expr::Bool(false))]);
        let mut out = String::new();
        write_expr(&mut out, &object, 0);
        assert_eq!(out, "{\n  \"1st choice\" = false\n}");
    }
}
