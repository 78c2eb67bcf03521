//! A Go `text/template` engine for the `.md.tmpl` templates provider authors write for tfplugindocs.
//!
//! It covers what such templates use: `{{.Field}}`, pipelines (`{{ .Type | lower }}`), parenthesized
//! calls, `if`/`else if`/`else`, `range`, `with`, `$`, comments, `{{-`/`-}}` trimming, the builtins
//! (`printf`, `print`, `println`, `len`, `index`, `not`, `and`, `or`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`)
//! and tfplugindocs' functions (`codefile`, `tffile`, `lower`, `upper`, `plainmarkdown`, `prefixlines`,
//! `split`, `title`, `trimspace`). Values print the way Go prints them (`true`, `[a b]`, `<no value>`).

use std::path::Path;

use serde_json::Value;

use super::pages::GeneratedFiles;
use super::plain::plain_markdown;
use super::templates::{code_block, prefix_lines, title_case};

/// Renders a Go template with `data` (JSON-like; `Null` for no data) as dot.
pub fn render(text: &str, data: &Value, base_dir: &Path) -> Result<String, String> {
    let nodes = Parser::new(text)?.parse_list(&[])?.0;
    let mut out = String::new();
    Evaluator { root: data, base_dir }.list(&nodes, data, &mut out)?;
    Ok(out)
}

/// A parsed piece of template.
#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Print(Pipeline),
    If(Vec<(Pipeline, Vec<Node>)>, Vec<Node>),
    Range(Pipeline, Vec<Node>, Vec<Node>),
    With(Pipeline, Vec<Node>, Vec<Node>),
}

/// Commands joined by `|`; each one's result is the last argument of the next.
type Pipeline = Vec<Vec<Operand>>;

#[derive(Debug, Clone)]
enum Operand {
    /// `.A.B` (empty for `.`).
    Field(Vec<String>),
    /// `$` or `$.A.B`.
    Root(Vec<String>),
    /// A function name.
    Function(String),
    Literal(Value),
    /// `( pipeline )`, optionally followed by `.A.B`.
    Sub(Pipeline, Vec<String>),
}

/// A lexical item of an action.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Field(Vec<String>),
    Root(Vec<String>),
    Literal(Value),
    Pipe,
    Open,
    Close(Vec<String>),
}

/// One `{{ }}` action, tokenized.
#[derive(Debug, Clone)]
struct Action {
    tokens: Vec<Token>,
}

/// Splits a template into text and actions, applying trim markers.
struct Parser {
    items: Vec<Result<String, Action>>,
    at: usize,
}

impl Parser {
    fn new(text: &str) -> Result<Self, String> {
        let mut items: Vec<Result<String, Action>> = Vec::new();
        let mut rest = text;
        let mut trim_next = false;
        while let Some(open) = rest.find("{{") {
            let mut before = &rest[..open];
            if trim_next {
                before = before.trim_start();
            }
            let after_open = &rest[open + 2..];
            let trim_left =
                after_open.starts_with("- ") || after_open.starts_with("-\n") || after_open.starts_with("-\t");
            if trim_left {
                before = before.trim_end();
            }
            items.push(Ok(before.to_owned()));
            let body_start = if trim_left { 2 } else { 0 };
            let (body, consumed, trim_right) = action_body(&after_open[body_start..])?;
            trim_next = trim_right;
            let body = body.trim();
            if !(body.starts_with("/*") && body.ends_with("*/")) {
                items.push(Err(Action { tokens: tokenize(body)? }));
            }
            rest = &after_open[body_start + consumed..];
        }
        let tail = if trim_next { rest.trim_start() } else { rest };
        items.push(Ok(tail.to_owned()));
        Ok(Parser { items, at: 0 })
    }

    /// Parses nodes until one of `stops` (`end`, `else`); returns them and the stopping action.
    fn parse_list(&mut self, stops: &[&str]) -> Result<(Vec<Node>, Option<Vec<Token>>), String> {
        let mut nodes = Vec::new();
        while self.at < self.items.len() {
            let item = self.items[self.at].clone();
            self.at += 1;
            let action = match item {
                Ok(text) => {
                    if !text.is_empty() {
                        nodes.push(Node::Text(text));
                    }
                    continue;
                }
                Err(action) => action.tokens,
            };
            let keyword = match action.first() {
                Some(Token::Word(word)) => word.as_str(),
                _ => "",
            };
            match keyword {
                "end" | "else" if stops.contains(&keyword) => return Ok((nodes, Some(action))),
                "end" | "else" => return Err(format!("unexpected {{{{{keyword}}}}}")),
                "if" => nodes.push(self.parse_if(&action[1..])?),
                "range" | "with" => {
                    let pipeline = parse_pipeline(&action[1..])?;
                    let (body, stop) = self.parse_list(&["end", "else"])?;
                    let otherwise = match stop {
                        Some(stop) if is_word(&stop, "else") => self.parse_list(&["end"])?.0,
                        Some(_) => Vec::new(),
                        None => return Err(format!("unexpected EOF in {keyword}")),
                    };
                    nodes.push(if keyword == "range" {
                        Node::Range(pipeline, body, otherwise)
                    } else {
                        Node::With(pipeline, body, otherwise)
                    });
                }
                "define" | "template" | "block" | "break" | "continue" => {
                    return Err(format!("{{{{{keyword}}}}} is not supported"));
                }
                _ => nodes.push(Node::Print(parse_pipeline(&action)?)),
            }
        }
        if stops.is_empty() { Ok((nodes, None)) } else { Err("unexpected EOF: missing {{end}}".to_owned()) }
    }

    fn parse_if(&mut self, condition: &[Token]) -> Result<Node, String> {
        let mut branches = Vec::new();
        let mut condition = parse_pipeline(condition)?;
        loop {
            let (body, stop) = self.parse_list(&["end", "else"])?;
            branches.push((condition, body));
            let Some(stop) = stop else { return Err("unexpected EOF in if".to_owned()) };
            if is_word(&stop, "end") {
                return Ok(Node::If(branches, Vec::new()));
            }
            if matches!(stop.get(1), Some(Token::Word(word)) if word == "if") {
                condition = parse_pipeline(&stop[2..])?;
                continue;
            }
            let otherwise = self.parse_list(&["end"])?.0;
            return Ok(Node::If(branches, otherwise));
        }
    }
}

fn is_word(tokens: &[Token], word: &str) -> bool {
    matches!(tokens.first(), Some(Token::Word(first)) if first == word)
}

/// The body of an action up to `}}` (strings may contain `}}`): body, bytes consumed, and whether it
/// ends with the ` -}}` trim marker.
fn action_body(text: &str) -> Result<(&str, usize, bool), String> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut quote: Option<u8> = None;
    while at < bytes.len() {
        let byte = bytes[at];
        match quote {
            Some(b'`') if byte == b'`' => quote = None,
            Some(b'`') => {}
            Some(_) if byte == b'\\' => at += 1,
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'`' || byte == b'\'' => quote = Some(byte),
            // Compared as bytes: `at` may be inside a multi-byte character, where `text[at..]` would panic.
            None if bytes[at..].starts_with(b" -}}") => return Ok((&text[..at], at + 4, true)),
            None if bytes[at..].starts_with(b"}}") => return Ok((&text[..at], at + 2, false)),
            None => {}
        }
        at += 1;
    }
    Err("unclosed action".to_owned())
}

fn tokenize(body: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = body.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    let fields = |chars: &[char], at: &mut usize| -> Vec<String> {
        let mut path = Vec::new();
        while *at < chars.len() && chars[*at] == '.' {
            *at += 1;
            let start = *at;
            while *at < chars.len() && (chars[*at].is_alphanumeric() || chars[*at] == '_') {
                *at += 1;
            }
            if *at > start {
                path.push(chars[start..*at].iter().collect());
            }
        }
        path
    };
    while at < chars.len() {
        let c = chars[at];
        if c.is_whitespace() {
            at += 1;
        } else if c == '|' {
            tokens.push(Token::Pipe);
            at += 1;
        } else if c == '(' {
            tokens.push(Token::Open);
            at += 1;
        } else if c == ')' {
            at += 1;
            tokens.push(Token::Close(fields(&chars, &mut at)));
        } else if c == '.' {
            tokens.push(Token::Field(fields(&chars, &mut at)));
        } else if c == '$' {
            at += 1;
            tokens.push(Token::Root(fields(&chars, &mut at)));
        } else if c == '"' {
            let start = at;
            at += 1;
            while at < chars.len() && chars[at] != '"' {
                at += if chars[at] == '\\' { 2 } else { 1 };
            }
            at += 1;
            let literal: String = chars[start..at.min(chars.len())].iter().collect();
            let text: String = serde_json::from_str(&literal).map_err(|_| format!("bad string literal {literal}"))?;
            tokens.push(Token::Literal(Value::String(text)));
        } else if c == '`' {
            let start = at + 1;
            at = start;
            while at < chars.len() && chars[at] != '`' {
                at += 1;
            }
            tokens.push(Token::Literal(Value::String(chars[start..at.min(chars.len())].iter().collect())));
            at += 1;
        } else {
            let start = at;
            while at < chars.len() && !chars[at].is_whitespace() && !"|()".contains(chars[at]) {
                at += 1;
            }
            let word: String = chars[start..at].iter().collect();
            tokens.push(match word.as_str() {
                "true" => Token::Literal(Value::Bool(true)),
                "false" => Token::Literal(Value::Bool(false)),
                "nil" => Token::Literal(Value::Null),
                _ => match word.parse::<i64>() {
                    Ok(number) => Token::Literal(Value::from(number)),
                    Err(_) => match word.parse::<f64>() {
                        Ok(number) if word.starts_with(|c: char| c.is_ascii_digit() || c == '-') => {
                            Token::Literal(Value::from(number))
                        }
                        _ => Token::Word(word),
                    },
                },
            });
        }
    }
    Ok(tokens)
}

fn parse_pipeline(tokens: &[Token]) -> Result<Pipeline, String> {
    let mut pipeline = Vec::new();
    let mut command = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            Token::Pipe => {
                if command.is_empty() {
                    return Err("missing command before |".to_owned());
                }
                pipeline.push(std::mem::take(&mut command));
            }
            Token::Open => {
                let mut depth = 1;
                let start = at + 1;
                let mut end = start;
                while end < tokens.len() {
                    match tokens[end] {
                        Token::Open => depth += 1,
                        Token::Close(_) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    end += 1;
                }
                let Some(Token::Close(path)) = tokens.get(end) else { return Err("unclosed (".to_owned()) };
                command.push(Operand::Sub(parse_pipeline(&tokens[start..end])?, path.clone()));
                at = end;
            }
            Token::Close(_) => return Err("unexpected )".to_owned()),
            Token::Field(path) => command.push(Operand::Field(path.clone())),
            Token::Root(path) => command.push(Operand::Root(path.clone())),
            Token::Literal(value) => command.push(Operand::Literal(value.clone())),
            Token::Word(word) => command.push(Operand::Function(word.clone())),
        }
        at += 1;
    }
    if command.is_empty() {
        return Err("missing value for command".to_owned());
    }
    pipeline.push(command);
    Ok(pipeline)
}

struct Evaluator<'e> {
    root: &'e Value,
    base_dir: &'e Path,
}

impl Evaluator<'_> {
    fn list(&self, nodes: &[Node], dot: &Value, out: &mut String) -> Result<(), String> {
        for node in nodes {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Print(pipeline) => out.push_str(&print(&self.pipeline(pipeline, dot)?)),
                Node::If(branches, otherwise) => {
                    let mut taken = false;
                    for (condition, body) in branches {
                        if truthy(&self.pipeline(condition, dot)?) {
                            self.list(body, dot, out)?;
                            taken = true;
                            break;
                        }
                    }
                    if !taken {
                        self.list(otherwise, dot, out)?;
                    }
                }
                Node::With(pipeline, body, otherwise) => {
                    let value = self.pipeline(pipeline, dot)?;
                    if truthy(&value) { self.list(body, &value, out)? } else { self.list(otherwise, dot, out)? }
                }
                Node::Range(pipeline, body, otherwise) => {
                    let items: Vec<Value> = match self.pipeline(pipeline, dot)? {
                        Value::Array(items) => items,
                        Value::Object(map) => map.into_iter().map(|(_, value)| value).collect(),
                        Value::Null => Vec::new(),
                        other => return Err(format!("range can't iterate over {}", print(&other))),
                    };
                    if items.is_empty() {
                        self.list(otherwise, dot, out)?;
                    }
                    for item in &items {
                        self.list(body, item, out)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn pipeline(&self, pipeline: &Pipeline, dot: &Value) -> Result<Value, String> {
        let mut piped: Option<Value> = None;
        for command in pipeline {
            piped = Some(self.command(command, dot, piped)?);
        }
        Ok(piped.unwrap_or(Value::Null))
    }

    fn command(&self, command: &[Operand], dot: &Value, piped: Option<Value>) -> Result<Value, String> {
        let Some(Operand::Function(name)) = command.first() else {
            if command.len() > 1 || piped.is_some() {
                return Err("can't give argument to non-function".to_owned());
            }
            return self.operand(&command[0], dot);
        };
        let mut args = Vec::new();
        for operand in &command[1..] {
            args.push(self.operand(operand, dot)?);
        }
        args.extend(piped);
        self.call(name, args)
    }

    fn operand(&self, operand: &Operand, dot: &Value) -> Result<Value, String> {
        match operand {
            Operand::Field(path) => Ok(lookup(dot, path)),
            Operand::Root(path) => Ok(lookup(self.root, path)),
            Operand::Literal(value) => Ok(value.clone()),
            Operand::Sub(pipeline, path) => Ok(lookup(&self.pipeline(pipeline, dot)?, path)),
            Operand::Function(name) => self.call(name, Vec::new()),
        }
    }

    fn call(&self, name: &str, args: Vec<Value>) -> Result<Value, String> {
        let string = |index: usize| -> Result<&str, String> {
            args.get(index)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("error calling {name}: argument {} is not a string", index + 1))
        };
        let arity = |count: usize| -> Result<(), String> {
            if args.len() == count {
                Ok(())
            } else {
                Err(format!("wrong number of args for {name}: want {count} got {}", args.len()))
            }
        };
        Ok(match name {
            "lower" | "upper" | "plainmarkdown" | "title" | "trimspace" => {
                arity(1)?;
                let text = string(0)?;
                Value::String(match name {
                    "lower" => text.to_lowercase(),
                    "upper" => text.to_uppercase(),
                    "plainmarkdown" => plain_markdown(text),
                    "title" => title_case(text),
                    _ => text.trim().to_owned(),
                })
            }
            "prefixlines" => {
                arity(2)?;
                Value::String(prefix_lines(string(0)?, string(1)?))
            }
            "split" => {
                arity(2)?;
                Value::Array(string(0)?.split(string(1)?).map(|part| Value::String(part.to_owned())).collect())
            }
            "tffile" => {
                arity(1)?;
                Value::String(
                    code_block(self.base_dir, &GeneratedFiles::new(), "terraform", string(0)?)
                        .map_err(|error| error.to_string())?,
                )
            }
            "codefile" => {
                arity(2)?;
                Value::String(
                    code_block(self.base_dir, &GeneratedFiles::new(), string(0)?, string(1)?)
                        .map_err(|error| error.to_string())?,
                )
            }
            "printf" => Value::String(sprintf(string(0)?, &args[1..])?),
            "print" => Value::String(sprint(&args)),
            "println" => Value::String(args.iter().map(print).collect::<Vec<_>>().join(" ") + "\n"),
            "len" => {
                arity(1)?;
                Value::from(match &args[0] {
                    Value::String(text) => text.len(),
                    Value::Array(items) => items.len(),
                    Value::Object(map) => map.len(),
                    other => return Err(format!("len of {}", print(other))),
                })
            }
            "index" => {
                let mut value = args.first().cloned().unwrap_or(Value::Null);
                for key in args.iter().skip(1) {
                    value = match (&value, key) {
                        (Value::Array(items), Value::Number(number)) => number
                            .as_u64()
                            .and_then(|index| items.get(index as usize))
                            .cloned()
                            .ok_or("index out of range")?,
                        (Value::Object(map), Value::String(key)) => map.get(key).cloned().unwrap_or(Value::Null),
                        _ => return Err("can't index item".to_owned()),
                    };
                }
                value
            }
            "not" => {
                arity(1)?;
                Value::Bool(!truthy(&args[0]))
            }
            "and" => args.iter().find(|value| !truthy(value)).or(args.last()).cloned().unwrap_or(Value::Null),
            "or" => args.iter().find(|value| truthy(value)).or(args.last()).cloned().unwrap_or(Value::Null),
            "eq" => Value::Bool(args.len() > 1 && args[1..].iter().any(|other| *other == args[0])),
            "ne" => {
                arity(2)?;
                Value::Bool(args[0] != args[1])
            }
            "lt" | "le" | "gt" | "ge" => {
                arity(2)?;
                let ordering = compare(&args[0], &args[1]).ok_or_else(|| format!("incompatible types for {name}"))?;
                Value::Bool(match name {
                    "lt" => ordering.is_lt(),
                    "le" => ordering.is_le(),
                    "gt" => ordering.is_gt(),
                    _ => ordering.is_ge(),
                })
            }
            _ => return Err(format!("function {name:?} not defined")),
        })
    }
}

fn lookup(value: &Value, path: &[String]) -> Value {
    let mut current = value;
    for key in path {
        match current.get(key) {
            Some(next) => current = next,
            None => return Value::Null,
        }
    }
    current.clone()
}

fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64()?.partial_cmp(&b.as_f64()?),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(value) => *value,
        Value::Number(number) => number.as_f64().is_some_and(|number| number != 0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// Prints a value as Go's `%v` does (a missing value is `<no value>`).
fn print(value: &Value) -> String {
    match value {
        Value::Null => "<no value>".to_owned(),
        Value::Bool(value) => value.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => format!("[{}]", items.iter().map(print).collect::<Vec<_>>().join(" ")),
        Value::Object(map) => {
            let mut entries: Vec<String> = map.iter().map(|(key, value)| format!("{key}:{}", print(value))).collect();
            entries.sort();
            format!("map[{}]", entries.join(" "))
        }
    }
}

/// Go's `fmt.Sprint`: a space between operands when neither is a string.
fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (index, arg) in args.iter().enumerate() {
        if index > 0 && !args[index - 1].is_string() && !arg.is_string() {
            out.push(' ');
        }
        out.push_str(&print(arg));
    }
    out
}

/// Go's `fmt.Sprintf` for the verbs templates use: `%s`, `%v`, `%d`, `%q`, `%t`, `%%`.
fn sprintf(format: &str, args: &[Value]) -> Result<String, String> {
    let mut out = String::new();
    let mut next = args.iter();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = next.next() else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        match verb {
            'q' => out.push_str(&go_quote(&print(arg))),
            's' | 'v' | 'd' | 't' => out.push_str(&print(arg)),
            other => return Err(format!("printf verb %{other} is not supported")),
        }
    }
    Ok(out)
}

/// Quotes a string the way Go's `%q` (`strconv.Quote`) does.
pub fn go_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(template: &str, data: Value) -> String {
        render(template, &data, Path::new(".")).unwrap()
    }

    #[test]
    fn prints_fields_and_pipelines() {
        let data = json!({"Name": "x_y", "Type": "Resource", "Has": true});
        assert_eq!(
            run("{{.Name}} {{ .Type | lower }} {{ split .Name \"_\" }} {{.Has}}", data.clone()),
            "x_y resource [x y] true"
        );
        assert_eq!(run("{{ .Missing }}", data.clone()), "<no value>");
        assert_eq!(run("{{ printf \"{{tffile %q}}\" .Name }}", data.clone()), "{{tffile \"x_y\"}}");
        assert_eq!(run("{{ .Type | prefixlines \"P: \" }}", data), "P: Resource");
    }

    #[test]
    fn trims_and_branches() {
        let data = json!({"A": true, "B": false, "L": ["a", "b"]});
        assert_eq!(run("x\n{{ if .A -}}\n yes\n{{- end }}\ny", data.clone()), "x\nyes\ny");
        assert_eq!(run("{{if .B}}b{{else if .A}}a{{else}}c{{end}}", data.clone()), "a");
        assert_eq!(run("{{range .L}}<{{.}}>{{end}}", data.clone()), "<a><b>");
        assert_eq!(run("{{/* note */}}{{ if and .A (not .B) }}ok{{ end }}", data), "ok");
    }

    #[test]
    fn reports_errors_instead_of_panicking() {
        assert!(render("{{ if .A }}", &json!({}), Path::new(".")).is_err());
        assert!(render("{{ nosuch .A }}", &json!({}), Path::new(".")).is_err());
        assert!(render("{{ .A", &json!({}), Path::new(".")).is_err());
        assert!(render("{{ lower .Missing }}", &json!({}), Path::new(".")).is_err());
    }

    /// Inputs the fuzzer found crashing the engine (`fuzz/regressions/go_template/`).
    #[test]
    fn fuzzer_findings_stay_fixed() {
        // A multi-byte character inside an action, where the end marker was looked for at every byte.
        let _ = render("{{ len\u{602}}}{{ \"\u{e9}\" }}", &json!({}), Path::new("."));
        // `index` with no arguments at all.
        assert!(render("{{ index }}", &json!({}), Path::new(".")).is_ok());
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/go_template");
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let _ = render(&String::from_utf8_lossy(&bytes), &json!({"Name": "x"}), Path::new("/nonexistent"));
        }
    }
}
