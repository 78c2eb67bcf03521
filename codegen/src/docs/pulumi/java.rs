//! Java: programs (builders), signatures and type names as the Registry's Java tab shows them.

use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place, quoted};

/// The Java tab.
pub struct Java;

impl Language for Java {
    fn id(&self) -> &'static str {
        "java"
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, _place: Place) -> String {
        type_name(kind)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut imports =
            vec!["com.pulumi.Context".to_owned(), "com.pulumi.Pulumi".to_owned(), "com.pulumi.core.Output".to_owned()];
        for declaration in &program.declarations {
            imports.push(format!("{}.{}", package.java, declaration.resource));
            imports.push(format!("{}.{}Args", package.java, declaration.resource));
            for field in &declaration.fields {
                input_imports(package, &field.value, true, &mut imports);
            }
        }
        imports.extend(
            [
                "java.util.List",
                "java.util.ArrayList",
                "java.util.Map",
                "java.io.File",
                "java.nio.file.Files",
                "java.nio.file.Paths",
            ]
            .map(str::to_owned),
        );
        let mut seen = std::collections::HashSet::new();
        imports.retain(|import| seen.insert(import.clone()));
        let mut out = String::from("package generated_program;\n\n");
        for import in imports {
            out.push_str(&format!("import {import};\n"));
        }
        out.push_str("\npublic class App {\n    public static void main(String[] args) {\n        Pulumi.run(App::stack);\n    }\n\n    public static void stack(Context ctx) {\n");
        for declaration in &program.declarations {
            for comment in &declaration.comments {
                out.push_str(&format!("        // {comment}\n"));
            }
            out.push_str(&format!("        {}\n", statement(declaration, 8)));
        }
        out.push_str("\n    }\n}\n");
        out
    }

    fn declaration(&self, _package: &Package<'_>, declaration: &Declaration) -> String {
        format!("{}\n", statement(declaration, 0))
    }

    fn constructor(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        format!(
            "public {0}(String name, {0}Args args)\npublic {0}(String name, {0}Args args, CustomResourceOptions options)",
            view.name
        )
    }

    fn parameters(&self, view: &ResourceView) -> Vec<Parameter> {
        vec![
            Parameter::name("name", "String"),
            Parameter::args("args", &view.name, true),
            Parameter::options("options", "CustomResourceOptions"),
        ]
    }

    fn lookup(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        format!(
            "public static {0} get(String name, Output<String> id, {0}State state, CustomResourceOptions options)",
            view.name
        )
    }
}

/// The input classes a program imports: objects at any depth of objects, and the elements of lists set
/// directly on the resource, as Pulumi's Java generator collects them.
fn input_imports(package: &Package<'_>, value: &Value, top: bool, imports: &mut Vec<String>) {
    match value {
        Value::Object(name, fields) => {
            imports.push(format!("{}.inputs.{name}Args", package.java));
            for field in fields {
                input_imports(package, &field.value, false, imports);
            }
        }
        Value::List(items) if top => {
            for item in items {
                input_imports(package, item, false, imports);
            }
        }
        _ => {}
    }
}

/// `var x = new R("x", RArgs.builder()...build());`
fn statement(declaration: &Declaration, indent: usize) -> String {
    let args = if declaration.fields.is_empty() {
        String::new()
    } else {
        format!(", {}", builder(&format!("{}Args", declaration.resource), &declaration.fields, indent))
    };
    format!("var {} = new {}({}{args});", declaration.variable, declaration.resource, quoted(&declaration.name))
}

/// `TArgs.builder()` with one `.field(value)` line per field, then `.build()`.
fn builder(class: &str, fields: &[Field], indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    let mut out = format!("{class}.builder()\n");
    for field in fields {
        for comment in &field.comments {
            out.push_str(&format!("{pad}// {comment}\n"));
        }
        let argument = match &field.value {
            Value::List(items) if items.len() > 1 => {
                let inner = " ".repeat(indent + 8);
                let items: Vec<String> =
                    items.iter().map(|item| format!("{inner}{}", value(item, indent + 8))).collect();
                format!("            \n{}", items.join(",\n"))
            }
            Value::List(items) => items.iter().map(|item| value(item, indent + 4)).collect::<Vec<_>>().join(", "),
            other => value(other, indent + 4),
        };
        out.push_str(&format!("{pad}.{}({argument})\n", field.name));
    }
    out.push_str(&format!("{pad}.build()"));
    out
}

fn value(value: &Value, indent: usize) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Reference { variable, property, .. } => format!("{variable}.{}()", property.as_deref().unwrap_or("id")),
        Value::Object(name, fields) => builder(&format!("{name}Args"), fields, indent),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|item| self::value(item, indent)).collect();
            format!("List.of({})", items.join(", "))
        }
        Value::Map(entries) if entries.len() <= 10 => {
            let entries: Vec<String> =
                entries.iter().map(|(key, item)| format!("{}, {}", quoted(key), self::value(item, indent))).collect();
            format!("Map.of({})", entries.join(", "))
        }
        Value::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(key, item)| format!("Map.entry({}, {})", quoted(key), self::value(item, indent)))
                .collect();
            format!("Map.ofEntries({})", entries.join(", "))
        }
    }
}

/// A type as this language names it (the same in every place).
fn type_name(kind: &Kind) -> String {
    match kind {
        Kind::String => "String".to_owned(),
        Kind::Int => "Integer".to_owned(),
        Kind::Float => "Double".to_owned(),
        Kind::Bool => "Boolean".to_owned(),
        Kind::Any => "Object".to_owned(),
        Kind::List(element) => format!("List<{}>", type_name(element)),
        Kind::Map(element) => format!("Map<String,{}>", type_name(element)),
        Kind::Object(name) => name.clone(),
    }
}
