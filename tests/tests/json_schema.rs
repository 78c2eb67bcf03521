//! The exported JSON Schema accepts every sample and good fixture, and rejects typos.

use schema::json_schema::json_schema;
use tests::{sample_provider_dirs, yaml_to_json};

fn document(path: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    yaml_to_json(&schema::yaml::parse(&text).unwrap())
}

#[test]
fn samples_validate_against_the_json_schema() {
    let validator = jsonschema::validator_for(&json_schema()).expect("the exported schema is a valid JSON Schema");
    let mut files: Vec<_> = sample_provider_dirs().into_iter().map(|dir| dir.join("provider.yaml")).collect();
    files.push(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/good/keywords/provider.yaml"));
    for file in files {
        let errors: Vec<String> = validator.iter_errors(&document(&file)).map(|error| error.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_json_schema_rejects_what_the_loader_rejects() {
    let validator = jsonschema::validator_for(&json_schema()).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad");
    for name in ["unknown_key.yaml", "case_collision.yaml"] {
        let file = fixtures.join(name);
        let valid = validator.is_valid(&document(&file));
        assert_eq!(valid, name == "case_collision.yaml", "{name}: collisions are semantic, typos are structural");
    }
}
