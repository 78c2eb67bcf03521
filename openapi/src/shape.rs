//! A typed view of OpenAPI schemas, 3.0 and 3.1 alike: `$ref`s followed (any local JSON pointer),
//! `allOf` merged, `nullable` and `type: [T, "null"]` read as "may be null", `oneOf`/`anyOf` kept as
//! variants (a nullable pair `[X, null]` read as X), a schema that refers to itself cut where it
//! does, with a warning.
//!
//! Each referenced schema is read once: a shape's objects, items, values and variants are shared
//! (`Rc`) between every place that refers to it, so reading costs what the spec is long, however often
//! a schema is used, and cloning a shape copies only its own fields.

use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;
use serde_json::{Map, Value};

/// A schema, flattened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shape {
    /// What values it holds.
    pub kind: Kind,
    /// Its description (the schema's own, else its reference target's).
    pub description: String,
    /// The component it was referenced as (`#/components/schemas/<name>`), if any.
    pub component: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `default`.
    pub default: Option<Value>,
    /// `enum` members.
    pub enumeration: Vec<Value>,
    /// `const`.
    pub constant: Option<Value>,
    /// `readOnly`.
    pub read_only: bool,
    /// `writeOnly`.
    pub write_only: bool,
    /// `deprecated`.
    pub deprecated: bool,
    /// `format`.
    pub format: Option<String>,
    /// `nullable`, or `null` among the types.
    pub nullable: bool,
    /// `minLength`/`maxLength`, `minItems`/`maxItems`.
    pub length: (Option<u64>, Option<u64>),
    /// `minimum`/`maximum`.
    pub range: (Option<f64>, Option<f64>),
    /// `pattern`.
    pub pattern: Option<String>,
    /// The `x-` keys, with their prefix (but `x-speakeasy-name-override`, kept apart below).
    pub extensions: Map<String, Value>,
    /// `x-speakeasy-name-override` where the schema is used (beside a `$ref`, or inline): the
    /// attribute's name.
    pub name_override: Option<String>,
    /// `x-speakeasy-name-override` of the referenced component: the name of its type, and of a one-of
    /// variant.
    pub type_name_override: Option<String>,
    /// `additionalProperties: true` on an object: it holds any JSON.
    pub open: bool,
    /// A nullable reference `[X, null]` whose X is marked `x-speakeasy-ignore`: left out of requests,
    /// shown in answers, as the leading generator does.
    pub ignored_reference: bool,
}

/// The values a [`Shape`] holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Kind {
    /// No type: any JSON value.
    #[default]
    Any,
    /// `string`.
    String,
    /// `integer`.
    Integer,
    /// `number`.
    Number,
    /// `boolean`.
    Boolean,
    /// An object with named properties.
    Object(Rc<ObjectShape>),
    /// A map: `additionalProperties` with a schema.
    Map(Rc<Shape>),
    /// An array; `set` for `format: set`.
    Array {
        /// The element schema.
        items: Rc<Shape>,
        /// `format: set`.
        set: bool,
    },
    /// `oneOf` or `anyOf`.
    Union(Rc<UnionShape>),
    /// A reference to a schema from inside that schema itself: where it refers to itself, it is cut.
    Recursive(String),
}

/// The members of an object schema.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectShape {
    /// Properties in the order written.
    pub properties: IndexMap<String, Shape>,
    /// Required property names.
    pub required: Vec<String>,
}

/// The variants of a `oneOf` or `anyOf`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnionShape {
    /// The variants.
    pub variants: Vec<Shape>,
    /// `discriminator.propertyName`.
    pub discriminator: Option<String>,
    /// `discriminator.mapping`: each tag with the component it selects.
    pub mapping: Vec<(String, String)>,
}

impl Kind {
    /// An object of `properties`, none required.
    pub fn object(properties: IndexMap<String, Shape>) -> Kind {
        Kind::Object(Rc::new(ObjectShape { properties, required: Vec::new() }))
    }
}

impl Shape {
    /// An extension's value (`x-speakeasy-param-readonly`).
    pub fn extension(&self, name: &str) -> Option<&Value> {
        self.extensions.get(name)
    }

    /// Whether an extension is `true`.
    pub fn flag(&self, name: &str) -> bool {
        self.extension(name).and_then(Value::as_bool).unwrap_or(false)
    }
}

/// Reads schemas of one document.
pub struct Reader<'d> {
    root: &'d Value,
    /// Problems met: (JSON pointer, message).
    pub problems: Vec<(String, String)>,
    /// Warnings: (JSON pointer, message).
    pub warnings: Vec<(String, String)>,
    /// The pointers of the referenced schemas being read, innermost last.
    stack: Vec<String>,
    /// Every referenced schema read so far, by its pointer.
    read: HashMap<String, Shape>,
    /// The document is OpenAPI 3.1, where keywords beside a `$ref` count (3.0 ignores them).
    siblings: bool,
}

/// Where a `$ref` leads: the schema's pointer and its name (the pointer's last segment).
pub struct Target {
    /// Its JSON pointer.
    pub pointer: String,
    /// The pointer's last segment, unescaped (a component's name).
    pub name: String,
}

impl<'d> Reader<'d> {
    /// A reader of `root`.
    pub fn new(root: &'d Value) -> Self {
        let version = root.get("openapi").and_then(Value::as_str).unwrap_or_default();
        let siblings = !version.starts_with("3.0");
        Reader { root, problems: Vec::new(), warnings: Vec::new(), stack: Vec::new(), read: HashMap::new(), siblings }
    }

    /// The value `$ref` points to, following chains (with where the last one led); `None` (with a
    /// problem recorded) when broken.
    pub fn follow<'v>(&mut self, value: &'v Value, at: &str) -> Option<(&'v Value, Option<Target>)>
    where
        'd: 'v,
    {
        let mut current = value;
        let mut target = None;
        for _ in 0..32 {
            let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
                return Some((current, target));
            };
            let Some(fragment) = reference.strip_prefix('#') else {
                self.problems.push((at.to_owned(), format!("`$ref: {reference}` points outside the document")));
                return None;
            };
            // A fragment is a URI's: its pointer may be percent-encoded (`~1%7Bid%7D` for `~1{id}`).
            let decoded = percent_encoding::percent_decode_str(fragment).decode_utf8().ok();
            let found = self.root.pointer(fragment).map(|value| (value, fragment.to_owned())).or_else(|| {
                let decoded = decoded?;
                self.root.pointer(&decoded).map(|value| (value, decoded.into_owned()))
            });
            let Some((value, pointer)) = found else {
                self.problems.push((at.to_owned(), format!("`$ref: {reference}` points at nothing")));
                return None;
            };
            let name = pointer.rsplit('/').next().unwrap_or_default().replace("~1", "/").replace("~0", "~");
            target = Some(Target { pointer, name });
            current = value;
        }
        self.problems.push((at.to_owned(), "a chain of `$ref`s loops".to_owned()));
        None
    }

    /// The flattened schema at `value` (found at JSON pointer `at`).
    pub fn shape(&mut self, value: &Value, at: &str) -> Shape {
        let own_description = value.get("description").and_then(Value::as_str).map(str::to_owned);
        let own_name = value.get("x-speakeasy-name-override").and_then(Value::as_str).map(str::to_owned);
        let Some((schema, target)) = self.follow(value, at) else { return Shape::default() };
        let referenced = target.is_some();
        let mut shape = match target {
            Some(target) => self.referenced(schema, target),
            None => self.read(schema, at),
        };
        // Extensions beside a `$ref` (3.1) hold where the schema is used (an overlay marking one use
        // `x-speakeasy-entity`), over the target's own.
        if referenced {
            let beside = value.as_object().into_iter().flatten();
            for (key, extension) in
                beside.filter(|(key, _)| key.starts_with("x-") && *key != "x-speakeasy-name-override")
            {
                shape.extensions.insert(key.clone(), extension.clone());
            }
        }
        if own_name.is_some() {
            shape.name_override = own_name;
        }
        // A description beside a `$ref` (3.1) stands in where the target has none; 3.0 ignores it.
        let own_description = own_description.filter(|_| self.siblings || !referenced);
        if let Some(description) = own_description.filter(|_| shape.description.is_empty()) {
            shape.description = description;
        }
        shape
    }

    /// The schema a `$ref` names: read once, then shared; a reference from inside the schema itself
    /// is cut there.
    fn referenced(&mut self, schema: &Value, target: Target) -> Shape {
        if let Some(shape) = self.read.get(&target.pointer) {
            return shape.clone();
        }
        if self.stack.contains(&target.pointer) {
            let warning = format!("schema `{}` refers to itself; cut where it does", target.name);
            if !self.warnings.iter().any(|(at, message)| *at == target.pointer && *message == warning) {
                self.warnings.push((target.pointer.clone(), warning));
            }
            let name = target.name;
            return Shape { kind: Kind::Recursive(name.clone()), component: Some(name), ..Shape::default() };
        }
        self.stack.push(target.pointer.clone());
        let mut shape = self.read(schema, &target.pointer);
        self.stack.pop();
        shape.component = Some(target.name);
        // The component's name names its type; only a name given where it is used names the attribute.
        shape.type_name_override = shape.name_override.take().or(shape.type_name_override);
        self.read.insert(target.pointer, shape.clone());
        shape
    }
    fn read(&mut self, schema: &Value, at: &str) -> Shape {
        let Value::Object(fields) = schema else { return Shape::default() };
        let mut shape = Shape {
            description: str_field(fields, "description").unwrap_or_default(),
            title: str_field(fields, "title"),
            default: fields.get("default").cloned(),
            enumeration: fields.get("enum").and_then(Value::as_array).cloned().unwrap_or_default(),
            constant: fields.get("const").cloned(),
            read_only: bool_field(fields, "readOnly"),
            write_only: bool_field(fields, "writeOnly"),
            deprecated: bool_field(fields, "deprecated"),
            format: str_field(fields, "format"),
            nullable: bool_field(fields, "nullable"),
            pattern: str_field(fields, "pattern"),
            extensions: fields
                .iter()
                .filter(|(key, _)| key.starts_with("x-") && *key != "x-speakeasy-name-override")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            name_override: str_field(fields, "x-speakeasy-name-override"),
            open: fields.get("additionalProperties") == Some(&Value::Bool(true)),
            ..Shape::default()
        };
        shape.length = (
            fields.get("minLength").or(fields.get("minItems")).and_then(Value::as_u64),
            fields.get("maxLength").or(fields.get("maxItems")).and_then(Value::as_u64),
        );
        shape.range = (fields.get("minimum").and_then(Value::as_f64), fields.get("maximum").and_then(Value::as_f64));
        // `type` is a word or (3.1) a list that may include "null".
        let mut types: Vec<&str> = match fields.get("type") {
            Some(Value::String(word)) => vec![word.as_str()],
            Some(Value::Array(words)) => words.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if types.contains(&"null") {
            shape.nullable = true;
            types.retain(|word| *word != "null");
        }
        // An enum without a type has its members' type: strings where they differ (`[false, api]`).
        if types.is_empty() && !shape.enumeration.is_empty() {
            let members: Vec<&Value> = shape.enumeration.iter().filter(|member| !member.is_null()).collect();
            let all = |test: fn(&Value) -> bool| !members.is_empty() && members.iter().all(|member| test(member));
            types.push(if all(Value::is_boolean) {
                "boolean"
            } else if all(|member| member.is_i64() || member.is_u64()) {
                "integer"
            } else if all(Value::is_number) {
                "number"
            } else {
                "string"
            });
        }
        // A string's enum lists strings: other members are the text they are written as.
        if types.first() == Some(&"string") {
            for member in &mut shape.enumeration {
                if !member.is_string() && !member.is_null() {
                    *member = Value::String(member.to_string());
                }
            }
        }
        shape.kind = match types.first().copied() {
            Some("string") => Kind::String,
            Some("integer") => Kind::Integer,
            Some("number") => Kind::Number,
            Some("boolean") => Kind::Boolean,
            Some("array") => {
                let items =
                    fields.get("items").map(|items| self.shape(items, &format!("{at}/items"))).unwrap_or_default();
                Kind::Array { items: Rc::new(items), set: shape.format.as_deref() == Some("set") }
            }
            word => self.object_kind(fields, at, word == Some("object")),
        };
        if let Some(members) = fields.get("allOf").and_then(Value::as_array) {
            for (index, member) in members.iter().enumerate() {
                let member = self.shape(member, &format!("{at}/allOf/{index}"));
                merge(&mut shape, member);
            }
        }
        for key in ["oneOf", "anyOf"] {
            let Some(members) = fields.get(key).and_then(Value::as_array) else { continue };
            let mut variants: Vec<Shape> = Vec::new();
            for (index, member) in members.iter().enumerate() {
                let variant = self.shape(member, &format!("{at}/{key}/{index}"));
                // `{type: null}` only says the value may be null.
                if variant.kind == Kind::Any && member.get("type").and_then(Value::as_str) == Some("null") {
                    shape.nullable = true;
                } else {
                    variants.push(variant);
                }
            }
            let discriminator = fields
                .get("discriminator")
                .and_then(|d| d.get("propertyName"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            match variants.len() {
                0 => {}
                1 => {
                    // A nullable reference `[X, null]` reads as X, but an `x-speakeasy-ignore` on X
                    // only keeps it out of requests.
                    let mut only = variants.remove(0);
                    only.ignored_reference |=
                        only.extensions.shift_remove("x-speakeasy-ignore").is_some_and(|flag| flag == true);
                    merge(&mut shape, only);
                }
                _ if matches!(shape.kind, Kind::Any | Kind::Object { .. }) => {
                    let mapping = fields
                        .get("discriminator")
                        .and_then(|d| d.get("mapping"))
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                        .filter_map(|(tag, target)| {
                            let component = target.as_str()?.rsplit('/').next()?.to_owned();
                            Some((tag.clone(), component))
                        })
                        .collect();
                    shape.kind = Kind::Union(Rc::new(UnionShape { variants, discriminator, mapping }));
                }
                _ => {}
            }
        }
        shape
    }

    fn object_kind(&mut self, fields: &Map<String, Value>, at: &str, typed_object: bool) -> Kind {
        let required: Vec<String> = fields
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        if let Some(Value::Object(properties)) = fields.get("properties") {
            let properties = properties
                .iter()
                .map(|(name, property)| {
                    let shape = self.shape(property, &format!("{at}/properties/{}", crate::document::escape(name)));
                    (name.clone(), shape)
                })
                .collect();
            return Kind::Object(Rc::new(ObjectShape { properties, required }));
        }
        match fields.get("additionalProperties") {
            Some(additional @ Value::Object(_)) if additional.as_object().is_some_and(|map| !map.is_empty()) => {
                Kind::Map(Rc::new(self.shape(additional, &format!("{at}/additionalProperties"))))
            }
            _ if typed_object => Kind::Object(Rc::new(ObjectShape { properties: IndexMap::new(), required })),
            _ => Kind::Any,
        }
    }
}

/// `allOf`: properties (a property both have is the member's), requirements and constraints of `member`
/// added to `shape`.
fn merge(shape: &mut Shape, member: Shape) {
    match (&mut shape.kind, member.kind) {
        (Kind::Object(object), Kind::Object(more)) => {
            let object = Rc::make_mut(object);
            // Shallow, as the leading generator merges: a property two members give is the later's.
            for (name, property) in &more.properties {
                object.properties.insert(name.clone(), property.clone());
            }
            for name in &more.required {
                if !object.required.contains(name) {
                    object.required.push(name.clone());
                }
            }
        }
        (kind @ Kind::Any, other) => *kind = other,
        (_, _) => {}
    }
    if shape.description.is_empty() {
        shape.description = member.description;
    }
    shape.component = shape.component.take().or(member.component);
    shape.default = shape.default.take().or(member.default);
    shape.format = shape.format.take().or(member.format);
    if shape.enumeration.is_empty() {
        shape.enumeration = member.enumeration;
    }
    shape.constant = shape.constant.take().or(member.constant);
    shape.type_name_override = shape.type_name_override.take().or(member.type_name_override);
    shape.open |= member.open;
    shape.ignored_reference |= member.ignored_reference;
    shape.read_only |= member.read_only;
    shape.write_only |= member.write_only;
    shape.deprecated |= member.deprecated;
    shape.nullable |= member.nullable;
    for (key, value) in member.extensions {
        shape.extensions.entry(key).or_insert(value);
    }
}

fn str_field(fields: &Map<String, Value>, key: &str) -> Option<String> {
    fields.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn bool_field(fields: &Map<String, Value>, key: &str) -> bool {
    fields.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// What a shape holds, as far as a parameter or a comparison of kinds is concerned: parameters are text,
/// numbers or bools, and cannot stand for an object or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    Text,
    Number,
    Bool,
    /// No type: anything.
    Any,
    /// An object, a list, a map or a one-of.
    Structured,
}

impl Holds {
    /// What a shape holds.
    pub(crate) fn of(shape: &Shape) -> Holds {
        match shape.kind {
            Kind::String => Holds::Text,
            Kind::Integer | Kind::Number => Holds::Number,
            Kind::Boolean => Holds::Bool,
            Kind::Any | Kind::Recursive(_) => Holds::Any,
            _ => Holds::Structured,
        }
    }

    /// Whether a parameter's value can fill it.
    pub(crate) fn takes_parameters(self) -> bool {
        self != Holds::Structured
    }

    /// Whether it holds a parameter of `kind` as that kind.
    pub(crate) fn suits(self, kind: Holds) -> bool {
        self.takes_parameters() && (self == kind || self == Holds::Any || kind == Holds::Any)
    }
}
