//! The configuration that takes things out of an applied one, as users do: every optional attribute left
//! out, but for a collection of two or more entries, which loses its last one (a map key, a list or set
//! element), at any depth. What forces replacement stays, and so does the chosen variant of a one-of
//! group that must have one. Left out, an optional+computed value without a default is the API's to
//! keep: [`Removal::kept`] lists where, so the acceptance runner can check the prior value stays.

use schema::{Attribute, Mode, NestingMode, Object, Resource, Type};

use super::hcl::{Block, Body, Expr, Item};

/// A configuration with things taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The block, with less in it than the applied one.
    pub block: Block,
    /// The attribute paths left out whose value the API keeps (optional+computed, no default): the state
    /// must hold the same value as before. Paths go through single nested objects only.
    pub kept: Vec<Vec<String>>,
}

/// What `removal` takes out of the applied `block` of `resource`; `None` where nothing can be taken out.
pub fn removal(resource: &Resource, block: &Block) -> Option<Removal> {
    let mut remover = Remover { kept: Vec::new(), removed: false };
    let body = remover.body(&resource.schema, &block.body, &mut Vec::new(), true);
    remover.removed.then(|| Removal { block: Block { body, ..block.clone() }, kept: remover.kept })
}

struct Remover {
    kept: Vec<Vec<String>>,
    /// Whether anything was taken out.
    removed: bool,
}

impl Remover {
    /// `body` of an object of `object`'s shape with what can go taken out; `trace` (the path so far, as
    /// long as it runs through single objects) says where a value the API keeps would be.
    fn body(&mut self, object: &Object, body: &Body, at: &mut Vec<String>, traced: bool) -> Body {
        let required_variants: Vec<&str> = object
            .one_of
            .values()
            .filter(|group| group.required)
            .flat_map(|group| group.variants.iter().map(|variant| variant.attribute.as_str()))
            .collect();
        let mut items = Vec::new();
        for item in &body.items {
            let Item::Attribute(name, value) = item else {
                items.push(item.clone());
                continue;
            };
            let Some(attribute) = object.attributes.get(name) else {
                items.push(item.clone());
                continue;
            };
            at.push(name.clone());
            let must_stay = attribute.mode == Mode::Required
                || attribute.requires_replacement
                || required_variants.contains(&name.as_str());
            let kept = if attribute.requires_replacement {
                Some(value.clone())
            } else if must_stay {
                Some(self.value(attribute, value, at, traced))
            } else {
                self.optional(attribute, value, at, traced)
            };
            at.pop();
            if let Some(value) = kept {
                items.push(Item::Attribute(name.clone(), value));
            }
        }
        Body { items }
    }

    /// An optional attribute: a collection of two or more entries loses its last, anything else goes.
    fn optional(&mut self, attribute: &Attribute, value: &Expr, at: &[String], traced: bool) -> Option<Expr> {
        let fewer = |count: usize| count >= 2 && count as u64 > fewest(attribute);
        let shorter = match value {
            Expr::List(items) if fewer(items.len()) && is_collection(&attribute.ty) => {
                Some(Expr::List(items[..items.len() - 1].to_vec()))
            }
            Expr::Object(entries) if fewer(entries.len()) && is_map(&attribute.ty) => {
                Some(Expr::Object(entries[..entries.len() - 1].to_vec()))
            }
            _ => None,
        };
        self.removed = true;
        if shorter.is_none() && traced && attribute.mode == Mode::OptionalComputed && attribute.default.is_none() {
            self.kept.push(at.to_vec());
        }
        shorter
    }

    /// A value that stays, with what can go taken out of the objects it holds.
    fn value(&mut self, attribute: &Attribute, value: &Expr, at: &mut Vec<String>, traced: bool) -> Expr {
        let Some(nested) = attribute.ty.as_nested() else { return value.clone() };
        let object = nested.members();
        let mut element = |remover: &mut Self, value: &Expr, traced: bool| match value {
            Expr::Object(entries) => {
                let items = entries.iter().map(|(key, value)| Item::Attribute(key.clone(), value.clone())).collect();
                let body = remover.body(object, &Body { items }, at, traced);
                Expr::Object(
                    body.items
                        .into_iter()
                        .filter_map(|item| match item {
                            Item::Attribute(name, value) => Some((name, value)),
                            Item::Block(_) => None,
                        })
                        .collect(),
                )
            }
            other => other.clone(),
        };
        match (nested.mode, value) {
            (NestingMode::Single, _) => element(self, value, traced),
            (NestingMode::List | NestingMode::Set, Expr::List(items)) => {
                Expr::List(items.iter().map(|item| element(self, item, false)).collect())
            }
            (NestingMode::Map, Expr::Object(entries)) => {
                Expr::Object(entries.iter().map(|(key, item)| (key.clone(), element(self, item, false))).collect())
            }
            _ => value.clone(),
        }
    }
}

/// A list or set, of values or of nested objects.
fn is_collection(ty: &Type) -> bool {
    match ty {
        Type::List(_) | Type::Set(_) => true,
        Type::Nested(nested) => matches!(nested.mode, NestingMode::List | NestingMode::Set),
        _ => false,
    }
}

/// A map, of values or of nested objects.
fn is_map(ty: &Type) -> bool {
    match ty {
        Type::Map(_) => true,
        Type::Nested(nested) => nested.mode == NestingMode::Map,
        _ => false,
    }
}

/// The fewest entries a collection attribute may hold (its `length` validator's, or its nesting's).
fn fewest(attribute: &Attribute) -> u64 {
    let by_length = attribute.validators.iter().find_map(|validator| match validator {
        schema::Validator::Length { min, .. } => *min,
        _ => None,
    });
    let by_nesting = attribute.ty.as_nested().map(|nested| nested.min_items);
    by_length.unwrap_or(0).max(by_nesting.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::Examples;

    fn shop() -> schema::Provider {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/good/shop");
        schema::load_provider(&dir).unwrap().provider
    }

    #[test]
    fn optional_attributes_go_and_collections_lose_an_entry() {
        let provider = shop();
        let example = Examples::new(&provider).resource("shop_store").unwrap();
        let removal = example.remove.unwrap();
        assert_eq!(
            super::super::hcl::file([&removal.block]),
            "resource \"shop_store\" \"example\" {\n  name   = \"updated-name\"\n  region = \"example-region\"\n  labels = {\n    example = \"updated-labels\"\n  }\n}\n"
        );
        assert_eq!(removal.kept, vec![vec!["settings".to_owned()]], "settings is the API's to keep");
    }

    #[test]
    fn what_must_stay_stays() {
        let provider = shop();
        let example = Examples::new(&provider).resource("shop_customer").unwrap();
        let block = super::super::hcl::file([&example.remove.unwrap().block]);
        assert!(block.contains("email_contact"), "the variant of a group that must have one stays:\n{block}");
        assert!(block.contains("store_id"), "what forces replacement stays:\n{block}");
        assert!(!block.contains("send_welcome"), "{block}");
    }

    #[test]
    fn nothing_to_leave_out_is_no_removal() {
        let provider = shop();
        let resource = &provider.resources["shop_store"];
        let block = Block {
            kind: "resource".to_owned(),
            labels: vec!["shop_store".to_owned(), "example".to_owned()],
            body: Body { items: vec![Item::Attribute("name".to_owned(), Expr::String("x".to_owned()))] },
        };
        assert_eq!(removal(resource, &block), None);
    }
}
