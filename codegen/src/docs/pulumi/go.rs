//! Go: programs (laid out as gofmt aligns them), signatures and type names as the Registry's Go tab
//! shows them.

use super::names::title;
use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place, quoted};

/// The Go tab.
pub struct Go;

/// The Pulumi SDK's import path.
const SDK: &str = "github.com/pulumi/pulumi/sdk/v3/go/pulumi";

impl Language for Go {
    fn id(&self) -> &'static str {
        "go"
    }

    fn property_name(&self, name: &str) -> String {
        title(name)
    }

    fn type_string(&self, _package: &Package<'_>, kind: &Kind, place: Place) -> String {
        type_name(kind, place)
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut imports = [package.go.as_str(), SDK];
        imports.sort();
        let mut out = String::from("package main\n\nimport (\n");
        for path in imports {
            out.push_str(&format!("\t\"{path}\"\n"));
        }
        out.push_str(")\n\nfunc main() {\n\tpulumi.Run(func(ctx *pulumi.Context) error {\n");
        let referenced = program.referenced();
        let mut declared_err = false;
        for declaration in &program.declarations {
            let target = if referenced.contains(&declaration.variable) { declaration.variable.as_str() } else { "_" };
            let assign = if declared_err && target == "_" { "=" } else { ":=" };
            declared_err = true;
            for comment in &declaration.comments {
                out.push_str(&format!("\t\t// {comment}\n"));
            }
            out.push_str(&format!("\t\t{target}, err {assign} {}\n", call(package, declaration, 2)));
            out.push_str("\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n");
        }
        out.push_str("\t\treturn nil\n\t})\n}\n");
        out
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        format!("example, err := {}\n", call(package, declaration, 0))
    }

    fn constructor(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        let pointer = if view.args_required() { "" } else { "*" };
        format!(
            "func New{0}(ctx *Context, name string, args {pointer}{0}Args, opts ...ResourceOption) (*{0}, error)",
            view.name
        )
    }

    fn parameters(&self, view: &ResourceView) -> Vec<Parameter> {
        vec![
            Parameter::context(),
            Parameter::name("name", "string"),
            Parameter::args("args", &view.name, view.args_required()),
            Parameter::options("opts", "ResourceOption"),
        ]
    }

    fn lookup(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        format!(
            "func Get{0}(ctx *Context, name string, id IDInput, state *{0}State, opts ...ResourceOption) (*{0}, error)",
            view.name
        )
    }
}

/// `pkg.NewR(ctx, "name", &pkg.RArgs{...})`.
fn call(package: &Package<'_>, declaration: &Declaration, indent: usize) -> String {
    let pkg = package.go_package();
    let args = if declaration.fields.is_empty() {
        "nil".to_owned()
    } else {
        let entries: Vec<(String, String)> = declaration
            .fields
            .iter()
            .map(|field: &Field| {
                (format!("{}:", title(&field.name)), value(package, &field.kind, &field.value, indent + 1))
            })
            .collect();
        format!("&{pkg}.{}Args{}", declaration.resource, braces(&entries, indent))
    };
    format!("{pkg}.New{}(ctx, {}, {args})", declaration.resource, quoted(&declaration.name))
}

/// A composite literal's body: one entry per line, the values of consecutive one-line entries aligned
/// as gofmt aligns them.
fn braces(entries: &[(String, String)], indent: usize) -> String {
    let tabs = "\t".repeat(indent + 1);
    let mut out = String::from("{\n");
    let mut start = 0;
    while start < entries.len() {
        let one_line = |entry: &(String, String)| !entry.1.contains('\n');
        if !one_line(&entries[start]) {
            let (key, value) = &entries[start];
            out.push_str(&format!("{tabs}{key} {value},\n"));
            start += 1;
            continue;
        }
        let end = entries[start..].iter().position(|entry| !one_line(entry)).map_or(entries.len(), |n| start + n);
        let width = entries[start..end].iter().map(|(key, _)| key.chars().count()).max().unwrap_or(0);
        for (key, value) in &entries[start..end] {
            let padding = " ".repeat(width - key.chars().count() + 1);
            out.push_str(&format!("{tabs}{key}{padding}{value},\n"));
        }
        start = end;
    }
    out.push_str(&"\t".repeat(indent));
    out.push('}');
    out
}

fn value(package: &Package<'_>, kind: &Kind, value: &Value, indent: usize) -> String {
    let pkg = package.go_package();
    match (kind, value) {
        (_, Value::Null) => "nil".to_owned(),
        (_, Value::Reference { variable, property: None, .. }) => format!("{variable}.ID()"),
        (_, Value::Reference { variable, property: Some(property), .. }) => {
            format!("{variable}.{}", title(property))
        }
        (Kind::Any, other) => format!("pulumi.Any({})", plain(other)),
        (Kind::Int, Value::Number(number)) => format!("pulumi.Int({number})"),
        (Kind::Float, Value::Number(number)) => format!("pulumi.Float64({number})"),
        (_, Value::Bool(flag)) => format!("pulumi.Bool({flag})"),
        (_, Value::String(text)) => format!("pulumi.String({})", quoted(text)),
        (_, Value::Number(number)) => format!("pulumi.Float64({number})"),
        (Kind::Object(name), Value::Object(_, fields)) => {
            let entries: Vec<(String, String)> = fields
                .iter()
                .map(|field| {
                    (format!("{}:", title(&field.name)), self::value(package, &field.kind, &field.value, indent + 1))
                })
                .collect();
            format!("&{pkg}.{name}Args{}", braces_or_empty(&entries, indent))
        }
        (Kind::List(element), Value::List(items)) => {
            let tabs = "\t".repeat(indent + 1);
            let mut out = format!("{}{{\n", collection_type(pkg, "Array", element));
            for item in items {
                out.push_str(&format!("{tabs}{},\n", self::value(package, element, item, indent + 1)));
            }
            out.push_str(&"\t".repeat(indent));
            out.push('}');
            out
        }
        (Kind::Map(element), Value::Map(entries)) => {
            let entries: Vec<(String, String)> = entries
                .iter()
                .map(|(key, item)| (format!("{}:", quoted(key)), self::value(package, element, item, indent + 1)))
                .collect();
            format!("{}{}", collection_type(pkg, "Map", element), braces_or_empty(&entries, indent))
        }
        (_, other) => format!("pulumi.Any({})", plain(other)),
    }
}

fn braces_or_empty(entries: &[(String, String)], indent: usize) -> String {
    if entries.is_empty() { "{}".to_owned() } else { braces(entries, indent) }
}

/// `pulumi.StringArray`, `pkg.TArray`, `pulumi.IntMap`...
fn collection_type(pkg: &str, suffix: &str, element: &Kind) -> String {
    match element {
        Kind::String => format!("pulumi.String{suffix}"),
        Kind::Int => format!("pulumi.Int{suffix}"),
        Kind::Float => format!("pulumi.Float64{suffix}"),
        Kind::Bool => format!("pulumi.Bool{suffix}"),
        Kind::Object(name) => format!("{pkg}.{name}{suffix}"),
        Kind::List(inner) => format!("{}{suffix}", collection_type(pkg, "Array", inner)),
        Kind::Map(inner) => format!("{}{suffix}", collection_type(pkg, "Map", inner)),
        Kind::Any => format!("pulumi.{suffix}"),
    }
}

/// A literal inside `pulumi.Any(...)`.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        _ => "nil".to_owned(),
    }
}

/// A type as this language names it at `place`.
fn type_name(kind: &Kind, place: Place) -> String {
    match kind {
        Kind::String => "string".to_owned(),
        Kind::Int => "int".to_owned(),
        Kind::Float => "float64".to_owned(),
        Kind::Bool => "bool".to_owned(),
        Kind::Any => "interface{}".to_owned(),
        Kind::List(element) => format!("[]{}", type_name(element, place)),
        Kind::Map(element) => format!("map[string]{}", type_name(element, place)),
        Kind::Object(name) if place == Place::Input => format!("{name}Args"),
        Kind::Object(name) => name.clone(),
    }
}
