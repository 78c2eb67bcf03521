//! Checks the options of each field, reporting contradictions and unsupported types on their spans.

use syn::spanned::Spanned;

use crate::parse::{Errors, Field};

/// Who sets an attribute, as decided from its flags.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Required,
    Optional,
    OptionalComputed,
    ReadOnly,
}

/// The mode of a field; `None` (with an error) when its flags are missing or contradict each other.
pub fn mode(field: &Field, errors: &mut Errors) -> Option<Mode> {
    let flags = &field.flags;
    let set: Vec<(&str, proc_macro2::Span)> = [
        ("required", flags.required),
        ("optional", flags.optional),
        ("computed", flags.computed),
        ("read_only", flags.read_only),
    ]
    .into_iter()
    .filter_map(|(name, span)| span.map(|span| (name, span)))
    .collect();
    let names: Vec<&str> = set.iter().map(|(name, _)| *name).collect();
    let mode = match names.as_slice() {
        ["required"] => Mode::Required,
        ["optional"] => Mode::Optional,
        ["optional", "computed"] => Mode::OptionalComputed,
        ["read_only"] => Mode::ReadOnly,
        [] => {
            errors.push(
                field.ident.span(),
                format!(
                    "attribute `{}` needs one of `required`, `optional`, `read_only`, or `optional, computed`",
                    field.name
                ),
            );
            return None;
        }
        [first, second, ..] => {
            errors.push(set[1].1, format!("`{second}` contradicts `{first}`: keep exactly one of required, optional, read_only (or optional with computed)"));
            return None;
        }
        [_] => {
            errors.push(set[0].1, "`computed` alone is `read_only`; or add `optional` for optional+computed");
            return None;
        }
    };
    if let Some((span, _)) = &field.default {
        match mode {
            Mode::Required => errors.push(*span, "a required attribute cannot have a default"),
            Mode::ReadOnly => errors.push(*span, "a read-only attribute cannot have a default"),
            _ => {}
        }
    }
    if let (Some(span), Mode::ReadOnly) = (field.requires_replacement, mode) {
        errors.push(span, "a read-only attribute cannot require replacement");
    }
    if let (Some(span), Mode::ReadOnly | Mode::OptionalComputed) = (field.write_only, mode) {
        errors.push(span, "a write-only attribute cannot be computed or read-only");
    }
    if let (Some(span), Mode::Required | Mode::Optional) = (field.changes_on_update, mode) {
        errors.push(span, "only a computed attribute (read_only, or optional with computed) can change on update");
    }
    Some(mode)
}

/// Reports field types no attribute can have, before the trait check would with a vaguer message.
pub fn field_type(ty: &syn::Type, errors: &mut Errors) {
    let problem = match ty {
        syn::Type::Reference(_) => Some("references"),
        syn::Type::Tuple(_) => Some("tuples"),
        syn::Type::Array(_) | syn::Type::Slice(_) => Some("arrays and slices"),
        syn::Type::Ptr(_) => Some("raw pointers"),
        syn::Type::ImplTrait(_) | syn::Type::TraitObject(_) => Some("trait objects"),
        syn::Type::BareFn(_) => Some("functions"),
        _ => None,
    };
    if let Some(problem) = problem {
        errors.push(
            ty.span(),
            format!("unsupported field type: {problem} cannot be Terraform attributes; use an owned type such as String, Vec<T> or a struct that derives Attributes"),
        );
    }
}
