//! The `codegen` binary's commands, run as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen")).args(args).current_dir(root()).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn validate_accepts_the_samples() {
    for provider in ["konnect", "infra", "fusionauth"] {
        let path = format!("schema/providers/{provider}");
        let output = codegen(&["validate", &path]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert_eq!(text(&output.stdout), format!("{path}: ok (provider `{provider}`)\n"));
    }
}

#[test]
fn validate_fails_on_every_bad_fixture_with_a_position_and_a_hint() {
    let dir = root().join("tests/fixtures/bad");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    fixtures.sort();
    for fixture in fixtures {
        let shown = fixture.strip_prefix(root()).unwrap().to_string_lossy().into_owned();
        let output = codegen(&["validate", &shown]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{shown}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        let position = first.strip_prefix(&format!("{shown}:")).unwrap_or_else(|| panic!("{shown}: {first}"));
        let mut parts = position.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "line in {first}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "column in {first}");
        assert!(stderr.contains("\n  hint: "), "{shown}: {stderr}");
    }
}

#[test]
fn json_schema_prints_a_draft_2020_12_schema() {
    let output = codegen(&["json-schema"]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["$defs"]["attribute"]["properties"]["requires_replacement"].is_object());
}

#[test]
fn check_is_clean_on_the_committed_tree() {
    let output = codegen(&["check"]);
    assert!(output.status.success(), "{}{}", text(&output.stdout), text(&output.stderr));
}

#[test]
fn generate_writes_nothing_when_a_schema_is_bad() {
    let work = tempfile::tempdir().unwrap();
    let schemas = work.path().join("schemas/demo");
    std::fs::create_dir_all(&schemas).unwrap();
    std::fs::copy(root().join("tests/fixtures/bad/many_errors.yaml"), schemas.join("provider.yaml")).unwrap();
    let out = work.path().join("out");
    let docs = work.path().join("docs");
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["generate", "--schema"])
        .arg(work.path().join("schemas"))
        .arg("--out")
        .arg(&out)
        .arg("--docs")
        .arg(&docs)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("6 errors"), "{}", text(&output.stderr));
    assert!(!out.exists() && !docs.exists());
}

#[test]
fn an_unknown_provider_is_named() {
    let output = codegen(&["generate", "--provider", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stderr), "no provider `nope`; the schema folder has: fusionauth, infra, konnect\n");
}

/// Runs `codegen docs` in a fresh provider folder holding `schema.json` and an existing `docs/index.md`.
fn docs_run(schema: &str) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("schema.json"), schema).unwrap();
    std::fs::create_dir_all(dir.path().join("docs/resources")).unwrap();
    std::fs::write(dir.path().join("docs/index.md"), "old").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["docs", "--provider-name=terraform-provider-x", "-providers-schema", "schema.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    (output, dir)
}

#[test]
fn docs_rejects_bad_provider_schemas_with_one_error_and_writes_nothing() {
    let group = r#"{"format_version": "1.0", "provider_schemas": {"x": {"provider": {"block": {}},
        "resource_schemas": {"x_a": {"block": {"block_types": {"g": {"nesting_mode": "group", "block": {}}}}}}}}}"#;
    let cases = [
        ("{\"format_version\": \"1.0\",", "malformed providers schema JSON"),
        ("{\"format_version\": \"3.1\", \"provider_schemas\": {}}", "unsupported format_version \"3.1\""),
        (
            "{\"format_version\": \"1.0\", \"provider_schemas\": {\"registry.terraform.io/hashicorp/y\": {}}}",
            "unable to find schema in JSON for provider \"x\"",
        ),
        (group, "unexpected nesting mode for block \"g\": group"),
    ];
    for (schema, expected) in cases {
        let (output, dir) = docs_run(schema);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.starts_with("Error executing command: ") && stderr.contains(expected), "{stderr}");
        assert_eq!(stderr.matches("hint:").count(), 1, "one error: {stderr}");
        assert_eq!(std::fs::read_to_string(dir.path().join("docs/index.md")).unwrap(), "old");
        assert!(dir.path().join("docs/resources").is_dir());
    }
}

#[test]
fn docs_survives_an_empty_link_destination() {
    let schema = r#"{"format_version": "1.0", "provider_schemas": {"x": {"provider": {"block": {}},
        "resource_schemas": {"x_a": {"block": {"description": "See [x]() here.", "attributes": {"n": {"type": "string", "optional": true}}}}}}}}"#;
    let (output, dir) = docs_run(schema);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = std::fs::read_to_string(dir.path().join("docs/resources/a.md")).unwrap();
    assert!(page.contains("description: |-\n  See x here.\n"), "{page}");
}

#[test]
fn diff_reports_nothing_for_a_provider_against_itself_and_fails_on_a_breaking_change() {
    for provider in ["konnect", "infra", "fusionauth"] {
        let path = format!("schema/providers/{provider}");
        let output = codegen(&["diff", &path, &path]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert_eq!(text(&output.stdout), "", "{provider}");
    }
    let newer = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(root().join("schema/providers/fusionauth/provider.yaml")).unwrap();
    // The first optional attribute of the resources becomes required.
    let (head, resources) = yaml.split_once("\nresources:").unwrap();
    let required = format!("{head}\nresources:{}", resources.replacen("optional: true", "required: true", 1));
    std::fs::write(newer.path().join("provider.yaml"), required).unwrap();
    let output = codegen(&["diff", "schema/providers/fusionauth", &newer.path().to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("breaking    "), "{}", text(&output.stdout));
    assert!(text(&output.stdout).contains("is now required"), "{}", text(&output.stdout));
    let output = codegen(&["diff", "no-such-revision:schema/providers/fusionauth", "schema/providers/fusionauth"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with("no-such-revision:schema/providers/fusionauth: "),
        "{}",
        text(&output.stderr)
    );
}
