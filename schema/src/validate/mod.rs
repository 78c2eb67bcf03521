//! Semantic checks on a loaded model, shared by every loader.
//!
//! Each problem names the path of keys that leads to it in the YAML format (`resources`, `access_key`,
//! `attributes`, `name`, `default`); the YAML loader turns that path into a line and column, and other
//! loaders into their own kind of position.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::diag::{did_you_mean, suggest};
use crate::model::*;

mod names;
mod rules;

/// One semantic problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Keys (and list indexes) from the document root to the offending key.
    pub path: Vec<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Names Terraform reserves at the root of a resource or data source for its meta-arguments.
const RESERVED_ROOT_NAMES: &[&str] =
    &["connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioner"];

/// Checks a provider and returns every problem found.
pub fn validate(provider: &Provider) -> Vec<Issue> {
    let mut checker = Checker { provider, issues: Vec::new() };
    checker.provider();
    checker.issues
}

/// Where an object's attribute and one-of mappings are in the document.
struct ObjectPaths<'a> {
    attributes: Vec<&'a str>,
    one_of: Vec<&'a str>,
}

/// Where an object stands, which decides what its attributes may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    ProviderConfig,
    Resource,
    DataSource,
    EphemeralResource,
}

impl Context {
    /// What the YAML calls a resource of this context.
    fn word(self) -> &'static str {
        match self {
            Context::ProviderConfig => "provider",
            Context::Resource => "resource",
            Context::DataSource => "data source",
            Context::EphemeralResource => "ephemeral resource",
        }
    }

    /// The operations a resource of this context may have.
    fn operations(self) -> &'static [OperationKind] {
        match self {
            Context::ProviderConfig => &[],
            Context::Resource => &[
                OperationKind::Create,
                OperationKind::Read,
                OperationKind::Update,
                OperationKind::Delete,
                OperationKind::List,
            ],
            Context::DataSource => &[OperationKind::Read, OperationKind::List],
            Context::EphemeralResource => &OperationKind::EPHEMERAL,
        }
    }
}

struct Checker<'p> {
    provider: &'p Provider,
    issues: Vec<Issue>,
}

/// A path of keys, borrowed; it is copied into an [`Issue`] only when there is a problem to report.
fn path<'a>(parts: &[&'a str]) -> Vec<&'a str> {
    parts.to_vec()
}

fn join<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

impl<'p> Checker<'p> {
    /// The members of a nested object before the model is resolved: a type not declared (reported where
    /// it is named) has none to check.
    fn members(&self, nested: &'p Nested) -> Option<&'p Object> {
        match &nested.object {
            NestedObject::Inline(object) => Some(object),
            NestedObject::Named(reference) => self.provider.types.get(reference.name()).map(|named| &named.object),
        }
    }

    fn issue(&mut self, path: Vec<&str>, message: impl Into<String>, hint: impl Into<String>) {
        let path = path.into_iter().map(str::to_owned).collect();
        self.issues.push(Issue { path, message: message.into(), hint: hint.into() });
    }

    fn provider(&mut self) {
        let provider = self.provider;
        if let Some(auth) = &provider.auth {
            let attribute = match auth {
                Auth::Bearer { attribute } | Auth::ApiKey { attribute, .. } => attribute,
            };
            match provider.config.attributes.get(attribute) {
                None => self.issue(
                    path(&["auth"]),
                    format!("`auth` reads the token from config attribute `{attribute}`, which does not exist"),
                    format!(
                        "add `{attribute}` under `config:` (sensitive, optional, with `env:`), or set `auth.attribute`"
                    ),
                ),
                Some(found) if !found.sensitive => self.issue(
                    path(&["config", attribute, "sensitive"]),
                    format!("config attribute `{attribute}` holds a credential but is not sensitive"),
                    "add `sensitive: true` so Terraform never prints it",
                ),
                Some(_) => {}
            }
        }
        let config = ObjectPaths { attributes: path(&["config"]), one_of: path(&["config"]) };
        self.object(&provider.config, &config, Context::ProviderConfig);
        for (name, named) in &provider.types {
            let paths = ObjectPaths {
                attributes: path(&["types", name, "attributes"]),
                one_of: path(&["types", name, "one_of"]),
            };
            if named.object.attributes.is_empty() {
                self.issue(
                    path(&["types", name]),
                    format!("type `{name}` has no attributes"),
                    "add attributes, or remove the type",
                );
            }
            self.object(&named.object, &paths, Context::Resource);
        }
        self.type_cycles();
        let sections = [
            ("resources", Context::Resource, &provider.resources),
            ("data_sources", Context::DataSource, &provider.data_sources),
            ("ephemeral_resources", Context::EphemeralResource, &provider.ephemeral_resources),
        ];
        for (section, context, resources) in sections {
            for (type_name, resource) in resources {
                self.resource(section, type_name, resource, context);
            }
        }
        names::spelling(self);
        rules::provider_name(self);
        rules::provider_names(self);
        rules::function_names(self);
    }

    fn resource(&mut self, section: &str, type_name: &str, resource: &Resource, context: Context) {
        let name = self.provider.short_name(type_name);
        let base = path(&[section, name]);
        let paths = ObjectPaths { attributes: join(&base, &["attributes"]), one_of: join(&base, &["one_of"]) };
        for reserved in RESERVED_ROOT_NAMES {
            if resource.schema.attributes.contains_key(*reserved) {
                self.issue(
                    join(&paths.attributes, &[reserved]),
                    format!("`{reserved}` is a Terraform meta-argument and cannot be an attribute name"),
                    format!(
                        "rename it (for example `{name}_{reserved}`) and keep the API field with `api_name: {reserved}`"
                    ),
                );
            }
        }
        if resource.timeouts.has_block() && resource.schema.attributes.contains_key(TIMEOUTS) {
            self.issue(
                join(&paths.attributes, &[TIMEOUTS]),
                format!("`{TIMEOUTS}` is the block that limits how long each operation may take, and cannot be an attribute name"),
                format!("rename it (for example `{name}_{TIMEOUTS}`) and keep the API field with `api_name: {TIMEOUTS}`"),
            );
        }
        self.object(&resource.schema, &paths, context);
        self.operations(&base, name, resource, context);
        // An ephemeral resource keeps no state; `rules::renewal` says so where it has versions.
        if context != Context::EphemeralResource {
            rules::upgrades(self, &base, name, resource);
        }
        match context {
            Context::Resource => rules::moved_from(self, &base, type_name, resource),
            _ if !resource.moved_from.is_empty() => self.issue(
                join(&base, &["moved_from"]),
                format!("{} `{name}` has `moved_from`, but only resources hold objects that move", context.word()),
                "remove `moved_from`",
            ),
            _ => {}
        }
        rules::renewal(self, &base, name, resource, context == Context::EphemeralResource);
        let attributes = &resource.schema.attributes;
        if let Some(id) = &resource.id_attribute {
            if !attributes.contains_key(id) {
                self.unknown_attribute(join(&base, &["id"]), id, attributes, "the `id` of the resource");
            }
        }
        if let Some(import) = &resource.import {
            if import.attributes.is_empty() {
                self.issue(
                    join(&base, &["import_id"]),
                    format!("`import_id` `{}` names no attribute", import.id),
                    "write the attributes in braces, e.g. `{id}` or `{org_id}/{id}`",
                );
            }
            for attribute in &import.attributes {
                if !attributes.contains_key(attribute) {
                    self.unknown_attribute(join(&base, &["import_id"]), attribute, attributes, "`import_id`");
                }
            }
        }
    }

    fn operations(&mut self, base: &[&str], name: &str, resource: &Resource, context: Context) {
        let operations = &resource.operations;
        let at = join(base, &["operations"]);
        if context == Context::Resource {
            // Without read, state keeps what was applied (and the resource cannot be imported); without
            // delete, destroy forgets the object. Without create there is no resource.
            if operations.create.is_none() {
                self.issue(
                    at.clone(),
                    format!("resource `{name}` has no `create` operation"),
                    "add `create:` with its method and path, or declare it under `data_sources:`",
                );
            }
            if operations.update.is_none() {
                let in_place: Vec<&String> = resource
                    .schema
                    .attributes
                    .iter()
                    .filter(|(_, attribute)| attribute.mode.is_configurable() && !attribute.requires_replacement)
                    .map(|(name, _)| name)
                    .collect();
                if let Some(first) = in_place.first() {
                    self.issue(
                        at.clone(),
                        format!("resource `{name}` has no `update` operation, but `{first}` can change in place"),
                        "add an `update` operation, or mark every configurable attribute `requires_replacement: true`",
                    );
                }
            }
        } else if context == Context::DataSource && operations.read.is_none() {
            self.issue(
                at.clone(),
                format!("data source `{name}` has no `read` operation"),
                "add `read:` with its method and path",
            );
        } else if context == Context::EphemeralResource && operations.open.is_none() {
            self.issue(
                at.clone(),
                format!("ephemeral resource `{name}` has no `open` operation"),
                "add `open:` with the method and path that make the short-lived object",
            );
        }
        for (kind, _) in operations.iter().filter(|(kind, _)| !context.operations().contains(kind)) {
            let hint = match context {
                Context::DataSource => "data sources only read; declare a resource to manage objects",
                Context::EphemeralResource => {
                    "an ephemeral resource is opened, renewed and closed: name its operations `open`, `renew` and `close`"
                }
                _ => "open, renew and close belong to ephemeral resources: declare it under `ephemeral_resources:`",
            };
            self.issue(
                join(&at, &[kind.key()]),
                format!("{} `{name}` has a `{}` operation", context.word(), kind.key()),
                hint,
            );
        }
        let attributes = &resource.schema.attributes;
        // The main operations, then their further steps (whose path parameters may name what the main
        // operation's answer gave).
        let longest = operations.iter().map(|(_, operation)| operation.then.len()).max().unwrap_or(0);
        let numbers: Vec<String> = (0..longest).map(|index| index.to_string()).collect();
        let mut all = Vec::new();
        for (kind, operation) in operations.iter() {
            all.push((kind, operation, join(&at, &[kind.key()]), true));
            for (index, step) in operation.then.iter().enumerate() {
                all.push((kind, step, join(&at, &[kind.key(), "then", &numbers[index]]), false));
            }
        }
        for (kind, operation, op, main) in all {
            if main {
                rules::operation(self, &op, kind, operation, resource);
            }
            if let Some(wait) = &operation.wait {
                rules::wait(self, &join(&op, &["wait"]), kind, wait, resource, main);
            }
            if operation.paging.is_some() && kind != OperationKind::List {
                self.issue(
                    join(&op, &["paging"]),
                    format!("the {} operation has `paging`, but only a list has pages", kind.key()),
                    "move `paging` to the `list` operation",
                );
            }
            if let Some(adopt) = &operation.adopt {
                rules::adopt(self, &join(&op, &["adopt"]), kind, adopt, resource, main);
            }
            for param in &operation.path_params {
                if !attributes.contains_key(&param.attribute) {
                    let hint = match did_you_mean(&param.attribute, attributes.keys().map(String::as_str)) {
                        Some(close) => {
                            format!("did you mean `{close}`? Bind it with `path_params: {{{}: {close}}}`", param.name)
                        }
                        None => format!(
                            "add an attribute `{}`, or bind the parameter with `path_params: {{{}: <attribute>}}`",
                            param.attribute, param.name
                        ),
                    };
                    self.issue(
                        join(&op, &["path"]),
                        format!(
                            "path parameter `{{{}}}` has no attribute behind it (no attribute `{}`)",
                            param.name, param.attribute
                        ),
                        hint,
                    );
                }
            }
            for (key, list) in [("query", Some(&operation.query)), ("body", operation.body.as_ref())] {
                for (index, attribute) in list.into_iter().flatten().enumerate() {
                    if !attributes.contains_key(attribute) {
                        self.unknown_attribute(
                            join(&op, &[key, &index.to_string()]),
                            attribute,
                            attributes,
                            &format!("`{key}`"),
                        );
                    }
                }
            }
            for name in operation.body_names.keys() {
                if !operation.body.iter().flatten().any(|sent| sent == name) {
                    self.issue(
                        join(&op, &["body_names", name]),
                        format!("`body_names` renames `{name}`, which the operation does not send in its body"),
                        "name only attributes of `body`",
                    );
                }
            }
            for (index, error) in operation.errors.iter().enumerate() {
                if !self.provider.errors.contains_key(error) {
                    let hint = suggest(error, self.provider.errors.keys().map(String::as_str), || {
                        format!("declare `{error}` under the provider's `errors:` with its status code")
                    });
                    self.issue(
                        join(&op, &["errors", &index.to_string()]),
                        format!("unknown error type `{error}`"),
                        hint,
                    );
                }
            }
            for (index, code) in operation.success.iter().enumerate() {
                if !(100..=399).contains(code) {
                    self.issue(
                        join(&op, &["success", &index.to_string()]),
                        format!("success status {code} is not a success code"),
                        "success statuses are 1xx to 3xx; declare error statuses under `errors:`",
                    );
                }
            }
        }
    }

    fn unknown_attribute(&mut self, at: Vec<&str>, name: &str, attributes: &IndexMap<String, Attribute>, place: &str) {
        let hint = suggest(name, attributes.keys().map(String::as_str), || {
            format!(
                "name one of the resource's attributes: {}",
                attributes.keys().map(String::as_str).collect::<Vec<_>>().join(", ")
            )
        });
        self.issue(at, format!("{place} names attribute `{name}`, which does not exist"), hint);
    }

    fn object(&mut self, object: &Object, paths: &ObjectPaths<'_>, context: Context) {
        let mut api_names: HashMap<&str, &str> = HashMap::new();
        let mut answer_names: HashMap<&str, &str> = HashMap::new();
        for (name, attribute) in &object.attributes {
            let at = join(&paths.attributes, &[name]);
            if let Some(first) = api_names.insert(&attribute.api_name, name) {
                self.issue(
                    at.clone(),
                    format!("attributes `{first}` and `{name}` both use the API field `{}`", attribute.api_name),
                    "give one of them a distinct `api_name`, or rename it",
                );
            } else if let Some(first) = answer_names.insert(attribute.answered_as(), name) {
                self.issue(
                    at.clone(),
                    format!(
                        "attributes `{first}` and `{name}` are both answered as the API field `{}`",
                        attribute.answered_as()
                    ),
                    "give one of them a distinct `answer_name`",
                );
            }
            self.attribute(&at, name, attribute, context);
        }
        rules::field_names(self, object, paths);
        self.one_of(object, paths);
    }

    fn attribute(&mut self, at: &[&str], name: &str, attribute: &Attribute, context: Context) {
        let key = |key: &'static str| join(at, &[key]);
        let mode = attribute.mode;
        if let Some(default) = &attribute.default {
            match mode {
                Mode::Required => self.issue(
                    key("default"),
                    format!("attribute `{name}` is required and has a default"),
                    "a required attribute is always set; make it `optional: true` or remove the default",
                ),
                Mode::ReadOnly => self.issue(
                    key("default"),
                    format!("attribute `{name}` is read-only and has a default"),
                    "only the API sets a read-only attribute; remove the default",
                ),
                _ => {
                    if let Err(problem) = self.check_value(default, &attribute.ty) {
                        self.issue(
                            key("default"),
                            format!("default of `{name}` does not fit its type: {problem}"),
                            "write a default of the attribute's type (quote strings)",
                        );
                    }
                }
            }
            if attribute.write_only {
                self.issue(
                    key("default"),
                    format!("write-only attribute `{name}` has a default"),
                    "Terraform never stores write-only values, so defaults cannot apply; remove the default",
                );
            }
        }
        if attribute.requires_replacement && mode == Mode::ReadOnly {
            self.issue(
                key("requires_replacement"),
                format!("read-only attribute `{name}` is marked requires_replacement"),
                "only configurable attributes can force replacement; remove `requires_replacement`",
            );
        }
        if attribute.write_only {
            if mode == Mode::ReadOnly {
                self.issue(key("write_only"), format!("write-only attribute `{name}` is read-only"), "a write-only value comes from the configuration and a read-only one from the API: make it `required` or `optional`, or drop `write_only`");
            } else if mode.is_computed() {
                self.issue(key("write_only"), format!("write-only attribute `{name}` is computed"), "write-only values come only from the configuration: make it `required` or `optional` without `computed`");
            }
            if attribute.requires_replacement {
                self.issue(key("write_only"), format!("write-only attribute `{name}` requires replacement"), "Terraform stores no prior value of a write-only attribute, so it cannot see a change; remove one of the two");
            }
            if matches!(context, Context::DataSource | Context::EphemeralResource) {
                self.issue(
                    key("write_only"),
                    format!("{} attribute `{name}` is write-only", context.word()),
                    "write-only attributes belong to managed resources",
                );
            }
        }
        if attribute.changes_on_update && !mode.is_computed() {
            self.issue(
                key("changes_on_update"),
                format!("attribute `{name}` changes on update but is not computed"),
                "only the API changes a value by itself: make it `read_only: true` (or optional with computed)",
            );
        }
        if attribute.json && attribute.ty != Type::String {
            self.issue(
                key("json"),
                format!("attribute `{name}` holds JSON text but is not a string"),
                "`json: true` applies to `type: string` attributes; remove it, or make the type `string`",
            );
        }
        if attribute.not_returned && mode == Mode::ReadOnly {
            self.issue(
                key("not_returned"),
                format!("read-only attribute `{name}` is marked not_returned"),
                "a read-only value only comes from the API's answers; remove `not_returned`",
            );
        }
        if let Some(value) = &attribute.unset_value {
            if mode == Mode::Required {
                self.issue(
                    key("unset_value"),
                    format!("required attribute `{name}` has an unset_value"),
                    "a required attribute is never removed from the configuration; remove `unset_value`",
                );
            } else if let Err(problem) = self.check_value(value, &attribute.ty) {
                self.issue(
                    key("unset_value"),
                    format!("unset_value of `{name}` does not fit its type: {problem}"),
                    "write a value of the attribute's type, or leave it out to send null (`unset: null`)",
                );
            }
        }
        if attribute.env.is_some() && context != Context::ProviderConfig {
            self.issue(
                key("env"),
                format!("attribute `{name}` reads an environment variable, but only provider config attributes can"),
                "move the attribute under `config:`, or remove `env`",
            );
        }
        if context == Context::ProviderConfig && mode == Mode::Required && attribute.env.is_some() {
            self.issue(
                key("required"),
                format!("config attribute `{name}` is required but has an environment fallback"),
                "make it `optional: true` so the environment variable can supply it",
            );
        }
        self.validators(at, name, attribute);
        rules::default_passes_validators(self, at, name, attribute);
        self.attribute_type(at, name, &attribute.ty, mode, context);
    }

    fn attribute_type(&mut self, at: &[&str], name: &str, ty: &Type, mode: Mode, context: Context) {
        let Some(nested) = ty.as_nested() else { return };
        if nested.max_items > 0 && nested.min_items > nested.max_items {
            self.issue(
                join(at, &["min_items"]),
                format!("`min_items` of `{name}` is larger than `max_items`"),
                "make min_items at most max_items",
            );
        }
        match &nested.object {
            NestedObject::Inline(object) => {
                let paths = ObjectPaths { attributes: join(at, &["attributes"]), one_of: join(at, &["one_of"]) };
                self.object(object, &paths, context);
                if mode == Mode::ReadOnly {
                    for (child, attribute) in &object.attributes {
                        if attribute.mode != Mode::ReadOnly {
                            self.issue(
                                join(&paths.attributes, &[child]),
                                format!("attribute `{child}` is inside read-only `{name}` but is not read-only"),
                                "only the API sets a read-only object, so mark its attributes `read_only: true`",
                            );
                        }
                    }
                }
            }
            NestedObject::Named(reference) => {
                let type_name = reference.name();
                if !self.provider.types.contains_key(type_name) {
                    let hint = suggest(type_name, self.provider.types.keys().map(String::as_str), || {
                        format!("declare `{type_name}` under `types:`, or use `type: object` with `attributes`")
                    });
                    self.issue(
                        join(at, &["type"]),
                        format!("attribute `{name}` refers to type `{type_name}`, which is not declared"),
                        hint,
                    );
                }
            }
        }
    }

    fn validators(&mut self, at: &[&str], name: &str, attribute: &Attribute) {
        if attribute.validators.is_empty() {
            return;
        }
        let ty = &attribute.ty;
        let is_string = matches!(ty, Type::String);
        let is_number = matches!(ty, Type::Int64 | Type::Float64 | Type::Number);
        let is_collection = matches!(ty, Type::List(_) | Type::Set(_) | Type::Map(_))
            || ty.as_nested().is_some_and(|nested| nested.mode != NestingMode::Single);
        let validators = join(at, &["validators"]);
        for validator in &attribute.validators {
            match validator {
                Validator::Enum(members) => {
                    let at = join(&validators, &["enum"]);
                    if members.is_empty() {
                        self.issue(
                            at,
                            format!("`enum` of `{name}` is empty, so no value would pass"),
                            "list the allowed values, or remove `enum`",
                        );
                    } else if !(is_string || matches!(ty, Type::Int64)) {
                        self.issue(
                            at,
                            format!("`enum` applies to string and int64 attributes, and `{name}` is not one"),
                            "remove `enum`, or change the type",
                        );
                    } else {
                        for member in members {
                            if let Err(problem) = self.check_value(member, ty) {
                                self.issue(
                                    at.clone(),
                                    format!("`enum` member of `{name}` does not fit its type: {problem}"),
                                    "write members of the attribute's type (quote strings)",
                                );
                            }
                        }
                        let mut seen = Vec::new();
                        for member in members {
                            if seen.contains(&member) {
                                self.issue(
                                    at.clone(),
                                    format!("`enum` of `{name}` lists {} twice", describe(member)),
                                    "list each value once",
                                );
                            }
                            seen.push(member);
                        }
                    }
                }
                Validator::Length { min, max } => {
                    let at = join(&validators, &["length"]);
                    if !(is_string || is_collection) {
                        self.issue(
                            at.clone(),
                            format!("`length` applies to strings and collections, and `{name}` is neither"),
                            "use `range` for numbers",
                        );
                    }
                    if let (Some(min), Some(max)) = (min, max) {
                        if min > max {
                            self.issue(at, format!("`length` of `{name}` has min {min} above max {max}"), "swap them");
                        }
                    }
                }
                Validator::Range { min, max } => {
                    let at = join(&validators, &["range"]);
                    if !is_number {
                        self.issue(
                            at.clone(),
                            format!("`range` applies to numbers, and `{name}` is not one"),
                            "use `length` for strings and collections",
                        );
                    }
                    if let (Some(min), Some(max)) = (min, max) {
                        if min > max {
                            self.issue(at, format!("`range` of `{name}` has min {min} above max {max}"), "swap them");
                        }
                    }
                }
                Validator::Regex(pattern) => {
                    let at = join(&validators, &["regex"]);
                    if !is_string {
                        self.issue(
                            at.clone(),
                            format!("`regex` applies to strings, and `{name}` is not one"),
                            "remove `regex`, or change the type",
                        );
                    }
                    if let Err(error) = regex::Regex::new(pattern) {
                        let first_line = error.to_string().lines().last().unwrap_or_default().trim().to_owned();
                        self.issue(
                            at,
                            format!("`regex` of `{name}` is not a valid regular expression: {first_line}"),
                            "fix the pattern (Rust regex syntax; no look-around)",
                        );
                    }
                }
            }
        }
    }

    fn one_of(&mut self, object: &Object, paths: &ObjectPaths) {
        let mut claimed: HashMap<&str, &str> = HashMap::new();
        for (group, one_of) in &object.one_of {
            let at = join(&paths.one_of, &[group]);
            if one_of.variants.len() < 2 && one_of.discriminator.is_none() {
                self.issue(
                    join(&at, &["variants"]),
                    format!("one-of group `{group}` has fewer than two variants and no discriminator"),
                    "list at least two variants, or give the group a `discriminator`",
                );
            }
            rules::discriminator_name(self, &at, group, one_of, object);
            let mut tags = HashSet::new();
            for (index, variant) in one_of.variants.iter().enumerate() {
                let index = index.to_string();
                let variant_at = join(&at, &["variants", &index]);
                let Some(attribute) = object.attributes.get(&variant.attribute) else {
                    let hint = suggest(&variant.attribute, object.attributes.keys().map(String::as_str), || {
                        "variants are object attributes declared beside the group".to_owned()
                    });
                    self.issue(
                        variant_at,
                        format!("variant `{}` of `{group}` is not an attribute of this object", variant.attribute),
                        hint,
                    );
                    continue;
                };
                if !attribute.ty.as_nested().is_some_and(|nested| nested.mode == NestingMode::Single) {
                    self.issue(
                        variant_at.clone(),
                        format!("variant `{}` of `{group}` is not an object attribute", variant.attribute),
                        "variants are attributes of `type: object` or a named type",
                    );
                }
                if attribute.mode == Mode::Required {
                    self.issue(join(&paths.attributes, &[&variant.attribute, "required"]), format!("variant `{}` of `{group}` is required", variant.attribute), "variants exclude each other, so none can be required; set `required: true` on the group instead");
                }
                if let Some(other) = claimed.insert(&variant.attribute, group) {
                    self.issue(
                        variant_at.clone(),
                        format!("`{}` is a variant of both `{other}` and `{group}`", variant.attribute),
                        "an attribute belongs to one group at most",
                    );
                }
                if !tags.insert(&variant.tag) {
                    self.issue(
                        variant_at.clone(),
                        format!("two variants of `{group}` use the tag `{}`", variant.tag),
                        "give each variant its own `tag`",
                    );
                }
                self.folded_fields(object, group, one_of, attribute, &variant.attribute, &variant_at);
            }
        }
    }

    /// A configurable variant's fields go into its parent's body beside the parent's own fields (and the group's
    /// discriminator), so none of them may share an API name with those.
    fn folded_fields(
        &mut self,
        object: &Object,
        group: &str,
        one_of: &OneOf,
        attribute: &Attribute,
        variant: &str,
        at: &[&str],
    ) {
        // A read-only variant is only read from answers, where sharing fields with its parent is the point.
        let Some(inner) = attribute.ty.as_nested().and_then(|nested| self.members(nested)) else {
            return;
        };
        if !attribute.mode.is_configurable() {
            return;
        }
        let variants: HashSet<&str> =
            object.one_of.values().flat_map(|group| group.variants.iter().map(|v| v.attribute.as_str())).collect();
        for (field, member) in &inner.attributes {
            let sibling = object
                .attributes
                .iter()
                .find(|(name, sibling)| !variants.contains(name.as_str()) && sibling.api_name == member.api_name);
            if let Some((sibling, _)) = sibling {
                self.issue(
                    at.to_vec(),
                    format!(
                        "field `{field}` of variant `{variant}` and attribute `{sibling}` both become the API field `{}` once `{group}` is folded into the body",
                        member.api_name
                    ),
                    "give one of them a distinct `api_name`",
                );
            }
            if one_of.discriminator.as_deref() == Some(member.api_name.as_str()) {
                self.issue(
                    at.to_vec(),
                    format!(
                        "field `{field}` of variant `{variant}` is named like the discriminator `{}` of `{group}`",
                        member.api_name
                    ),
                    "give the field or the discriminator another name",
                );
            }
        }
    }

    /// Checks that a literal fits a type; the error says how it does not.
    fn check_value(&self, value: &Value, ty: &Type) -> Result<(), String> {
        let fits = match (ty, value) {
            (_, Value::Null) => return Err("null is the same as no value".to_owned()),
            (Type::Dynamic, _) => true,
            (Type::String, Value::String(_)) | (Type::Bool, Value::Bool(_)) | (Type::Int64, Value::Int(_)) => true,
            (Type::Float64 | Type::Number, Value::Int(_) | Value::Float(_)) => true,
            (Type::List(element) | Type::Set(element), Value::List(items)) => {
                return items.iter().try_for_each(|item| self.check_value(item, element));
            }
            (Type::Map(element), Value::Map(entries)) => {
                return entries.values().try_for_each(|item| self.check_value(item, element));
            }
            (Type::Tuple(elements), Value::List(items)) if elements.len() == items.len() => {
                return elements.iter().zip(items).try_for_each(|(element, item)| self.check_value(item, element));
            }
            (Type::Object(fields), Value::Map(entries)) => {
                return entries.iter().try_for_each(|(field, item)| match fields.get(field) {
                    Some(field_type) => self.check_value(item, field_type),
                    None => Err(format!("the object has no field `{field}`")),
                });
            }
            (Type::Nested(nested), _) => return self.check_nested_value(value, nested),
            _ => false,
        };
        if fits { Ok(()) } else { Err(format!("{} is not {}", describe(value), type_phrase(ty))) }
    }

    fn check_nested_value(&self, value: &Value, nested: &Nested) -> Result<(), String> {
        let Some(object) = self.members(nested) else {
            return Ok(());
        };
        let check_object = |value: &Value| match value {
            Value::Map(entries) => entries.iter().try_for_each(|(field, item)| match object.attributes.get(field) {
                Some(attribute) => self.check_value(item, &attribute.ty),
                None => Err(format!("the object has no attribute `{field}`")),
            }),
            other => Err(format!("{} is not an object", describe(other))),
        };
        match (nested.mode, value) {
            (NestingMode::Single, value) => check_object(value),
            (NestingMode::List | NestingMode::Set, Value::List(items)) => items.iter().try_for_each(check_object),
            (NestingMode::Map, Value::Map(entries)) => entries.values().try_for_each(check_object),
            (_, other) => Err(format!("{} is not a collection of objects", describe(other))),
        }
    }

    /// Reports named types that contain themselves, which would make an infinite schema.
    fn type_cycles(&mut self) {
        let types = &self.provider.types;
        let edges: IndexMap<&str, Vec<&str>> = types
            .iter()
            .map(|(name, named)| {
                let mut referenced = Vec::new();
                collect_refs(&named.object, &mut referenced);
                (name.as_str(), referenced)
            })
            .collect();
        let mut reported: HashSet<Vec<&str>> = HashSet::new();
        for start in edges.keys() {
            let mut trail = vec![*start];
            if let Some(cycle) = find_cycle(&edges, &mut trail, &mut HashSet::new()) {
                let mut canonical = cycle.clone();
                canonical.sort_unstable();
                if reported.insert(canonical) && cycle[0] == *start {
                    let route =
                        cycle.iter().chain(std::iter::once(&cycle[0])).copied().collect::<Vec<_>>().join(" -> ");
                    self.issue(path(&["types", start]), format!("type `{start}` contains itself: {route}"), "Terraform schemas are finite; break the cycle with a plain attribute (such as an ID string) in one of the types");
                }
            }
        }
    }
}

fn collect_refs<'a>(object: &'a Object, out: &mut Vec<&'a str>) {
    for attribute in object.attributes.values() {
        if let Some(nested) = attribute.ty.as_nested() {
            match &nested.object {
                NestedObject::Named(reference) => out.push(reference.name()),
                NestedObject::Inline(inner) => collect_refs(inner, out),
            }
        }
    }
}

/// Depth-first search for a path that returns to its first type.
fn find_cycle<'a>(
    edges: &IndexMap<&'a str, Vec<&'a str>>,
    trail: &mut Vec<&'a str>,
    visited: &mut HashSet<&'a str>,
) -> Option<Vec<&'a str>> {
    let current = *trail.last()?;
    for next in edges.get(current).into_iter().flatten() {
        if *next == trail[0] {
            return Some(trail.clone());
        }
        if edges.contains_key(next) && visited.insert(next) {
            trail.push(next);
            if let Some(cycle) = find_cycle(edges, trail, visited) {
                return Some(cycle);
            }
            trail.pop();
        }
    }
    None
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(value) => format!("`{value}`"),
        Value::Int(value) => format!("`{value}`"),
        Value::Float(value) => format!("`{value}`"),
        Value::String(value) => format!("\"{value}\""),
        Value::List(_) => "a list".to_owned(),
        Value::Map(_) => "a mapping".to_owned(),
    }
}

fn type_phrase(ty: &Type) -> &'static str {
    match ty {
        Type::String => "a string",
        Type::Int64 => "an int64",
        Type::Float64 | Type::Number => "a number",
        Type::Bool => "a bool",
        Type::Dynamic => "a value",
        Type::List(_) | Type::Set(_) | Type::Tuple(_) => "a list",
        Type::Map(_) | Type::Object(_) | Type::Nested(_) => "a mapping",
    }
}
