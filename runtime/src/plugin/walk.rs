//! The one schema-directed walk behind planning, state and validation: it visits every attribute at
//! every depth with its value in each input (configuration, prior state, the value being built, the API's
//! answer), pairing the elements of nested collections across the inputs, and lets a [`Rule`] decide
//! each attribute's value. Lists pair by index, maps by key, and sets by the values of their members'
//! configurable attributes, so an API that reorders a set, or fills computed members in, is matched
//! element for element.

use std::collections::BTreeMap;

use schema::{Attribute, Mode, NestingMode, Object, Provider, Type};

use super::proto::{Selector, Step};
use super::value::TfValue;

/// One attribute's (or one nested object's) value in each input of a walk. `None` means the input has
/// no such value at all: the enclosing object or element is missing from it, or, for the API's answer,
/// the answer does not mention the field.
#[derive(Clone, Copy, Default)]
pub struct Lanes<'v> {
    /// The value being built on: its elements decide the elements of the result.
    pub subject: Option<&'v TfValue>,
    /// The configuration.
    pub config: Option<&'v TfValue>,
    /// The prior state.
    pub prior: Option<&'v TfValue>,
    /// What the API's answer says.
    pub api: Option<&'v TfValue>,
}

impl<'v> Lanes<'v> {
    /// The subject's value, null when it has none.
    pub fn subject(&self) -> &'v TfValue {
        self.subject.unwrap_or(&TfValue::Null)
    }

    /// The configured value, null when there is none.
    pub fn config(&self) -> &'v TfValue {
        self.config.unwrap_or(&TfValue::Null)
    }

    fn map(self, pick: impl Fn(&'v TfValue) -> Option<&'v TfValue>) -> Lanes<'v> {
        Lanes {
            subject: self.subject.and_then(&pick),
            config: self.config.and_then(&pick),
            prior: self.prior.and_then(&pick),
            api: self.api.and_then(&pick),
        }
    }
}

/// What decides each attribute's value in a walk.
pub trait Rule {
    /// Called for each object before its attributes (a place for checks across attributes).
    fn object(&mut self, provider: &Provider, path: &[Step], object: &Object, lanes: Lanes<'_>) {
        let _ = (provider, path, object, lanes);
    }

    /// The value of `attribute`, or `None` to walk into it (a nested attribute) or keep the subject's
    /// value (any other).
    fn attribute(&mut self, path: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue>;
}

/// Walks `object` with `rule`, giving the object's value: every attribute of the schema, in the order
/// of the subject's elements.
pub fn walk(provider: &Provider, object: &Object, lanes: Lanes<'_>, rule: &mut dyn Rule) -> TfValue {
    Walker { provider, rule }.object(object, lanes, &mut Vec::new())
}

/// Walks the value of one `attribute` with `rule`: a nested attribute's objects attribute by attribute, any
/// other the subject's value.
pub fn walk_attribute(provider: &Provider, attribute: &Attribute, lanes: Lanes<'_>, rule: &mut dyn Rule) -> TfValue {
    Walker { provider, rule }.descend(attribute, lanes, &mut Vec::new())
}

struct Walker<'p, 'r> {
    provider: &'p Provider,
    rule: &'r mut dyn Rule,
}

impl Walker<'_, '_> {
    fn object<'v>(&mut self, object: &Object, lanes: Lanes<'v>, path: &mut Vec<Step>) -> TfValue {
        match lanes.subject {
            Some(TfValue::Map(_)) => {}
            other => return other.cloned().unwrap_or(TfValue::Null),
        }
        self.rule.object(self.provider, path, object, lanes);
        let mut fields = BTreeMap::new();
        for (name, attribute) in &object.attributes {
            let inner = lanes.map(|value| value.field(name));
            path.push(Step { selector: Some(Selector::AttributeName(name.clone())) });
            let value = match self.rule.attribute(path, attribute, inner) {
                Some(value) => value,
                None => self.descend(attribute, inner, path),
            };
            path.pop();
            fields.insert(name.clone(), value);
        }
        TfValue::Map(fields)
    }

    fn descend<'v>(&mut self, attribute: &Attribute, lanes: Lanes<'v>, path: &mut Vec<Step>) -> TfValue {
        let Type::Nested(nested) = &attribute.ty else { return lanes.subject().clone() };
        let object = nested.members();
        match (nested.mode, lanes.subject) {
            (NestingMode::Single, _) => self.object(object, lanes, path),
            (NestingMode::List, Some(TfValue::List(items))) => TfValue::List(
                (0..items.len())
                    .map(|index| {
                        let element = lanes.map(|value| list_item(value, index));
                        path.push(Step { selector: Some(Selector::ElementKeyInt(index as i64)) });
                        let value = self.object(object, element, path);
                        path.pop();
                        value
                    })
                    .collect(),
            ),
            // A set element has no address of its own in a path: what happens inside it is said of the set.
            (NestingMode::Set, Some(TfValue::List(items))) => TfValue::List(
                items
                    .iter()
                    .map(|item| {
                        let key = set_key(object, item);
                        let find = |value: Option<&'v TfValue>| match value {
                            Some(TfValue::List(candidates)) => {
                                candidates.iter().find(|candidate| set_key(object, candidate) == key)
                            }
                            _ => None,
                        };
                        let element = Lanes {
                            subject: Some(item),
                            config: find(lanes.config),
                            prior: find(lanes.prior),
                            api: find(lanes.api),
                        };
                        self.object(object, element, path)
                    })
                    .collect(),
            ),
            (NestingMode::Map, Some(TfValue::Map(items))) => TfValue::Map(
                items
                    .keys()
                    .map(|key| {
                        let element = lanes.map(|value| value.field(key));
                        path.push(Step { selector: Some(Selector::ElementKeyString(key.clone())) });
                        let value = self.object(object, element, path);
                        path.pop();
                        (key.clone(), value)
                    })
                    .collect(),
            ),
            _ => lanes.subject().clone(),
        }
    }
}

fn list_item(value: &TfValue, index: usize) -> Option<&TfValue> {
    match value {
        TfValue::List(items) => items.get(index),
        _ => None,
    }
}

/// What identifies a set element across the configuration, the state and the API's answer: the values
/// of the attributes only the configuration sets (not computed, not write-only, returned by the API),
/// at every depth.
pub fn set_key(object: &Object, value: &TfValue) -> TfValue {
    let TfValue::Map(fields) = value else { return value.clone() };
    TfValue::Map(
        object
            .attributes
            .iter()
            .filter(|(_, attribute)| {
                matches!(attribute.mode, Mode::Required | Mode::Optional)
                    && !attribute.write_only
                    && !attribute.not_returned
            })
            .map(|(name, attribute)| {
                let item = fields.get(name).unwrap_or(&TfValue::Null);
                let key = match (&attribute.ty, item) {
                    (Type::Nested(nested), item) => {
                        let inner = nested.members();
                        match (nested.mode, item) {
                            (NestingMode::Single, item) => set_key(inner, item),
                            (NestingMode::List | NestingMode::Set, TfValue::List(items)) => {
                                let mut keys: Vec<TfValue> = items.iter().map(|item| set_key(inner, item)).collect();
                                if nested.mode == NestingMode::Set {
                                    keys.sort_by_key(|key| format!("{key:?}"));
                                }
                                TfValue::List(keys)
                            }
                            (NestingMode::Map, TfValue::Map(items)) => TfValue::Map(
                                items.iter().map(|(key, item)| (key.clone(), set_key(inner, item))).collect(),
                            ),
                            (_, item) => item.clone(),
                        }
                    }
                    (ty, item) => comparable(ty, item),
                };
                (name.clone(), key)
            })
            .collect(),
    )
}

/// A value in a form that compares equal whatever way a number of type `ty` travelled (decimal text,
/// integer or float) and whatever order a set's elements came in.
fn comparable(ty: &Type, value: &TfValue) -> TfValue {
    match (ty, value) {
        (Type::Int64 | Type::Float64 | Type::Number, number) => {
            number.as_number().map_or_else(|| number.clone(), TfValue::Float)
        }
        (Type::List(element), TfValue::List(items)) => {
            TfValue::List(items.iter().map(|item| comparable(element, item)).collect())
        }
        (Type::Set(element), TfValue::List(items)) => {
            let mut items: Vec<TfValue> = items.iter().map(|item| comparable(element, item)).collect();
            items.sort_by_key(|item| format!("{item:?}"));
            TfValue::List(items)
        }
        (Type::Map(element), TfValue::Map(entries)) => {
            TfValue::Map(entries.iter().map(|(key, item)| (key.clone(), comparable(element, item))).collect())
        }
        (_, other) => other.clone(),
    }
}

/// Whether two values of a (non-nested) type are the same value: numbers compared by value, sets
/// without regard to order.
pub fn same(ty: &Type, left: &TfValue, right: &TfValue) -> bool {
    left == right || comparable(ty, left) == comparable(ty, right)
}

/// Whether two values of `attribute` (not nested) are the same value: as [`same`], and for JSON text,
/// the same JSON whatever its spacing and key order.
pub fn same_value(attribute: &Attribute, left: &TfValue, right: &TfValue) -> bool {
    if let (true, TfValue::String(left), TfValue::String(right)) = (attribute.json, left, right) {
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        if let (Some(left), Some(right)) = (parse(left), parse(right)) {
            return left == right;
        }
    }
    same(&attribute.ty, left, right)
}
