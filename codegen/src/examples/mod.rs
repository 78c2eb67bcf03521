//! Example configurations worked out from the schema: for each resource, the configuration that creates
//! it (every required attribute and every optional one that is not deprecated, values its validators
//! accept, one variant of each one-of group, references to the resources whose IDs it takes), one that
//! changes every attribute that can change in place, and one that changes an attribute that forces
//! replacement; for each data source, a configuration that reads one; for each ephemeral resource, one
//! that opens it; for each list resource, a query that lists. The docs show them where the author
//! wrote none; the acceptance runner ([`crate::acceptance`]) drives the real `terraform` with them.
//!
//! [`hcl`] prints them; [`values`] chooses the values.

pub mod hcl;
pub mod removal;
pub mod values;

use std::fmt;

use hcl::{Block, Body, Expr, Item, Reference};
use schema::{Attribute, Block as SchemaBlock, NestingMode, Object, Provider, Resource, Type};

/// The name every example gives the resource it declares.
pub const NAME: &str = "example";

/// The name of the second instance of a referenced resource, which a replacement switches to.
pub const OTHER: &str = "other";

/// Why no example could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleError {
    /// The resource or data source type.
    pub type_name: String,
    /// The attribute path, dotted.
    pub attribute: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for ExampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: attribute `{}`: {}", self.type_name, self.attribute, self.problem)
    }
}

impl std::error::Error for ExampleError {}

/// The example configurations of one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceExample {
    /// The resource type.
    pub type_name: String,
    /// The resources it references, each before those that reference it.
    pub dependencies: Vec<Block>,
    /// The block that creates it.
    pub create: Block,
    /// The block with every attribute that can change in place changed; `None` when no attribute that
    /// Terraform shows can change without replacing the resource.
    pub update: Option<Block>,
    /// The update block with one attribute that forces replacement changed, and the blocks of what it now
    /// references besides the dependencies; `None` when no attribute forces replacement.
    pub replace: Option<(Block, Vec<Block>)>,
    /// The update block (the create block where there is no update) with what can be left out taken out;
    /// `None` when nothing can.
    pub remove: Option<removal::Removal>,
}

impl ResourceExample {
    /// The address the example declares: `type.example`.
    pub fn address(&self) -> String {
        format!("{}.{NAME}", self.type_name)
    }

    /// The example file the docs show: the dependencies and the creating block.
    pub fn file(&self) -> String {
        hcl::file(self.dependencies.iter().chain([&self.create]))
    }
}

/// Which configuration a value is chosen for.
#[derive(Debug, Clone, PartialEq)]
enum Version {
    Create,
    Update,
    /// The update, with the attribute at this path changed as well.
    Replace(Vec<String>),
}

/// Works out examples for one provider.
pub struct Examples<'p> {
    provider: &'p Provider,
    /// The provider's list resources ([`schema::listing`]), derived once.
    lists: schema::listing::ListResources,
    /// The creating blocks worked out so far, by resource type (a resource many others reference is
    /// worked out once).
    created: std::cell::RefCell<std::collections::HashMap<String, Block>>,
}

impl<'p> Examples<'p> {
    /// Examples of `provider`'s resources and data sources.
    pub fn new(provider: &'p Provider) -> Self {
        Examples { provider, lists: schema::listing::list_resources(provider), created: Default::default() }
    }

    /// The example file the docs show for the resource `type_name`: the blocks it references, each after
    /// what it references, and the block that creates it.
    pub fn resource_file(&self, type_name: &str) -> Result<String, ExampleError> {
        let create = self.created_block(type_name)?;
        let mut dependencies = Vec::new();
        self.dependencies(&create.body, &mut vec![type_name.to_owned()], &mut dependencies)?;
        Ok(hcl::file(dependencies.iter().chain([&create])))
    }

    /// The block that creates the resource `type_name`, worked out once.
    fn created_block(&self, type_name: &str) -> Result<Block, ExampleError> {
        if let Some(block) = self.created.borrow().get(type_name) {
            return Ok(block.clone());
        }
        let resource = self.provider.resources.get(type_name).ok_or_else(|| ExampleError {
            type_name: type_name.to_owned(),
            attribute: String::new(),
            problem: "no such resource".to_owned(),
        })?;
        let block = self.block("resource", type_name, resource, &Version::Create)?;
        self.created.borrow_mut().insert(type_name.to_owned(), block.clone());
        Ok(block)
    }

    /// The examples of the resource `type_name`.
    pub fn resource(&self, type_name: &str) -> Result<ResourceExample, ExampleError> {
        let resource = self.provider.resources.get(type_name).ok_or_else(|| ExampleError {
            type_name: type_name.to_owned(),
            attribute: String::new(),
            problem: "no such resource".to_owned(),
        })?;
        let create = self.block("resource", type_name, resource, &Version::Create)?;
        let mut dependencies = Vec::new();
        self.dependencies(&create.body, &mut vec![type_name.to_owned()], &mut dependencies)?;
        let update = self.block("resource", type_name, resource, &Version::Update)?;
        let visible = |block: &Block| without_write_only(&block.body, &resource.schema, self.provider);
        let update = (visible(&update) != visible(&create)).then_some(update);
        let replace = match self.replacement_target(type_name, resource)? {
            Some(path) => {
                let block = self.block("resource", type_name, resource, &Version::Replace(path))?;
                let mut others = Vec::new();
                for reference in block.body.references().into_iter().filter(|reference| reference.name == OTHER) {
                    let other = self.provider.resources.get(&reference.type_name).map(|resource| {
                        self.block_named("resource", &reference.type_name, OTHER, resource, &Version::Update)
                    });
                    if let Some(other) = other.transpose()? {
                        if !others.contains(&other) {
                            others.push(other);
                        }
                    }
                }
                Some((block, others))
            }
            None => None,
        };
        let remove = removal::removal(resource, update.as_ref().unwrap_or(&create));
        Ok(ResourceExample { type_name: type_name.to_owned(), dependencies, create, update, replace, remove })
    }

    /// The block that reads the data source `type_name`, with literal values.
    pub fn data_source(&self, type_name: &str) -> Result<Block, ExampleError> {
        let resource = self.provider.data_sources.get(type_name).ok_or_else(|| ExampleError {
            type_name: type_name.to_owned(),
            attribute: String::new(),
            problem: "no such data source".to_owned(),
        })?;
        self.block("data", type_name, resource, &Version::Create)
    }

    /// The block that opens the ephemeral resource `type_name`, with literal values.
    pub fn ephemeral_resource(&self, type_name: &str) -> Result<Block, ExampleError> {
        let resource = self.provider.ephemeral_resources.get(type_name).ok_or_else(|| ExampleError {
            type_name: type_name.to_owned(),
            attribute: String::new(),
            problem: "no such ephemeral resource".to_owned(),
        })?;
        self.block("ephemeral", type_name, resource, &Version::Create)
    }

    /// The `list` block (a `.tfquery.hcl` file, Terraform 1.14+) that lists the objects of the list
    /// resource `type_name`, its configuration with literal values.
    pub fn list_resource(&self, type_name: &str) -> Result<Block, ExampleError> {
        let listing = self.lists.get(type_name).ok_or_else(|| ExampleError {
            type_name: type_name.to_owned(),
            attribute: String::new(),
            problem: "no such list resource".to_owned(),
        })?;
        let block = self.block("list", type_name, listing, &Version::Create)?;
        let config = Block { kind: "config".to_owned(), labels: Vec::new(), body: block.body };
        let items =
            vec![Item::Attribute("provider".to_owned(), Expr::Name(self.provider.name.clone())), Item::Block(config)];
        Ok(Block { body: Body { items }, ..block })
    }

    /// The provider block: the provider's required settings with example values, then `settings` (which
    /// replace example values of the same name).
    pub fn provider_block(&self, settings: Vec<(String, Expr)>) -> Result<Block, ExampleError> {
        let context = Context::new(&self.provider.name, &Version::Create, false);
        let config = &self.provider.config;
        let required =
            |name: &str| config.attributes.get(name).is_some_and(|attribute| attribute.mode == schema::Mode::Required);
        let mut items: Vec<Item> = self
            .body(&context, config, &[], false)?
            .items
            .into_iter()
            .filter(|item| matches!(item, Item::Attribute(name, _) if required(name) && !settings.iter().any(|(set, _)| set == name)))
            .collect();
        items.extend(settings.into_iter().map(|(name, value)| Item::Attribute(name, value)));
        Ok(Block { kind: "provider".to_owned(), labels: vec![self.provider.name.clone()], body: Body { items } })
    }

    /// The resource that creates what the data source `type_name` reads: the one whose read operation
    /// has the same method and path.
    pub fn source_of(&self, type_name: &str) -> Option<&'p str> {
        let read = self.provider.data_sources.get(type_name)?.operations.read.as_ref()?;
        self.provider.resources.iter().find_map(|(name, resource)| {
            let same = resource.operations.read.as_ref()?;
            (same.path == read.path && same.method == read.method).then_some(name.as_str())
        })
    }

    /// The import ID of the resource in the example, its template filled with example values.
    pub fn import_id(&self, type_name: &str) -> Option<String> {
        let resource = self.provider.resources.get(type_name)?;
        let import = resource.import.as_ref()?;
        Some(schema::template::expand(&import.id, |name| {
            let attribute = resource.schema.attribute(name);
            match values::primitive(name, &attribute.ty, &attribute.validators, 0)? {
                Expr::String(text) | Expr::Number(text) => Some(text),
                Expr::Bool(flag) => Some(flag.to_string()),
                _ => None,
            }
        }))
    }

    fn block(
        &self,
        kind: &str,
        type_name: &str,
        resource: &Resource,
        version: &Version,
    ) -> Result<Block, ExampleError> {
        self.block_named(kind, type_name, NAME, resource, version)
    }

    fn block_named(
        &self,
        kind: &str,
        type_name: &str,
        name: &str,
        resource: &Resource,
        version: &Version,
    ) -> Result<Block, ExampleError> {
        let context = Context::new(type_name, version, kind == "resource");
        let body = self.body(&context, &resource.schema, &[], false)?;
        Ok(Block { kind: kind.to_owned(), labels: vec![type_name.to_owned(), name.to_owned()], body })
    }

    /// The blocks `body` references (and those they reference), each after what it references.
    fn dependencies(&self, body: &Body, seen: &mut Vec<String>, out: &mut Vec<Block>) -> Result<(), ExampleError> {
        for reference in body.references() {
            if seen.contains(&reference.type_name) {
                continue;
            }
            seen.push(reference.type_name.clone());
            if !self.provider.resources.contains_key(&reference.type_name) {
                continue;
            }
            let block = self.created_block(&reference.type_name)?;
            self.dependencies(&block.body, seen, out)?;
            out.push(block);
        }
        Ok(())
    }

    /// The attribute a replacement changes: the first one that forces replacement, can be set, shows in
    /// the plan and takes another value (a literal before a reference).
    fn replacement_target(&self, type_name: &str, resource: &Resource) -> Result<Option<Vec<String>>, ExampleError> {
        let mut candidates = Vec::new();
        self.forcing_paths(&resource.schema, &mut Vec::new(), false, &mut candidates);
        let context = Context::new(type_name, &Version::Create, true);
        let mut reference = None;
        for path in candidates {
            let attribute = self.attribute_at(&resource.schema, &path);
            let Some(attribute) = attribute else { continue };
            if path.len() == 1 && self.referenced_type(type_name, &path[0], attribute).is_some() {
                reference.get_or_insert(path);
                continue;
            }
            let first = self.value(&context, attribute, &path, 0)?;
            let second = self.value(&context, attribute, &path, 1)?;
            if first.is_some() && first != second {
                return Ok(Some(path));
            }
        }
        Ok(reference)
    }

    /// Paths of the settable, visible attributes that force replacement (themselves or through a parent)
    /// and are primitives or collections of primitives.
    fn forcing_paths(&self, object: &Object, at: &mut Vec<String>, forced: bool, out: &mut Vec<Vec<String>>) {
        let chosen = chosen_attributes(object);
        for (name, attribute) in &object.attributes {
            if !chosen.contains(&name.as_str()) || attribute.write_only {
                continue;
            }
            at.push(name.clone());
            let forced = forced || attribute.requires_replacement;
            match attribute.ty.as_nested().map(schema::Nested::members) {
                Some(inner) => self.forcing_paths(inner, at, forced, out),
                None if forced => out.push(at.clone()),
                None => {}
            }
            at.pop();
        }
    }

    fn attribute_at<'o>(&'o self, object: &'o Object, path: &[String]) -> Option<&'o Attribute> {
        let (first, rest) = path.split_first()?;
        let attribute = object.attributes.get(first)?;
        if rest.is_empty() {
            return Some(attribute);
        }
        let inner = attribute.ty.as_nested()?.members();
        self.attribute_at(inner, rest)
    }

    /// The resource type whose ID the attribute `name` of `type_name` holds: `store_id` names the
    /// provider's `store` resource where that has an `id`.
    fn referenced_type(&self, type_name: &str, name: &str, attribute: &Attribute) -> Option<String> {
        let short = name.strip_suffix("_id")?;
        let target = format!("{}_{short}", self.provider.name);
        let resource = self.provider.resources.get(&target)?;
        (attribute.ty == Type::String && target != type_name && resource.schema.attributes.contains_key("id"))
            .then_some(target)
    }

    fn body(&self, context: &Context<'_>, object: &Object, at: &[String], forced: bool) -> Result<Body, ExampleError> {
        let mut items = Vec::new();
        let chosen = chosen_attributes(object);
        for (name, attribute) in &object.attributes {
            if !chosen.contains(&name.as_str()) {
                continue;
            }
            if attribute.mode != schema::Mode::Required && context.values.get() >= BLOCK_VALUES {
                continue;
            }
            context.values.set(context.values.get() + 1);
            let path: Vec<String> = at.iter().cloned().chain([name.clone()]).collect();
            let error = |problem: &str| ExampleError {
                type_name: context.type_name.to_owned(),
                attribute: path.join("."),
                problem: problem.to_owned(),
            };
            if !hcl::is_identifier(name) {
                if attribute.mode == schema::Mode::Required {
                    return Err(error("the name is not an HCL identifier, so no configuration can set it"));
                }
                continue;
            }
            let forced = forced || attribute.requires_replacement;
            let salt = context.salt(&path, forced);
            let value =
                match (at.is_empty() && context.resource, self.referenced_type(context.type_name, name, attribute)) {
                    (true, Some(type_name)) => {
                        let instance = if context.version == &Version::Replace(path.clone()) { OTHER } else { NAME };
                        Some(Expr::Reference(Reference {
                            type_name,
                            name: instance.to_owned(),
                            attribute: "id".to_owned(),
                        }))
                    }
                    _ => match attribute.ty.as_nested().map(schema::Nested::members) {
                        Some(inner) => {
                            let element = Expr::Object(pairs(self.body(context, inner, &path, forced)?));
                            let nested = attribute.ty.as_nested();
                            nested.map(|nested| collection(nested.mode, nested.min_items, nested.max_items, element))
                        }
                        None => self.value(context, attribute, &path, salt)?,
                    },
                };
            match value {
                Some(value) => items.push(Item::Attribute(name.clone(), value)),
                None if attribute.mode == schema::Mode::Required => {
                    return Err(error("no value satisfies its validators"));
                }
                None => {}
            }
        }
        for (name, block) in &object.blocks {
            let path: Vec<String> = at.iter().cloned().chain([name.clone()]).collect();
            items.push(Item::Block(self.nested_block(context, name, block, &path, forced)?));
        }
        Ok(Body { items })
    }

    fn nested_block(
        &self,
        context: &Context<'_>,
        name: &str,
        block: &SchemaBlock,
        path: &[String],
        forced: bool,
    ) -> Result<Block, ExampleError> {
        let labels = if block.nesting == NestingMode::Map { vec![NAME.to_owned()] } else { Vec::new() };
        Ok(Block { kind: name.to_owned(), labels, body: self.body(context, &block.object, path, forced)? })
    }

    /// The value of a non-nested attribute.
    fn value(
        &self,
        context: &Context<'_>,
        attribute: &Attribute,
        path: &[String],
        salt: u32,
    ) -> Result<Option<Expr>, ExampleError> {
        let name = path.last().map(String::as_str).unwrap_or_default();
        if attribute.json {
            // JSON text: an object holding one value, which the update configuration changes.
            return Ok(Some(Expr::String(format!("{{\"{NAME}\":\"{}\"}}", context.prefix(salt)))));
        }
        Ok(typed(name, &attribute.ty, &attribute.validators, salt).or_else(|| {
            // No value of the attribute's own type: a dynamic attribute takes a string.
            (attribute.ty == Type::Dynamic).then(|| Expr::String(format!("{}-{name}", context.prefix(salt))))
        }))
    }
}

/// What the values of one block are chosen for.
struct Context<'c> {
    type_name: &'c str,
    version: &'c Version,
    /// A resource (whose attributes may reference others), not a data source.
    resource: bool,
    /// How many values the block holds so far.
    values: std::cell::Cell<usize>,
}

/// How many values a block holds before it leaves optional attributes out (a resource of thousands of
/// attributes is shown and tested by its first few hundred, and every required one).
pub const BLOCK_VALUES: usize = 300;

impl<'c> Context<'c> {
    fn new(type_name: &'c str, version: &'c Version, resource: bool) -> Self {
        Context { type_name, version, resource, values: std::cell::Cell::new(0) }
    }
}

impl Context<'_> {
    /// The salt of the attribute at `path`: 1 where this configuration changes it.
    fn salt(&self, path: &[String], forced: bool) -> u32 {
        match self.version {
            Version::Create => 0,
            Version::Update => u32::from(!forced),
            Version::Replace(target) => u32::from(!forced || target.as_slice() == path),
        }
    }

    fn prefix(&self, salt: u32) -> &'static str {
        if salt == 0 { "example" } else { "updated" }
    }
}

/// A value of type `ty`: primitives from [`values::primitive`], collections of two elements where their
/// `length` allows (so a configuration can take one out; a map's keys `example` and `other`), objects
/// with every field.
fn typed(name: &str, ty: &Type, validators: &[schema::Validator], salt: u32) -> Option<Expr> {
    match ty {
        Type::List(element) | Type::Set(element) => {
            let (min, max) = validators
                .iter()
                .find_map(|validator| match validator {
                    schema::Validator::Length { min, max } => Some((min.unwrap_or(0), max.unwrap_or(u64::MAX))),
                    _ => None,
                })
                .unwrap_or((0, u64::MAX));
            let count = min.max(2).min(max).max(1);
            let items: Option<Vec<Expr>> =
                (0..count as u32).map(|index| typed(name, element, &[], salt + 2 * index)).collect();
            Some(Expr::List(items?))
        }
        Type::Map(element) => Some(Expr::Object(vec![
            (NAME.to_owned(), typed(name, element, &[], salt)?),
            (OTHER.to_owned(), typed(name, element, &[], salt + 2)?),
        ])),
        Type::Object(fields) => Some(Expr::Object(
            fields
                .iter()
                .map(|(field, ty)| Some((field.clone(), typed(field, ty, &[], salt)?)))
                .collect::<Option<_>>()?,
        )),
        Type::Tuple(elements) => {
            Some(Expr::List(elements.iter().map(|ty| typed(name, ty, &[], salt)).collect::<Option<_>>()?))
        }
        Type::Nested(_) | Type::Dynamic => None,
        primitive => values::primitive(name, primitive, validators, salt),
    }
}

/// A nested attribute's collection of `element`: two in a list (or as many as it must hold, at most as
/// many as it may), two keys of a map; a set holds as many as it must, at least one (equal elements
/// would be one).
fn collection(mode: NestingMode, min: u64, max: u64, element: Expr) -> Expr {
    let most = if max == 0 { u64::MAX } else { max };
    match mode {
        NestingMode::Single => element,
        NestingMode::List => Expr::List(vec![element; min.max(2).min(most).max(1) as usize]),
        NestingMode::Set => Expr::List(vec![element; min.max(1) as usize]),
        NestingMode::Map => Expr::Object(vec![(NAME.to_owned(), element.clone()), (OTHER.to_owned(), element)]),
    }
}

/// A body's attributes as object entries.
fn pairs(body: Body) -> Vec<(String, Expr)> {
    body.items
        .into_iter()
        .filter_map(|item| match item {
            Item::Attribute(name, value) => Some((name, value)),
            Item::Block(_) => None,
        })
        .collect()
}

/// The attributes an example sets: settable ones, with only the first variant of each one-of group.
fn chosen_attributes(object: &Object) -> Vec<&str> {
    let left_out: Vec<&str> = object
        .one_of
        .values()
        .flat_map(|group| group.variants.iter().skip(1).map(|variant| variant.attribute.as_str()))
        .collect();
    object
        .attributes
        .iter()
        .filter(|(name, attribute)| values::settable(attribute) && !left_out.contains(&name.as_str()))
        .map(|(name, _)| name.as_str())
        .collect()
}

/// A body without its write-only attributes (at any depth), as the plan shows it.
fn without_write_only(body: &Body, object: &Object, provider: &Provider) -> Body {
    let items = body
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Attribute(name, value) => {
                let attribute = object.attributes.get(name)?;
                if attribute.write_only {
                    return None;
                }
                let nested = attribute.ty.as_nested();
                let value = match nested.map(|nested| (nested, nested.members())) {
                    Some((nested, inner)) => visible_value(value, nested.mode, inner, provider),
                    None => value.clone(),
                };
                Some(Item::Attribute(name.clone(), value))
            }
            Item::Block(block) => Some(Item::Block(block.clone())),
        })
        .collect();
    Body { items }
}

/// The value of a nested attribute (nesting `mode`, objects of `object`) without write-only members.
fn visible_value(value: &Expr, mode: NestingMode, object: &Object, provider: &Provider) -> Expr {
    let element = |value: &Expr| match value {
        Expr::Object(entries) => {
            let items = entries.iter().map(|(key, value)| Item::Attribute(key.clone(), value.clone())).collect();
            Expr::Object(pairs(without_write_only(&Body { items }, object, provider)))
        }
        other => other.clone(),
    };
    match (mode, value) {
        (NestingMode::List | NestingMode::Set, Expr::List(items)) => Expr::List(items.iter().map(element).collect()),
        (NestingMode::Map, Expr::Object(entries)) => {
            Expr::Object(entries.iter().map(|(key, value)| (key.clone(), element(value))).collect())
        }
        (_, value) => element(value),
    }
}
