//! The model as JSON, for a provider binary that carries its whole model as data instead of building it
//! from per-resource Rust code: `codegen` writes it, the binary reads it back when it starts.

use crate::model::Provider;

/// The model as compact JSON.
pub fn to_json(provider: &Provider) -> String {
    serde_json::to_string(provider).unwrap_or_default()
}

/// The model from the JSON [`to_json`] wrote, checked as `validate` checks a schema and resolved: a model
/// that does not hold together (edited by hand, or written by another version) is refused with every
/// problem at its path, so a provider never serves it.
pub fn from_json(text: &str) -> Result<Provider, String> {
    let mut provider: Provider =
        serde_json::from_str(text).map_err(|error| format!("the embedded provider model is unreadable: {error}"))?;
    let issues = crate::validate::validate(&provider);
    if issues.is_empty() {
        provider
            .resolve()
            .map_err(|problems| format!("the embedded provider model does not resolve: {}", problems.join("; ")))?;
        return Ok(provider);
    }
    let lines: Vec<String> = issues
        .iter()
        .map(|issue| format!("  at `{}`: {} ({})", issue.path.join("."), issue.message, issue.hint))
        .collect();
    Err(format!("the embedded provider model does not hold together:\n{}", lines.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_embedded_model_is_refused_with_each_problem_at_its_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut provider = crate::load_provider(&root.join("providers/infra")).unwrap().provider;
        let resource = provider.resources.get_mut("infra_access_key").unwrap();
        resource.schema.attributes.shift_remove("id");
        let problem = from_json(&to_json(&provider)).unwrap_err();
        assert!(problem.starts_with("the embedded provider model does not hold together:\n  at `"), "{problem}");
        assert!(problem.contains("path parameter `{id}` has no attribute behind it"), "{problem}");
        assert!(from_json("{\"name\": 3}").unwrap_err().starts_with("the embedded provider model is unreadable: "));
    }

    #[test]
    fn every_sample_model_round_trips() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            "providers/konnect",
            "providers/infra",
            "providers/fusionauth",
            "../tests/fixtures/good/shop",
            "../tests/fixtures/good/jobs",
        ];
        for dir in dirs {
            let provider = crate::load_provider(&root.join(dir)).unwrap().provider;
            assert_eq!(from_json(&to_json(&provider)).unwrap(), provider, "{dir}");
        }
    }
}
