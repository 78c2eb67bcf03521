//! Pulumi HCL: programs, the resource block, the import block and type names as the Registry's HCL tab
//! shows them. Resource types are the package and the type name in snake_case, properties are
//! snake_case, a list of objects is written as repeated blocks, and every resource states
//! `create_before_destroy`, Pulumi's default that HCL's is not. Programs are laid out as HCL's formatter
//! lays them out (see [`layout`]).

use std::fmt::Write;

use super::names::hcl_property;
use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place};
use crate::examples::hcl::quoted;

/// The HCL tab.
pub struct Hcl;

impl Language for Hcl {
    fn id(&self) -> &'static str {
        "hcl"
    }

    fn property_name(&self, name: &str) -> String {
        hcl_property(name)
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, _place: Place) -> String {
        type_name(kind)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut raw = format!(
            "terraform {{\nrequired_providers {{\n{} = {{\nsource = {}\n}}\n}}\n}}\n\n",
            package.name,
            quoted(&format!("{}/{}", package.namespace, package.name))
        );
        for declaration in &program.declarations {
            resource(&mut raw, package, declaration);
        }
        layout(&raw)
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        let mut raw = String::new();
        resource(&mut raw, package, declaration);
        layout(&raw)
    }

    fn constructor(&self, package: &Package<'_>, view: &ResourceView) -> String {
        format!("resource \"{}\" \"name\" {{\n    # resource properties\n}}\n", package.hcl_token(&view.name))
    }

    fn parameters(&self, _view: &ResourceView) -> Vec<Parameter> {
        Vec::new()
    }

    fn lookup(&self, package: &Package<'_>, view: &ResourceView) -> String {
        format!("import {{\n  to = {}.example\n  id = \"${{id}}\"\n}}\n", package.hcl_token(&view.name))
    }

    fn lookup_parameters(&self) -> Vec<Parameter> {
        Vec::new()
    }
}

/// Appends a resource block, unindented (see [`layout`]).
fn resource(raw: &mut String, package: &Package<'_>, declaration: &Declaration) {
    comments(raw, &declaration.comments);
    let _ = writeln!(
        raw,
        "resource {} {} {{",
        quoted(&package.hcl_token(&declaration.resource)),
        quoted(&declaration.name)
    );
    raw.push_str("lifecycle {\ncreate_before_destroy = true\n}\n");
    body(raw, package, &declaration.fields);
    raw.push_str("}\n");
}

/// The fields of a resource or block: a list of objects as one block per element, the rest as
/// attributes.
fn body(raw: &mut String, package: &Package<'_>, fields: &[Field]) {
    for field in fields {
        comments(raw, &field.comments);
        let name = hcl_property(&field.name);
        match (&field.kind, &field.value) {
            (Kind::List(element), Value::List(items)) if matches!(**element, Kind::Object(_)) => {
                for item in items {
                    let Value::Object(_, inner) = item else {
                        let _ = writeln!(raw, "{name} = {}", expression(package, item));
                        continue;
                    };
                    let _ = writeln!(raw, "{name} {{");
                    body(raw, package, inner);
                    raw.push_str("}\n");
                }
            }
            (_, value) => {
                let _ = writeln!(raw, "{name} = {}", expression(package, value));
            }
        }
    }
}

fn comments(raw: &mut String, comments: &[String]) {
    for comment in comments {
        let _ = writeln!(raw, "# {comment}");
    }
}

/// A value as an expression: lists on one line, objects and maps one item per line.
fn expression(package: &Package<'_>, value: &Value) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|item| expression(package, item)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(entries) => object(entries.iter().map(|(key, item)| (quoted(key), expression(package, item)))),
        Value::Object(_, fields) => {
            object(fields.iter().map(|field| (hcl_property(&field.name), expression(package, &field.value))))
        }
        Value::Reference { resource, variable, property } => {
            let attribute = property.as_deref().map_or_else(|| "id".to_owned(), hcl_property);
            format!("{}.{variable}.{attribute}", package.hcl_token(resource))
        }
    }
}

fn object(items: impl Iterator<Item = (String, String)>) -> String {
    let mut out = String::from("{\n");
    for (key, value) in items {
        let _ = writeln!(out, "{key} = {value}");
    }
    if out == "{\n" {
        return "{}".to_owned();
    }
    out.push('}');
    out
}

/// Lays out unindented lines as HCL's formatter does: a line that opens more brackets than it closes
/// indents the lines after it by two spaces (however many it opens), a line that closes them returns to
/// where they opened; and the `=` of consecutive lines that each hold a whole one-line attribute are
/// aligned one space after the longest name.
fn layout(raw: &str) -> String {
    let lines: Vec<Line> = raw.lines().map(Line::new).collect();
    let mut indents: Vec<i32> = Vec::new();
    let mut depths = Vec::with_capacity(lines.len());
    for line in &lines {
        match line.brackets {
            opened if opened > 0 => {
                depths.push(indents.len());
                indents.push(opened);
            }
            closed if closed < 0 => {
                let mut closed = -closed;
                while closed > 0 {
                    let Some(last) = indents.last_mut() else { break };
                    if closed >= *last {
                        closed -= *last;
                        indents.pop();
                    } else {
                        *last -= closed;
                        closed = 0;
                    }
                }
                depths.push(indents.len());
            }
            _ => depths.push(indents.len()),
        }
    }
    let mut out = String::with_capacity(raw.len() * 2);
    let mut start = 0;
    while start < lines.len() {
        // A run of attribute lines shares one column for `=`.
        let end = (start..lines.len()).find(|&at| lines[at].assign.is_none()).unwrap_or(lines.len()).max(start + 1);
        let column = (start..end)
            .filter_map(|at| lines[at].assign.map(|assign| 2 * depths[at] + lines[at].text[..assign].trim_end().len()))
            .max()
            .unwrap_or(0);
        for at in start..end {
            let (line, indent) = (&lines[at], 2 * depths[at]);
            if line.text.is_empty() {
                out.push('\n');
                continue;
            }
            match line.assign {
                Some(assign) => {
                    let name = line.text[..assign].trim_end();
                    let value = line.text[assign + 1..].trim_start();
                    let pad = column - indent - name.len() + 1;
                    let _ = writeln!(out, "{:indent$}{name}{:pad$}= {value}", "", "");
                }
                None => {
                    let _ = writeln!(out, "{:indent$}{}", "", line.text);
                }
            }
        }
        start = end;
    }
    out
}

/// One unindented line: its text, the brackets it opens less those it closes, and where its `=` is
/// when it holds a whole one-line attribute.
struct Line<'a> {
    text: &'a str,
    brackets: i32,
    assign: Option<usize>,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Self {
        let mut brackets = 0;
        let mut equals = None;
        let mut after_equals = 0;
        let mut in_string = false;
        let mut escaped = false;
        for (at, c) in text.char_indices() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            let change = match c {
                '"' => {
                    in_string = true;
                    0
                }
                '#' => break,
                '{' | '[' | '(' => 1,
                '}' | ']' | ')' => -1,
                '=' if equals.is_none() && at > 0 => {
                    equals = Some(at);
                    0
                }
                _ => 0,
            };
            brackets += change;
            if equals.is_some() {
                after_equals += change;
            }
        }
        let assign = equals.filter(|_| after_equals == 0);
        Line { text, brackets, assign }
    }
}

/// A type as this language names it.
fn type_name(kind: &Kind) -> String {
    match kind {
        Kind::String => "string".to_owned(),
        Kind::Int | Kind::Float => "number".to_owned(),
        Kind::Bool => "bool".to_owned(),
        Kind::Any => "any".to_owned(),
        Kind::List(element) => format!("list({})", type_name(element)),
        Kind::Map(element) => format!("map({})", type_name(element)),
        Kind::Object(_) => "object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_aligns_runs_of_attributes_and_indents_by_brackets() {
        let raw = "resource \"a_b\" \"x\" {\nlifecycle {\ncreate_before_destroy = true\n}\nmax = 0\nlong_name = \"s\"\nkeepers = {\n\"string\" = \"string\"\n}\nlist = [{\nk = 1\n}, {\nk = 2\n}]\nseed = \"a = {\"\n}\n";
        assert_eq!(
            layout(raw),
            "resource \"a_b\" \"x\" {\n  lifecycle {\n    create_before_destroy = true\n  }\n  max       = 0\n  long_name = \"s\"\n  keepers = {\n    \"string\" = \"string\"\n  }\n  list = [{\n    k = 1\n    }, {\n    k = 2\n  }]\n  seed = \"a = {\"\n}\n"
        );
    }

    #[test]
    fn types() {
        let nested = Kind::Map(Box::new(Kind::List(Box::new(Kind::Object("T".to_owned())))));
        assert_eq!(type_name(&nested), "map(list(object))");
        assert_eq!(type_name(&Kind::Float), "number");
    }
}
