//! Terraform's provider-schema JSON loads into the model: every conformance case's schema, and a snapshot
//! of the one that has every attribute and block kind.

use std::path::{Path, PathBuf};

fn conformance_dir() -> PathBuf {
    tests::workspace_root().join("../shared/conformance/tfplugindocs")
}

#[test]
fn every_conformance_schema_loads() {
    let mut loaded = 0;
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(conformance_dir()).unwrap().map(|entry| entry.unwrap().path()).collect();
    cases.sort();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let schema = case.join("input/schema.json");
        // The schemamd-* cases hold a single schema fragment, not a providers schema.
        if name.starts_with("schemamd-") || !schema.is_file() {
            continue;
        }
        let short_name = if case.ends_with("gen-null-provider-stdout-only") { "null" } else { "scaffolding" };
        let provider = schema::tfjson::load(&schema, short_name).unwrap_or_else(|errors| panic!("{errors}"));
        assert_eq!(provider.name, short_name);
        loaded += 1;
    }
    assert!(loaded >= 15, "only {loaded} schemas found");
}

#[test]
fn all_framework_types_load_to_their_snapshot() {
    let schema = conformance_dir().join("gen-all-framework-types/input/schema.json");
    let provider = schema::tfjson::load(&schema, "scaffolding").unwrap();
    insta::assert_yaml_snapshot!(provider);
}

#[test]
fn bad_provider_schemas_get_one_clear_error() {
    let cases = [
        ("{\"format_version\": ", "malformed providers schema JSON"),
        ("{\"format_version\": \"2.0\", \"provider_schemas\": {}}", "unsupported format_version \"2.0\""),
        ("{\"provider_schemas\": {}}", "has no format_version"),
        (
            "{\"format_version\": \"1.0\", \"provider_schemas\": {\"registry.terraform.io/acme/other\": {}}}",
            "unable to find schema in JSON for provider \"scaffolding\"",
        ),
    ];
    for (text, expected) in cases {
        let errors = schema::tfjson::load_str(text, Path::new("schema.json"), "scaffolding").unwrap_err();
        assert_eq!(errors.diagnostics.len(), 1, "{errors}");
        assert!(errors.diagnostics[0].message.contains(expected), "{errors}");
    }
}

#[test]
fn a_provider_outside_the_hashicorp_namespace_is_found_when_unambiguous() {
    let text = r#"{"format_version": "1.0", "provider_schemas": {"registry.terraform.io/acme/widget": {"provider": {"block": {}}}}}"#;
    let provider = schema::tfjson::load_str(text, Path::new("schema.json"), "widget").unwrap();
    assert_eq!(provider.name, "widget");
}
