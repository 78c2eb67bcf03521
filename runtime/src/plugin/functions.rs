//! Provider-defined functions (`GetFunctions`, `CallFunction`): the import ID functions the model offers
//! ([`schema::functions`]), `provider::<name>::<resource>_id(...)` building an ID from its parts and
//! `provider::<name>::parse_<resource>_id(id)` giving them back, by the template `terraform import` reads.

use std::collections::{BTreeMap, HashMap};

use schema::functions::{IdFunction, IdFunctionKind, IdFunctions};
use schema::{Function, Parameter};

use super::proto::{self, CallFunctionRequest, CallFunctionResponse, DynamicValue, FunctionError};
use super::schema::cty_type;
use super::value::{self, TfValue};

/// The functions' signatures, as `GetFunctions` and `GetProviderSchema` give them.
pub fn signatures(functions: &IdFunctions) -> HashMap<String, proto::Function> {
    functions.iter().map(|(name, function)| (name.clone(), signature(&function.function))).collect()
}

fn signature(function: &Function) -> proto::Function {
    let parameter = |parameter: &Parameter| proto::FunctionParameter {
        name: parameter.name.clone(),
        r#type: cty_type(&parameter.ty).to_string().into_bytes(),
        allow_null_value: parameter.nullable,
        allow_unknown_values: false,
        description: parameter.description.clone(),
        description_kind: proto::StringKind::Markdown as i32,
    };
    proto::Function {
        parameters: function.parameters.iter().flatten().map(parameter).collect(),
        variadic_parameter: function.variadic.as_ref().map(parameter),
        r#return: Some(proto::FunctionReturn { r#type: cty_type(&function.return_type).to_string().into_bytes() }),
        summary: function.summary.clone(),
        description: function.description.clone(),
        description_kind: proto::StringKind::Markdown as i32,
        deprecation_message: function.deprecation.clone().unwrap_or_default(),
    }
}

/// `CallFunction`: the function's result, or the error naming the argument at fault.
pub fn call(functions: &IdFunctions, request: CallFunctionRequest) -> CallFunctionResponse {
    let failed = |text: String, argument: Option<usize>| CallFunctionResponse {
        result: None,
        error: Some(FunctionError { text, function_argument: argument.and_then(|index| i64::try_from(index).ok()) }),
    };
    let Some(function) = functions.get(&request.name) else {
        return failed(format!("this provider has no function `{}`", request.name), None);
    };
    let mut texts = Vec::new();
    for (index, argument) in request.arguments.iter().enumerate() {
        match value::decode(&argument.msgpack) {
            Ok(TfValue::String(text)) => texts.push(text),
            Ok(other) => return failed(format!("argument {} is {other:?}, not text", index + 1), Some(index)),
            Err(problem) => return failed(format!("argument {} cannot be read: {problem}", index + 1), Some(index)),
        }
    }
    let result = match function.kind {
        IdFunctionKind::Build => build(function, &texts),
        IdFunctionKind::Parse => parse(function, &texts),
    };
    match result {
        Ok(result) => CallFunctionResponse {
            result: Some(DynamicValue { msgpack: value::encode(&result), json: Vec::new() }),
            error: None,
        },
        Err((text, argument)) => failed(text, argument),
    }
}

/// The ID of the parts given, one argument each in the template's order; an empty part is an error, as
/// no ID has one.
fn build(function: &IdFunction, parts: &[String]) -> Result<TfValue, (String, Option<usize>)> {
    if let Some(index) = parts.iter().position(String::is_empty) {
        return Err((
            format!("`{}` is empty, and an ID of {} has no empty part", function.parts[index], function.resource),
            Some(index),
        ));
    }
    let given: BTreeMap<&str, &str> =
        function.parts.iter().map(String::as_str).zip(parts.iter().map(String::as_str)).collect();
    Ok(TfValue::String(schema::template::expand(&function.template, |name| {
        given.get(name).map(|part| (*part).to_owned())
    })))
}

/// The parts of an ID, as an object; an ID of another form is an error naming the form.
fn parse(function: &IdFunction, arguments: &[String]) -> Result<TfValue, (String, Option<usize>)> {
    let id = arguments.first().map(String::as_str).unwrap_or_default();
    let Some(parts) = schema::template::match_text(&function.template, id, None) else {
        return Err((
            format!("{id:?} is not an ID of {}: it has the form {}", function.resource, function.template),
            Some(0),
        ));
    };
    Ok(TfValue::Map(parts.into_iter().map(|(name, part)| (name, TfValue::String(part))).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> IdFunctions {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/good/shop");
        schema::functions::id_functions(&schema::load_provider(&dir).unwrap().provider)
    }

    fn text(value: &str) -> DynamicValue {
        DynamicValue { msgpack: value::encode(&TfValue::String(value.to_owned())), json: Vec::new() }
    }

    fn called(name: &str, arguments: &[&str]) -> Result<TfValue, FunctionError> {
        let request =
            CallFunctionRequest { name: name.to_owned(), arguments: arguments.iter().map(|a| text(a)).collect() };
        let answer = call(&shop(), request);
        match (answer.result, answer.error) {
            (Some(result), None) => Ok(value::decode(&result.msgpack).unwrap()),
            (_, Some(error)) => Err(error),
            (None, None) => panic!("neither a result nor an error"),
        }
    }

    #[test]
    fn ids_are_built_and_parsed_by_the_import_template() {
        assert_eq!(called("product_id", &["s1", "p/1"]), Ok(TfValue::String("s1/p/1".into())));
        let parts = called("parse_product_id", &["s1/p/1"]).unwrap();
        assert_eq!(parts.field("store_id"), Some(&TfValue::String("s1".into())));
        assert_eq!(
            parts.field("id"),
            Some(&TfValue::String("p/1".into())),
            "the last part holds the rest, as import reads it"
        );
        let wrong = called("parse_product_id", &["nothing"]).unwrap_err();
        assert_eq!(wrong.function_argument, Some(0));
        assert!(wrong.text.contains("it has the form {store_id}/{id}"), "{}", wrong.text);
        let empty = called("product_id", &["", "p1"]).unwrap_err();
        assert_eq!((empty.function_argument, empty.text.starts_with("`store_id` is empty")), (Some(0), true));
        assert!(called("nope", &[]).unwrap_err().text.contains("no function `nope`"));
    }
}
