//! Each attribute decided from its [`Field`]: mode, replacement, sensitivity, type, validators and
//! description, as the leading generator decides them.

use indexmap::IndexMap;
use serde_json::Value;

use crate::describe::{describe, enum_list};
use crate::fields::Field;
use crate::infer::Inference;
use crate::objects::{Context, OBJECT_BUDGET};
use crate::shape::{Kind, Shape};
use schema::model::{
    Attribute, Mode, Nested, NestingMode, Object, OneOf, Type, Validator, Value as ModelValue, Variant,
};

impl Inference<'_, '_> {
    /// The attributes of an object from its fields.
    pub(crate) fn object(&mut self, fields: &IndexMap<String, Field>, depth: usize, context: Context) -> Object {
        let mut object = Object::default();
        for (name, field) in fields {
            let attribute = self.attribute(name, field, depth, context);
            object.attributes.insert(name.clone(), attribute);
        }
        object
    }

    /// The attribute `name` of `field`, in an object at `depth` (0 for a resource's own attributes).
    pub(crate) fn attribute(&mut self, name: &str, field: &Field, depth: usize, context: Context) -> Attribute {
        self.decide(name, field, depth, context, false)
    }

    /// The resource's own attribute `name` of `field` as JSON text, whatever its schema says.
    pub(crate) fn attribute_as_json(&mut self, name: &str, field: &Field, context: Context) -> Attribute {
        self.decide(name, field, 0, context, true)
    }

    fn decide(&mut self, name: &str, field: &Field, depth: usize, context: Context, as_json: bool) -> Attribute {
        let Context { has_update, data_source, read_only: in_read_only } = context;
        let shape = &field.shape;
        // Inputs are what the create takes; what only the update takes is read-only, as the API answers it.
        // A further create step that names the object in its body (a bulk update) sends the ID the
        // API assigned: that makes it no input. Nothing inside a read-only object is an input.
        let assigned_address = field.addresses && field.in_response && !field.in_main_create;
        let configurable = !in_read_only
            && (field.input_param
                || field.whole_body
                || (field.in_create
                    && !assigned_address
                    && !shape.read_only
                    && !shape.flag("x-speakeasy-param-readonly")));
        let input_required = field.param_required || field.required;
        let forced_computed = shape.extension("x-speakeasy-param-computed").and_then(Value::as_bool);
        let mut not_null = false;
        let default = shape
            .default
            .as_ref()
            .filter(|value| configurable && !data_source && !value.is_null() && !value.is_object())
            .and_then(model_value);
        let mode = if !configurable {
            Mode::ReadOnly
        } else if input_required && !shape.flag("x-speakeasy-param-optional") && default.is_none() {
            if forced_computed == Some(true) || (depth > 0 && field.in_response && !data_source) {
                not_null = true;
                Mode::OptionalComputed
            } else {
                Mode::Required
            }
        } else if data_source {
            Mode::Optional
        } else if field.addresses && !field.in_response {
            // Addresses the object, so it must be known: the configuration gives it.
            Mode::Required
        } else if default.is_some()
            || forced_computed == Some(true)
            || field.addresses
            || (field.in_response && forced_computed != Some(false))
        {
            Mode::OptionalComputed
        } else {
            Mode::Optional
        };
        let requires_replacement = mode != Mode::ReadOnly
            && !data_source
            && (!has_update
                || (field.in_create && !field.in_update && !field.in_path)
                || shape.flag("x-speakeasy-param-force-new")
                || field.force_new);
        let members = Context { read_only: mode == Mode::ReadOnly, ..context };
        let (ty, json) = if as_json { (Type::String, true) } else { self.attribute_type(name, field, members) };
        let mut suffixes = Vec::new();
        let closed_enum = !shape.enumeration.is_empty()
            && shape.extension("x-speakeasy-unknown-values").and_then(Value::as_str) != Some("allow");
        if configurable && !shape.enumeration.is_empty() && !closed_enum {
            suffixes.push(format!("possible known values include one of [{}]", enum_list(&shape.enumeration)));
        }
        if let (Some(default), true) =
            (shape.default.as_ref().filter(|value| !value.is_null()), configurable && !data_source)
        {
            suffixes.push(format!("Default: {}", serde_json::to_string(default).unwrap_or_default()));
        }
        if not_null {
            suffixes.push("Not Null".to_owned());
        }
        if configurable && closed_enum {
            suffixes.push(match shape.enumeration.as_slice() {
                [only] => format!("must be {}", serde_json::to_string(only).unwrap_or_default()),
                members => format!("must be one of [{}]", enum_list(members)),
            });
        }
        if requires_replacement {
            suffixes.push("Requires replacement if changed.".to_owned());
        }
        if json {
            suffixes.push("Parsed as JSON.".to_owned());
        }
        // A resource describes an attribute as its request body does, else as its parameters do, else as
        // the answer does; a data source as the answer does, else as its parameters do.
        let nonempty = |text: &Option<String>| text.clone().filter(|text| !text.is_empty());
        let answered = field.response_description.clone().filter(|text| !text.is_empty());
        let base = if data_source {
            answered.or_else(|| nonempty(&field.request_description)).or_else(|| nonempty(&field.param))
        } else {
            let param = nonempty(&field.param);
            let late_param = param.clone().filter(|_| field.param_rank > 2 || field.input_param);
            nonempty(&field.request_description).or(late_param).or(answered).or(param)
        }
        .unwrap_or_default();
        let mut validators = Vec::new();
        if configurable && !shape.enumeration.is_empty() && closed_enum {
            let members: Option<Vec<ModelValue>> = shape.enumeration.iter().map(model_value).collect();
            if let Some(members) =
                members.filter(|members| members.iter().all(|member| !matches!(member, ModelValue::Null)))
            {
                validators.push(Validator::Enum(members));
            }
        }
        let deprecation = shape.deprecated.then(|| {
            shape
                .extension("x-speakeasy-deprecation-message")
                .and_then(Value::as_str)
                .unwrap_or("This will be removed in a future release, please migrate away from it as soon as possible")
                .to_owned()
        });
        // A value typed over as any JSON is described by its suffix alone, as the leading generator does.
        let base = if shape.extension("x-speakeasy-type-override").and_then(Value::as_str) == Some("any") {
            String::new()
        } else {
            base
        };
        let mut attribute = Attribute::new(ty, mode, field.api_name.clone());
        attribute.answer_name = field.answer_name.clone();
        attribute.json = json;
        attribute.description = describe(&base, &suffixes);
        // An input that addresses the object (a path parameter of its read, update or delete) names
        // another object when it changes: the provider replaces it. The description says nothing of it,
        // as the leading generator's does not (it would send the update to an object that is not there).
        let readdresses = depth == 0 && !data_source && mode != Mode::ReadOnly && field.addresses;
        attribute.requires_replacement = requires_replacement || readdresses;
        // A secret (by annotation, format, `writeOnly`, or in a spec that annotates none, by name) is
        // hidden; one the configuration gives is kept as configured, since APIs answer secrets masked
        // (`***`) if at all.
        let secret = shape.flag("x-speakeasy-param-sensitive")
            || shape.format.as_deref() == Some("password")
            || shape.write_only
            || (self.by_convention && secret_name(name));
        attribute.sensitive = secret;
        attribute.write_only = shape.flag("x-speakeasy-terraform-write-only") && mode != Mode::ReadOnly;
        attribute.deprecation = deprecation;
        // An input no answer carries stays as configured (a read cannot say otherwise).
        attribute.not_returned =
            !data_source && configurable && (!field.in_response || secret) && !attribute.write_only;
        attribute.default = default.filter(|_| mode == Mode::OptionalComputed);
        attribute.validators = validators;
        attribute
    }

    /// The attribute's type, and whether it holds JSON text; `context` is its members'.
    pub(crate) fn attribute_type(&mut self, name: &str, field: &Field, context: Context) -> (Type, bool) {
        if field.shape.extension("x-speakeasy-type-override").and_then(Value::as_str) == Some("any") {
            return (Type::String, true);
        }
        let mode = match &field.shape.kind {
            Kind::String => return (Type::String, false),
            Kind::Integer => return (Type::Int64, false),
            Kind::Number if matches!(field.shape.format.as_deref(), Some("float" | "double")) => {
                return (Type::Float64, false);
            }
            Kind::Number => return (Type::Number, false),
            Kind::Boolean => return (Type::Bool, false),
            Kind::Any | Kind::Recursive(_) => return (Type::String, true),
            Kind::Array { set: true, .. } => NestingMode::Set,
            Kind::Array { .. } => NestingMode::List,
            Kind::Map(_) => NestingMode::Map,
            Kind::Object(_) | Kind::Union(_) => NestingMode::Single,
        };
        // The members are worked out once for each distinct set of parts, in each context.
        let key = field.members_key();
        let index = match self.objects.find(&key, context) {
            Some(index) => index,
            None => {
                let members = field.members();
                let mut object = self.object(&members.fields, 1, context);
                if let Some((discriminator, tags)) = &members.union {
                    self.one_of(&mut object, discriminator.as_deref(), tags);
                }
                let schema_name = field.shape.component.as_deref().unwrap_or(name);
                self.objects.add(object, schema_name, key, context)
            }
        };
        if self.objects.is_empty(index) {
            match &field.shape.kind {
                // A list or map of values, not objects.
                Kind::Array { items, set } if !matches!(&items.kind, Kind::Object(_) if !items.open) => {
                    let element = primitive(items).unwrap_or(Type::String);
                    return (if *set { Type::Set(Box::new(element)) } else { Type::List(Box::new(element)) }, false);
                }
                Kind::Map(values) => return (Type::Map(Box::new(primitive(values).unwrap_or(Type::String))), false),
                // An object that names no property: a map of strings where it takes any (the leading
                // generator's reading), else an empty object; a one-of of no objects is any JSON.
                Kind::Object(_) if field.shape.open => return (Type::Map(Box::new(Type::String)), false),
                Kind::Union(_) => return (Type::String, true),
                _ => {}
            }
        }
        if self.objects.size_of(index) > OBJECT_BUDGET {
            self.too_large(name, index);
            return (Type::String, true);
        }
        let object = self.objects.take(index);
        (Type::Nested(Box::new(Nested { mode, object, min_items: 0, max_items: 0 })), false)
    }
}

impl Inference<'_, '_> {
    /// Makes the variant attributes of a one-of a group of `object`: the API sends the chosen variant's
    /// fields in place of the object, with the discriminator (which the variants then do not hold
    /// themselves).
    pub(crate) fn one_of(&mut self, object: &mut Object, discriminator: Option<&str>, tags: &[(String, String)]) {
        let variants: Vec<Variant> = tags
            .iter()
            .filter(|(child, _)| object.attributes.contains_key(child))
            .map(|(child, tag)| Variant { attribute: child.clone(), tag: tag.clone() })
            .collect();
        if variants.len() < 2 {
            return;
        }
        if let Some(discriminator) = discriminator {
            for variant in &variants {
                if let Some(Type::Nested(nested)) =
                    object.attributes.get_mut(&variant.attribute).map(|attribute| &mut attribute.ty)
                {
                    self.objects.change(&mut nested.object, |inner| {
                        inner.attributes.retain(|_, attribute| attribute.api_name != discriminator);
                    });
                }
            }
        }
        let group = OneOf {
            description: String::new(),
            required: false,
            discriminator: discriminator.map(str::to_owned),
            variants,
        };
        object.one_of.insert("variant".to_owned(), group);
    }

    /// Reports, once, an object too large to be a Terraform schema, which is JSON text instead.
    fn too_large(&mut self, name: &str, index: usize) {
        if self.objects.report_too_large(index) {
            self.report.push(format!(
                "`{name}`: its object holds {} attributes written out in full, more than {OBJECT_BUDGET}; it is JSON text",
                self.objects.size_of(index)
            ));
        }
    }
}

/// Whether an attribute's name says it holds a secret: its last words are a password, passphrase,
/// secret, token, key of an API or a private, secret or access key, or credentials (a page token, a
/// secret's name or type, a token's URL are not).
pub(crate) fn secret_name(name: &str) -> bool {
    let words: Vec<&str> = name.split('_').filter(|word| !word.is_empty()).collect();
    let last = words.last().copied().unwrap_or_default();
    let before = words.len().checked_sub(2).map(|at| words[at]).unwrap_or_default();
    let paging = words.iter().any(|word| ["page", "next", "cursor", "continuation", "pagination"].contains(word));
    match last {
        "password" | "passwd" | "passphrase" | "secret" | "credential" | "credentials" | "apikey" => true,
        "token" => !paging,
        "key" => ["api", "private", "secret", "access", "signing", "encryption"].contains(&before),
        _ => false,
    }
}

/// The primitive Terraform type of a shape, if it is one.
pub(crate) fn primitive(shape: &Shape) -> Option<Type> {
    Some(match shape.kind {
        Kind::String => Type::String,
        Kind::Integer => Type::Int64,
        Kind::Number => Type::Number,
        Kind::Boolean => Type::Bool,
        _ => return None,
    })
}

/// A JSON value as a model value (defaults, enum members).
pub(crate) fn model_value(value: &Value) -> Option<ModelValue> {
    Some(match value {
        Value::Null => ModelValue::Null,
        Value::Bool(flag) => ModelValue::Bool(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(int) => ModelValue::Int(int),
            None => ModelValue::Float(number.as_f64()?),
        },
        Value::String(text) => ModelValue::String(text.clone()),
        Value::Array(items) => ModelValue::List(items.iter().map(model_value).collect::<Option<_>>()?),
        Value::Object(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::secret_name;

    #[test]
    fn secrets_by_name() {
        for name in ["password", "db_password", "client_secret", "api_key", "apikey", "private_key", "refresh_token"] {
            assert!(secret_name(name), "{name}");
        }
        for name in ["secret_type", "secret_name", "token_url", "next_page_token", "key", "sort_key", "passwords_count"]
        {
            assert!(!secret_name(name), "{name}");
        }
    }
}
