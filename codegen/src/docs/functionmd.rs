//! The signature and argument lists of a function page.

use schema::{Function, Parameter, Type};

use super::DocsError;
use super::schemamd::type_string;

/// The signature block: ```` ```text ```` + `name(a string, b number...) string` + ```` ``` ````.
pub fn signature(name: &str, function: &Function) -> String {
    let mut list = function
        .parameters
        .iter()
        .flatten()
        .map(|parameter| format!("{} {}", parameter.name, friendly_name(&parameter.ty)))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(variadic) = &function.variadic {
        // tfplugindocs writes the separator whenever the schema has a parameter list, even an empty one.
        if function.parameters.is_some() {
            list.push_str(", ");
        }
        list.push_str(&format!("{} {}...", variadic.name, friendly_name(&variadic.ty)));
    }
    format!("```text\n{name}({list}) {}\n```", friendly_name(&function.return_type))
}

/// The numbered argument lines, in declaration order.
pub fn arguments(function: &Function) -> Result<String, DocsError> {
    let lines: Result<Vec<String>, DocsError> =
        function.parameters.iter().flatten().map(|parameter| argument(parameter, false)).collect();
    Ok(lines?.join("\n"))
}

/// The line of the variadic argument, if there is one.
pub fn variadic_argument(function: &Function) -> Result<Option<String>, DocsError> {
    function.variadic.as_ref().map(|parameter| argument(parameter, true)).transpose()
}

fn argument(parameter: &Parameter, variadic: bool) -> Result<String, DocsError> {
    let mut words = String::new();
    if variadic {
        words.push_str("Variadic, ");
    }
    words.push_str(&type_string(&parameter.ty)?);
    if parameter.nullable {
        words.push_str(", Nullable");
    }
    Ok(format!("1. `{}` ({words}) {}", parameter.name, parameter.description.trim()))
}

/// The cty "friendly name" of a type: `string`, `list of number`, `object`.
fn friendly_name(ty: &Type) -> String {
    match ty {
        Type::String => "string".to_owned(),
        Type::Int64 | Type::Float64 | Type::Number => "number".to_owned(),
        Type::Bool => "bool".to_owned(),
        Type::Dynamic => "dynamic".to_owned(),
        Type::List(element) => format!("list of {}", friendly_name(element)),
        Type::Set(element) => format!("set of {}", friendly_name(element)),
        Type::Map(element) => format!("map of {}", friendly_name(element)),
        Type::Object(_) | Type::Nested(_) => "object".to_owned(),
        Type::Tuple(_) => "tuple".to_owned(),
    }
}
