//! A provider's schema changes shape between releases: the state its earlier release wrote is upgraded
//! by the steps the schema declares (`version`, `upgrades`), under the real terraform, with no state
//! edited by hand and no change planned.

use fake_api::Faults;
use tests::terraform::{configure, run, run_with_code, serve_model, terraform_or_skip};

const TOKEN: &str = "evolve-token";

/// Release 1: a server with its size, its port as a number, and a field that later goes.
const V1: &str = r#"
name: evolve
auth: {type: bearer, attribute: token}
config:
  server_url: {type: string, optional: true}
  token: {type: string, optional: true, sensitive: true}
resources:
  server:
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true}
      size: {type: int64, optional: true}
      port: {type: int64, optional: true}
      legacy: {type: string, optional: true}
    operations:
      create: {method: POST, path: /servers}
      read: {method: GET, path: "/servers/{id}"}
      update: {method: PATCH, path: "/servers/{id}"}
      delete: {method: DELETE, path: "/servers/{id}"}
"#;

/// Release 2: the size moved into `spec` as `capacity`, the port is text, `legacy` is gone; version 1
/// says how state of version 0 becomes this shape.
const V2: &str = r#"
name: evolve
auth: {type: bearer, attribute: token}
config:
  server_url: {type: string, optional: true}
  token: {type: string, optional: true, sensitive: true}
resources:
  server:
    version: 1
    upgrades:
      - from: 0
        moves:
          - {rename: size, to: spec.capacity}
          - {convert: port, to: string}
          - {drop: legacy}
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true}
      port: {type: string, optional: true}
      spec:
        type: object
        optional: true
        attributes:
          capacity: {type: int64, optional: true, api_name: size}
    operations:
      create: {method: POST, path: /servers}
      read: {method: GET, path: "/servers/{id}"}
      update: {method: PATCH, path: "/servers/{id}"}
      delete: {method: DELETE, path: "/servers/{id}"}
"#;

/// The model of `yaml` and its provider binary, copied to `keep` (the next build of a provider of the
/// same name writes the same path).
fn build(yaml: &str, keep: &std::path::Path) -> (schema::Provider, std::path::PathBuf) {
    let provider = schema::load_yaml_str(yaml, std::path::Path::new("provider.yaml")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&provider]).unwrap();
    let kept = keep.join("terraform-provider-evolve");
    std::fs::copy(&binaries[0], &kept).unwrap();
    (provider, kept)
}

fn provider_block(url: &str) -> String {
    format!("provider \"evolve\" {{\n  server_url = \"{url}\"\n  token      = \"{TOKEN}\"\n}}\n\n")
}

#[test]
fn state_written_by_the_earlier_release_is_upgraded_with_no_change_planned() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (releases, later) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (v1, first) = build(V1, releases.path());
    let (_, second) = build(V2, later.path());
    let served = serve_model(v1, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let before = "resource \"evolve_server\" \"main\" {\n  name   = \"web\"\n  size   = 3\n  port   = 8080\n  legacy = \"old\"\n}\n";
    configure(&first, "evolve", work, &format!("{}{before}", provider_block(&api.url)));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    // The API changed with release 2: it nests the size and answers the port as text.
    api.edit("evolve_server", |fields| {
        let size = fields.remove("size").unwrap_or_default();
        fields.insert("spec".into(), serde_json::json!({"size": size}));
        let port = fields.get("port").map(ToString::to_string).unwrap_or_default();
        fields.insert("port".into(), serde_json::Value::String(port));
        fields.remove("legacy");
    });
    std::fs::remove_file(work.join("plugins/terraform-provider-evolve")).unwrap();
    let after = "resource \"evolve_server\" \"main\" {\n  name = \"web\"\n  port = \"8080\"\n  spec = {\n    capacity = 3\n  }\n}\n";
    configure(&second, "evolve", work, &format!("{}{after}", provider_block(&api.url)));
    let (code, plan) = run_with_code(&terraform, work, &["plan", "-no-color", "-detailed-exitcode"], &[]);
    assert_eq!(code, Some(0), "the upgraded state plans no change:\n{plan}");
    // Applying nothing stores the state in its new shape.
    let applied = run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("0 added, 0 changed, 0 destroyed"), "{applied}");
    let shown = run(&terraform, work, &["state", "show", "-no-color", "evolve_server.main"]);
    assert!(shown.contains("port = \"8080\""), "{shown}");
    assert!(shown.contains("capacity = 3"), "{shown}");
    assert!(!shown.contains("legacy") && !shown.contains("size"), "{shown}");
    let stored = std::fs::read_to_string(work.join("terraform.tfstate")).unwrap();
    assert!(stored.contains("\"schema_version\": 1"), "{stored}");
}
