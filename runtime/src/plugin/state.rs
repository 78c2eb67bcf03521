//! The state to keep after an API call, at every depth, from what the API's answer says.
//!
//! After an apply, every known planned value stays as planned (Terraform requires it) and what was
//! planned unknown comes from the answer, null when the answer does not say. After a refresh or an
//! import, the answer is the truth: configurable values the API answers differently (or as null) replace
//! the prior ones, so drift shows in the next plan; a number the API answers equal to the prior one keeps
//! its prior form; what the API does not return (`not_returned`, query-only parameters, write-only
//! values) keeps its prior value.

use std::collections::BTreeSet;

use schema::{Attribute, Object, Provider, Type};

use super::proto::Step;
use super::value::TfValue;
use super::walk::{Lanes, Rule, same_value, walk, walk_attribute};

/// The new state after a create or an update: `planned` completed with the answer `said`.
pub fn applied(provider: &Provider, object: &Object, planned: &TfValue, said: &TfValue) -> TfValue {
    walk(
        provider,
        object,
        Lanes { subject: Some(planned), api: Some(said), ..Lanes::default() },
        &mut Applied { provider },
    )
}

/// The new state after a read: what the answer `said`, with the prior state where it says nothing it
/// could. `unreturned` names the root attributes the API never returns ([`super::rest::unreturned`]); nested
/// ones are those marked `not_returned`.
pub fn refreshed(
    provider: &Provider,
    object: &Object,
    prior: &TfValue,
    said: &TfValue,
    unreturned: &BTreeSet<String>,
) -> TfValue {
    let lanes = Lanes { subject: Some(said), prior: Some(prior), api: Some(said), ..Lanes::default() };
    walk(provider, object, lanes, &mut Refreshed { unreturned })
}

/// The complete Terraform value of what an answer says of a value of type `ty`: every attribute of
/// every nested object, null where the answer is silent.
fn complete(provider: &Provider, attribute: &Attribute, said: Option<&TfValue>) -> TfValue {
    let Some(said) = said else { return TfValue::Null };
    walk_attribute(
        provider,
        attribute,
        Lanes { subject: Some(said), api: Some(said), ..Lanes::default() },
        &mut Complete,
    )
}

struct Complete;

impl Rule for Complete {
    fn attribute(&mut self, _: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        match lanes.subject {
            _ if attribute.write_only => Some(TfValue::Null),
            None => Some(TfValue::Null),
            Some(_) => None,
        }
    }
}

struct Applied<'p> {
    provider: &'p Provider,
}

impl Rule for Applied<'_> {
    fn attribute(&mut self, _: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        if attribute.write_only {
            return Some(TfValue::Null);
        }
        match lanes.subject() {
            // A secret the API answers masked is not known to be anything.
            TfValue::Unknown if attribute.sensitive && lanes.api.is_some_and(masked) => Some(TfValue::Null),
            TfValue::Unknown => Some(complete(self.provider, attribute, lanes.api)),
            _ if matches!(attribute.ty, Type::Nested(_)) => None,
            planned => Some(planned.clone()),
        }
    }
}

struct Refreshed<'u> {
    unreturned: &'u BTreeSet<String>,
}

impl Rule for Refreshed<'_> {
    fn attribute(&mut self, path: &[Step], attribute: &Attribute, lanes: Lanes<'_>) -> Option<TfValue> {
        let root_unreturned = path.len() == 1
            && matches!(path.first().and_then(|step| step.selector.as_ref()),
                Some(super::proto::Selector::AttributeName(name)) if self.unreturned.contains(name));
        let prior = || lanes.prior.cloned().unwrap_or(TfValue::Null);
        if attribute.write_only {
            return Some(TfValue::Null);
        }
        if attribute.not_returned || root_unreturned {
            return Some(prior());
        }
        // An API that answers a secret masked (`***`, `REDACTED`) says nothing of it.
        if attribute.sensitive && lanes.api.is_some_and(masked) {
            return Some(prior());
        }
        match lanes.api {
            // Silent about a computed value: the API did not say it changed. Silent about a configured
            // one: it has none, which is drift when the state has one.
            None if attribute.mode.is_computed() => Some(prior()),
            None => Some(TfValue::Null),
            Some(_) if matches!(attribute.ty, Type::Nested(_)) => None,
            Some(said) => Some(match lanes.prior {
                Some(prior) if same_value(attribute, prior, said) => prior.clone(),
                _ => said.clone(),
            }),
        }
    }
}

/// Whether an answered value is a mask in place of a secret: stars or bullets only, or a word that says
/// it was withheld.
fn masked(value: &TfValue) -> bool {
    let TfValue::String(text) = value else { return false };
    let text = text.trim();
    let stars = text.chars().count() >= 3 && text.chars().all(|c| matches!(c, '*' | '•' | '●'));
    let word = text.trim_matches(|c: char| matches!(c, '[' | ']' | '<' | '>' | '(' | ')')).to_ascii_lowercase();
    stars || ["redacted", "hidden", "masked", "secret", "sensitive"].contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(yaml: &str) -> Provider {
        schema::load_yaml_str(yaml, std::path::Path::new("test.yaml")).unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    const SCHEMA: &str = r#"
name: shop
resources:
  order:
    attributes:
      id: {type: string, read_only: true}
      note: {type: string, optional: true}
      total: {type: number, optional: true}
      lines:
        type: set(object)
        optional: true
        attributes:
          sku: {type: string, required: true}
          line_id: {type: string, read_only: true}
    operations:
      create: {method: POST, path: /orders}
      read: {method: GET, path: "/orders/{id}"}
      update: {method: PATCH, path: "/orders/{id}"}
      delete: {method: DELETE, path: "/orders/{id}"}
"#;

    fn map(entries: &[(&str, TfValue)]) -> TfValue {
        TfValue::Map(entries.iter().map(|(key, value)| ((*key).to_owned(), value.clone())).collect())
    }

    fn text(value: &str) -> TfValue {
        TfValue::String(value.to_owned())
    }

    #[test]
    fn computed_members_of_set_elements_come_from_the_matching_answer_element() {
        let provider = provider(SCHEMA);
        let object = &provider.resources["shop_order"].schema;
        let line = |sku: &str, id: TfValue| map(&[("sku", text(sku)), ("line_id", id)]);
        let planned = map(&[
            ("id", TfValue::Unknown),
            ("note", TfValue::Null),
            ("total", text("2.3")),
            ("lines", TfValue::List(vec![line("a", TfValue::Unknown), line("b", TfValue::Unknown)])),
        ]);
        // The API answers the set in its own order and leaves the note out.
        let said = map(&[
            ("id", text("o1")),
            ("total", TfValue::Float(2.3)),
            ("lines", TfValue::List(vec![line("b", text("l2")), line("a", text("l1"))])),
        ]);
        let state = applied(&provider, object, &planned, &said);
        assert_eq!(
            state,
            map(&[
                ("id", text("o1")),
                ("note", TfValue::Null),
                ("total", text("2.3")),
                ("lines", TfValue::List(vec![line("a", text("l1")), line("b", text("l2"))])),
            ])
        );
        // A read that says the same keeps the state as it is; a note the API now has is drift.
        assert_eq!(refreshed(&provider, object, &state, &said, &BTreeSet::new()).field("total"), Some(&text("2.3")));
        let drifted = map(&[("id", text("o1")), ("note", text("changed"))]);
        let refreshed = refreshed(&provider, object, &state, &drifted, &BTreeSet::new());
        assert_eq!(refreshed.field("note"), Some(&text("changed")));
        assert_eq!(refreshed.field("total"), Some(&TfValue::Null), "a configured value the API no longer has is drift");
        assert_eq!(refreshed.field("lines"), Some(&TfValue::Null));
    }

    #[test]
    fn masked_secrets_keep_what_was_configured() {
        let provider = provider(
            r#"
name: shop
resources:
  user:
    attributes:
      id: {type: string, read_only: true}
      password: {type: string, optional: true, sensitive: true}
      note: {type: string, optional: true}
    operations:
      create: {method: POST, path: /users}
      read: {method: GET, path: "/users/{id}"}
      update: {method: PATCH, path: "/users/{id}"}
      delete: {method: DELETE, path: "/users/{id}"}
"#,
        );
        let object = &provider.resources["shop_user"].schema;
        let prior = map(&[("id", text("u1")), ("password", text("hunter2")), ("note", text("n"))]);
        for mask in ["***", "********", "REDACTED", "[redacted]", "•••"] {
            let said = map(&[("id", text("u1")), ("password", text(mask)), ("note", text(mask))]);
            let state = refreshed(&provider, object, &prior, &said, &BTreeSet::new());
            assert_eq!(state.field("password"), Some(&text("hunter2")), "{mask}");
            assert_eq!(state.field("note"), Some(&text(mask)), "only a secret's mask is no change");
        }
        let changed = map(&[("id", text("u1")), ("password", text("other"))]);
        let state = refreshed(&provider, object, &prior, &changed, &BTreeSet::new());
        assert_eq!(state.field("password"), Some(&text("other")), "a secret the API answers in clear is drift");
    }
}
