//! Pulumi YAML: programs, the resource's declaration form and type names as the Registry's YAML tab
//! shows them. Scalars are written plain unless YAML would read them as something else, then
//! single-quoted, as the YAML encoder Pulumi uses writes them.

use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place};

/// The YAML tab.
pub struct Yaml;

impl Language for Yaml {
    fn id(&self) -> &'static str {
        "yaml"
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, _place: Place) -> String {
        type_name(kind)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut out = String::from("resources:\n");
        for declaration in &program.declarations {
            for comment in &declaration.comments {
                out.push_str(&format!("  # {comment}\n"));
            }
            out.push_str(&format!(
                "  {}:\n    type: {}\n",
                declaration.variable,
                package.yaml_token(&declaration.resource)
            ));
            if declaration.name != declaration.variable {
                out.push_str(&format!("    name: {}\n", scalar(&declaration.name)));
            }
            if !declaration.fields.is_empty() {
                out.push_str("    properties:\n");
                mapping(&mut out, &declaration.fields, 6, 2);
            }
        }
        out
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        let mut out = format!("type: {}\n", package.yaml_token(&declaration.resource));
        let mut fields = declaration.fields.clone();
        sort(&mut fields);
        if !fields.is_empty() {
            out.push_str("properties:\n");
            mapping(&mut out, &fields, 4, 4);
        }
        out
    }

    fn constructor(&self, package: &Package<'_>, view: &ResourceView) -> String {
        // The Registry separates the comment markers from their text with a no-break space.
        format!(
            "type: {}\nproperties: #\u{a0}The arguments to resource properties.\noptions: #\u{a0}Bag of options to control resource's behavior.\n",
            package.yaml_token(&view.name)
        )
    }

    fn parameters(&self, _view: &ResourceView) -> Vec<Parameter> {
        Vec::new()
    }

    fn lookup(&self, package: &Package<'_>, view: &ResourceView) -> String {
        // The Registry shows this form on one line, its line breaks dropped.
        format!("resources:  _:    type: {}    get:      id: ${{id}}", package.yaml_token(&view.name))
    }

    fn lookup_parameters(&self) -> Vec<Parameter> {
        Vec::new()
    }
}

/// Sorts fields by name at every depth, as YAML programs list keys.
fn sort(fields: &mut [Field]) {
    fields.sort_by(|a, b| a.name.cmp(&b.name));
    for field in fields {
        sort_value(&mut field.value);
    }
}

fn sort_value(value: &mut Value) {
    match value {
        Value::Object(_, fields) => sort(fields),
        Value::List(items) => items.iter_mut().for_each(sort_value),
        Value::Map(entries) => entries.iter_mut().for_each(|(_, item)| sort_value(item)),
        _ => {}
    }
}

/// Writes `key: value` lines at `indent`, nested collections `step` further in.
fn mapping(out: &mut String, fields: &[Field], indent: usize, step: usize) {
    let entries: Vec<(&str, &Value, &[String])> =
        fields.iter().map(|field| (field.name.as_str(), &field.value, &field.comments[..])).collect();
    entries_at(out, &entries, indent, step, None);
}

/// Writes mapping entries; with `first_prefix`, the first line starts with it (a list item's `- `)
/// instead of the indentation.
fn entries_at(
    out: &mut String,
    entries: &[(&str, &Value, &[String])],
    indent: usize,
    step: usize,
    first_prefix: Option<String>,
) {
    for (index, (key, value, comments)) in entries.iter().enumerate() {
        let lead = match (&first_prefix, index) {
            (Some(prefix), 0) => prefix.clone(),
            _ => " ".repeat(indent),
        };
        // A list item's first entry has its comments above the item's dash.
        let comment_indent = if first_prefix.is_some() && index == 0 { indent - 2 } else { indent };
        for comment in comments.iter() {
            out.push_str(&format!("{}# {comment}\n", " ".repeat(comment_indent)));
        }
        match value {
            Value::Object(_, fields) if !fields.is_empty() => {
                out.push_str(&format!("{lead}{}:\n", scalar(key)));
                mapping(out, fields, indent + step, step);
            }
            Value::Map(items) if !items.is_empty() => {
                out.push_str(&format!("{lead}{}:\n", scalar(key)));
                let items: Vec<(&str, &Value, &[String])> =
                    items.iter().map(|(k, v)| (k.as_str(), v, &[][..])).collect();
                entries_at(out, &items, indent + step, step, None);
            }
            Value::List(items) if !items.is_empty() => {
                out.push_str(&format!("{lead}{}:\n", scalar(key)));
                sequence(out, items, indent + step, step);
            }
            other => out.push_str(&format!("{lead}{}: {}\n", scalar(key), inline(other))),
        }
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize, step: usize) {
    let pad = " ".repeat(indent);
    for item in items {
        match item {
            Value::Object(_, fields) if !fields.is_empty() => {
                let entries: Vec<(&str, &Value, &[String])> =
                    fields.iter().map(|field| (field.name.as_str(), &field.value, &field.comments[..])).collect();
                entries_at(out, &entries, indent + 2, step, Some(format!("{pad}- ")));
            }
            Value::List(inner) if !inner.is_empty() => {
                out.push_str(&format!("{pad}-\n"));
                sequence(out, inner, indent + step, step);
            }
            other => out.push_str(&format!("{pad}- {}\n", inline(other))),
        }
    }
}

fn inline(value: &Value) -> String {
    match value {
        Value::String(text) => scalar(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Reference { variable, property, .. } => {
            format!("${{{variable}.{}}}", property.as_deref().unwrap_or("id"))
        }
        Value::Object(..) | Value::Map(_) => "{}".to_owned(),
        Value::List(_) => "[]".to_owned(),
    }
}

/// A string as a YAML scalar: plain where YAML reads it back as that string, else quoted.
fn scalar(text: &str) -> String {
    if text.chars().any(|c| c.is_control()) {
        return super::quoted(text);
    }
    if needs_quotes(text) { format!("'{}'", text.replace('\'', "''")) } else { text.to_owned() }
}

fn needs_quotes(text: &str) -> bool {
    const RESERVED: &[&str] =
        &["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", ".nan"];
    let Some(first) = text.chars().next() else { return true };
    RESERVED.contains(&text.to_lowercase().as_str())
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.starts_with("---")
        || text.starts_with("...")
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.starts_with(' ')
        || text.ends_with(' ')
        || looks_numeric(text)
}

fn looks_numeric(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty()
        && (digits.parse::<f64>().is_ok() || digits.starts_with("0x") || digits.starts_with("0o"))
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// A type as this language names it (the same in every place).
fn type_name(kind: &Kind) -> String {
    match kind {
        Kind::String => "String".to_owned(),
        Kind::Int | Kind::Float => "Number".to_owned(),
        Kind::Bool => "Boolean".to_owned(),
        Kind::Any => "Any".to_owned(),
        Kind::List(element) => format!("List<{}>", type_name(element)),
        Kind::Map(element) => format!("Map<{}>", type_name(element)),
        Kind::Object(_) => "Property Map".to_owned(),
    }
}
