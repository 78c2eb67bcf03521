//! Snapshots of generated client code, and a crate generated from a schema of awkward names (Rust keywords,
//! names starting with digits, names equal once converted) that the workspace builds.

use std::path::{Path, PathBuf};

fn crate_files(provider_dir: &Path) -> Vec<(PathBuf, String)> {
    let loaded = schema::load_provider(provider_dir).unwrap_or_else(|errors| panic!("{errors}"));
    codegen::client::provider_crate(&loaded.provider).unwrap()
}

#[test]
fn konnect_client_code_matches_its_snapshots() {
    for (path, contents) in crate_files(&tests::workspace_root().join("schema/providers/konnect")) {
        let name = format!("konnect_{}", path.display().to_string().replace(['/', '.'], "_"));
        insta::assert_snapshot!(name, contents);
    }
}

/// The committed crates of the test fixtures (`tests/<name>-client`, from `tests/fixtures/good/<name>`) are
/// what the emitter writes now; run with `UPDATE_GENERATED=1` to rewrite them after a deliberate change.
#[test]
fn the_fixture_crates_are_current() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    for name in ["keywords", "shop"] {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/good").join(name);
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{name}-client"));
        for (path, contents) in crate_files(&fixture) {
            let file = target.join(&path);
            if update {
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, &contents).unwrap();
            }
            let committed = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(committed == contents, "{} is stale; rerun with UPDATE_GENERATED=1", file.display());
        }
    }
}

/// The provider binary serves the model its crate's derives build, which must be the YAML's.
#[test]
fn the_shop_crate_builds_the_model_of_its_schema() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/good/shop");
    let yaml = schema::load_provider(&fixture).unwrap().provider;
    let (built, yaml) = (serde_json::to_value(shop::provider()).unwrap(), serde_json::to_value(yaml).unwrap());
    assert_eq!(serde_json::to_string_pretty(&built).unwrap(), serde_json::to_string_pretty(&yaml).unwrap());
}

#[test]
fn awkward_names_keep_their_schema_and_wire_names() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/good/keywords");
    let yaml = schema::load_provider(&fixture).unwrap().provider;
    assert_eq!(keywords::provider().resources["keywords_self"], yaml.resources["keywords_self"]);
    let value = serde_json::json!({
        "id": "1", "type": "t", "ref": "r", "1stChoice": true, "async": 3,
        "match": {"fn": "f", "impl": ["i"]}, "URL": "upper", "url": "lower"
    });
    let model: keywords::self_::Self_ = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        (model.r#type.as_str(), model._1st_choice, model.url.as_deref(), model.u_r_l.as_deref()),
        ("t", Some(true), Some("upper"), Some("lower"))
    );
    assert_eq!(serde_json::to_value(&model).unwrap(), value);
}

/// Enum values that meet once made Rust names (`+1` and `-1`, `asc` and `ASC`, `dark-red` and `dark_red`)
/// get variants of their own, each keeping its wire value.
#[test]
fn enum_values_that_meet_in_rust_keep_distinct_variants() {
    use keywords::self_::SelfOffset;
    let values = ["+1", "-1", "asc", "ASC", "dark-red", "dark_red", "Etc/GMT+10", "Etc/GMT-10", "", "self", "Other"];
    let variants: Vec<SelfOffset> =
        values.iter().map(|value| serde_json::from_value(serde_json::json!(value)).unwrap()).collect();
    assert_eq!(
        variants,
        [
            SelfOffset::Plus1,
            SelfOffset::Minus1,
            SelfOffset::Asc,
            SelfOffset::Asc2,
            SelfOffset::DarkRed,
            SelfOffset::DarkRed2,
            SelfOffset::EtcGmtPlus10,
            SelfOffset::EtcGmtMinus10,
            SelfOffset::Empty,
            SelfOffset::Self_,
            SelfOffset::Other,
        ]
    );
    for (variant, value) in variants.iter().zip(values) {
        assert_eq!(serde_json::to_value(variant).unwrap(), serde_json::json!(value));
    }
    let unlisted: SelfOffset = serde_json::from_value(serde_json::json!("+2")).unwrap();
    assert_eq!(unlisted, SelfOffset::Other2("+2".to_owned()), "the catch-all steps aside for a listed `Other`");
}

/// Generated enums are open: a value the schema does not list reads into `Other` and writes back as it was.
#[test]
fn generated_enums_keep_values_the_schema_does_not_list() {
    use shop::product::ProductStatus;
    let known: ProductStatus = serde_json::from_value(serde_json::json!("active")).unwrap();
    assert_eq!(known, ProductStatus::Active);
    let unknown: ProductStatus = serde_json::from_value(serde_json::json!("retired")).unwrap();
    assert_eq!(unknown, ProductStatus::Other("retired".to_owned()));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), serde_json::json!("retired"));
    assert_eq!(serde_json::to_value(ProductStatus::Archived).unwrap(), serde_json::json!("archived"));
}
