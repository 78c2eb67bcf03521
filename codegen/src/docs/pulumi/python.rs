//! Python: programs, signatures and type names as the Registry's Python tab shows them.

use super::names::snake;
use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place, quoted};

/// The Python tab.
pub struct Python;

impl Language for Python {
    fn id(&self) -> &'static str {
        "python"
    }

    fn property_name(&self, name: &str) -> String {
        python_name(name)
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, place: Place) -> String {
        type_name(kind, place)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut out = format!("import pulumi\nimport {} as {}\n", package.python, package.name);
        for declaration in &program.declarations {
            out.push('\n');
            out.push_str(&self.declaration(package, declaration));
        }
        out
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        let mut out = String::new();
        for comment in &declaration.comments {
            out.push_str(&format!("# {comment}\n"));
        }
        out.push_str(&format!(
            "{} = {}.{}({}",
            snake(&declaration.variable),
            package.name,
            declaration.resource,
            quoted(&declaration.name)
        ));
        for field in &declaration.fields {
            out.push_str(",\n");
            for comment in &field.comments {
                out.push_str(&format!("    # {comment}\n"));
            }
            out.push_str(&format!("    {}={}", python_name(&field.name), value(&field.value, 4)));
        }
        out.push_str(")\n");
        out
    }

    fn constructor(&self, package: &Package<'_>, view: &ResourceView) -> String {
        let head = format!("def {}(", view.name);
        let pad = " ".repeat(head.len());
        let args = if view.args_required() {
            format!("args: {}Args", view.name)
        } else {
            format!("args: Optional[{}Args] = None", view.name)
        };
        let mut out = format!(
            "@overload\n{head}resource_name: str,\n{pad}{args},\n{pad}opts: Optional[ResourceOptions] = None)\n\n@overload\n{head}resource_name: str,\n{pad}opts: Optional[ResourceOptions] = None"
        );
        let mut inputs = view.inputs();
        inputs.sort_by(|a, b| a.name.cmp(&b.name));
        for input in inputs {
            let ty = self.type_string(package, &input.kind, Place::Input);
            out.push_str(&format!(",\n{pad}{}: Optional[{ty}] = None", python_name(&input.name)));
        }
        out.push(')');
        out
    }

    fn parameters(&self, view: &ResourceView) -> Vec<Parameter> {
        vec![
            Parameter::name("resource_name", "str"),
            Parameter::args("args", &view.name, view.args_required()),
            Parameter::options("opts", "ResourceOptions"),
        ]
    }

    fn lookup(&self, package: &Package<'_>, view: &ResourceView) -> String {
        let pad = " ".repeat("def get(".len());
        let mut out = format!(
            "@staticmethod\ndef get(resource_name: str,\n{pad}id: str,\n{pad}opts: Optional[ResourceOptions] = None"
        );
        for property in view.state() {
            let ty = self.type_string(package, &property.kind, Place::Input);
            out.push_str(&format!(",\n{pad}{}: Optional[{ty}] = None", python_name(&property.name)));
        }
        out.push_str(&format!(") -> {}", view.name));
        out
    }

    fn lookup_parameters(&self) -> Vec<Parameter> {
        Parameter::lookup(&["resource_name", "id"])
    }
}

fn value(value: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    let close = " ".repeat(indent);
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        Value::Reference { variable, property, .. } => {
            format!("{}.{}", snake(variable), property.as_deref().map(python_name).unwrap_or_else(|| "id".to_owned()))
        }
        Value::Object(_, fields) => {
            dict(fields.iter().map(|field: &Field| (&field.name, &field.value, &field.comments[..])), indent)
        }
        Value::Map(entries) => dict(entries.iter().map(|(name, item)| (name, item, &[][..])), indent),
        Value::List(items) => match &items[..] {
            [] => "[]".to_owned(),
            [only @ Value::Object(..)] => format!("[{}]", self::value(only, indent)),
            _ if items.iter().any(|item| matches!(item, Value::Object(..) | Value::Map(_) | Value::List(_))) => {
                let mut out = String::from("[\n");
                for item in items {
                    out.push_str(&format!("{pad}{},\n", self::value(item, indent + 4)));
                }
                out.push_str(&close);
                out.push(']');
                out
            }
            _ => format!("[{}]", items.iter().map(|item| self::value(item, indent)).collect::<Vec<_>>().join(", ")),
        },
    }
}

fn dict<'v>(entries: impl Iterator<Item = (&'v String, &'v Value, &'v [String])>, indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    let mut out = String::from("{\n");
    for (name, item, comments) in entries {
        for comment in comments {
            out.push_str(&format!("{pad}# {comment}\n"));
        }
        out.push_str(&format!("{pad}{}: {},\n", quoted(name), value(item, indent + 4)));
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
    out
}

/// A type as this language names it at `place`.
fn type_name(kind: &Kind, place: Place) -> String {
    match kind {
        Kind::String => "str".to_owned(),
        Kind::Int => "int".to_owned(),
        Kind::Float => "float".to_owned(),
        Kind::Bool => "bool".to_owned(),
        Kind::Any => "Any".to_owned(),
        Kind::List(element) => format!("Sequence[{}]", type_name(element, place)),
        Kind::Map(element) => format!("Mapping[str, {}]", type_name(element, place)),
        Kind::Object(name) if place == Place::Input => format!("{name}Args"),
        Kind::Object(name) => name.clone(),
    }
}

/// Python's keywords, which a property name takes a trailing underscore after.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// A property's Python name: snake_case, a keyword followed by `_`.
fn python_name(name: &str) -> String {
    let snake = snake(name);
    if KEYWORDS.contains(&snake.as_str()) { format!("{snake}_") } else { snake }
}
