//! The `timeouts` block of a resource or data source: set apart from the object's own attributes
//! before a plan, an apply or a read, put back after as configured, and read for how long an operation
//! may take (the model's default where the configuration says nothing).

use std::time::Duration;

use schema::{OperationKind, Resource, TIMEOUTS};

use super::proto::{AttributePath, Diagnostic, Selector, Severity, Step};
use super::value::TfValue;

/// Takes the `timeouts` block out of an object's value, where the resource has one; null where it has
/// none.
pub fn take(resource: &Resource, value: &mut TfValue) -> TfValue {
    match value {
        TfValue::Map(fields) if resource.timeouts.has_block() => fields.remove(TIMEOUTS).unwrap_or(TfValue::Null),
        _ => TfValue::Null,
    }
}

/// Puts a `timeouts` block back into an object's value, where the resource has one (every object of
/// such a resource carries it, null when unset).
pub fn put(resource: &Resource, value: &mut TfValue, timeouts: TfValue) {
    if let (true, TfValue::Map(fields)) = (resource.timeouts.has_block(), value) {
        fields.insert(TIMEOUTS.to_owned(), timeouts);
    }
}

/// How long the `kind` operation of `resource` may take: as `timeouts` configures it, else the model's
/// default. `None` for an operation the block does not bound.
pub fn limit(resource: &Resource, timeouts: &TfValue, kind: OperationKind) -> Option<Duration> {
    let default = *resource.timeouts.limits.get(&kind)?;
    match timeouts.field(kind.key()) {
        Some(TfValue::String(text)) => schema::duration::parse(text).ok().filter(|limit| !limit.is_zero()),
        _ => None,
    }
    .or(Some(default))
}

/// Problems with a configured `timeouts` block: each duration that is not one, at its path.
pub fn check(resource: &Resource, config: &TfValue) -> Vec<Diagnostic> {
    let Some(timeouts) = config.field(TIMEOUTS) else { return Vec::new() };
    let mut problems = Vec::new();
    for kind in resource.timeouts.limits.keys() {
        let Some(TfValue::String(text)) = timeouts.field(kind.key()) else { continue };
        let problem = match schema::duration::parse(text) {
            Ok(limit) if limit.is_zero() => {
                format!("the {} cannot take no time: write a duration such as \"20m\"", kind.key())
            }
            Ok(_) => continue,
            Err(problem) => format!("{problem}: write a duration such as \"30s\", \"20m\" or \"2h45m\""),
        };
        let step = |name: &str| Step { selector: Some(Selector::AttributeName(name.to_owned())) };
        problems.push(Diagnostic {
            severity: Severity::Error as i32,
            summary: "Invalid timeout".to_owned(),
            detail: problem,
            attribute: Some(AttributePath { steps: vec![step(TIMEOUTS), step(kind.key())] }),
        });
    }
    problems
}

/// What a call that ran out of time says: which operation, its limit, and where to set another.
pub fn exceeded(kind: OperationKind, limit: Duration) -> String {
    format!(
        "the {} did not finish within {} (set a longer `{}` in the resource's `timeouts` block if the API needs more time)",
        kind.key(),
        schema::duration::format(limit),
        kind.key()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource() -> Resource {
        let mut resource: Resource = serde_json::from_value(serde_json::json!({
            "description": "", "schema": {"attributes": {}}, "operations": {}
        }))
        .unwrap();
        resource.timeouts.limits.insert(OperationKind::Create, Duration::from_secs(1200));
        resource.timeouts.limits.insert(OperationKind::Read, Duration::from_secs(300));
        resource.timeouts.block = true;
        resource
    }

    fn block(entries: &[(&str, &str)]) -> TfValue {
        let mut timeouts = std::collections::BTreeMap::new();
        for (name, text) in entries {
            timeouts.insert((*name).to_owned(), TfValue::String((*text).to_owned()));
        }
        TfValue::Map([(TIMEOUTS.to_owned(), TfValue::Map(timeouts))].into_iter().collect())
    }

    #[test]
    fn configured_limits_win_over_defaults() {
        let resource = resource();
        let config = block(&[("create", "90s")]);
        let timeouts = config.field(TIMEOUTS).unwrap();
        assert_eq!(limit(&resource, timeouts, OperationKind::Create), Some(Duration::from_secs(90)));
        assert_eq!(limit(&resource, timeouts, OperationKind::Read), Some(Duration::from_secs(300)));
        assert_eq!(limit(&resource, &TfValue::Null, OperationKind::Create), Some(Duration::from_secs(1200)));
        assert_eq!(limit(&resource, timeouts, OperationKind::Delete), None, "no delete, no limit");
    }

    #[test]
    fn a_duration_that_is_none_is_an_error_at_its_path() {
        let problems = check(&resource(), &block(&[("create", "20"), ("read", "0s")]));
        let details: Vec<&str> = problems.iter().map(|problem| problem.detail.as_str()).collect();
        assert_eq!(details.len(), 2, "{details:?}");
        assert!(details[0].contains("`20` has no unit"), "{details:?}");
        assert!(details[1].contains("cannot take no time"), "{details:?}");
        let path = problems[0].attribute.as_ref().unwrap();
        assert_eq!(path.steps.len(), 2);
    }

    #[test]
    fn the_block_is_set_apart_and_put_back() {
        let resource = resource();
        let mut value = block(&[("create", "1m")]);
        let timeouts = take(&resource, &mut value);
        assert_eq!(value, TfValue::Map(Default::default()));
        put(&resource, &mut value, timeouts.clone());
        assert_eq!(value.field(TIMEOUTS), Some(&timeouts));
    }
}
