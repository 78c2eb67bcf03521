//! A YAML document as a tree whose every key and value remembers where it was written.
//!
//! serde_yaml forgets positions once a value is deserialized, so semantic errors could not name a line.
//! This layer builds its own tree from saphyr-parser's events, within limits that keep hostile input
//! (alias bombs, deep nesting, huge files) from exhausting time or memory.

use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};

use crate::diag::{Diagnostic, Pos};

/// Largest file read, in bytes: the schema the OpenAPI import writes for the largest public API known
/// (Microsoft Graph's beta, a 47 MB spec) is 25 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Deepest nesting of mappings and sequences.
pub const MAX_DEPTH: usize = 96;
/// Most nodes in one document, counting every copy an alias makes.
pub const MAX_NODES: usize = 2_000_000;

/// A value with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: NodeValue,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeValue {
    /// A scalar, typed by the YAML 1.2 core schema.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping with scalar keys, in the order written.
    Map(Vec<(Key, Node)>),
}

/// A mapping key.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's text.
    pub text: String,
    /// Where the key is written.
    pub pos: Pos,
}

/// A scalar resolved by the YAML 1.2 core schema (quoted scalars are always strings).
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Anything else.
    String(String),
}

impl Node {
    /// What kind of value this is, for messages (`a mapping`, `a string`).
    pub fn kind(&self) -> &'static str {
        match &self.value {
            NodeValue::Scalar(Scalar::Null) => "null",
            NodeValue::Scalar(Scalar::Bool(_)) => "a boolean",
            NodeValue::Scalar(Scalar::Int(_)) => "an integer",
            NodeValue::Scalar(Scalar::Float(_)) => "a number",
            NodeValue::Scalar(Scalar::String(_)) => "a string",
            NodeValue::Seq(_) => "a list",
            NodeValue::Map(_) => "a mapping",
        }
    }

    /// The entries of a mapping.
    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            NodeValue::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value as JSON (keys in the order written).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.value {
            NodeValue::Scalar(Scalar::Null) => Value::Null,
            NodeValue::Scalar(Scalar::Bool(value)) => Value::Bool(*value),
            NodeValue::Scalar(Scalar::Int(value)) => Value::from(*value),
            NodeValue::Scalar(Scalar::Float(value)) => Value::from(*value),
            NodeValue::Scalar(Scalar::String(value)) => Value::String(value.clone()),
            NodeValue::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Map(entries) => {
                Value::Object(entries.iter().map(|(key, value)| (key.text.clone(), value.to_json())).collect())
            }
        }
    }

    /// Follows a path of mapping keys and sequence indexes and returns the position of the last key or
    /// item found, stopping early where the path leaves the tree.
    pub fn locate(&self, path: &[String]) -> Pos {
        let mut node = self;
        let mut pos = self.pos;
        for segment in path {
            let next = match &node.value {
                NodeValue::Map(entries) => {
                    entries.iter().find(|(key, _)| key.text == *segment).map(|(key, value)| (key.pos, value))
                }
                NodeValue::Seq(items) => {
                    segment.parse::<usize>().ok().and_then(|index| items.get(index)).map(|item| (item.pos, item))
                }
                NodeValue::Scalar(_) => None,
            };
            match next {
                Some((found, child)) => {
                    pos = found;
                    node = child;
                }
                None => break,
            }
        }
        pos
    }
}

/// Parses one YAML document. Errors name the position of the problem.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            Pos::START,
            format!("file is {} bytes, more than the limit of {MAX_FILE_BYTES}", text.len()),
        )
        .hint("split the provider's resources over several providers, or shorten long descriptions"));
    }
    let mut builder = Builder { anchors: HashMap::new(), nodes: 0, stack: Vec::new(), document: None, documents: 0 };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| {
            Diagnostic::new(
                pos_of(&error.marker().line(), &error.marker().col()),
                format!("invalid YAML: {}", error.info()),
            )
            .hint("check the indentation and quoting around this position")
        })?;
        builder.push(event, span)?;
    }
    builder.document.ok_or_else(|| {
        Diagnostic::new(Pos::START, "the file holds no YAML document").hint("start with `name: <provider name>`")
    })
}

fn pos_of(line: &usize, col: &usize) -> Pos {
    Pos { line: *line, col: col + 1 }
}

fn start(span: &Span) -> Pos {
    pos_of(&span.start.line(), &span.start.col())
}

/// A mapping or sequence still being read.
enum Open {
    Seq { pos: Pos, anchor: usize, items: Vec<Node> },
    Map { pos: Pos, anchor: usize, entries: Vec<(Key, Node)>, key: Option<Key> },
}

struct Builder {
    /// Anchored nodes with their size in nodes, for aliases.
    anchors: HashMap<usize, (Rc<Node>, usize)>,
    nodes: usize,
    stack: Vec<Open>,
    document: Option<Node>,
    documents: usize,
}

impl Builder {
    fn push(&mut self, event: Event<'_>, span: Span) -> Result<(), Diagnostic> {
        let pos = start(&span);
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => Ok(()),
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Diagnostic::new(pos, "a second YAML document starts here").hint(
                        "a schema file holds one document: remove the `---` line and what follows, or merge it",
                    ));
                }
                Ok(())
            }
            Event::Alias(anchor) => {
                let (node, size) = self.anchors.get(&anchor).cloned().ok_or_else(|| {
                    Diagnostic::new(pos, "alias to an unknown anchor")
                        .hint("define the anchor (`&name`) before using it")
                })?;
                self.count(size, pos)?;
                let mut copy = (*node).clone();
                copy.pos = pos;
                self.finish_node(copy, 0)
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, pos)?;
                let scalar = resolve_scalar(&text, style, tag.as_deref(), pos)?;
                self.finish_node(Node { pos, value: NodeValue::Scalar(scalar) }, anchor)
            }
            Event::SequenceStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "!!seq", pos)?;
                self.open(Open::Seq { pos, anchor, items: Vec::new() }, pos)
            }
            Event::MappingStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "!!map", pos)?;
                self.open(Open::Map { pos, anchor, entries: Vec::new(), key: None }, pos)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = self.stack.pop().ok_or_else(|| Diagnostic::new(pos, "unbalanced YAML collection"))?;
                let (node, anchor) = match open {
                    Open::Seq { pos, anchor, items } => (Node { pos, value: NodeValue::Seq(items) }, anchor),
                    Open::Map { pos, anchor, entries, .. } => (Node { pos, value: NodeValue::Map(entries) }, anchor),
                };
                self.finish_node(node, anchor)
            }
        }
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), Diagnostic> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(Diagnostic::new(pos, format!("the document expands to more than {MAX_NODES} values"))
                .hint("aliases (`*name`) copy what they refer to; avoid aliases of aliases"));
        }
        Ok(())
    }

    fn open(&mut self, open: Open, pos: Pos) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Diagnostic::new(pos, format!("nesting deeper than {MAX_DEPTH} levels"))
                .hint("flatten the schema: move deep object types into `types:` and reference them by name"));
        }
        self.count(1, pos)?;
        self.stack.push(open);
        Ok(())
    }

    /// Places a finished node into its parent, remembering it under its anchor (0 for none).
    fn finish_node(&mut self, node: Node, anchor: usize) -> Result<(), Diagnostic> {
        if anchor != 0 {
            self.anchors.insert(anchor, (Rc::new(node.clone()), node_count(&node)));
        }
        match self.stack.last_mut() {
            None => {
                self.document = Some(node);
                Ok(())
            }
            Some(Open::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(key) => {
                    if let Some((first, _)) = entries.iter().find(|(existing, _)| existing.text == key.text) {
                        return Err(Diagnostic::new(key.pos, format!("duplicate key `{}`", key.text)).hint(format!(
                            "`{}` is already defined at line {}, column {}; keep one of them",
                            key.text, first.pos.line, first.pos.col
                        )));
                    }
                    entries.push((key, node));
                    Ok(())
                }
                None => match node.value {
                    NodeValue::Scalar(scalar) => {
                        *key = Some(Key { text: scalar_text(scalar), pos: node.pos });
                        Ok(())
                    }
                    _ => Err(Diagnostic::new(
                        node.pos,
                        format!("a mapping key must be a plain name, not {}", node.kind()),
                    )
                    .hint("write keys as `name: value`")),
                },
            },
        }
    }
}

fn node_count(node: &Node) -> usize {
    match &node.value {
        NodeValue::Scalar(_) => 1,
        NodeValue::Seq(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        NodeValue::Map(entries) => 1 + entries.iter().map(|(_, value)| 1 + node_count(value)).sum::<usize>(),
    }
}

fn scalar_text(scalar: Scalar) -> String {
    match scalar {
        Scalar::Null => "null".to_owned(),
        Scalar::Bool(value) => value.to_string(),
        Scalar::Int(value) => value.to_string(),
        Scalar::Float(value) => value.to_string(),
        Scalar::String(value) => value,
    }
}

fn check_collection_tag(tag: Option<&Tag>, allowed: &str, pos: Pos) -> Result<(), Diagnostic> {
    match tag {
        None => Ok(()),
        Some(tag) if tag.is_yaml_core_schema() && format!("!!{}", tag.suffix) == allowed => Ok(()),
        Some(tag) => Err(unsupported_tag(tag, pos)),
    }
}

fn unsupported_tag(tag: &Tag, pos: Pos) -> Diagnostic {
    Diagnostic::new(pos, format!("unsupported YAML tag `{}{}`", tag.handle, tag.suffix))
        .hint("remove the tag; quote a value to make it a string")
}

/// Types a scalar the way YAML 1.2's core schema does; quoted or `!!str` scalars stay strings.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>, pos: Pos) -> Result<Scalar, Diagnostic> {
    if let Some(tag) = tag {
        if !tag.is_yaml_core_schema() {
            return Err(unsupported_tag(tag, pos));
        }
        return match tag.suffix.as_str() {
            "str" => Ok(Scalar::String(text.to_owned())),
            "null" | "bool" | "int" | "float" => Ok(resolve_plain(text)),
            _ => Err(unsupported_tag(tag, pos)),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Scalar::String(text.to_owned()));
    }
    Ok(resolve_plain(text))
}

fn resolve_plain(text: &str) -> Scalar {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        _ => {}
    }
    if let Some(int) = parse_int(text) {
        return Scalar::Int(int);
    }
    let looks_numeric = text.trim_start_matches(['-', '+']).starts_with(|c: char| c.is_ascii_digit() || c == '.');
    match text.parse::<f64>() {
        Ok(float) if looks_numeric && text.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) => {
            Scalar::Float(float)
        }
        _ => Scalar::String(text.to_owned()),
    }
}

fn parse_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = if let Some(hex) = digits.strip_prefix("0x") {
        (16, hex)
    } else if let Some(octal) = digits.strip_prefix("0o") {
        (8, octal)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i64::from_str_radix(digits, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> Vec<(&str, &Node)> {
        node.as_map().unwrap().iter().map(|(key, value)| (key.text.as_str(), value)).collect()
    }

    #[test]
    fn keeps_positions_and_order() {
        let doc = parse("b: 1\na:\n  - x\n  - 'y'\n").unwrap();
        let entries = map(&doc);
        assert_eq!(entries[0].0, "b");
        assert_eq!(entries[1].0, "a");
        assert_eq!(doc.locate(&["a".into(), "1".into()]), Pos { line: 4, col: 5 });
        assert_eq!(doc.locate(&["a".into()]), Pos { line: 2, col: 1 });
    }

    #[test]
    fn types_scalars_by_the_core_schema() {
        let doc = parse("a: 1\nb: '1'\nc: true\nd: 1.5\ne: ~\nf: 0x1f\ng: 1e3\nh: 1.2.3\n").unwrap();
        let values: Vec<_> = map(&doc).into_iter().map(|(_, node)| node.value.clone()).collect();
        assert_eq!(
            values,
            [
                NodeValue::Scalar(Scalar::Int(1)),
                NodeValue::Scalar(Scalar::String("1".into())),
                NodeValue::Scalar(Scalar::Bool(true)),
                NodeValue::Scalar(Scalar::Float(1.5)),
                NodeValue::Scalar(Scalar::Null),
                NodeValue::Scalar(Scalar::Int(31)),
                NodeValue::Scalar(Scalar::Float(1000.0)),
                NodeValue::Scalar(Scalar::String("1.2.3".into())),
            ]
        );
    }

    #[test]
    fn rejects_duplicate_keys_naming_both() {
        let error = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(error.pos, Pos { line: 3, col: 1 });
        assert!(error.hint.unwrap().contains("line 1, column 1"));
    }

    #[test]
    fn stops_alias_bombs() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let previous = level - 1;
            text.push_str(&format!(
                "a{level}: &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
            ));
        }
        let error = parse(&text).unwrap_err();
        assert!(error.message.contains("expands to more than"), "{error:?}");
    }

    #[test]
    fn stops_deep_nesting() {
        let block: String = (0..200).map(|level| format!("{}a:\n", "  ".repeat(level))).collect();
        let error = parse(&block).unwrap_err();
        assert!(error.message.contains("nesting deeper"), "{error:?}");
        let flow = "[".repeat(100_000);
        assert!(parse(&flow).is_err());
    }

    #[test]
    fn aliases_copy_their_anchor() {
        let doc = parse("a: &x {k: v}\nb: *x\n").unwrap();
        let entries = map(&doc);
        assert_eq!(map(entries[1].1)[0].0, "k");
    }
}
