//! The model as JSON, for a provider binary that carries its whole model as data instead of building it
//! from per-resource Rust code: `codegen` writes it, the binary reads it back when it starts.

use crate::model::Provider;

/// The model as compact JSON.
pub fn to_json(provider: &Provider) -> String {
    serde_json::to_string(provider).unwrap_or_default()
}

/// The model from the JSON [`to_json`] wrote.
pub fn from_json(text: &str) -> Result<Provider, String> {
    serde_json::from_str(text).map_err(|error| format!("the embedded provider model is unreadable: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
