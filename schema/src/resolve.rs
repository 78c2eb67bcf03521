//! The model resolved once: every [`TypeRef`] is pointed at its named type, so the emitters, the
//! runtime and the fake API read nested objects directly ([`crate::Nested::members`]) and never look a
//! type name up. Every loader ends with [`Provider::resolve`], after the model is validated. The attributes
//! the model names itself (variants, operations' parameters) are taken with [`Object::attribute`], which
//! validation makes certain of.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;

use crate::model::{Attribute, ErrorType, NamedType, NestedObject, Object, OneOf, Provider, Type, TypeRef, Variant};

impl Provider {
    /// Points every reference to a named type at the type (which is resolved first, so references inside
    /// it hold their types too). A name no type has, or a type that contains itself, is named in the
    /// error; validation reports both first, so a validated model always resolves. Resolving again after
    /// the types change is what keeps references up to date.
    pub fn resolve(&mut self) -> Result<(), Vec<String>> {
        let mut resolver =
            Resolver { types: &self.types, done: HashMap::new(), visiting: Vec::new(), problems: Vec::new() };
        for name in self.types.keys() {
            resolver.named(name);
        }
        let Resolver { done, mut problems, .. } = resolver;
        let mut fill = Filler { done: &done, problems: &mut problems };
        for (name, named) in &mut self.types {
            if let Some(resolved) = done.get(name) {
                *named = NamedType::clone(resolved);
            }
        }
        fill.object(&mut self.config);
        let sections = [
            &mut self.resources,
            &mut self.data_sources,
            &mut self.ephemeral_resources,
            &mut self.list_resources,
            &mut self.state_stores,
            &mut self.actions,
        ];
        for section in sections {
            for resource in section.values_mut() {
                fill.object(&mut resource.schema);
            }
        }
        problems.sort();
        problems.dedup();
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}

/// Resolves named types depth first, each once.
struct Resolver<'p> {
    types: &'p IndexMap<String, NamedType>,
    done: HashMap<String, Arc<NamedType>>,
    visiting: Vec<String>,
    problems: Vec<String>,
}

impl Resolver<'_> {
    fn named(&mut self, name: &str) -> Option<Arc<NamedType>> {
        if let Some(done) = self.done.get(name) {
            return Some(done.clone());
        }
        if self.visiting.iter().any(|visiting| visiting == name) {
            self.problems.push(format!("type `{name}` contains itself"));
            return None;
        }
        let Some(named) = self.types.get(name) else {
            self.problems.push(format!("no type is called `{name}`"));
            return None;
        };
        let mut copy = named.clone();
        self.visiting.push(name.to_owned());
        let mut references = Vec::new();
        collect(&mut copy.object, &mut references);
        for reference in references {
            if let Some(target) = self.named(reference.name()) {
                reference.resolve_to(target);
            }
        }
        self.visiting.pop();
        let resolved = Arc::new(copy);
        self.done.insert(name.to_owned(), resolved.clone());
        Some(resolved)
    }
}

/// Points the references of objects outside the named types at the resolved types.
struct Filler<'d> {
    done: &'d HashMap<String, Arc<NamedType>>,
    problems: &'d mut Vec<String>,
}

impl Filler<'_> {
    fn object(&mut self, object: &mut Object) {
        let mut references = Vec::new();
        collect(object, &mut references);
        for reference in references {
            match self.done.get(reference.name()) {
                Some(target) => reference.resolve_to(target.clone()),
                None => self.problems.push(format!("no type is called `{}`", reference.name())),
            }
        }
    }
}

/// Every reference to a named type in an object, at any depth of its own (not inside the types named).
fn collect<'o>(object: &'o mut Object, references: &mut Vec<&'o mut TypeRef>) {
    for attribute in object.attributes.values_mut() {
        in_type(&mut attribute.ty, references);
    }
    for block in object.blocks.values_mut() {
        collect(&mut block.object, references);
    }
}

fn in_type<'o>(ty: &'o mut Type, references: &mut Vec<&'o mut TypeRef>) {
    match ty {
        Type::List(element) | Type::Set(element) | Type::Map(element) => in_type(element, references),
        Type::Object(fields) => fields.values_mut().for_each(|field| in_type(field, references)),
        Type::Tuple(elements) => elements.iter_mut().for_each(|element| in_type(element, references)),
        Type::Nested(nested) => match &mut nested.object {
            NestedObject::Inline(inner) => collect(inner, references),
            NestedObject::Named(reference) => references.push(reference),
        },
        Type::String | Type::Int64 | Type::Float64 | Type::Number | Type::Bool | Type::Dynamic => {}
    }
}

impl Object {
    /// The attribute `name` of this object where the model itself names it — a one-of variant, an
    /// operation's path, query or body attribute, the ID attribute, what a wait or an adoption reads —
    /// which validation proves exists, so a reader never needs a way round its absence. Names from
    /// outside the model (a configuration, a request) are looked up in `attributes` and answered for.
    pub fn attribute(&self, name: &str) -> &Attribute {
        match self.attributes.get(name) {
            Some(attribute) => attribute,
            None => panic!("the model names `{name}`, which its object lacks: it was not validated"),
        }
    }
}

impl Provider {
    /// The error type `name` an operation of the model names, which validation proves is declared.
    pub fn error_type(&self, name: &str) -> &ErrorType {
        match self.errors.get(name) {
            Some(error) => error,
            None => {
                panic!("an operation names error type `{name}`, which is not declared: the model was not validated")
            }
        }
    }
}

impl OneOf {
    /// Each variant of the group with its attribute in `object` (the group's parent) and the variant's
    /// members, all of which validation proves are there.
    pub fn variants_in<'o>(
        &'o self,
        object: &'o Object,
    ) -> impl Iterator<Item = (&'o Variant, &'o Attribute, &'o Object)> {
        self.variants.iter().map(move |variant| {
            let attribute = object.attribute(&variant.attribute);
            match attribute.ty.as_nested() {
                Some(nested) => (variant, attribute, nested.members()),
                None => panic!("variant `{}` is no object attribute: the model was not validated", variant.attribute),
            }
        })
    }
}
