//! Snapshots of the model each sample provider loads to.

use tests::sample_provider_dirs;

#[test]
fn sample_providers_load_to_their_snapshot() {
    let dirs = sample_provider_dirs();
    assert_eq!(dirs.len(), 3, "expected the konnect, infra and fusionauth samples: {dirs:?}");
    for dir in dirs {
        let loaded = schema::load_provider(&dir).unwrap_or_else(|errors| panic!("{errors}"));
        insta::assert_yaml_snapshot!(format!("model_{}", loaded.provider.name), loaded.provider);
    }
}

#[test]
fn keyword_and_odd_names_are_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/good/keywords");
    let loaded = schema::load_provider(&dir).unwrap_or_else(|errors| panic!("{errors}"));
    let names: Vec<&str> =
        loaded.provider.resources["keywords_self"].schema.attributes.keys().map(String::as_str).collect();
    assert_eq!(names, ["id", "type", "ref", "1st_choice", "async", "match", "url", "u_r_l", "tags", "offset"]);
    insta::assert_yaml_snapshot!("model_keywords", loaded.provider);
}

#[test]
fn the_format_reference_example_is_valid() {
    let readme = std::fs::read_to_string(tests::workspace_root().join("schema/README.md")).unwrap();
    let start = readme.find("```yaml\n").expect("schema/README.md has a yaml example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let provider = schema::load_yaml_str(&readme[start..end], std::path::Path::new("schema/README.md"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(provider.resources["acme_widget"].schema.one_of["storage"].variants[1].tag, "network_volume");
    assert_eq!(provider.resources["acme_widget"].operations.read.as_ref().unwrap().path_params[0].attribute, "project");
}
