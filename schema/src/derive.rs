//! The traits `#[derive(Attributes)]` and `#[derive(Resource)]` implement, so that a resource declared in
//! plain Rust builds the same model as one written in YAML.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use indexmap::IndexMap;

use crate::model::{Nested, NestedObject, NestingMode, Object, Resource as ResourceSchema, Type};

/// A Rust type that maps to a Terraform attribute type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the type of a Terraform attribute",
    label = "unsupported attribute type",
    note = "use String, i64, f64, bool, serde_json::Value, Vec<T>, BTreeSet<T>, BTreeMap<String, T>, Option<T>, or a struct that derives Attributes"
)]
pub trait AttributeType {
    /// The attribute type.
    fn attribute_type() -> Type;
}

/// A struct whose fields are attributes: a nested object, or the root of a resource.
pub trait Attributes {
    /// The name of the reusable type, for structs declared as one (`#[attributes(type_name = "...")]`).
    const TYPE_NAME: Option<&'static str> = None;

    /// The struct's members.
    fn object() -> Object;

    /// The type's description (its doc comment), for reusable types.
    fn description() -> String {
        String::new()
    }
}

/// A struct that is a whole resource.
pub trait Resource: Attributes {
    /// The Terraform type name (`infra_access_key`).
    const TYPE: &'static str;

    /// The resource's model: description, attributes, operations.
    fn resource() -> ResourceSchema;
}

macro_rules! primitive {
    ($ty:ty => $attribute:expr) => {
        impl AttributeType for $ty {
            fn attribute_type() -> Type {
                $attribute
            }
        }
    };
}

primitive!(String => Type::String);
primitive!(bool => Type::Bool);
primitive!(i64 => Type::Int64);
primitive!(i32 => Type::Int64);
primitive!(u32 => Type::Int64);
primitive!(f64 => Type::Float64);
primitive!(serde_json::Value => Type::Dynamic);

impl<T: AttributeType> AttributeType for Option<T> {
    fn attribute_type() -> Type {
        T::attribute_type()
    }
}

impl<T: AttributeType> AttributeType for Box<T> {
    fn attribute_type() -> Type {
        T::attribute_type()
    }
}

/// A collection of `element`: nested attributes stay nested (`Attributes List`), others are plain.
fn collection(element: Type, mode: NestingMode, plain: fn(Box<Type>) -> Type) -> Type {
    match element {
        Type::Nested(nested) if nested.mode == NestingMode::Single => {
            Type::Nested(Box::new(Nested { mode, object: nested.object, min_items: 0, max_items: 0 }))
        }
        element => plain(Box::new(element)),
    }
}

impl<T: AttributeType> AttributeType for Vec<T> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::List, Type::List)
    }
}

impl<T: AttributeType> AttributeType for BTreeSet<T> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::Set, Type::Set)
    }
}

impl<T: AttributeType, S> AttributeType for HashSet<T, S> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::Set, Type::Set)
    }
}

impl<T: AttributeType> AttributeType for BTreeMap<String, T> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::Map, Type::Map)
    }
}

impl<T: AttributeType, S> AttributeType for HashMap<String, T, S> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::Map, Type::Map)
    }
}

impl<T: AttributeType> AttributeType for IndexMap<String, T> {
    fn attribute_type() -> Type {
        collection(T::attribute_type(), NestingMode::Map, Type::Map)
    }
}

/// The set form of a list type (`Vec` fields marked `set`).
pub fn as_set(ty: Type) -> Type {
    match ty {
        Type::List(element) => Type::Set(element),
        Type::Nested(mut nested) if nested.mode == NestingMode::List => {
            nested.mode = NestingMode::Set;
            Type::Nested(nested)
        }
        other => other,
    }
}

/// The arbitrary-precision form of a float type (`f64` fields marked `number`), in collections too.
pub fn as_number(ty: Type) -> Type {
    match ty {
        Type::Float64 => Type::Number,
        Type::List(element) => Type::List(Box::new(as_number(*element))),
        Type::Set(element) => Type::Set(Box::new(as_number(*element))),
        Type::Map(element) => Type::Map(Box::new(as_number(*element))),
        other => other,
    }
}

/// Path parameter bindings (`{param}` to attribute), as derived code builds them.
pub type Bindings = IndexMap<String, String>;

/// What derived `Debug` impls print for a sensitive field.
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("(sensitive value)")
    }
}

/// The attribute type of a struct deriving [`Attributes`]: a nested object, named when the struct is a
/// reusable type. Derived code calls this from its [`AttributeType`] impl.
pub fn nested_type<T: Attributes>() -> Type {
    let object = match T::TYPE_NAME {
        Some(name) => NestedObject::Named(crate::model::TypeRef::new(name)),
        None => NestedObject::Inline(T::object()),
    };
    Type::Nested(Box::new(Nested { mode: NestingMode::Single, object, min_items: 0, max_items: 0 }))
}
