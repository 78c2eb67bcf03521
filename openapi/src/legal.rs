//! The imported model made valid by rule, so that whatever the importer accepts, `validate` accepts:
//! what a spec leaves open or contradicts is decided here, one rule per function, and each decision that
//! changes what the spec says goes to the report.
//!
//! - names: resources named so their Rust module, type and client accessor differ; Terraform's
//!   meta-arguments (`count`, `provider`, ...) renamed after their resource (`batch_count`), the API's
//!   name kept;
//! - fields: two attributes of one object on one API field (or answered as one) keep the first;
//! - one-of groups: a variant whose tag another variant has, or that another group claims, leaves the
//!   group; a variant's field that its parent has too is the parent's; an attribute named like the
//!   discriminator is the discriminator's;
//! - values: a default or enum member of the wrong type is converted where it reads as one (`"false"`,
//!   `"1"`), else dropped, as is a default the attribute's validators refuse; an enum on a type enums do
//!   not apply to is dropped; write-only values are neither computed nor defaulted nor replaced;
//! - operations: a parameter in the path is not also in the query; read-only values are not sent;
//!   GET and DELETE send no body; a path parameter's attribute is always known.
//!
//! What still fails `validate` after these rules leaves the model with its resource, listed in the
//! report: nothing the importer writes is refused.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use schema::model::{
    Attribute, Method, Mode, NestedObject, NestingMode, Object, Operation, OperationKind, Provider, Resource, Type,
    Validator, Value,
};

/// Terraform's meta-arguments, and the `timeouts` block every imported resource has, which no resource
/// may have as attributes.
const META_ARGUMENTS: &[&str] =
    &["connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioner", schema::model::TIMEOUTS];

/// Makes `provider` valid, listing in `report` what it changed.
pub(crate) fn legalize(provider: &mut Provider, report: &mut Vec<String>) {
    resource_names(provider, report);
    let mut types = std::mem::take(&mut provider.types);
    for (name, named) in &mut types {
        object(&mut named.object, &format!("type `{name}`"), report);
    }
    provider.types = types;
    for (section, data_source) in [(&mut provider.resources, false), (&mut provider.data_sources, true)] {
        for (type_name, resource) in section.iter_mut() {
            let short = type_name.strip_prefix(&provider.name).unwrap_or(type_name).trim_start_matches('_');
            let short = short.to_owned();
            meta_arguments(resource, &short, report);
            object(&mut resource.schema, type_name, report);
            operations(resource, type_name, data_source, report);
        }
    }
    leave_out_what_still_fails(provider, report);
}

/// Resources (and data sources) named so that their Rust modules, types and client accessors differ, as
/// the validator compares them: the later of two that meet gets a number.
fn resource_names(provider: &mut Provider, report: &mut Vec<String>) {
    let prefix = format!("{}_", provider.name);
    let rust_names = |name: &str| {
        [schema::names::module(name), schema::names::type_name(name)]
            .map(|ident| schema::names::unraw(&ident).to_owned())
    };
    for section in [&mut provider.resources, &mut provider.data_sources] {
        let items = std::mem::take(section);
        // A numbered name must not meet any name either, kept before it or coming after it.
        let all: HashSet<String> = items
            .keys()
            .flat_map(|type_name| rust_names(type_name.strip_prefix(&prefix).unwrap_or(type_name)))
            .collect();
        let mut taken: HashSet<String> = HashSet::new();
        for (type_name, resource) in items {
            let short = type_name.strip_prefix(&prefix).unwrap_or(&type_name).to_owned();
            let free =
                |name: &String, taken: &HashSet<String>| rust_names(name).iter().all(|ident| !taken.contains(ident));
            let name = if free(&short, &taken) {
                short.clone()
            } else {
                (2..)
                    .map(|number| format!("{short}_{number}"))
                    .find(|name| free(name, &taken) && free(name, &all))
                    .unwrap_or(short.clone())
            };
            taken.extend(rust_names(&name));
            renamed(report, &type_name, &prefix, &short, &name);
            section.insert(format!("{prefix}{name}"), resource);
        }
    }
    // Accessors are shared by resources and data sources, and depend on the names around them.
    loop {
        let mut seen: HashSet<String> = HashSet::new();
        let mut meets = None;
        for (section, data_source) in [(&provider.resources, false), (&provider.data_sources, true)] {
            for type_name in section.keys() {
                let accessor = schema::names::accessor_among(provider, provider.short_name(type_name), data_source);
                if !seen.insert(schema::names::unraw(&accessor).to_owned()) {
                    meets = Some((type_name.clone(), data_source));
                }
            }
        }
        let Some((type_name, data_source)) = meets else { return };
        let section = if data_source { &mut provider.data_sources } else { &mut provider.resources };
        let short = type_name.strip_prefix(&prefix).unwrap_or(&type_name).to_owned();
        let idents: HashSet<String> =
            section.keys().flat_map(|other| rust_names(other.strip_prefix(&prefix).unwrap_or(other))).collect();
        let name = (2..)
            .map(|number| format!("{short}_{number}"))
            .find(|name| rust_names(name).iter().all(|ident| !idents.contains(ident)))
            .unwrap_or_default();
        let index = section.get_index_of(&type_name).unwrap_or_default();
        if let Some(resource) = section.shift_remove(&type_name) {
            section.shift_insert(index, format!("{prefix}{name}"), resource);
        }
        renamed(report, &type_name, &prefix, &short, &name);
    }
}

fn renamed(report: &mut Vec<String>, type_name: &str, prefix: &str, short: &str, name: &str) {
    if name != short {
        report.push(format!("`{type_name}` meets another's name in generated code: it is `{prefix}{name}`"));
    }
}

/// Terraform's meta-arguments (and `timeouts`) among a resource's own attributes, renamed after the
/// resource (`count` of `batch` is `batch_count`), the API's name kept.
fn meta_arguments(resource: &mut Resource, short: &str, report: &mut Vec<String>) {
    for reserved in META_ARGUMENTS {
        if !resource.schema.attributes.contains_key(*reserved) {
            continue;
        }
        let mut name = format!("{short}_{reserved}");
        let mut number = 1;
        while resource.schema.attributes.contains_key(&name) {
            number += 1;
            name = format!("{short}_{reserved}_{number}");
        }
        report.push(format!("{short}: `{reserved}` is a name Terraform reserves; the attribute is `{name}`"));
        rename(resource, reserved, &name);
    }
}

/// Renames a resource's own attribute, and every mention of it.
fn rename(resource: &mut Resource, from: &str, to: &str) {
    let attributes = std::mem::take(&mut resource.schema.attributes);
    resource.schema.attributes = attributes
        .into_iter()
        .map(|(name, attribute)| (if name == from { to.to_owned() } else { name }, attribute))
        .collect();
    mentions(resource, &mut |name: &mut String| {
        if name == from {
            *name = to.to_owned();
        }
    });
}

/// Visits every mention of a resource's own attributes by name: operations' path and query parameters
/// and bodies (and their further steps'), the import ID, the ID attribute and one-of variants.
fn mentions(resource: &mut Resource, visit: &mut dyn FnMut(&mut String)) {
    for operation in operations_mut(resource) {
        operation_mentions(operation, visit);
    }
    if let Some(import) = &mut resource.import {
        for name in &mut import.attributes {
            let before = name.clone();
            visit(name);
            if *name != before {
                import.id = import.id.replace(&format!("{{{before}}}"), &format!("{{{name}}}"));
            }
        }
    }
    if let Some(id) = &mut resource.id_attribute {
        visit(id);
    }
    for group in resource.schema.one_of.values_mut() {
        for variant in &mut group.variants {
            visit(&mut variant.attribute);
        }
    }
}

fn operation_mentions(operation: &mut Operation, visit: &mut dyn FnMut(&mut String)) {
    for param in &mut operation.path_params {
        visit(&mut param.attribute);
    }
    operation.query.iter_mut().for_each(&mut *visit);
    operation.body.iter_mut().flatten().for_each(&mut *visit);
    for step in &mut operation.then {
        operation_mentions(step, visit);
    }
}

fn operations_mut(resource: &mut Resource) -> impl Iterator<Item = &mut Operation> {
    let operations = &mut resource.operations;
    [&mut operations.create, &mut operations.read, &mut operations.update, &mut operations.delete, &mut operations.list]
        .into_iter()
        .flatten()
}

/// The rules for one object and, depth first, the objects written in place inside it.
fn object(object: &mut Object, owner: &str, report: &mut Vec<String>) {
    for (name, attribute) in &mut object.attributes {
        if let Some(NestedObject::Inline(inner)) = nested_object_mut(attribute) {
            self::object(inner, &format!("{owner}.{name}"), report);
        }
        values(attribute, &format!("{owner}.{name}"), report);
    }
    one_api_field_each(object, owner, report);
    one_of_groups(object, owner, report);
}

fn nested_object_mut(attribute: &mut Attribute) -> Option<&mut NestedObject> {
    match &mut attribute.ty {
        Type::Nested(nested) => Some(&mut nested.object),
        _ => None,
    }
}

/// Two attributes of one object on one API field (or answered as one): the first keeps it.
fn one_api_field_each(object: &mut Object, owner: &str, report: &mut Vec<String>) {
    let mut sent: HashSet<String> = HashSet::new();
    let mut answered: HashSet<String> = HashSet::new();
    let attributes = std::mem::take(&mut object.attributes);
    for (name, attribute) in attributes {
        let (api, answer) = (attribute.api_name.clone(), attribute.answered_as().to_owned());
        if sent.contains(&api) || answered.contains(&answer) {
            report.push(format!("{owner}: `{name}` is the API field `{api}` of another attribute, which keeps it"));
            continue;
        }
        sent.insert(api);
        answered.insert(answer);
        object.attributes.insert(name, attribute);
    }
}

/// One-of groups as the format holds them: each variant an object attribute with a tag of its own, in
/// one group; fields a variant shares with its parent (or the discriminator) are the parent's.
fn one_of_groups(object: &mut Object, owner: &str, report: &mut Vec<String>) {
    let mut claimed: HashSet<String> = HashSet::new();
    let mut groups = std::mem::take(&mut object.one_of);
    for (group_name, group) in &mut groups {
        let mut tags: HashSet<String> = HashSet::new();
        group.variants.retain(|variant| {
            let is_object = object.attributes.get(&variant.attribute).is_some_and(|attribute| {
                attribute.ty.as_nested().is_some_and(|nested| nested.mode == NestingMode::Single)
            });
            let keep = is_object && tags.insert(variant.tag.clone()) && claimed.insert(variant.attribute.clone());
            if !keep {
                report.push(format!(
                    "{owner}: `{}` leaves one-of group `{group_name}` (its tag `{}` or itself is taken, or it is no object)",
                    variant.attribute, variant.tag
                ));
            }
            keep
        });
        for variant in &group.variants {
            if let Some(attribute) = object.attributes.get_mut(&variant.attribute) {
                if attribute.mode == Mode::Required {
                    attribute.mode = Mode::Optional;
                }
            }
        }
        if let Some(discriminator) = &group.discriminator {
            let named: Vec<String> = object
                .attributes
                .iter()
                .filter(|(name, attribute)| &attribute.api_name == discriminator && !claimed.contains(*name))
                .map(|(name, _)| name.clone())
                .collect();
            for name in named {
                report.push(format!("{owner}: `{name}` is the discriminator of `{group_name}`, which sets it"));
                object.attributes.shift_remove(&name);
            }
        }
    }
    groups.retain(|_, group| group.variants.len() >= 2 || group.discriminator.is_some());
    // A configurable variant's fields go into its parent's body: a field the parent has too is the parent's.
    let variants: HashSet<String> =
        groups.values().flat_map(|group| group.variants.iter()).map(|v| v.attribute.clone()).collect();
    let parent_fields: HashSet<String> = object
        .attributes
        .iter()
        .filter(|(name, _)| !variants.contains(*name))
        .map(|(_, attribute)| attribute.api_name.clone())
        .collect();
    for group in groups.values() {
        for variant in &group.variants {
            let Some(attribute) = object.attributes.get_mut(&variant.attribute) else { continue };
            if !attribute.mode.is_configurable() {
                continue;
            }
            if let Some(NestedObject::Inline(inner)) = nested_object_mut(attribute) {
                inner.attributes.retain(|field, member| {
                    let shared = parent_fields.contains(&member.api_name)
                        || group.discriminator.as_deref() == Some(member.api_name.as_str());
                    if shared {
                        report.push(format!(
                            "{owner}: `{field}` of variant `{}` is also its parent's; the parent's is sent",
                            variant.attribute
                        ));
                    }
                    !shared
                });
            }
        }
    }
    object.one_of = groups;
}

/// An attribute's default, validators and flags made consistent with its type and mode.
fn values(attribute: &mut Attribute, at: &str, report: &mut Vec<String>) {
    if let Some(default) = attribute.default.take() {
        match converted(&default, &attribute.ty) {
            Some(value)
                if attribute.mode == Mode::OptionalComputed
                    && !attribute.write_only
                    && attribute.validators.iter().all(|validator| validator.accepts(&value)) =>
            {
                attribute.default = Some(value);
            }
            _ => report.push(format!("{at}: no default: {} is not a value the attribute takes", describe(&default))),
        }
    }
    let ty = attribute.ty.clone();
    attribute.validators.retain_mut(|validator| validator_holds(validator, &ty));
    if attribute.write_only {
        if attribute.mode.is_computed() {
            attribute.mode = Mode::Optional;
        }
        attribute.requires_replacement = false;
    }
    if attribute.mode == Mode::ReadOnly {
        attribute.requires_replacement = false;
        attribute.not_returned = false;
        attribute.default = None;
    }
    if attribute.json && attribute.ty != Type::String {
        attribute.json = false;
    }
}

/// Whether a validator can stand on a value of `ty`: an enum (the only validator the importer writes)
/// applies to strings and integers, and keeps its members converted to `ty`, once each.
fn validator_holds(validator: &mut Validator, ty: &Type) -> bool {
    let Validator::Enum(members) = validator else { return true };
    if !matches!(ty, Type::String | Type::Int64) {
        return false;
    }
    let mut kept = Vec::new();
    for member in members.iter() {
        if let Some(value) = converted(member, ty).filter(|value| !kept.contains(value)) {
            kept.push(value);
        }
    }
    *members = kept;
    !members.is_empty()
}

/// `value` as a value of `ty`, where it reads as one (`"false"` as a bool, `"1"` as a number, a number as
/// text).
fn converted(value: &Value, ty: &Type) -> Option<Value> {
    Some(match (ty, value) {
        (_, Value::Null) => return None,
        (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) | (Type::Int64, Value::Int(_)) => value.clone(),
        (Type::Float64 | Type::Number, Value::Int(_) | Value::Float(_)) => value.clone(),
        (Type::String, Value::Int(number)) => Value::String(number.to_string()),
        (Type::String, Value::Float(number)) => Value::String(number.to_string()),
        (Type::String, Value::Bool(flag)) => Value::String(flag.to_string()),
        (Type::Bool, Value::String(text)) => Value::Bool(text.parse().ok()?),
        (Type::Int64, Value::String(text)) => Value::Int(text.trim().parse().ok()?),
        (Type::Int64, Value::Float(number)) if number.fract() == 0.0 => Value::Int(*number as i64),
        (Type::Float64 | Type::Number, Value::String(text)) => Value::Float(text.trim().parse().ok()?),
        (Type::List(element) | Type::Set(element), Value::List(items)) => {
            Value::List(items.iter().map(|item| converted(item, element)).collect::<Option<_>>()?)
        }
        // An empty collection of objects needs no object to check it against.
        (Type::Nested(nested), Value::List(items)) if nested.mode != NestingMode::Single && items.is_empty() => {
            value.clone()
        }
        (Type::Map(element), Value::Map(entries)) => Value::Map(
            entries.iter().map(|(key, item)| Some((key.clone(), converted(item, element)?))).collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

fn describe(value: &Value) -> String {
    match value {
        Value::String(text) => format!("\"{text}\""),
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Int(number) => number.to_string(),
        Value::Float(number) => number.to_string(),
        Value::List(_) => "(a list)".to_owned(),
        Value::Map(_) => "(a map)".to_owned(),
    }
}

/// A resource's operations as the format holds them.
fn operations(resource: &mut Resource, owner: &str, data_source: bool, report: &mut Vec<String>) {
    let attributes: IndexMap<String, Attribute> = resource.schema.attributes.clone();
    // What addresses the object in its read (else its delete), which an update without a path sends.
    let addressing: HashSet<String> = resource
        .operations
        .read
        .as_ref()
        .or(resource.operations.delete.as_ref())
        .into_iter()
        .flat_map(|operation| operation.path_params.iter().map(|param| param.attribute.clone()))
        .collect();
    let mut must_be_known: HashMap<String, bool> = HashMap::new();
    for (kind, operation) in [
        (OperationKind::Create, &mut resource.operations.create),
        (OperationKind::Read, &mut resource.operations.read),
        (OperationKind::Update, &mut resource.operations.update),
        (OperationKind::Delete, &mut resource.operations.delete),
        (OperationKind::List, &mut resource.operations.list),
    ] {
        let Some(operation) = operation else { continue };
        operation_rules(operation, kind, true, &attributes, &addressing, owner, report);
        for step in &mut operation.then {
            operation_rules(step, kind, false, &attributes, &addressing, owner, report);
        }
        for param in &operation.path_params {
            *must_be_known.entry(param.attribute.clone()).or_default() |= kind == OperationKind::Create;
        }
    }
    // A path parameter's attribute is always known: an input the configuration gives (a create's), or
    // one the API answers.
    for (name, in_create) in must_be_known {
        let Some(attribute) = resource.schema.attributes.get_mut(&name) else { continue };
        let unknown_at_create = in_create && attribute.mode == Mode::ReadOnly;
        if attribute.mode == Mode::Optional || unknown_at_create {
            attribute.mode = if data_source || in_create { Mode::Required } else { Mode::OptionalComputed };
            attribute.default = None;
            if !data_source && in_create {
                attribute.requires_replacement = true;
                attribute.not_returned = false;
            }
            report.push(format!(
                "{owner}: `{name}` fills a path parameter, so it must be known: it is {}",
                mode_word(attribute.mode)
            ));
        }
    }
}

fn mode_word(mode: Mode) -> &'static str {
    match mode {
        Mode::Required => "required",
        Mode::Optional => "optional",
        Mode::OptionalComputed => "optional and computed",
        Mode::ReadOnly => "read-only",
    }
}

/// One operation's lists: no attribute both in the path and the query, no body on GET and DELETE, no
/// read-only attribute sent by a main operation (but what addresses the object in a bulk update's body;
/// a further step may send what an earlier one answered).
fn operation_rules(
    operation: &mut Operation,
    kind: OperationKind,
    main: bool,
    attributes: &IndexMap<String, Attribute>,
    addressing: &HashSet<String>,
    owner: &str,
    report: &mut Vec<String>,
) {
    let in_path: HashSet<String> = operation.path_params.iter().map(|param| param.attribute.clone()).collect();
    operation.query.retain(|name| !in_path.contains(name) && attributes.contains_key(name));
    if matches!(operation.method, Method::Get | Method::Delete) && operation.body.take().is_some() {
        report.push(format!("{owner}: {} {} sends no body", operation.method.as_str(), operation.path));
    }
    let addresses_in_body = kind == OperationKind::Update && operation.path_params.is_empty();
    if let (true, Some(body)) = (main, &mut operation.body) {
        body.retain(|name| {
            attributes.get(name).is_some_and(|attribute| {
                attribute.mode != Mode::ReadOnly || (addresses_in_body && addressing.contains(name))
            })
        });
    }
}

/// Runs the validator and leaves out, with a line in the report, every resource and data source it
/// still finds a problem in (and those that use a named type it finds one in).
fn leave_out_what_still_fails(provider: &mut Provider, report: &mut Vec<String>) {
    loop {
        let issues = schema::validate::validate(provider);
        let count = provider.resources.len() + provider.data_sources.len() + provider.types.len();
        if issues.is_empty() || count == 0 {
            return;
        }
        let mut out: Vec<(String, String)> = Vec::new();
        let mut bad_types: HashSet<String> = HashSet::new();
        for issue in &issues {
            match issue.path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                ["resources" | "data_sources", short, ..] => out.push((issue.path[0].clone(), (*short).to_owned())),
                ["types", name, ..] => {
                    bad_types.insert((*name).to_owned());
                }
                _ => {}
            }
            report.push(format!("left out: {} ({})", issue.message, issue.path.join(".")));
        }
        for name in &bad_types {
            provider.types.shift_remove(name);
        }
        let prefix = format!("{}_", provider.name);
        for (section, items) in [("resources", &mut provider.resources), ("data_sources", &mut provider.data_sources)] {
            items.retain(|type_name, resource| {
                let short = type_name.strip_prefix(&prefix).unwrap_or(type_name);
                let failing = out.iter().any(|(kind, name)| kind == section && name == short);
                !failing && !uses_any(&resource.schema, &bad_types)
            });
        }
        if provider.resources.len() + provider.data_sources.len() + provider.types.len() == count {
            // What fails is the provider's own (its configuration): nothing to leave out.
            return;
        }
    }
}

/// Whether an object refers to any of `types`, at any depth.
fn uses_any(object: &Object, types: &HashSet<String>) -> bool {
    object.attributes.values().any(|attribute| match attribute.ty.as_nested().map(|nested| &nested.object) {
        Some(NestedObject::Named(reference)) => types.contains(reference.name()),
        Some(NestedObject::Inline(inner)) => uses_any(inner, types),
        None => false,
    })
}
