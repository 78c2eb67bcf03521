//! TypeScript: programs, signatures and type names as the Registry's TypeScript tab shows them.

use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place, quoted};

/// The TypeScript tab.
pub struct TypeScript;

/// Words an object key must be quoted as.
const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
];

impl Language for TypeScript {
    fn id(&self) -> &'static str {
        "typescript"
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, _place: Place) -> String {
        type_name(kind)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut out = format!(
            "import * as pulumi from \"@pulumi/pulumi\";\nimport * as {} from \"{}\";\n",
            package.name, package.nodejs
        );
        for declaration in &program.declarations {
            out.push('\n');
            out.push_str(&self.declaration(package, declaration));
        }
        out
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        let mut out = String::new();
        for comment in &declaration.comments {
            out.push_str(&format!("// {comment}\n"));
        }
        let args =
            if declaration.fields.is_empty() { String::new() } else { format!(", {}", object(&declaration.fields, 0)) };
        out.push_str(&format!(
            "const {} = new {}.{}({}{args});\n",
            declaration.variable,
            package.name,
            declaration.resource,
            quoted(&declaration.name)
        ));
        out
    }

    fn constructor(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        let optional = if view.args_required() { "" } else { "?" };
        format!("new {0}(name: string, args{optional}: {0}Args, opts?: CustomResourceOptions);", view.name)
    }

    fn parameters(&self, view: &ResourceView) -> Vec<Parameter> {
        vec![
            Parameter::name("name", "string"),
            Parameter::args("args", &view.name, view.args_required()),
            Parameter::options("opts", "CustomResourceOptions"),
        ]
    }

    fn lookup(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        format!(
            "public static get(name: string, id: Input<ID>, state?: {0}State, opts?: CustomResourceOptions): {0}",
            view.name
        )
    }
}

fn key(name: &str) -> String {
    let identifier = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier && !RESERVED.contains(&name) { name.to_owned() } else { quoted(name) }
}

fn object(fields: &[Field], indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    let mut out = String::from("{\n");
    for field in fields {
        for comment in &field.comments {
            out.push_str(&format!("{pad}// {comment}\n"));
        }
        out.push_str(&format!("{pad}{}: {},\n", key(&field.name), value(&field.value, indent + 4)));
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
    out
}

fn value(value: &Value, indent: usize) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Reference { variable, property, .. } => format!("{variable}.{}", property.as_deref().unwrap_or("id")),
        Value::Object(_, fields) => object(fields, indent),
        Value::Map(entries) => {
            let pad = " ".repeat(indent + 4);
            let mut out = String::from("{\n");
            for (name, item) in entries {
                out.push_str(&format!("{pad}{}: {},\n", key(name), self::value(item, indent + 4)));
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
            out
        }
        Value::List(items) => match &items[..] {
            [] => "[]".to_owned(),
            [only @ Value::Object(..)] => format!("[{}]", self::value(only, indent)),
            _ if items.iter().any(|item| matches!(item, Value::Object(..) | Value::Map(_) | Value::List(_))) => {
                let pad = " ".repeat(indent + 4);
                let mut out = String::from("[\n");
                for item in items {
                    out.push_str(&format!("{pad}{},\n", self::value(item, indent + 4)));
                }
                out.push_str(&" ".repeat(indent));
                out.push(']');
                out
            }
            _ => format!("[{}]", items.iter().map(|item| self::value(item, indent)).collect::<Vec<_>>().join(", ")),
        },
    }
}

/// A type as this language names it (the same in every place).
fn type_name(kind: &Kind) -> String {
    match kind {
        Kind::String => "string".to_owned(),
        Kind::Int | Kind::Float => "number".to_owned(),
        Kind::Bool => "boolean".to_owned(),
        Kind::Any => "any".to_owned(),
        Kind::List(element) => format!("{}[]", type_name(element)),
        Kind::Map(element) => format!("{{[key: string]: {}}}", type_name(element)),
        Kind::Object(name) => name.clone(),
    }
}
