//! Programs the pages show: a resource declaration with typed values, built from a resource's HCL
//! example (Example Usage) or from placeholders for every input (Constructor example). The language
//! modules print them.

use std::collections::{BTreeMap, BTreeSet};

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{BlockLabel, Body, Structure};
use hcl_edit::{Decorate, Span};

use super::names;
use super::package::{Kind, Package, Property, ResourceView};

/// A value in a program.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string literal.
    String(String),
    /// A number literal, as written.
    Number(String),
    /// A boolean literal.
    Bool(bool),
    /// `null`.
    Null,
    /// A list of values of the element kind.
    List(Vec<Value>),
    /// A map from string keys.
    Map(Vec<(String, Value)>),
    /// A value of a nested type.
    Object(String, Vec<Field>),
    /// Another resource's output.
    Reference {
        /// The resource's Pulumi type name.
        resource: String,
        /// Its program variable.
        variable: String,
        /// The property read; `None` for its ID.
        property: Option<String>,
    },
}

/// One property set in an object or resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Pulumi property name.
    pub name: String,
    /// The property's kind.
    pub kind: Kind,
    /// The value.
    pub value: Value,
    /// Comment lines written above it.
    pub comments: Vec<String>,
}

/// One resource declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    /// The program variable.
    pub variable: String,
    /// The Pulumi resource name string.
    pub name: String,
    /// The Pulumi type name.
    pub resource: String,
    /// The properties set.
    pub fields: Vec<Field>,
    /// Comment lines written above it.
    pub comments: Vec<String>,
}

/// A whole program: declarations in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Program {
    /// The declarations.
    pub declarations: Vec<Declaration>,
}

impl Program {
    /// The variables other declarations refer to.
    pub fn referenced(&self) -> BTreeSet<String> {
        fn walk(value: &Value, found: &mut BTreeSet<String>) {
            match value {
                Value::Reference { variable, .. } => {
                    found.insert(variable.clone());
                }
                Value::List(items) => items.iter().for_each(|item| walk(item, found)),
                Value::Map(entries) => entries.iter().for_each(|(_, item)| walk(item, found)),
                Value::Object(_, fields) => fields.iter().for_each(|field| walk(&field.value, found)),
                _ => {}
            }
        }
        let mut found = BTreeSet::new();
        for declaration in &self.declarations {
            declaration.fields.iter().for_each(|field| walk(&field.value, &mut found));
        }
        found
    }
}

/// The constructor example of a resource: every non-deprecated input with a placeholder value (`"string"`,
/// `0`, `false`, one element per list or map, an enum's first value), required inputs first; the
/// variable and name are `<camelName>Resource`.
pub fn placeholders(view: &ResourceView) -> Declaration {
    let variable = format!("{}Resource", names::lower_first(&view.name));
    Declaration {
        variable: variable.clone(),
        name: variable,
        resource: view.name.clone(),
        fields: placeholder_fields(view, &view.inputs()),
        comments: Vec::new(),
    }
}

fn placeholder_fields(view: &ResourceView, properties: &[&Property]) -> Vec<Field> {
    properties
        .iter()
        .filter(|property| property.input && property.deprecation.is_none())
        .map(|property| Field {
            name: property.name.clone(),
            kind: property.kind.clone(),
            value: match &property.first_allowed {
                Some(first) => Value::String(first.clone()),
                None => placeholder(view, &property.kind),
            },
            comments: Vec::new(),
        })
        .collect()
}

fn placeholder(view: &ResourceView, kind: &Kind) -> Value {
    match kind {
        Kind::String => Value::String("string".to_owned()),
        Kind::Int => Value::Number("0".to_owned()),
        Kind::Float => Value::Number("0".to_owned()),
        Kind::Bool => Value::Bool(false),
        Kind::Any => Value::String("any".to_owned()),
        Kind::List(element) => Value::List(vec![placeholder(view, element)]),
        Kind::Map(element) => Value::Map(vec![("string".to_owned(), placeholder(view, element))]),
        Kind::Object(name) => Value::Object(name.clone(), placeholder_fields(view, &view.type_properties(name))),
    }
}

/// Why an HCL example could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertError(pub String);

/// Converts an HCL example to a program: each `resource` block of the provider becomes a declaration
/// (its properties sorted by name, as the converter writes them); `#` and `//` comments above an
/// attribute or block are kept. Other blocks, and other providers' resources, are left out; a reference
/// to something left out fails the conversion.
pub fn from_hcl(package: &Package<'_>, source: &str) -> Result<Program, ConvertError> {
    let body: Body = hcl_edit::parser::parse_body(source).map_err(|error| ConvertError(error.to_string()))?;
    let mut program = Program::default();
    let mut declared = BTreeMap::new();
    let mut previous_end = 0;
    for structure in body.iter() {
        let span = structure.span().unwrap_or(previous_end..previous_end);
        let comments = comments(&source[previous_end.min(span.start)..span.start]);
        previous_end = span.end;
        let Structure::Block(block) = structure else {
            return Err(ConvertError("only blocks are converted at the top level".to_owned()));
        };
        if block.ident.as_str() != "resource" {
            // Variables, outputs, data sources and provider settings have no place in these programs.
            continue;
        }
        let labels: Vec<&str> = block
            .labels
            .iter()
            .map(|label| match label {
                BlockLabel::String(text) => text.as_str(),
                BlockLabel::Ident(ident) => ident.as_str(),
            })
            .collect();
        let [type_name, name] = labels[..] else {
            return Err(ConvertError("a resource block needs a type and a name".to_owned()));
        };
        let Some(resource) = package.provider.resources.get(type_name) else {
            // Another provider's resource: its package and names are not known here.
            continue;
        };
        let view = ResourceView::new(package, type_name, resource);
        let converter = Converter { package, view: &view, declared: &declared, source };
        let fields = converter.body(&block.body, &view.properties)?;
        let variable = names::variable(name);
        program.declarations.push(Declaration {
            name: variable.clone(),
            variable,
            resource: view.name.clone(),
            fields,
            comments,
        });
        declared.insert(type_name.to_owned(), view);
    }
    Ok(program)
}

/// The comment lines in the text between two items.
fn comments(between: &str) -> Vec<String> {
    between
        .lines()
        .map(str::trim)
        .filter_map(|line| line.strip_prefix('#').or_else(|| line.strip_prefix("//")))
        .map(|text| text.trim().to_owned())
        .collect()
}

struct Converter<'a> {
    package: &'a Package<'a>,
    view: &'a ResourceView,
    /// The views of the resources declared before, which references look properties up in.
    declared: &'a BTreeMap<String, ResourceView>,
    source: &'a str,
}

impl Converter<'_> {
    fn body(&self, body: &Body, properties: &[Property]) -> Result<Vec<Field>, ConvertError> {
        let mut fields: Vec<Field> = Vec::new();
        let mut previous_end = body.span().map_or(0, |span| span.start);
        for structure in body.iter() {
            let span = structure.span().unwrap_or(previous_end..previous_end);
            let comments = comments(self.source.get(previous_end.min(span.start)..span.start).unwrap_or_default());
            previous_end = span.end;
            let (key, value) = match structure {
                Structure::Attribute(attribute) => {
                    let property = find(properties, attribute.key.as_str())?;
                    (property, self.value(&attribute.value, &property.kind)?)
                }
                Structure::Block(block) => {
                    let property = find(properties, block.ident.as_str())?;
                    let object = match &property.kind {
                        Kind::List(element) => element.as_ref(),
                        kind => kind,
                    };
                    let Kind::Object(object) = object else {
                        return Err(ConvertError(format!("`{}` is not a block", property.terraform)));
                    };
                    let value = Value::Object(object.clone(), self.body(&block.body, &self.view.types[object])?);
                    (property, value)
                }
            };
            match (fields.iter_mut().find(|field| field.name == key.name), value) {
                (Some(Field { value: Value::List(items), .. }), Value::Object(name, inner)) => {
                    items.push(Value::Object(name, inner))
                }
                (_, value) => {
                    let value = match (&key.kind, value) {
                        (Kind::List(_), object @ Value::Object(..)) => Value::List(vec![object]),
                        (_, value) => value,
                    };
                    fields.push(Field { name: key.name.clone(), kind: key.kind.clone(), value, comments })
                }
            }
        }
        fields.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(fields)
    }

    fn value(&self, expression: &Expression, kind: &Kind) -> Result<Value, ConvertError> {
        Ok(match expression {
            Expression::Null(_) => Value::Null,
            Expression::Bool(value) => Value::Bool(*value.value()),
            Expression::Number(number) => Value::Number(number.value().to_string()),
            Expression::String(text) => Value::String(text.value().clone()),
            Expression::UnaryOp(op) if op.operator.value() == &UnaryOperator::Neg => {
                match self.value(&op.expr, kind)? {
                    Value::Number(number) => Value::Number(format!("-{number}")),
                    _ => return Err(ConvertError("only numbers can be negated".to_owned())),
                }
            }
            Expression::Parenthesis(inner) => self.value(inner.inner(), kind)?,
            Expression::Array(array) => {
                let element = match kind {
                    Kind::List(element) => element.as_ref().clone(),
                    _ => Kind::Any,
                };
                Value::List(array.iter().map(|item| self.value(item, &element)).collect::<Result<_, _>>()?)
            }
            Expression::Object(object) => match kind {
                Kind::Object(name) => {
                    let properties = &self.view.types[name];
                    let mut fields = Vec::new();
                    for (key, value) in object.iter() {
                        let property = find(properties, &object_key(key)?)?;
                        let comments = key.decor().prefix().map(|prefix| comments(prefix.as_ref())).unwrap_or_default();
                        fields.push(Field {
                            name: property.name.clone(),
                            kind: property.kind.clone(),
                            value: self.value(value.expr(), &property.kind)?,
                            comments,
                        });
                    }
                    fields.sort_by(|a, b| a.name.cmp(&b.name));
                    Value::Object(name.clone(), fields)
                }
                _ => {
                    let element = match kind {
                        Kind::Map(element) => element.as_ref().clone(),
                        _ => Kind::Any,
                    };
                    let mut entries = Vec::new();
                    for (key, value) in object.iter() {
                        entries.push((object_key(key)?, self.value(value.expr(), &element)?));
                    }
                    Value::Map(entries)
                }
            },
            Expression::Traversal(traversal) => self.reference(traversal)?,
            other => return Err(ConvertError(format!("`{other}` is not converted"))),
        })
    }

    /// `<type>.<name>.<attribute>`: another resource's output.
    fn reference(&self, traversal: &hcl_edit::expr::Traversal) -> Result<Value, ConvertError> {
        let Expression::Variable(root) = &traversal.expr else {
            return Err(ConvertError("only references to resources are converted".to_owned()));
        };
        let parts: Vec<&str> = traversal
            .operators
            .iter()
            .map(|operator| match operator.value() {
                TraversalOperator::GetAttr(name) => Ok(name.as_str()),
                _ => Err(ConvertError("only attribute references are converted".to_owned())),
            })
            .collect::<Result<_, _>>()?;
        let type_name = root.as_str();
        let (Some(schema), [name, attribute]) = (self.package.provider.resources.get(type_name), &parts[..]) else {
            return Err(ConvertError(format!("`{type_name}` is not a resource of this provider")));
        };
        let variable = names::variable(name);
        let resource = self.package.resource_name(type_name);
        if *attribute == "id" {
            return Ok(Value::Reference { resource, variable, property: None });
        }
        // A resource declared later in the example has no view yet.
        let later;
        let view = match self.declared.get(type_name) {
            Some(view) => view,
            None => {
                later = ResourceView::new(self.package, type_name, schema);
                &later
            }
        };
        let property = find(&view.properties, attribute)?;
        Ok(Value::Reference { resource, variable, property: Some(property.name.clone()) })
    }
}

fn object_key(key: &ObjectKey) -> Result<String, ConvertError> {
    match key {
        ObjectKey::Ident(ident) => Ok(ident.as_str().to_owned()),
        ObjectKey::Expression(Expression::String(text)) => Ok(text.value().clone()),
        ObjectKey::Expression(other) => Err(ConvertError(format!("object key `{other}` is not converted"))),
    }
}

fn find<'p>(properties: &'p [Property], terraform: &str) -> Result<&'p Property, ConvertError> {
    properties
        .iter()
        .find(|property| property.terraform == terraform)
        .ok_or_else(|| ConvertError(format!("`{terraform}` is not an attribute here")))
}
