//! Nested objects decided once and shared: every attribute whose members come from the same parts, in
//! the same context, gets the same object ([`Objects::decide`]); an object used in more than one place
//! becomes a named type of the provider, one used once is written in place ([`Objects::finish`]).
//! Objects too large to be a Terraform schema are JSON text instead ([`OBJECT_BUDGET`]).

use std::collections::HashMap;

use indexmap::IndexMap;
use schema::model::{NamedType, NestedObject, Object, Provider, Type, TypeRef};

use crate::fields::MembersKey;

/// The most attributes an object may hold once its nested objects are written out in full (Terraform
/// sends a provider's schema written out so, and shows it so): a nested object larger than this, or
/// a resource's, is JSON text from there down.
pub const OBJECT_BUDGET: usize = 10_000;

/// What a nested object's attributes are decided in, besides its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Context {
    /// The resource has an update operation.
    pub(crate) has_update: bool,
    /// A data source's attributes.
    pub(crate) data_source: bool,
    /// The object is inside a read-only attribute, so every member is read-only.
    pub(crate) read_only: bool,
}

/// One decided object.
struct Entry {
    object: Object,
    /// How many attributes hold it.
    uses: usize,
    /// Its attributes once written out in full.
    size: usize,
    /// What its named type is called, if it gets one: its schema's name, else the first attribute's.
    name: String,
    /// It was reported too large.
    reported: bool,
}

/// The nested objects decided so far.
#[derive(Default)]
pub(crate) struct Objects {
    entries: Vec<Entry>,
    by_members: HashMap<(MembersKey, Context), usize>,
}

/// The prefix of a placeholder's name: no type name the importer writes starts with it.
const PLACEHOLDER: char = '#';

impl Objects {
    /// The object decided for `key` in `context`, if it was.
    pub(crate) fn find(&self, key: &MembersKey, context: Context) -> Option<usize> {
        self.by_members.get(&(key.clone(), context)).copied()
    }

    /// Adds the object decided for `key` in `context`; `name` names its type if it gets one.
    pub(crate) fn add(&mut self, object: Object, name: &str, key: MembersKey, context: Context) -> usize {
        let index = self.entries.len();
        let size = self.size(&object);
        self.entries.push(Entry { object, uses: 0, size, name: name.to_owned(), reported: false });
        self.by_members.insert((key, context), index);
        index
    }

    /// Whether object `index` has no attributes.
    pub(crate) fn is_empty(&self, index: usize) -> bool {
        self.entries[index].object.attributes.is_empty()
    }

    /// How many attributes object `index` holds once written out in full.
    pub(crate) fn size_of(&self, index: usize) -> usize {
        self.entries[index].size
    }

    /// Whether object `index` is yet to be reported too large (and now is).
    pub(crate) fn report_too_large(&mut self, index: usize) -> bool {
        !std::mem::replace(&mut self.entries[index].reported, true)
    }

    /// Object `index` for one more attribute: a placeholder [`Objects::finish`] replaces.
    pub(crate) fn take(&mut self, index: usize) -> NestedObject {
        self.entries[index].uses += 1;
        NestedObject::Named(TypeRef::new(format!("{PLACEHOLDER}{index}")))
    }

    /// A decided object whose attributes are changed (a one-of's variant without its discriminator): a
    /// new object of its own, used once; an object written in place is changed where it is.
    pub(crate) fn change(&mut self, nested: &mut NestedObject, change: impl FnOnce(&mut Object)) {
        match nested {
            NestedObject::Inline(object) => change(object),
            NestedObject::Named(placeholder) => {
                let Some(index) = index_of(placeholder.name()) else { return };
                let entry = &mut self.entries[index];
                entry.uses -= 1;
                let mut object = entry.object.clone();
                let name = entry.name.clone();
                change(&mut object);
                // The copy holds the placeholders of its own nested objects once more.
                self.count_uses(&object);
                let size = self.size(&object);
                let index = self.entries.len();
                self.entries.push(Entry { object, uses: 1, size, name, reported: false });
                *placeholder = TypeRef::new(format!("{PLACEHOLDER}{index}"));
            }
        }
    }

    /// Counts one more use of every placeholder in `object` (in objects written in place too).
    fn count_uses(&mut self, object: &Object) {
        for attribute in object.attributes.values() {
            match attribute.ty.as_nested().map(|nested| &nested.object) {
                Some(NestedObject::Named(placeholder)) => {
                    if let Some(index) = index_of(placeholder.name()) {
                        self.entries[index].uses += 1;
                    }
                }
                Some(NestedObject::Inline(inner)) => self.count_uses(inner),
                None => {}
            }
        }
    }

    /// How many attributes `object` holds once written out in full.
    pub(crate) fn size(&self, object: &Object) -> usize {
        object.attributes.values().map(|attribute| 1 + self.nested_size(&attribute.ty)).sum()
    }

    /// How many attributes the objects a type nests hold once written out in full.
    pub(crate) fn nested_size(&self, ty: &Type) -> usize {
        match ty.as_nested().map(|nested| &nested.object) {
            Some(NestedObject::Named(placeholder)) => {
                index_of(placeholder.name()).map_or(0, |index| self.entries[index].size)
            }
            Some(NestedObject::Inline(object)) => self.size(object),
            None => 0,
        }
    }

    /// Takes a placeholder back: the attribute that held it holds something else now.
    pub(crate) fn release(&mut self, ty: &Type) {
        if let Some(NestedObject::Named(placeholder)) = ty.as_nested().map(|nested| &nested.object) {
            if let Some(index) = index_of(placeholder.name()) {
                self.entries[index].uses -= 1;
            }
        }
    }

    /// Replaces every placeholder of `provider`: an object used once is written in place, one used
    /// more often becomes a named type (named after its schema, numbered where names meet).
    pub(crate) fn finish(mut self, provider: &mut Provider) {
        let mut names: Vec<Option<String>> = vec![None; self.entries.len()];
        let mut types: IndexMap<String, NamedType> = IndexMap::new();
        let mut taken: std::collections::HashSet<String> =
            provider.types.keys().map(|name| name.to_lowercase()).collect();
        let mut finisher = Finisher { objects: &mut self, names: &mut names, types: &mut types, taken: &mut taken };
        for resource in provider.resources.values_mut().chain(provider.data_sources.values_mut()) {
            finisher.object(&mut resource.schema);
        }
        provider.types.extend(types);
    }
}

/// A named type's name for a schema or attribute name: PascalCase, ASCII letters and digits, starting
/// with a letter.
fn type_name(name: &str) -> String {
    let pascal: String =
        heck::ToUpperCamelCase::to_upper_camel_case(name).chars().filter(char::is_ascii_alphanumeric).collect();
    match pascal.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => pascal,
        _ => format!("Type{pascal}"),
    }
}

/// The entry a placeholder names.
fn index_of(placeholder: &str) -> Option<usize> {
    placeholder.strip_prefix(PLACEHOLDER)?.parse().ok()
}

/// Replaces placeholders, depth first, giving named types their names in the order first met.
struct Finisher<'a> {
    objects: &'a mut Objects,
    names: &'a mut Vec<Option<String>>,
    types: &'a mut IndexMap<String, NamedType>,
    /// The names taken, lower-cased: names that differ only in case meet as Rust types on some disks.
    taken: &'a mut std::collections::HashSet<String>,
}

impl Finisher<'_> {
    fn object(&mut self, object: &mut Object) {
        for attribute in object.attributes.values_mut() {
            let Type::Nested(nested) = &mut attribute.ty else { continue };
            match &mut nested.object {
                NestedObject::Inline(inner) => self.object(inner),
                NestedObject::Named(placeholder) => {
                    let Some(index) = index_of(placeholder.name()) else { continue };
                    nested.object = self.resolve(index);
                }
            }
        }
    }

    /// The object of entry `index`: in place when used once (or empty), else its named type (made the
    /// first time).
    fn resolve(&mut self, index: usize) -> NestedObject {
        if let Some(name) = &self.names[index] {
            return NestedObject::Named(TypeRef::new(name.clone()));
        }
        let entry = &mut self.objects.entries[index];
        if entry.uses <= 1 || entry.object.attributes.is_empty() {
            let mut object = if entry.uses <= 1 { std::mem::take(&mut entry.object) } else { entry.object.clone() };
            self.object(&mut object);
            return NestedObject::Inline(object);
        }
        let base = type_name(&self.objects.entries[index].name);
        let name = (1..)
            .map(|number| if number == 1 { base.clone() } else { format!("{base}{number}") })
            .find(|candidate| !self.taken.contains(&candidate.to_lowercase()))
            .unwrap_or(base);
        self.taken.insert(name.to_lowercase());
        self.names[index] = Some(name.clone());
        let mut object = std::mem::take(&mut self.objects.entries[index].object);
        self.object(&mut object);
        self.types.insert(name.clone(), NamedType { description: String::new(), object });
        NestedObject::Named(TypeRef::new(name))
    }
}
