//! Builds the model from a YAML tree, collecting every structural error instead of stopping at the first.
//!
//! What the model cannot hold (an unknown key, a value of the wrong kind, contradictory mode flags, an
//! unreadable type) is reported here, at the key's position. Everything the model can hold but that is
//! still wrong (a default on a required attribute, a dangling reference) is left to [`crate::validate`].

use indexmap::IndexMap;

use crate::diag::{Diagnostic, Pos, suggest};
use crate::format::spec::{self, MapSpec};
use crate::format::type_expr::{self, Collection, TypeExpr};
use crate::model::*;
use crate::yaml::{Key, Node, NodeValue, Scalar};

/// Decodes a provider document. Returns the model built from everything that could be read.
pub fn provider(doc: &Node, diagnostics: &mut Vec<Diagnostic>) -> Provider {
    let mut decoder = Decoder { diagnostics, api_naming: Casing::Camel, api_names: Default::default() };
    decoder.provider(doc)
}

struct Decoder<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    api_naming: Casing,
    /// API names already derived: schemas repeat attribute names (`id`, `name`) many times.
    api_names: std::collections::HashMap<String, String>,
}

/// The entries of one mapping being decoded against its spec; reports unknown and missing keys.
struct Entries<'n> {
    spec: &'static MapSpec,
    pos: Pos,
    entries: &'n [(Key, Node)],
}

impl<'n> Entries<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        debug_assert!(self.spec.key(key).is_some(), "`{key}` is not in the spec of {}", self.spec.name);
        self.entries.iter().find(|(entry, _)| entry.text == key).map(|(_, value)| value)
    }

    fn key_pos(&self, key: &str) -> Pos {
        self.entries.iter().find(|(entry, _)| entry.text == key).map_or(self.pos, |(entry, _)| entry.pos)
    }
}

impl Decoder<'_> {
    fn error(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(pos, message).hint(hint));
    }

    /// Opens a mapping decoded against `spec`, reporting unknown keys and missing required keys.
    fn entries<'n>(&mut self, node: &'n Node, spec: &'static MapSpec, what: &str) -> Option<Entries<'n>> {
        let Some(entries) = node.as_map() else {
            self.error(
                node.pos,
                format!("{what} must be a mapping, found {}", node.kind()),
                format!("write {what} as `key: value` lines"),
            );
            return None;
        };
        for (key, _) in entries {
            if spec.key(&key.text).is_none() {
                let known = spec.keys.iter().map(|known| known.key);
                let hint = suggest(&key.text, known, || {
                    format!(
                        "{what} accepts: {}",
                        spec.keys.iter().map(|known| known.key).collect::<Vec<_>>().join(", ")
                    )
                });
                self.error(key.pos, format!("unknown key `{}` in {what}", key.text), hint);
            }
        }
        for required in spec.keys.iter().filter(|key| key.required) {
            if !entries.iter().any(|(key, _)| key.text == required.key) {
                self.error(
                    node.pos,
                    format!("{what} is missing `{}`", required.key),
                    format!("add `{}`: {}", required.key, required.doc),
                );
            }
        }
        Some(Entries { spec, pos: node.pos, entries })
    }

    /// A mapping from names (whose spelling the validator checks).
    fn names<'n>(&mut self, node: &'n Node, what: &str) -> &'n [(Key, Node)] {
        match &node.value {
            NodeValue::Map(entries) => entries,
            NodeValue::Scalar(Scalar::Null) => &[],
            _ => {
                self.error(
                    node.pos,
                    format!("{what}s must be a mapping from names, found {}", node.kind()),
                    format!("write each {what} as `name:` followed by its keys"),
                );
                &[]
            }
        }
    }

    /// A string value; `what` names it in the error (formatted only when there is one).
    fn string(&mut self, node: &Node, what: &dyn std::fmt::Display) -> Option<String> {
        match &node.value {
            NodeValue::Scalar(Scalar::String(text)) => Some(text.clone()),
            _ => {
                self.error(node.pos, format!("{what} must be a string, found {}", node.kind()), "quote the value");
                None
            }
        }
    }

    fn opt_string(&mut self, entries: &Entries<'_>, key: &str, what: &str) -> Option<String> {
        entries.get(key).and_then(|node| self.string(node, &format_args!("`{key}` of {what}")))
    }

    fn bool(&mut self, entries: &Entries<'_>, key: &str, what: &str) -> bool {
        match entries.get(key).map(|node| (node, &node.value)) {
            None => false,
            Some((_, NodeValue::Scalar(Scalar::Bool(value)))) => *value,
            Some((node, _)) => {
                self.error(
                    node.pos,
                    format!("`{key}` of {what} must be true or false, found {}", node.kind()),
                    format!("write `{key}: true`"),
                );
                false
            }
        }
    }

    fn count(&mut self, node: &Node, what: &str) -> Option<u64> {
        match &node.value {
            NodeValue::Scalar(Scalar::Int(value)) if *value >= 0 => Some(*value as u64),
            _ => {
                self.error(
                    node.pos,
                    format!("{what} must be a whole number of 0 or more, found {}", node.kind()),
                    "write a number such as `1`",
                );
                None
            }
        }
    }

    fn number(&mut self, node: &Node, what: &str) -> Option<f64> {
        match &node.value {
            NodeValue::Scalar(Scalar::Int(value)) => Some(*value as f64),
            NodeValue::Scalar(Scalar::Float(value)) if value.is_finite() => Some(*value),
            _ => {
                self.error(
                    node.pos,
                    format!("{what} must be a number, found {}", node.kind()),
                    "write a number such as `10` or `0.5`",
                );
                None
            }
        }
    }

    fn string_list(&mut self, node: &Node, what: &str) -> Vec<String> {
        match &node.value {
            NodeValue::Seq(items) => {
                items.iter().filter_map(|item| self.string(item, &format_args!("an entry of {what}"))).collect()
            }
            _ => {
                self.error(
                    node.pos,
                    format!("{what} must be a list, found {}", node.kind()),
                    "write `[a, b]` or one `- item` per line",
                );
                Vec::new()
            }
        }
    }

    fn choice<T: Copy>(&mut self, node: &Node, what: &str, choices: &[(&'static str, T)]) -> Option<T> {
        let text = self.string(node, &what)?;
        if let Some((_, value)) = choices.iter().find(|(name, _)| *name == text) {
            return Some(*value);
        }
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        let hint = suggest(&text, names.iter().copied(), || format!("use one of: {}", names.join(", ")));
        self.error(node.pos, format!("unknown {what} `{text}`"), hint);
        None
    }

    fn provider(&mut self, doc: &Node) -> Provider {
        let mut provider = Provider::default();
        let Some(entries) = self.entries(doc, &spec::PROVIDER, "the provider file") else {
            return provider;
        };
        let what = "the provider";
        if let Some(node) = entries.get("format_version") {
            if self.count(node, "`format_version`").is_some_and(|version| version != 1) {
                self.error(node.pos, "unsupported `format_version`", "this version of codegen reads format_version 1");
            }
        }
        if let Some(name) = self.opt_string(&entries, "name", what) {
            provider.name = name;
        }
        provider.description = self.opt_string(&entries, "description", what).unwrap_or_default();
        provider.default_server_url = self.opt_string(&entries, "default_server_url", what);
        if let Some(node) = entries.get("api_naming") {
            if let Some(casing) = self.choice(node, "api_naming", &Casing::ALL) {
                provider.api_naming = casing;
            }
        }
        self.api_naming = provider.api_naming;
        if let Some(node) = entries.get("auth") {
            provider.auth = self.auth(node);
        }
        if let Some(node) = entries.get("config") {
            provider.config.attributes = self.attributes(node);
        }
        if let Some(node) = entries.get("types") {
            for (key, value) in self.names(node, "type") {
                if let Some(named) = self.named_type(key, value) {
                    provider.types.insert(key.text.clone(), named);
                }
            }
        }
        if let Some(node) = entries.get("errors") {
            for (key, value) in self.names(node, "error type") {
                if let Some(error) = self.error_type(key, value) {
                    provider.errors.insert(key.text.clone(), error);
                }
            }
        }
        let timeouts = entries.get("timeouts").map(|node| self.timeouts(node, "the provider")).unwrap_or_default();
        let sections = [
            ("resources", "resource", &mut provider.resources),
            ("data_sources", "data source", &mut provider.data_sources),
            ("ephemeral_resources", "ephemeral resource", &mut provider.ephemeral_resources),
        ];
        for (section, kind, target) in sections {
            let Some(node) = entries.get(section) else {
                continue;
            };
            for (key, value) in self.names(node, kind) {
                if let Some(resource) = self.resource(key, value, kind, &timeouts) {
                    target.insert(format!("{}_{}", provider.name, key.text), resource);
                }
            }
        }
        if let Some(node) = entries.get("pulumi") {
            provider.pulumi = self.pulumi(node);
        }
        if let Some(node) = entries.get("docs") {
            if let Some(docs) = self.entries(node, &spec::DOCS, "`docs`") {
                if let Some(note) = docs.get("requires_replacement_note") {
                    provider.docs.requires_replacement_note = match &note.value {
                        NodeValue::Scalar(Scalar::Null) => None,
                        _ => self.string(note, &"`requires_replacement_note`"),
                    };
                }
            }
        }
        provider
    }

    fn pulumi(&mut self, node: &Node) -> Option<PulumiPackage> {
        let entries = self.entries(node, &spec::PULUMI, "`pulumi`")?;
        let what = "`pulumi`";
        let mut package = PulumiPackage {
            name: self.opt_string(&entries, "name", what),
            repository: self.opt_string(&entries, "repository", what),
            license: self.opt_string(&entries, "license", what),
            terraform_provider: self.opt_string(&entries, "terraform_provider", what),
            nodejs: self.opt_string(&entries, "nodejs", what),
            python: self.opt_string(&entries, "python", what),
            go: self.opt_string(&entries, "go", what),
            csharp: self.opt_string(&entries, "csharp", what),
            java: self.opt_string(&entries, "java", what),
            namespace: self.opt_string(&entries, "namespace", what),
            replacement_badge: self.bool(&entries, "replacement_badge", what),
            text_indicators: self.bool(&entries, "text_indicators", what),
            ..PulumiPackage::default()
        };
        if let Some(node) = entries.get("resource_names") {
            for (key, value) in self.names(node, "resource") {
                if let Some(name) = self.string(value, &"a Pulumi resource name") {
                    package.resource_names.insert(key.text.clone(), name);
                }
            }
        }
        Some(package)
    }

    fn auth(&mut self, node: &Node) -> Option<Auth> {
        let entries = self.entries(node, &spec::AUTH, "`auth`")?;
        let attribute = self.opt_string(&entries, "attribute", "`auth`").unwrap_or_else(|| "token".to_owned());
        let header = self.opt_string(&entries, "header", "`auth`");
        let kind = self.choice(entries.get("type")?, "auth type", &[("bearer", true), ("api_key", false)])?;
        match (kind, header) {
            (true, None) => Some(Auth::Bearer { attribute }),
            (false, Some(header)) => Some(Auth::ApiKey { header, attribute }),
            (true, Some(_)) => {
                self.error(
                    entries.key_pos("header"),
                    "`header` is only for `type: api_key`",
                    "remove `header`: bearer tokens travel in `Authorization`",
                );
                None
            }
            (false, None) => {
                self.error(
                    node.pos,
                    "`type: api_key` needs `header`",
                    "add the header that carries the key, e.g. `header: X-API-Key`",
                );
                None
            }
        }
    }

    fn named_type(&mut self, key: &Key, node: &Node) -> Option<NamedType> {
        let what = format!("type `{}`", key.text);
        let entries = self.entries(node, &spec::NAMED_TYPE, &what)?;
        let description = self.opt_string(&entries, "description", &what).unwrap_or_default();
        let object = self.object(&entries);
        Some(NamedType { description, object })
    }

    fn error_type(&mut self, key: &Key, node: &Node) -> Option<ErrorType> {
        let what = format!("error type `{}`", key.text);
        let entries = self.entries(node, &spec::ERROR_TYPE, &what)?;
        let status_node = entries.get("status")?;
        let status = self.count(status_node, "`status`")?;
        if !(400..=599).contains(&status) {
            self.error(
                status_node.pos,
                format!("`status` {status} is not an error status"),
                "error types use 4xx and 5xx status codes",
            );
        }
        Some(ErrorType {
            status: status as u16,
            content_type: self
                .opt_string(&entries, "content_type", &what)
                .unwrap_or_else(|| "application/problem+json".to_owned()),
            description: self.opt_string(&entries, "description", &what).unwrap_or_default(),
        })
    }

    /// The `attributes` and `one_of` keys of a mapping.
    fn object(&mut self, entries: &Entries<'_>) -> Object {
        let attributes = entries.get("attributes").map(|node| self.attributes(node)).unwrap_or_default();
        let one_of = entries.get("one_of").map(|node| self.one_of_groups(node, &attributes)).unwrap_or_default();
        Object { attributes, blocks: IndexMap::new(), one_of }
    }

    fn attributes(&mut self, node: &Node) -> IndexMap<String, Attribute> {
        let mut attributes = IndexMap::new();
        for (key, value) in self.names(node, "attribute") {
            if let Some(attribute) = self.attribute(key, value) {
                attributes.insert(key.text.clone(), attribute);
            }
        }
        attributes
    }

    fn attribute(&mut self, key: &Key, node: &Node) -> Option<Attribute> {
        let what = format!("attribute `{}`", key.text);
        let entries = self.entries(node, &spec::ATTRIBUTE, &what)?;
        let mode = self.mode(&entries, &what);
        let ty = self.attribute_type(&entries, &what);
        let default = entries.get("default").map(value);
        let validators = entries.get("validators").map(|node| self.validators(node, &what)).unwrap_or_default();
        let api_name = match self.opt_string(&entries, "api_name", &what) {
            Some(api_name) => api_name,
            None => {
                let casing = self.api_naming;
                self.api_names.entry(key.text.clone()).or_insert_with(|| casing.apply(&key.text)).clone()
            }
        };
        // Terraform stores a default in state, so an optional attribute with a default is also computed.
        let mode = match mode? {
            Mode::Optional if default.is_some() => Mode::OptionalComputed,
            mode => mode,
        };
        Some(Attribute {
            ty: ty?,
            mode,
            description: self.opt_string(&entries, "description", &what).unwrap_or_default(),
            requires_replacement: self.bool(&entries, "requires_replacement", &what),
            sensitive: self.bool(&entries, "sensitive", &what),
            write_only: self.bool(&entries, "write_only", &what),
            deprecation: self.opt_string(&entries, "deprecated", &what),
            default,
            validators,
            api_name,
            answer_name: self.opt_string(&entries, "answer_name", &what),
            env: self.opt_string(&entries, "env", &what),
            changes_on_update: self.bool(&entries, "changes_on_update", &what),
            not_returned: self.bool(&entries, "not_returned", &what),
            unset_value: entries.get("unset_value").map(value),
            json: self.bool(&entries, "json", &what),
        })
    }

    /// Reads the mode flags; exactly one of required, optional, read_only, or optional with computed.
    fn mode(&mut self, entries: &Entries<'_>, what: &str) -> Option<Mode> {
        let flags =
            ["required", "optional", "computed", "read_only"].map(|flag| (flag, self.bool(entries, flag, what)));
        let set: Vec<&str> = flags.iter().filter(|(_, on)| *on).map(|(flag, _)| *flag).collect();
        let mode = match set.as_slice() {
            ["required"] => Mode::Required,
            ["optional"] => Mode::Optional,
            ["optional", "computed"] => Mode::OptionalComputed,
            ["read_only"] => Mode::ReadOnly,
            [] => {
                self.error(entries.pos, format!("{what} does not say who sets it"), "add one of `required: true`, `optional: true`, `read_only: true`, or `optional: true` with `computed: true`");
                return None;
            }
            [first, second, ..] => {
                let reason = match (*first, *second) {
                    ("required", "optional") => "an attribute is either required or optional",
                    ("required", "computed") => "a required value always comes from the configuration",
                    ("required", _) => {
                        "a required value comes from the configuration, a read-only one only from the API"
                    }
                    ("computed", _) => "read_only already means the API computes the value",
                    _ => "a read-only value cannot be set in the configuration",
                };
                self.error(
                    entries.key_pos(second),
                    format!("{what} sets both `{first}` and `{second}`: {reason}"),
                    "keep exactly one of required, optional, read_only (or optional with computed)",
                );
                return None;
            }
            [_computed] => {
                self.error(
                    entries.key_pos("computed"),
                    format!("{what} is computed but not optional"),
                    "write `read_only: true` for a value only the API sets, or add `optional: true`",
                );
                return None;
            }
        };
        Some(mode)
    }

    fn attribute_type(&mut self, entries: &Entries<'_>, what: &str) -> Option<Type> {
        let node = entries.get("type")?;
        let text = self.string(node, &format_args!("`type` of {what}"))?;
        let expr = match type_expr::parse(&text) {
            Ok(expr) => expr,
            Err(error) => {
                let pos = Pos { line: node.pos.line, col: node.pos.col + error.offset };
                self.error(pos, format!("{} in `type: {text}` of {what}", error.message), error.hint);
                return None;
            }
        };
        let nested_mode = match &expr {
            TypeExpr::Word(word) if is_object_word(word) => Some((NestingMode::Single, word)),
            TypeExpr::Collection(collection, element) => match element.as_ref() {
                TypeExpr::Word(word) if is_object_word(word) => Some((nesting(*collection), word)),
                _ => None,
            },
            TypeExpr::Word(_) => None,
        };
        let has_members = entries.get("attributes").is_some() || entries.get("one_of").is_some();
        let Some((mode, word)) = nested_mode else {
            if has_members {
                let key = if entries.get("attributes").is_some() { "attributes" } else { "one_of" };
                self.error(
                    entries.key_pos(key),
                    format!("{what} has `{key}` but its type `{text}` is not an object"),
                    "use `type: object` (or list(object), set(object), map(object)) for nested attributes",
                );
            }
            for key in ["min_items", "max_items"] {
                if entries.get(key).is_some() {
                    self.error(
                        entries.key_pos(key),
                        format!("`{key}` of {what} applies to nested collections only"),
                        "use `validators: {length: ...}` to bound a plain list, set or map",
                    );
                }
            }
            return self.plain_type(&expr, node.pos, what);
        };
        let object = if word == "object" {
            if entries.get("attributes").is_none() {
                self.error(
                    node.pos,
                    format!("{what} is an object without `attributes`"),
                    "add `attributes:` with the nested attributes, or reference a named type",
                );
            }
            NestedObject::Inline(self.object(entries))
        } else {
            if has_members {
                self.error(
                    node.pos,
                    format!("{what} refers to type `{word}` and also declares members"),
                    format!("declare the members in `types: {word}`, or write `type: object`"),
                );
            }
            NestedObject::Named(TypeRef::new(word.clone()))
        };
        let mut bounds = [0u64; 2];
        for (slot, key) in bounds.iter_mut().zip(["min_items", "max_items"]) {
            if let Some(value) = entries.get(key) {
                if mode == NestingMode::Single {
                    self.error(
                        entries.key_pos(key),
                        format!("`{key}` of {what} applies to list, set and map objects only"),
                        "remove it, or make the type a collection",
                    );
                } else if let Some(count) = self.count(value, &format!("`{key}`")) {
                    *slot = count;
                }
            }
        }
        Some(Type::Nested(Box::new(Nested { mode, object, min_items: bounds[0], max_items: bounds[1] })))
    }

    fn plain_type(&mut self, expr: &TypeExpr, pos: Pos, what: &str) -> Option<Type> {
        Some(match expr {
            TypeExpr::Word(word) => match word.as_str() {
                "string" => Type::String,
                "int64" => Type::Int64,
                "float64" => Type::Float64,
                "number" => Type::Number,
                "bool" => Type::Bool,
                // The parser admits only type words and PascalCase names, and the caller turns
                // `object` and names into nested attributes; `contains_object` keeps them out of here.
                _ => Type::Dynamic,
            },
            TypeExpr::Collection(collection, element) => {
                if contains_object(element) {
                    self.error(pos, format!("{what} nests objects inside a collection of collections"), "Terraform nests attributes only as object, list(object), set(object) or map(object); wrap the inner collection in a named type");
                    return None;
                }
                let element = Box::new(self.plain_type(element, pos, what)?);
                match collection {
                    Collection::List => Type::List(element),
                    Collection::Set => Type::Set(element),
                    Collection::Map => Type::Map(element),
                }
            }
        })
    }

    fn validators(&mut self, node: &Node, what: &str) -> Vec<Validator> {
        let Some(entries) = self.entries(node, &spec::VALIDATORS, &format!("`validators` of {what}")) else {
            return Vec::new();
        };
        let mut validators = Vec::new();
        if let Some(node) = entries.get("enum") {
            match &node.value {
                NodeValue::Seq(items) => validators.push(Validator::Enum(items.iter().map(value).collect())),
                _ => self.error(
                    node.pos,
                    format!("`enum` of {what} must be a list, found {}", node.kind()),
                    "write `enum: [a, b]`",
                ),
            }
        }
        for key in ["length", "range"] {
            let Some(node) = entries.get(key) else {
                continue;
            };
            let Some(bounds) = self.entries(node, &spec::BOUNDS, &format!("`{key}` of {what}")) else {
                continue;
            };
            if key == "length" {
                let min = bounds.get("min").and_then(|node| self.count(node, "`min`"));
                let max = bounds.get("max").and_then(|node| self.count(node, "`max`"));
                validators.push(Validator::Length { min, max });
            } else {
                let min = bounds.get("min").and_then(|node| self.number(node, "`min`"));
                let max = bounds.get("max").and_then(|node| self.number(node, "`max`"));
                validators.push(Validator::Range { min, max });
            }
        }
        if let Some(pattern) = self.opt_string(&entries, "regex", what) {
            validators.push(Validator::Regex(pattern));
        }
        validators
    }

    fn one_of_groups(&mut self, node: &Node, attributes: &IndexMap<String, Attribute>) -> IndexMap<String, OneOf> {
        let mut groups = IndexMap::new();
        for (key, value) in self.names(node, "one-of group") {
            let what = format!("one-of group `{}`", key.text);
            let Some(entries) = self.entries(value, &spec::ONE_OF, &what) else {
                continue;
            };
            let mut variants = Vec::new();
            if let Some(list) = entries.get("variants") {
                let NodeValue::Seq(items) = &list.value else {
                    self.error(
                        list.pos,
                        format!("`variants` of {what} must be a list, found {}", list.kind()),
                        "write `variants: [a, b]`",
                    );
                    continue;
                };
                for item in items {
                    let variant = match &item.value {
                        NodeValue::Scalar(_) => self.string(item, &"a variant").map(|attribute| {
                            let tag = attributes
                                .get(&attribute)
                                .map_or_else(|| attribute.clone(), |found| found.api_name.clone());
                            Variant { attribute, tag }
                        }),
                        _ => self.entries(item, &spec::VARIANT, "a variant").and_then(|variant| {
                            let attribute = self.opt_string(&variant, "attribute", "a variant")?;
                            let tag = self.opt_string(&variant, "tag", "a variant")?;
                            Some(Variant { attribute, tag })
                        }),
                    };
                    variants.extend(variant);
                }
            }
            groups.insert(
                key.text.clone(),
                OneOf {
                    description: self.opt_string(&entries, "description", &what).unwrap_or_default(),
                    required: self.bool(&entries, "required", &what),
                    discriminator: self.opt_string(&entries, "discriminator", &what),
                    variants,
                },
            );
        }
        groups
    }

    fn resource(
        &mut self,
        key: &Key,
        node: &Node,
        kind: &str,
        provider_timeouts: &TimeoutSettings,
    ) -> Option<Resource> {
        let what = format!("{kind} `{}`", key.text);
        let entries = self.entries(node, &spec::RESOURCE, &what)?;
        let schema = self.object(&entries);
        let operations =
            entries.get("operations").map(|node| self.operations(node, &key.text, &schema, &what)).unwrap_or_default();
        let id_attribute = self
            .opt_string(&entries, "id", &what)
            .or_else(|| schema.attributes.contains_key("id").then(|| "id".to_owned()));
        let import = match self.opt_string(&entries, "import_id", &what) {
            Some(template) => Some(Import { attributes: crate::model::placeholders(&template), id: template }),
            None => id_attribute.as_ref().map(|id| Import { id: format!("{{{id}}}"), attributes: vec![id.clone()] }),
        };
        let ephemeral = kind == "ephemeral resource";
        let import = import.filter(|_| !ephemeral);
        let mut timeouts = match ephemeral {
            true => Timeouts::ephemeral(&operations),
            false => Timeouts::defaults(&operations, kind == "data source"),
        };
        if !ephemeral {
            provider_timeouts.apply(&mut timeouts);
        }
        if let (true, Some(node)) = (ephemeral, entries.get("timeouts")) {
            self.error(
                node.pos,
                format!("{what} has `timeouts`, but an ephemeral resource's operations have fixed limits"),
                "remove `timeouts`: open, renew and close may each take 5 minutes",
            );
        } else if let Some(node) = entries.get("timeouts") {
            let own = self.timeouts(node, &what);
            for (kind, (_, pos)) in &own.limits {
                if !timeouts.limits.contains_key(kind) {
                    let hint = format!("remove `{}`", kind.key());
                    self.error(*pos, format!("{what} has no {} operation to limit", kind.key()), hint);
                }
            }
            own.apply(&mut timeouts);
        }
        let version =
            entries.get("version").and_then(|node| self.count(node, &format!("`version` of {what}"))).unwrap_or(0);
        let upgrades = match entries.get("upgrades") {
            Some(Node { value: NodeValue::Seq(steps), .. }) => {
                steps.iter().filter_map(|step| self.upgrade(step, &what)).collect()
            }
            Some(node) => {
                self.error(
                    node.pos,
                    format!("`upgrades` of {what} must be a list of steps"),
                    "write `upgrades: [{from: 0, moves: [...]}]`",
                );
                Vec::new()
            }
            None => Vec::new(),
        };
        let moved_from = match entries.get("moved_from") {
            Some(Node { value: NodeValue::Seq(types), .. }) => {
                types.iter().filter_map(|moved| self.moved_from(moved, &what)).collect()
            }
            Some(node) => {
                self.error(
                    node.pos,
                    format!("`moved_from` of {what} must be a list of resource types"),
                    "write `moved_from: [old_type]` or `moved_from: [{type: old_type, moves: [...]}]`",
                );
                Vec::new()
            }
            None => Vec::new(),
        };
        Some(Resource {
            description: self.opt_string(&entries, "description", &what).unwrap_or_default(),
            subcategory: self.opt_string(&entries, "subcategory", &what),
            deprecation: self.opt_string(&entries, "deprecation", &what),
            schema,
            operations,
            id_attribute,
            import,
            identity: None,
            timeouts,
            version,
            upgrades,
            moved_from,
            renew_every: entries
                .get("renew_every")
                .and_then(|node| self.duration(node, &format!("`renew_every` of {what}"))),
        })
    }

    /// One entry of `moved_from:`: a type name, or the type with the moves its state takes.
    fn moved_from(&mut self, node: &Node, what: &str) -> Option<MovedFrom> {
        let what = format!("an entry of `moved_from` of {what}");
        if let NodeValue::Scalar(_) = node.value {
            return self.string(node, &what).map(|type_name| MovedFrom { type_name, moves: Vec::new() });
        }
        let entries = self.entries(node, &spec::MOVED_FROM, &what)?;
        let type_name = self.opt_string(&entries, "type", &what)?;
        let moves = match entries.get("moves") {
            Some(node) => self.moves(node, &what),
            None => Vec::new(),
        };
        Some(MovedFrom { type_name, moves })
    }

    /// One step of `upgrades:`.
    fn upgrade(&mut self, node: &Node, what: &str) -> Option<Upgrade> {
        let what = format!("an upgrade step of {what}");
        let entries = self.entries(node, &spec::UPGRADE, &what)?;
        let from = self.count(entries.get("from")?, &format!("`from` of {what}"))?;
        let moves = self.moves(entries.get("moves")?, &what);
        Some(Upgrade { from, moves })
    }

    /// `moves:` of an upgrade step or a moved type.
    fn moves(&mut self, node: &Node, what: &str) -> Vec<Move> {
        match node {
            Node { value: NodeValue::Seq(moves), .. } => {
                moves.iter().filter_map(|step| self.upgrade_move(step, what)).collect()
            }
            node => {
                self.error(
                    node.pos,
                    format!("`moves` of {what} must be a list"),
                    "write `moves: [{rename: a, to: b}]`",
                );
                Vec::new()
            }
        }
    }

    /// One move of an upgrade step: exactly one of `rename`, `convert`, `default` and `drop`.
    fn upgrade_move(&mut self, node: &Node, what: &str) -> Option<Move> {
        let what = format!("a move of {what}");
        let entries = self.entries(node, &spec::MOVE, &what)?;
        let kinds: Vec<&str> =
            ["rename", "convert", "default", "drop"].into_iter().filter(|kind| entries.get(kind).is_some()).collect();
        let [kind] = kinds.as_slice() else {
            self.error(
                node.pos,
                format!("{what} must say exactly one of `rename`, `convert`, `default` and `drop`"),
                "write one move per entry, e.g. `{rename: size, to: spec.size}`",
            );
            return None;
        };
        let path = self.opt_string(&entries, kind, &what)?;
        let to = |this: &mut Self| match entries.get("to") {
            Some(node) => Some(node),
            None => {
                this.error(
                    node.pos,
                    format!("`{kind}` in {what} needs `to`"),
                    format!("write `{{{kind}: {path}, to: ...}}`"),
                );
                None
            }
        };
        Some(match *kind {
            "rename" => {
                let to = to(self)?;
                Move::Rename { from: path, to: self.string(to, &"`to`")? }
            }
            "convert" => {
                let to = to(self)?;
                Move::Convert { attribute: path, to: self.choice(to, "conversion", &Conversion::ALL)? }
            }
            "default" => match entries.get("value") {
                Some(given) => Move::Default { attribute: path, value: value(given) },
                None => {
                    self.error(
                        node.pos,
                        format!("`default` in {what} needs `value`"),
                        format!("write `{{default: {path}, value: ...}}`"),
                    );
                    return None;
                }
            },
            _ => Move::Drop { attribute: path },
        })
    }

    /// `timeouts:` of the provider or of a resource: a duration for some operations, and whether there is
    /// a `timeouts` block.
    fn timeouts(&mut self, node: &Node, what: &str) -> TimeoutSettings {
        let mut settings = TimeoutSettings::default();
        let Some(entries) = self.entries(node, &spec::TIMEOUTS, &format!("`timeouts` of {what}")) else {
            return settings;
        };
        for kind in Timeouts::KINDS {
            let Some(value) = entries.get(kind.key()) else { continue };
            if let Some(duration) = self.duration(value, &format!("the {} of {what}", kind.key())) {
                settings.limits.insert(kind, (duration, value.pos));
            }
        }
        if entries.get("block").is_some() {
            settings.block = Some(self.bool(&entries, "block", &format!("`timeouts` of {what}")));
        }
        settings
    }

    /// A duration (`30s`, `20m`, `2h45m`) that is more than no time, for `what`.
    fn duration(&mut self, node: &Node, what: &str) -> Option<std::time::Duration> {
        let text = self.string(node, &format_args!("{what}"))?;
        match crate::duration::parse(&text) {
            Ok(duration) if !duration.is_zero() => Some(duration),
            Ok(_) => {
                self.error(node.pos, format!("{what} cannot take no time"), "write a duration such as `20m`");
                None
            }
            Err(problem) => {
                self.error(node.pos, problem, "write a duration such as `30s`, `20m` or `2h45m`");
                None
            }
        }
    }

    /// `wait:` of an operation: a status attribute and its values, or `gone: true`.
    fn wait(&mut self, node: &Node, what: &str) -> Option<Wait> {
        let what = format!("`wait` of {what}");
        let entries = self.entries(node, &spec::WAIT, &what)?;
        let interval = match entries.get("interval") {
            // A wrong interval is reported; the rest of the wait is still checked.
            Some(value) => self.duration(value, &format!("the interval of {what}")).unwrap_or(Wait::DEFAULT_INTERVAL),
            None => Wait::DEFAULT_INTERVAL,
        };
        // One value stands for a list of it.
        let values = |key: &str| match entries.get(key) {
            Some(Node { value: NodeValue::Seq(items), .. }) => items.iter().map(value).collect(),
            Some(node) => vec![value(node)],
            None => Vec::new(),
        };
        let gone = self.bool(&entries, "gone", &what);
        let attribute = self.opt_string(&entries, "attribute", &what);
        let follow = self.opt_string(&entries, "follow", &what);
        let until = match (gone, attribute, follow) {
            (true, None, None) => Until::Gone,
            (false, Some(attribute), None) => {
                Until::Value { attribute, ready: values("ready"), failed: values("failed") }
            }
            (false, None, Some(follow)) => {
                let Some(status) = self.opt_string(&entries, "status", &what) else {
                    self.error(
                        node.pos,
                        format!("{what} follows an operation but does not say which of its fields is its status"),
                        "add `status: <field of the operation>` with its `ready` values",
                    );
                    return None;
                };
                let follow = if follow == "location" { Follow::Location } else { Follow::Field(follow) };
                Until::Operation { follow, status, ready: values("ready"), failed: values("failed") }
            }
            (false, None, None) => {
                self.error(
                    node.pos,
                    format!("{what} says neither what to read nor that the object goes"),
                    "write `attribute: status` with `ready: [...]`, `follow: location` with `status` and `ready`, or `gone: true` for a delete",
                );
                return None;
            }
            _ => {
                self.error(
                    node.pos,
                    format!("{what} says more than one of `gone`, `attribute` and `follow`"),
                    "a wait reads the object's `attribute`, follows an operation (`follow`), or waits for the object to be `gone`: keep one",
                );
                return None;
            }
        };
        Some(Wait { until, interval })
    }

    fn operations(&mut self, node: &Node, resource: &str, schema: &Object, what: &str) -> Operations {
        let mut operations = Operations::default();
        let Some(entries) = self.entries(node, &spec::OPERATIONS, &format!("`operations` of {what}")) else {
            return operations;
        };
        for kind in OperationKind::ALL {
            if let Some(node) = entries.get(kind.key()) {
                *operations.slot(kind) = self.operation(node, kind, resource, schema, what);
            }
        }
        operations
    }

    fn operation(
        &mut self,
        node: &Node,
        kind: OperationKind,
        resource: &str,
        schema: &Object,
        what: &str,
    ) -> Option<Operation> {
        let what = format!("the {} operation of {what}", kind.key());
        let entries = self.entries(node, &spec::OPERATION, &what)?;
        // An unknown method is reported here; the operation stays, so nothing reports it missing as well.
        let method = self.choice(entries.get("method")?, "HTTP method", &Method::ALL).unwrap_or(Method::Get);
        let path_node = entries.get("path")?;
        let path = self.string(path_node, &"`path`")?;
        if !path.starts_with('/') {
            self.error(path_node.pos, format!("`path` of {what} must start with `/`"), format!("write `/{path}`"));
        }
        let mut explicit = IndexMap::new();
        if let Some(node) = entries.get("path_params") {
            for (param, attribute) in self.names(node, "path parameter") {
                if let Some(attribute) = self.string(attribute, &"the attribute of a path parameter") {
                    explicit.insert(param.text.clone(), (param.pos, attribute));
                }
            }
        }
        for (param, (pos, _)) in &explicit {
            if !placeholders(&path).contains(param) {
                self.error(
                    *pos,
                    format!("path parameter `{param}` does not appear in `{path}`"),
                    format!("remove it, or add `{{{param}}}` to the path"),
                );
            }
        }
        let bindings = explicit.iter().map(|(param, (_, attribute))| (param.clone(), attribute.clone())).collect();
        let path_params = Operation::bind_path_params(&path, &bindings);
        let query = entries.get("query").map(|node| self.string_list(node, "`query`")).unwrap_or_default();
        let body = match entries.get("body") {
            Some(node) => Some(self.string_list(node, "`body`")),
            None => Operation::default_body(kind, method, schema, &path_params, &query),
        };
        let success = match entries.get("success") {
            Some(node) => match &node.value {
                NodeValue::Seq(items) => items
                    .iter()
                    .filter_map(|item| self.count(item, "a success status"))
                    .map(|code| code as u16)
                    .collect(),
                _ => {
                    self.error(
                        node.pos,
                        format!("`success` of {what} must be a list of status codes"),
                        "write `success: [200, 201]`",
                    );
                    Vec::new()
                }
            },
            None => Operation::default_success(kind),
        };
        Some(Operation {
            method,
            operation_id: self
                .opt_string(&entries, "operation_id", &what)
                .unwrap_or_else(|| Operation::default_operation_id(kind, resource)),
            summary: self.opt_string(&entries, "summary", &what).unwrap_or_default(),
            description: self.opt_string(&entries, "description", &what).unwrap_or_default(),
            path,
            path_params,
            query,
            body,
            success,
            errors: entries.get("errors").map(|node| self.string_list(node, "`errors`")).unwrap_or_default(),
            idempotency_key: self.opt_string(&entries, "idempotency_key", &what),
            empty_answer: self.bool(&entries, "empty_answer", &what),
            body_names: match entries.get("body_names") {
                Some(node) => self
                    .names(node, "body field")
                    .iter()
                    .filter_map(|(key, value)| Some((key.text.clone(), self.string(value, &"a body field's name")?)))
                    .collect(),
                None => IndexMap::new(),
            },
            body_field: self.opt_string(&entries, "body_field", &what),
            answer_field: self.opt_string(&entries, "answer_field", &what),
            then: match entries.get("then") {
                Some(Node { value: NodeValue::Seq(items), .. }) => {
                    items.iter().filter_map(|item| self.operation(item, kind, resource, schema, &what)).collect()
                }
                Some(node) => {
                    self.error(
                        node.pos,
                        format!("`then` of {what} must be a list of operations"),
                        "write `then: [{method: PUT, path: ...}]`",
                    );
                    Vec::new()
                }
                None => Vec::new(),
            },
            unset: match entries.get("unset") {
                Some(node) => self.choice(node, "unset rule", &Unset::ALL).unwrap_or(Unset::Omit),
                None => Unset::default_for(method),
            },
            wait: entries.get("wait").and_then(|node| self.wait(node, &what)),
            adopt: entries.get("adopt").and_then(|node| {
                let what = format!("`adopt` of {what}");
                let entries = self.entries(node, &spec::ADOPT, &what)?;
                Some(Adopt { matching: self.string_list(entries.get("match")?, "`match`") })
            }),
            paging: entries.get("paging").and_then(|node| self.paging(node, &what)),
        })
    }

    /// `paging:` of a list operation: a cursor and the parameter that takes it, a link, an offset or a
    /// page number.
    fn paging(&mut self, node: &Node, what: &str) -> Option<Paging> {
        let what = format!("`paging` of {what}");
        let entries = self.entries(node, &spec::PAGING, &what)?;
        let text = |this: &mut Self, key: &str| {
            entries.get(key).and_then(|node| this.string(node, &format!("`{key}` of {what}")))
        };
        let first = match entries.get("first") {
            Some(node) => Some(self.count(node, &format!("`first` of {what}"))?),
            None => None,
        };
        let forms =
            (text(self, "cursor"), text(self, "param"), text(self, "link"), text(self, "offset"), text(self, "page"));
        match (forms, first) {
            ((Some(cursor), Some(param), None, None, None), None) => Some(Paging::Cursor { cursor, param }),
            ((None, None, Some(link), None, None), None) => Some(Paging::Link { link }),
            ((None, None, None, Some(offset), None), None) => Some(Paging::Offset { offset }),
            ((None, None, None, None, Some(page)), first) => Some(Paging::Page { page, first: first.unwrap_or(1) }),
            ((Some(_), None, None, None, None), None) => {
                self.error(
                    node.pos,
                    format!("{what} has a `cursor` but no `param`"),
                    "name the query parameter that takes the cursor: `param: cursor`",
                );
                None
            }
            _ => {
                self.error(
                    node.pos,
                    format!("{what} must say one of `cursor` with `param`, `link`, `offset`, or `page` (with `first`)"),
                    "write `{cursor: next_cursor, param: cursor}`, `{link: links.next}`, `{offset: offset}` or `{page: page, first: 1}`",
                );
                None
            }
        }
    }
}

fn is_object_word(word: &str) -> bool {
    word == "object" || word.starts_with(|c: char| c.is_ascii_uppercase())
}

fn contains_object(expr: &TypeExpr) -> bool {
    match expr {
        TypeExpr::Word(word) => is_object_word(word),
        TypeExpr::Collection(_, element) => contains_object(element),
    }
}

fn nesting(collection: Collection) -> NestingMode {
    match collection {
        Collection::List => NestingMode::List,
        Collection::Set => NestingMode::Set,
        Collection::Map => NestingMode::Map,
    }
}

/// Converts any YAML value to a model value (defaults and enum members are type-checked later).
fn value(node: &Node) -> Value {
    match &node.value {
        NodeValue::Scalar(Scalar::Null) => Value::Null,
        NodeValue::Scalar(Scalar::Bool(value)) => Value::Bool(*value),
        NodeValue::Scalar(Scalar::Int(value)) => Value::Int(*value),
        NodeValue::Scalar(Scalar::Float(value)) => Value::Float(*value),
        NodeValue::Scalar(Scalar::String(value)) => Value::String(value.clone()),
        NodeValue::Seq(items) => Value::List(items.iter().map(value).collect()),
        NodeValue::Map(entries) => {
            Value::Map(entries.iter().map(|(key, item)| (key.text.clone(), value(item))).collect())
        }
    }
}

/// What a `timeouts:` mapping says: some operations' limits (with where each was written) and whether
/// there is a `timeouts` block.
#[derive(Debug, Default)]
struct TimeoutSettings {
    limits: IndexMap<OperationKind, (std::time::Duration, Pos)>,
    block: Option<bool>,
}

impl TimeoutSettings {
    /// Sets what this says on a resource's timeouts, for the operations it has.
    fn apply(&self, timeouts: &mut Timeouts) {
        for (kind, (limit, _)) in &self.limits {
            if let Some(slot) = timeouts.limits.get_mut(kind) {
                *slot = *limit;
            }
        }
        if let Some(block) = self.block {
            timeouts.block = block;
        }
    }
}
