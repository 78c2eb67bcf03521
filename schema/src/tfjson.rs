//! Loads the model from Terraform's provider-schema JSON, the output of `terraform providers schema -json`.
//!
//! The provider is picked the way tfplugindocs picks it: by its short name, then under the `hashicorp`
//! namespace of the public registry; unlike tfplugindocs, a single entry of any other namespace whose last
//! segment is the short name is accepted too.

use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value as Json;

use crate::diag::{Diagnostic, FileErrors, Pos};
use crate::model::*;

/// Loads provider `short_name` (`scaffolding`) from a provider-schema JSON file.
pub fn load(file: &Path, short_name: &str) -> Result<Provider, FileErrors> {
    let text = std::fs::read_to_string(file).map_err(|error| {
        FileErrors::whole_file(
            file,
            format!("cannot read the providers schema: {error}"),
            "write it with `terraform providers schema -json > schema.json`",
        )
    })?;
    load_str(&text, file, short_name)
}

/// Loads provider `short_name` from provider-schema JSON text; `file` names it in errors.
pub fn load_str(text: &str, file: &Path, short_name: &str) -> Result<Provider, FileErrors> {
    let fail =
        |pos: Pos, message: String, hint: &str| FileErrors::new(file, vec![Diagnostic::new(pos, message).hint(hint)]);
    let document: Document = serde_json::from_str(text).map_err(|error| {
        let pos = Pos { line: error.line().max(1), col: error.column().max(1) };
        fail(
            pos,
            format!("malformed providers schema JSON: {error}"),
            "write it with `terraform providers schema -json > schema.json`",
        )
    })?;
    let located = |path: &[&str]| locate(text, path);
    match document.format_version.as_deref() {
        Some(version) if version_supported(version) => {}
        Some(version) => {
            return Err(fail(
                located(&["format_version"]),
                format!("unsupported format_version \"{version}\""),
                "this reader supports providers schema format versions from 0.1 up to, not including, 2.0",
            ));
        }
        None => {
            return Err(fail(
                Pos::START,
                "the providers schema has no format_version".to_owned(),
                "is this the output of `terraform providers schema -json`?",
            ));
        }
    }
    let schemas = document.provider_schemas.unwrap_or_default();
    let Some(key) = provider_key(&schemas, short_name) else {
        let available =
            if schemas.is_empty() { "none".to_owned() } else { schemas.keys().cloned().collect::<Vec<_>>().join(", ") };
        return Err(fail(
            located(&["provider_schemas"]),
            format!("unable to find schema in JSON for provider \"{short_name}\""),
            &format!(
                "the file has providers: {available}; pass --provider-name=terraform-provider-<name> for one of them"
            ),
        ));
    };
    let schema = &schemas[&key];
    let mut converter = Converter { errors: Vec::new(), text };
    let provider = converter.provider(&key, short_name, schema);
    if !converter.errors.is_empty() {
        return Err(FileErrors::new(file, converter.errors));
    }
    crate::resolved(provider, file)
}

/// Loads one schema (`{"version": 0, "block": {...}}`, an entry of `resource_schemas`) as a resource.
pub fn schema_str(text: &str, file: &Path) -> Result<Resource, FileErrors> {
    let schema: SchemaJson = parse(text, file)?;
    let mut converter = Converter { errors: Vec::new(), text };
    let mut resources = IndexMap::new();
    resources.insert(String::new(), schema);
    let resource = converter.resources(&[], "", &resources).into_values().next();
    converter.finish(file, resource)
}

/// Loads one resource identity schema (an entry of `resource_identity_schemas`).
pub fn identity_str(text: &str, file: &Path) -> Result<Identity, FileErrors> {
    let identity: IdentityJson = parse(text, file)?;
    let mut converter = Converter { errors: Vec::new(), text };
    let converted = converter.identity(&identity, &[]);
    converter.finish(file, Some(converted))
}

/// Loads one function signature (an entry of `functions`).
pub fn function_str(text: &str, file: &Path) -> Result<Function, FileErrors> {
    let function: FunctionJson = parse(text, file)?;
    let mut converter = Converter { errors: Vec::new(), text };
    let converted = converter.function(&function, &[]);
    converter.finish(file, Some(converted))
}

fn parse<'de, T: Deserialize<'de>>(text: &'de str, file: &Path) -> Result<T, FileErrors> {
    serde_json::from_str(text).map_err(|error| {
        let pos = Pos { line: error.line().max(1), col: error.column().max(1) };
        FileErrors::new(
            file,
            vec![Diagnostic::new(pos, format!("malformed schema JSON: {error}")).hint("check the JSON syntax")],
        )
    })
}

fn version_supported(version: &str) -> bool {
    let mut parts = version.split('.').map(str::parse::<u64>);
    match (parts.next(), parts.next()) {
        (Some(Ok(major)), Some(Ok(minor))) => (major, minor) >= (0, 1) && major < 2,
        (Some(Ok(major)), None) => (1..2).contains(&major),
        _ => false,
    }
}

fn provider_key(schemas: &IndexMap<String, ProviderSchema>, short_name: &str) -> Option<String> {
    let hashicorp = format!("registry.terraform.io/hashicorp/{short_name}");
    if schemas.contains_key(short_name) {
        return Some(short_name.to_owned());
    }
    if schemas.contains_key(&hashicorp) {
        return Some(hashicorp);
    }
    let mut others = schemas.keys().filter(|key| key.rsplit('/').next() == Some(short_name));
    match (others.next(), others.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

#[derive(Deserialize)]
struct Document {
    format_version: Option<String>,
    provider_schemas: Option<IndexMap<String, ProviderSchema>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProviderSchema {
    provider: Option<SchemaJson>,
    resource_schemas: IndexMap<String, SchemaJson>,
    data_source_schemas: IndexMap<String, SchemaJson>,
    ephemeral_resource_schemas: IndexMap<String, SchemaJson>,
    list_resource_schemas: IndexMap<String, SchemaJson>,
    state_store_schemas: IndexMap<String, SchemaJson>,
    action_schemas: IndexMap<String, SchemaJson>,
    resource_identity_schemas: IndexMap<String, IdentityJson>,
    functions: IndexMap<String, FunctionJson>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SchemaJson {
    block: Option<BlockJson>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BlockJson {
    attributes: IndexMap<String, AttributeJson>,
    block_types: IndexMap<String, BlockTypeJson>,
    description: String,
    deprecated: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AttributeJson {
    #[serde(rename = "type")]
    ty: Option<Json>,
    nested_type: Option<NestedTypeJson>,
    description: String,
    required: bool,
    optional: bool,
    computed: bool,
    sensitive: bool,
    deprecated: bool,
    write_only: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NestedTypeJson {
    attributes: IndexMap<String, AttributeJson>,
    nesting_mode: String,
    min_items: u64,
    max_items: u64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BlockTypeJson {
    nesting_mode: String,
    block: BlockJson,
    min_items: u64,
    max_items: u64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdentityJson {
    attributes: IndexMap<String, IdentityAttributeJson>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdentityAttributeJson {
    #[serde(rename = "type")]
    ty: Json,
    description: String,
    required_for_import: bool,
    optional_for_import: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FunctionJson {
    description: String,
    summary: String,
    deprecation_message: Option<String>,
    return_type: Json,
    parameters: Option<Vec<ParameterJson>>,
    variadic_parameter: Option<ParameterJson>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ParameterJson {
    name: String,
    description: String,
    is_nullable: bool,
    #[serde(rename = "type")]
    ty: Json,
}

/// Turns the JSON structs into the model, collecting errors with the JSON path of each.
struct Converter<'t> {
    errors: Vec<Diagnostic>,
    text: &'t str,
}

impl Converter<'_> {
    fn finish<T>(self, file: &Path, value: Option<T>) -> Result<T, FileErrors> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(FileErrors::new(file, self.errors)),
        }
    }

    fn error(&mut self, path: &[String], message: String, hint: &str) {
        let keys: Vec<&str> = path.iter().map(String::as_str).collect();
        self.errors.push(Diagnostic::new(locate(self.text, &keys), message).hint(hint));
    }

    fn provider(&mut self, key: &str, short_name: &str, schema: &ProviderSchema) -> Provider {
        let base = vec!["provider_schemas".to_owned(), key.to_owned()];
        let config_block = match schema.provider.as_ref().and_then(|provider| provider.block.as_ref()) {
            Some(block) => Some(block),
            None => {
                self.error(
                    &base,
                    format!("provider \"{key}\" has no provider block"),
                    "the providers schema must hold `provider.block`, even an empty one",
                );
                None
            }
        };
        let config = config_block
            .map(|block| self.object(block, &join(&base, &["provider", "block"]), true))
            .unwrap_or_default();
        let mut provider = Provider {
            name: short_name.to_owned(),
            description: config_block.map(|block| block.description.clone()).unwrap_or_default(),
            api_naming: Casing::Snake,
            config,
            docs: DocsOptions { requires_replacement_note: None },
            ..Provider::default()
        };
        provider.resources = self.resources(&base, "resource_schemas", &schema.resource_schemas);
        provider.data_sources = self.resources(&base, "data_source_schemas", &schema.data_source_schemas);
        provider.ephemeral_resources =
            self.resources(&base, "ephemeral_resource_schemas", &schema.ephemeral_resource_schemas);
        provider.list_resources = self.resources(&base, "list_resource_schemas", &schema.list_resource_schemas);
        provider.state_stores = self.resources(&base, "state_store_schemas", &schema.state_store_schemas);
        provider.actions = self.resources(&base, "action_schemas", &schema.action_schemas);
        for (name, identity) in &schema.resource_identity_schemas {
            let at = join(&base, &["resource_identity_schemas", name]);
            let identity = self.identity(identity, &at);
            if let Some(resource) = provider.resources.get_mut(name) {
                resource.identity = Some(identity);
            }
        }
        for (name, function) in &schema.functions {
            let at = join(&base, &["functions", name]);
            provider.functions.insert(name.clone(), self.function(function, &at));
        }
        provider
    }

    fn resources(
        &mut self,
        base: &[String],
        section: &str,
        schemas: &IndexMap<String, SchemaJson>,
    ) -> IndexMap<String, Resource> {
        let mut resources = IndexMap::new();
        for (name, schema) in schemas {
            let at = join(base, &[section, name]);
            let Some(block) = &schema.block else {
                self.error(
                    &at,
                    format!("\"{name}\" has no block"),
                    "every schema in the providers schema holds a `block`",
                );
                continue;
            };
            let resource = Resource {
                description: block.description.clone(),
                subcategory: None,
                deprecation: block.deprecated.then(String::new),
                schema: self.object(block, &join(&at, &["block"]), true),
                operations: Operations::default(),
                id_attribute: None,
                import: None,
                identity: None,
                timeouts: Timeouts::default(),
                version: 0,
                upgrades: Vec::new(),
                moved_from: Vec::new(),
                renew_every: None,
            };
            resources.insert(name.clone(), resource);
        }
        resources
    }

    /// The attributes and blocks of a block. `root` marks a schema's top level, where a flagless `id`
    /// with no description is tolerated as the implicit ID attribute.
    fn object(&mut self, block: &BlockJson, at: &[String], root: bool) -> Object {
        let mut object = Object::default();
        for (name, attribute) in &block.attributes {
            let attribute_at = join(at, &["attributes", name]);
            let implicit_id = root && name.eq_ignore_ascii_case("id") && attribute.description.is_empty();
            match self.attribute(name, attribute, &attribute_at, implicit_id) {
                Some(converted) => {
                    object.attributes.insert(name.clone(), converted);
                }
                None if attribute.is_flagless() && !implicit_id => self.error(
                    &attribute_at,
                    format!("attribute \"{name}\" is neither required, optional nor computed"),
                    "no match for this attribute: this can happen if you have incompatible schema defined; set one of the flags",
                ),
                None => {}
            }
        }
        for (name, block_type) in &block.block_types {
            let block_at = join(at, &["block_types", name]);
            let nesting = match nesting_mode(&block_type.nesting_mode) {
                Some(mode) => mode,
                None => {
                    let other = &block_type.nesting_mode;
                    self.error(
                        &join(&block_at, &["nesting_mode"]),
                        format!("unexpected nesting mode for block \"{name}\": {other}"),
                        "tfplugindocs cannot document this nesting mode either; the supported modes are single, list, set and map",
                    );
                    continue;
                }
            };
            let inner = self.object(&block_type.block, &join(&block_at, &["block"]), false);
            object.blocks.insert(
                name.clone(),
                Block {
                    nesting,
                    min_items: block_type.min_items,
                    max_items: block_type.max_items,
                    description: block_type.block.description.clone(),
                    deprecated: block_type.block.deprecated,
                    object: inner,
                },
            );
        }
        object
    }

    /// Converts one attribute; `None` for a flagless attribute (the caller decides whether that is an error)
    /// or one whose type could not be read (already reported).
    fn attribute(
        &mut self,
        name: &str,
        attribute: &AttributeJson,
        at: &[String],
        implicit_id: bool,
    ) -> Option<Attribute> {
        let mode = if attribute.required {
            Mode::Required
        } else if attribute.optional && attribute.computed {
            Mode::OptionalComputed
        } else if attribute.optional {
            Mode::Optional
        } else if attribute.computed || implicit_id {
            Mode::ReadOnly
        } else {
            return None;
        };
        let ty = match (&attribute.nested_type, &attribute.ty) {
            (Some(nested), _) => self.nested(nested, &join(at, &["nested_type"]))?,
            (None, Some(ty)) => self.cty(ty, &join(at, &["type"]))?,
            (None, None) => {
                self.error(
                    at,
                    format!("attribute \"{name}\" has neither `type` nor `nested_type`"),
                    "every attribute has one of the two",
                );
                return None;
            }
        };
        Some(Attribute {
            ty,
            mode,
            description: attribute.description.clone(),
            requires_replacement: false,
            sensitive: attribute.sensitive,
            write_only: attribute.write_only,
            deprecation: attribute.deprecated.then(String::new),
            default: None,
            validators: Vec::new(),
            api_name: name.to_owned(),
            answer_name: None,
            env: None,
            changes_on_update: false,
            not_returned: false,
            unset_value: None,
            json: false,
        })
    }

    fn nested(&mut self, nested: &NestedTypeJson, at: &[String]) -> Option<Type> {
        let mode = match nesting_mode(&nested.nesting_mode) {
            Some(mode) => mode,
            None => {
                let other = &nested.nesting_mode;
                self.error(
                    &join(at, &["nesting_mode"]),
                    format!("unexpected nesting mode for nested attributes: {other}"),
                    "nested attributes use single, list, set or map",
                );
                return None;
            }
        };
        let mut object = Object::default();
        for (name, attribute) in &nested.attributes {
            // tfplugindocs leaves out nested attributes that have no flag; so does the model.
            if let Some(converted) = self.attribute(name, attribute, &join(at, &["attributes", name]), false) {
                object.attributes.insert(name.clone(), converted);
            }
        }
        Some(Type::Nested(Box::new(Nested {
            mode,
            object: NestedObject::Inline(object),
            min_items: nested.min_items,
            max_items: nested.max_items,
        })))
    }

    /// Converts a cty type in its JSON form (`"string"`, `["list", "string"]`, `["object", {...}]`).
    fn cty(&mut self, ty: &Json, at: &[String]) -> Option<Type> {
        let converted = match ty {
            Json::String(name) => match name.as_str() {
                "string" => Some(Type::String),
                "number" => Some(Type::Number),
                "bool" => Some(Type::Bool),
                "dynamic" => Some(Type::Dynamic),
                _ => None,
            },
            Json::Array(parts) => match (parts.first().and_then(Json::as_str), parts.get(1)) {
                (Some("list"), Some(element)) => Some(Type::List(Box::new(self.cty(element, at)?))),
                (Some("set"), Some(element)) => Some(Type::Set(Box::new(self.cty(element, at)?))),
                (Some("map"), Some(element)) => Some(Type::Map(Box::new(self.cty(element, at)?))),
                (Some("object"), Some(Json::Object(fields))) => {
                    let mut converted = IndexMap::new();
                    for (field, field_type) in fields {
                        converted.insert(field.clone(), self.cty(field_type, at)?);
                    }
                    Some(Type::Object(converted))
                }
                (Some("tuple"), Some(Json::Array(elements))) => {
                    Some(Type::Tuple(elements.iter().map(|element| self.cty(element, at)).collect::<Option<_>>()?))
                }
                _ => None,
            },
            _ => None,
        };
        if converted.is_none() {
            self.error(at, format!("unknown type {ty}"), "types are string, number, bool, dynamic, or [\"list\"|\"set\"|\"map\", T], [\"object\", {...}], [\"tuple\", [...]]");
        }
        converted
    }

    fn identity(&mut self, identity: &IdentityJson, at: &[String]) -> Identity {
        let mut converted = Identity::default();
        for (name, attribute) in &identity.attributes {
            let Some(ty) = self.cty(&attribute.ty, &join(at, &["attributes", name, "type"])) else { continue };
            converted.attributes.insert(
                name.clone(),
                IdentityAttribute {
                    ty,
                    description: attribute.description.clone(),
                    required_for_import: attribute.required_for_import,
                    optional_for_import: attribute.optional_for_import,
                },
            );
        }
        converted
    }

    fn function(&mut self, function: &FunctionJson, at: &[String]) -> Function {
        let return_type = self.cty(&function.return_type, &join(at, &["return_type"])).unwrap_or(Type::Dynamic);
        let parameters = function.parameters.as_ref().map(|parameters| {
            parameters
                .iter()
                .enumerate()
                .map(|(index, parameter)| self.parameter(parameter, &join(at, &["parameters", &index.to_string()])))
                .collect()
        });
        let variadic = function
            .variadic_parameter
            .as_ref()
            .map(|parameter| self.parameter(parameter, &join(at, &["variadic_parameter"])));
        Function {
            summary: function.summary.clone(),
            description: function.description.clone(),
            deprecation: function.deprecation_message.clone().filter(|message| !message.is_empty()),
            parameters,
            variadic,
            return_type,
        }
    }

    fn parameter(&mut self, parameter: &ParameterJson, at: &[String]) -> Parameter {
        Parameter {
            name: parameter.name.clone(),
            description: parameter.description.clone(),
            nullable: parameter.is_nullable,
            ty: self.cty(&parameter.ty, &join(at, &["type"])).unwrap_or(Type::Dynamic),
        }
    }
}

/// A nesting mode's JSON name; `group` and unknown names have no model counterpart.
fn nesting_mode(name: &str) -> Option<NestingMode> {
    match name {
        "single" => Some(NestingMode::Single),
        "list" => Some(NestingMode::List),
        "set" => Some(NestingMode::Set),
        "map" => Some(NestingMode::Map),
        _ => None,
    }
}

impl AttributeJson {
    fn is_flagless(&self) -> bool {
        !(self.required || self.optional || self.computed)
    }
}

fn join(base: &[String], more: &[&str]) -> Vec<String> {
    base.iter().cloned().chain(more.iter().map(|part| (*part).to_owned())).collect()
}

/// The position of the deepest key of `path` (object keys, or array indexes) found in JSON `text`.
fn locate(text: &str, path: &[&str]) -> Pos {
    let mut scanner = JsonScanner { bytes: text.as_bytes(), at: 0 };
    let mut found = 0;
    for segment in path {
        match scanner.enter(segment) {
            Some(position) => found = position,
            None => break,
        }
    }
    Pos::of_offset(text, found)
}

/// Just enough of a JSON reader to find where a key sits, without building values.
struct JsonScanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl JsonScanner<'_> {
    /// Moves into member `segment` of the value at the cursor; returns the byte offset of its key.
    fn enter(&mut self, segment: &str) -> Option<usize> {
        self.skip_space();
        match self.bytes.get(self.at)? {
            b'{' => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.bytes.get(self.at)? == &b'}' {
                        return None;
                    }
                    let key_at = self.at;
                    let key = self.string()?;
                    self.skip_space();
                    self.at += 1; // the colon
                    if key == segment {
                        return Some(key_at);
                    }
                    self.skip_value()?;
                    self.skip_space();
                    if self.bytes.get(self.at)? == &b',' {
                        self.at += 1;
                    }
                }
            }
            b'[' => {
                let wanted: usize = segment.parse().ok()?;
                self.at += 1;
                for _ in 0..wanted {
                    self.skip_value()?;
                    self.skip_space();
                    if self.bytes.get(self.at)? != &b',' {
                        return None;
                    }
                    self.at += 1;
                }
                self.skip_space();
                Some(self.at)
            }
            _ => None,
        }
    }

    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    /// Reads a string at the cursor (escapes are kept as written; keys rarely have them).
    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at)? != &b'"' {
            return None;
        }
        let start = self.at + 1;
        self.at = start;
        while *self.bytes.get(self.at)? != b'"' {
            self.at += if self.bytes[self.at] == b'\\' { 2 } else { 1 };
        }
        let text = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
        self.at += 1;
        Some(text)
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_space();
        let mut depth = 0usize;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.string()?;
                    if depth == 0 {
                        return Some(());
                    }
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        return Some(());
                    }
                }
                b',' if depth == 0 => return Some(()),
                _ => {}
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_keys() {
        let text = "{\n  \"a\": [1, {\"b\": \"x,}\"}],\n  \"c\": {\"d\": {\"e\": 1}}\n}";
        assert_eq!(locate(text, &["c", "d", "e"]), Pos { line: 3, col: 15 });
        assert_eq!(locate(text, &["a", "1", "b"]), Pos { line: 2, col: 13 });
        assert_eq!(locate(text, &["missing"]), Pos { line: 1, col: 1 });
    }

    #[test]
    fn reads_versions() {
        assert!(version_supported("1.0") && version_supported("0.1") && version_supported("1.9"));
        assert!(!version_supported("2.0") && !version_supported("0.0") && !version_supported("x"));
    }

    #[test]
    fn rejects_group_blocks_with_their_position() {
        let text = r#"{"format_version": "1.0", "provider_schemas": {"x": {"provider": {"block": {}},
            "resource_schemas": {"x_a": {"block": {"block_types": {"g": {"nesting_mode": "group", "block": {}}}}}}}}}"#;
        let errors = load_str(text, Path::new("s.json"), "x").unwrap_err();
        assert_eq!(errors.diagnostics.len(), 1);
        assert_eq!(errors.diagnostics[0].message, "unexpected nesting mode for block \"g\": group");
        assert_eq!(errors.diagnostics[0].pos.line, 2);
    }
}
