//! The `## Schema` section of a page, exactly as tfplugindocs v0.25 writes it: groups, item lines, type
//! strings, nested-schema anchors and sections, and the blank lines between them.

use std::fmt::Write;

use schema::{Attribute, Block, Identity, Mode, Nested, NestingMode, Object, Provider, Type};

use super::DocsError;

/// The link and sentence tfplugindocs uses for write-only attributes.
const WRITE_ONLY: &str =
    "[Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)";
const WRITE_ONLY_NOTE: &str = "> **NOTE**: [Write-only arguments](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments) are supported in Terraform 1.11 and later.\n\n";

/// Which list an item is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Must be set.
    Required,
    /// May be set (optional, optional+computed).
    Optional,
    /// Set by the provider only.
    ReadOnly,
}

impl Group {
    const ORDER: [Group; 3] = [Group::Required, Group::Optional, Group::ReadOnly];

    fn title(self) -> &'static str {
        match self {
            Group::Required => "Required",
            Group::Optional => "Optional",
            Group::ReadOnly => "Read-Only",
        }
    }

    fn of_mode(mode: Mode) -> Group {
        match mode {
            Mode::Required => Group::Required,
            Mode::Optional | Mode::OptionalComputed => Group::Optional,
            Mode::ReadOnly => Group::ReadOnly,
        }
    }
}

/// Renders schema sections for one provider (nested objects may name the provider's types).
pub struct SchemaMarkdown<'p> {
    provider: &'p Provider,
}

/// An attribute or block of an object, as listed under a group.
enum Member<'a> {
    Attribute(&'a Attribute),
    Block(&'a Block),
}

/// A nested section still to be written after the lists that link to it.
enum Section<'a> {
    Block(&'a Block),
    NestedAttributes(&'a Object, Group),
    ObjectType(&'a Type, Group, &'static str),
}

impl<'p> SchemaMarkdown<'p> {
    /// A renderer for the objects of `provider`.
    pub fn new(provider: &'p Provider) -> Self {
        SchemaMarkdown { provider }
    }

    /// `## Schema` and everything below it, for a resource, data source or provider block.
    pub fn render(&self, object: &Object) -> Result<String, DocsError> {
        let mut out = String::from("## Schema\n\n");
        self.children(&mut out, &[], object, true)?;
        Ok(out)
    }

    /// `### Identity Schema` with its `#### Required` and `#### Optional` lists.
    pub fn render_identity(&self, identity: &Identity) -> Result<String, DocsError> {
        let mut names: Vec<&String> = identity.attributes.keys().collect();
        names.sort();
        let mut required = String::new();
        let mut optional = String::new();
        for name in names {
            let attribute = &identity.attributes[name];
            let target = if attribute.required_for_import {
                &mut required
            } else if attribute.optional_for_import {
                &mut optional
            } else {
                return Err(DocsError::new(format!(
                    "identity attribute \"{name}\" is neither required_for_import nor optional_for_import"
                )));
            };
            write!(target, "- `{name}` ({})", type_string(&attribute.ty)?).ok();
            push_description(target, &attribute.description);
            target.push('\n');
        }
        let mut out = String::from("### Identity Schema\n\n");
        if !required.is_empty() {
            out.push_str("#### Required\n\n");
            out.push_str(&required);
        }
        out.push('\n');
        if !optional.is_empty() {
            out.push_str("#### Optional\n\n");
            out.push_str(&optional);
        }
        Ok(out)
    }

    /// The lists of a block (the root, or a nested block) followed by their nested sections.
    fn children(&self, out: &mut String, path: &[&str], object: &Object, root: bool) -> Result<(), DocsError> {
        let mut members: Vec<(&str, Member<'_>, Group)> = Vec::new();
        for (name, attribute) in &object.attributes {
            let group =
                if root && is_implicit_id(name, attribute) { Group::ReadOnly } else { Group::of_mode(attribute.mode) };
            members.push((name, Member::Attribute(attribute), group));
        }
        for (name, block) in &object.blocks {
            members.push((name, Member::Block(block), self.block_group(name, block)?));
        }
        members.sort_by(|a, b| a.0.cmp(b.0));
        let mut sections = Vec::new();
        for group in Group::ORDER {
            let in_group: Vec<_> = members.iter().filter(|(_, _, each)| *each == group).collect();
            if in_group.is_empty() {
                continue;
            }
            if root {
                writeln!(out, "### {}\n", group.title()).ok();
            } else {
                writeln!(out, "{}:\n", group.title()).ok();
            }
            if in_group.iter().any(|(_, member, _)| mentions_write_only(member)) {
                out.push_str(WRITE_ONLY_NOTE);
            }
            for (name, member, group) in in_group {
                let item_path = [path, &[*name]].concat();
                let section = match member {
                    Member::Attribute(attribute) => {
                        let description = if root && is_implicit_id(name, attribute) {
                            "The ID of this resource.".to_owned()
                        } else {
                            self.description(attribute)
                        };
                        self.attribute_line(out, &item_path, attribute, &description, *group)?
                    }
                    Member::Block(block) => {
                        self.block_line(out, &item_path, block, *group);
                        Some(Section::Block(block))
                    }
                };
                sections.extend(section.map(|section| (item_path, section)));
            }
            out.push('\n');
        }
        self.sections(out, sections)
    }

    /// Writes the nested sections in the order their links were written, each followed by its own.
    fn sections(&self, out: &mut String, sections: Vec<(Vec<&str>, Section<'_>)>) -> Result<(), DocsError> {
        for (path, section) in sections {
            let prefix = match &section {
                Section::Block(_) => "nestedblock",
                Section::NestedAttributes(..) => "nestedatt",
                Section::ObjectType(_, _, prefix) => prefix,
            };
            write!(out, "<a id=\"{prefix}--{}\"></a>\n### Nested Schema for `{}`\n\n", path.join("--"), path.join("."))
                .ok();
            match section {
                Section::Block(block) => self.children(out, &path, &block.object, false)?,
                Section::NestedAttributes(object, group) => self.nested_attributes(out, &path, object, group)?,
                Section::ObjectType(ty, group, _) => self.object_type(out, &path, ty, group)?,
            }
            out.push('\n');
        }
        Ok(())
    }

    /// The lists of a nested attribute's object: grouped by the attributes' own flags, with object types
    /// below it headed by the group inherited from the attribute that starts the nesting.
    fn nested_attributes(
        &self,
        out: &mut String,
        path: &[&str],
        object: &Object,
        inherited: Group,
    ) -> Result<(), DocsError> {
        let mut names: Vec<&String> = object.attributes.keys().collect();
        names.sort();
        let mut sections = Vec::new();
        for group in Group::ORDER {
            let in_group: Vec<&&String> =
                names.iter().filter(|name| Group::of_mode(object.attributes[name.as_str()].mode) == group).collect();
            if in_group.is_empty() {
                continue;
            }
            writeln!(out, "{}:\n", group.title()).ok();
            for name in in_group {
                let attribute = &object.attributes[name.as_str()];
                let item_path = [path, &[name.as_str()]].concat();
                let description = self.description(attribute);
                if let Some(section) = self.attribute_line(out, &item_path, attribute, &description, inherited)? {
                    sections.push((item_path, section));
                }
            }
            out.push('\n');
        }
        self.sections(out, sections)
    }

    /// The fields of an object type (or of the object elements of a collection type).
    fn object_type(&self, out: &mut String, path: &[&str], ty: &Type, group: Group) -> Result<(), DocsError> {
        let Some(fields) = object_fields(ty) else { return Ok(()) };
        let mut names: Vec<&String> = fields.keys().collect();
        names.sort();
        writeln!(out, "{}:\n", group.title()).ok();
        let mut sections = Vec::new();
        for name in names {
            let field = &fields[name.as_str()];
            let item_path = [path, &[name.as_str()]].concat();
            write!(out, "- `{name}` ({})", type_string(field)?).ok();
            if object_fields(field).is_some() {
                write!(out, " (see [below for nested schema](#nestedobjatt--{}))", item_path.join("--")).ok();
                sections.push((item_path, Section::ObjectType(field, group, "nestedobjatt")));
            }
            out.push('\n');
        }
        out.push('\n');
        self.sections(out, sections)
    }

    /// One `- `name` (...) description` line for an attribute; returns the section it links to, if any.
    /// `group` is the group handed down to object types below it.
    fn attribute_line<'a>(
        &'a self,
        out: &mut String,
        path: &[&str],
        attribute: &'a Attribute,
        description: &str,
        group: Group,
    ) -> Result<Option<Section<'a>>, DocsError> {
        let name = path.last().copied().unwrap_or_default();
        write!(out, "- `{name}` {}", self.attribute_description(name, attribute, description, false)?).ok();
        let section = match &attribute.ty {
            Type::Nested(nested) => Some(Section::NestedAttributes(nested.members(), group)),
            ty => object_fields(ty).map(|_| Section::ObjectType(ty, group, "nestedatt")),
        };
        if section.is_some() {
            write!(out, " (see [below for nested schema](#nestedatt--{}))", path.join("--")).ok();
        }
        out.push('\n');
        Ok(section)
    }

    /// `(String, Sensitive) description` for an attribute: its type words and flags, and the description.
    /// With `include_rw`, the group word follows the type (`String, Required`), as in tfplugindocs' own
    /// unit tests; pages leave it out because the heading says it.
    pub fn attribute_description(
        &self,
        name: &str,
        attribute: &Attribute,
        description: &str,
        include_rw: bool,
    ) -> Result<String, DocsError> {
        let mut out = String::from("(");
        match &attribute.ty {
            Type::Tuple(_) => {
                return Err(DocsError::new(format!("attribute \"{name}\" is a tuple; tuples are not yet supported")));
            }
            ty => out.push_str(&type_string(ty)?),
        }
        // As in tfplugindocs, a nested list, set or map never shows the group word.
        let collection = attribute.ty.as_nested().is_some_and(|nested| nested.mode != NestingMode::Single);
        if include_rw && !collection {
            out.push_str(match attribute.mode {
                Mode::Required => ", Required",
                Mode::Optional | Mode::OptionalComputed => ", Optional",
                Mode::ReadOnly => ", Read-only",
            });
        }
        if attribute.sensitive {
            out.push_str(", Sensitive");
        }
        if attribute.deprecation.is_some() {
            out.push_str(", Deprecated");
        }
        if attribute.write_only {
            write!(out, ", {WRITE_ONLY}").ok();
        }
        out.push(')');
        push_description(&mut out, description);
        Ok(out)
    }

    /// One item line for a block.
    fn block_line(&self, out: &mut String, path: &[&str], block: &Block, group: Group) {
        let name = path.last().copied().unwrap_or_default();
        let description = block_description(block, group);
        writeln!(out, "- `{name}` {description} (see [below for nested schema](#nestedblock--{}))", path.join("--"))
            .ok();
    }

    /// Classifies a block: required by its minimum, optional when anything inside can be set, read-only
    /// when nothing inside can.
    pub fn block_group(&self, name: &str, block: &Block) -> Result<Group, DocsError> {
        if block.min_items > 0 {
            return Ok(Group::Required);
        }
        let object = &block.object;
        let empty = object.attributes.is_empty() && object.blocks.is_empty();
        let settable_attribute = object.attributes.values().any(|attribute| attribute.mode.is_configurable());
        let mut child_groups = Vec::new();
        for (child, inner) in &object.blocks {
            child_groups.push(self.block_group(child, inner)?);
        }
        if empty || settable_attribute || child_groups.iter().any(|group| *group != Group::ReadOnly) {
            return Ok(Group::Optional);
        }
        if block.max_items == 0 {
            return Ok(Group::ReadOnly);
        }
        Err(DocsError::new(format!(
            "no match for \"{name}\", this can happen if you have incompatible schema defined, for example a block with max_items whose attributes are all computed"
        )))
    }

    /// The description shown for an attribute (see [`Provider::documented_description`]).
    fn description(&self, attribute: &Attribute) -> String {
        self.provider.documented_description(attribute)
    }
}

/// `(Block List, Min: 1, Deprecated) description` for a block in `group`.
pub fn block_description(block: &Block, group: Group) -> String {
    let mut out = format!("(Block{}", nesting_suffix(block.nesting));
    if block.nesting == NestingMode::Single {
        out.push_str(match group {
            Group::Required => ", Required",
            Group::Optional => ", Optional",
            Group::ReadOnly => ", Read-only",
        });
    }
    push_bounds(&mut out, block.nesting, block.min_items, block.max_items);
    if block.deprecated {
        out.push_str(", Deprecated");
    }
    out.push(')');
    push_description(&mut out, &block.description);
    out
}

/// The root `id` rule: an `id` with no description at the top level is listed as read-only with a
/// standard description, whatever its flags.
fn is_implicit_id(name: &str, attribute: &Attribute) -> bool {
    name.eq_ignore_ascii_case("id") && attribute.description.is_empty()
}

fn mentions_write_only(member: &Member<'_>) -> bool {
    match member {
        Member::Attribute(attribute) => attribute.write_only,
        Member::Block(block) => block_has_write_only(block),
    }
}

fn block_has_write_only(block: &Block) -> bool {
    block.object.attributes.values().any(|attribute| attribute.write_only)
        || block.object.blocks.values().any(block_has_write_only)
}

fn push_description(out: &mut String, description: &str) {
    let description = description.trim();
    if !description.is_empty() {
        out.push(' ');
        out.push_str(description);
    }
}

fn push_bounds(out: &mut String, nesting: NestingMode, min_items: u64, max_items: u64) {
    if nesting != NestingMode::Single && min_items > 0 {
        write!(out, ", Min: {min_items}").ok();
    }
    if max_items > 0 {
        write!(out, ", Max: {max_items}").ok();
    }
}

fn nesting_suffix(nesting: NestingMode) -> &'static str {
    match nesting {
        NestingMode::Single => "",
        NestingMode::List => " List",
        NestingMode::Set => " Set",
        NestingMode::Map => " Map",
    }
}

/// `Attributes List, Min: 1` and the like, for a nested attribute.
fn nested_type_words(nested: &Nested) -> String {
    let mut words = format!("Attributes{}", nesting_suffix(nested.mode));
    push_bounds(&mut words, nested.mode, nested.min_items, nested.max_items);
    words
}

/// The fields of an object type, or of the object element of a list, set or map type.
fn object_fields(ty: &Type) -> Option<&indexmap::IndexMap<String, Type>> {
    match ty {
        Type::Object(fields) => Some(fields),
        Type::List(element) | Type::Set(element) | Type::Map(element) => match element.as_ref() {
            Type::Object(fields) => Some(fields),
            _ => None,
        },
        _ => None,
    }
}

/// The type words tfplugindocs writes: `String`, `List of Map of Number`, `Object`.
pub fn type_string(ty: &Type) -> Result<String, DocsError> {
    Ok(match ty {
        Type::String => "String".to_owned(),
        Type::Int64 | Type::Float64 | Type::Number => "Number".to_owned(),
        Type::Bool => "Boolean".to_owned(),
        Type::Dynamic => "Dynamic".to_owned(),
        Type::List(element) => format!("List of {}", type_string(element)?),
        Type::Set(element) => format!("Set of {}", type_string(element)?),
        Type::Map(element) => format!("Map of {}", type_string(element)?),
        Type::Object(_) => "Object".to_owned(),
        Type::Tuple(_) => "Tuple".to_owned(),
        Type::Nested(nested) => nested_type_words(nested),
    })
}
