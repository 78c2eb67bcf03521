//! C#: programs, signatures and type names as the Registry's C# tab shows them.

use super::names::title;
use super::package::{Kind, Package, ResourceView};
use super::program::{Declaration, Field, Program, Value};
use super::{Language, Parameter, Place, quoted};

/// The C# tab.
pub struct CSharp;

impl Language for CSharp {
    fn id(&self) -> &'static str {
        "csharp"
    }

    fn property_name(&self, name: &str) -> String {
        title(name)
    }

    fn type_string(&self, package: &Package<'_>, kind: &Kind, place: Place) -> String {
        match kind {
            Kind::String => "string".to_owned(),
            Kind::Int => "int".to_owned(),
            Kind::Float => "double".to_owned(),
            Kind::Bool => "bool".to_owned(),
            Kind::Any => "object".to_owned(),
            Kind::List(element) => format!("List<{}>", self.type_string(package, element, place)),
            Kind::Map(element) => format!("Dictionary<string, {}>", self.type_string(package, element, place)),
            // Types are namespace-qualified, but not within the package's own default namespace.
            Kind::Object(name) => match place {
                _ if package.csharp.starts_with("Pulumi.") => name.clone(),
                Place::Input => format!("{}.Inputs.{name}", package.csharp),
                Place::Output => format!("{}.Outputs.{name}", package.csharp),
                Place::Nested => name.clone(),
            },
        }
    }

    fn program(&self, package: &Package<'_>, program: &Program) -> String {
        let mut out = format!(
            "using System.Collections.Generic;\nusing System.Linq;\nusing Pulumi;\nusing {} = {};\n\nreturn await Deployment.RunAsync(() => \n{{\n",
            package.csharp_alias(),
            package.csharp
        );
        for declaration in &program.declarations {
            for line in self.declaration(package, declaration).lines() {
                out.push_str(&format!("    {line}\n"));
            }
            out.push('\n');
        }
        out.push_str("});\n");
        out
    }

    fn declaration(&self, package: &Package<'_>, declaration: &Declaration) -> String {
        let mut out = String::new();
        for comment in &declaration.comments {
            out.push_str(&format!("// {comment}\n"));
        }
        let args = if declaration.fields.is_empty() {
            String::new()
        } else {
            format!(", new()\n{}", block(package, &declaration.fields, 0))
        };
        out.push_str(&format!(
            "var {} = new {}.{}({}{args});\n",
            declaration.variable,
            package.csharp_alias(),
            declaration.resource,
            quoted(&declaration.name)
        ));
        out
    }

    fn constructor(&self, _package: &Package<'_>, view: &ResourceView) -> String {
        if view.args_required() {
            format!("public {0}(string name, {0}Args args, CustomResourceOptions? opts = null)", view.name)
        } else {
            format!("public {0}(string name, {0}Args? args = null, CustomResourceOptions? opts = null)", view.name)
        }
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
            "public static {0} Get(string name, Input<string> id, {0}State? state, CustomResourceOptions? opts = null)",
            view.name
        )
    }
}

/// `{ Name = value, ... }` on lines of their own.
fn block(package: &Package<'_>, fields: &[Field], indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    let mut out = format!("{}{{\n", " ".repeat(indent));
    for field in fields {
        for comment in &field.comments {
            out.push_str(&format!("{pad}// {comment}\n"));
        }
        out.push_str(&format!("{pad}{} = {},\n", title(&field.name), value(package, &field.value, indent + 4)));
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
    out
}

fn value(package: &Package<'_>, value: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent + 4);
    match value {
        Value::String(text) => quoted(text),
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Reference { variable, property, .. } => {
            format!("{variable}.{}", property.as_deref().map(title).unwrap_or_else(|| "Id".to_owned()))
        }
        Value::Object(name, fields) => {
            format!("new {}.Inputs.{name}Args\n{}", package.csharp_alias(), block(package, fields, indent))
        }
        Value::List(items) => {
            let mut out = format!("new[]\n{}{{\n", " ".repeat(indent));
            for item in items {
                out.push_str(&format!("{pad}{},\n", self::value(package, item, indent + 4)));
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
            out
        }
        Value::Map(entries) => {
            let mut out = format!("\n{}{{\n", " ".repeat(indent));
            for (key, item) in entries {
                out.push_str(&format!("{pad}{{ {}, {} }},\n", quoted(key), self::value(package, item, indent + 4)));
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
            out
        }
    }
}
