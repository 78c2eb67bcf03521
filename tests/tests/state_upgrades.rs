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
/// same name writes the same path, so the tests build one at a time).
fn build(yaml: &str, keep: &std::path::Path) -> (schema::Provider, std::path::PathBuf) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
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

/// Release 1 of a provider with hosts.
const HOSTS: &str = r#"
name: evolve
auth: {type: bearer, attribute: token}
config:
  server_url: {type: string, optional: true}
  token: {type: string, optional: true, sensitive: true}
resources:
  host:
    attributes:
      id: {type: string, read_only: true}
      label: {type: string, required: true}
      cores: {type: int64, optional: true}
    operations:
      create: {method: POST, path: /hosts}
      read: {method: GET, path: "/hosts/{id}"}
      update: {method: PATCH, path: "/hosts/{id}"}
      delete: {method: DELETE, path: "/hosts/{id}"}
"#;

/// Release 2: hosts are called nodes, their label is their name; `evolve_host` is gone, and objects of
/// it move to `evolve_node` with a `moved` block.
const NODES: &str = r#"
name: evolve
auth: {type: bearer, attribute: token}
config:
  server_url: {type: string, optional: true}
  token: {type: string, optional: true, sensitive: true}
resources:
  node:
    moved_from:
      - type: evolve_host
        moves: [{rename: label, to: name}]
    attributes:
      id: {type: string, read_only: true}
      name: {type: string, required: true, api_name: label}
      cores: {type: int64, optional: true}
    operations:
      create: {method: POST, path: /hosts}
      read: {method: GET, path: "/hosts/{id}"}
      update: {method: PATCH, path: "/hosts/{id}"}
      delete: {method: DELETE, path: "/hosts/{id}"}
"#;

#[test]
fn objects_of_a_renamed_resource_move_with_a_moved_block_and_plan_no_change() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (releases, later) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (v1, first) = build(HOSTS, releases.path());
    let (_, second) = build(NODES, later.path());
    let served = serve_model(v1, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let before = "resource \"evolve_host\" \"main\" {\n  label = \"web\"\n  cores = 4\n}\n";
    configure(&first, "evolve", work, &format!("{}{before}", provider_block(&api.url)));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    let id = run(&terraform, work, &["state", "show", "-no-color", "evolve_host.main"]);
    std::fs::remove_file(work.join("plugins/terraform-provider-evolve")).unwrap();
    let after = "moved {\n  from = evolve_host.main\n  to   = evolve_node.main\n}\n\nresource \"evolve_node\" \"main\" {\n  name  = \"web\"\n  cores = 4\n}\n";
    configure(&second, "evolve", work, &format!("{}{after}", provider_block(&api.url)));
    let plan = run(&terraform, work, &["plan", "-no-color"]);
    assert!(plan.contains("evolve_host.main has moved to evolve_node.main"), "{plan}");
    assert!(
        plan.contains("0 to add, 0 to change, 0 to destroy"),
        "the moved object is neither replaced nor changed:\n{plan}"
    );
    let applied = run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("0 added, 0 changed, 0 destroyed"), "{applied}");
    let (code, again) = run_with_code(&terraform, work, &["plan", "-no-color", "-detailed-exitcode"], &[]);
    assert_eq!(code, Some(0), "once moved, nothing is planned:\n{again}");
    let shown = run(&terraform, work, &["state", "show", "-no-color", "evolve_node.main"]);
    assert!(shown.contains("name  = \"web\"") && shown.contains("cores = 4"), "{shown}");
    assert!(!shown.contains("label"), "{shown}");
    let id_line =
        |text: &str| text.lines().find(|line| line.trim_start().starts_with("id ")).map(str::trim).map(str::to_owned);
    assert_eq!(id_line(&shown), id_line(&id), "the same object, not a new one");
    assert_eq!(api.objects("evolve_host").len(), 1, "no object was created or destroyed");
}

/// An API's spec, release 1 or 2: in release 2 the port is text and the size sits in `spec`.
fn widget_spec(release: u8) -> String {
    let fields = match release {
        1 => r#""size": {"type": "integer"}, "port": {"type": "integer"}"#,
        _ => r#""port": {"type": "string"}, "spec": {"type": "object", "properties": {"size": {"type": "integer"}}}"#,
    };
    let widget = format!(
        r#"{{"type": "object", "required": ["name"], "properties": {{"id": {{"type": "string", "readOnly": true}}, "name": {{"type": "string"}}, {fields}}}}}"#
    );
    let one = r##"{"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}}}"##;
    let id = r#"[{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]"#;
    format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "Evolve", "version": "{release}"}},
  "paths": {{
    "/widgets": {{"post": {{"operationId": "createWidget", "requestBody": {one}, "responses": {{"201": {{"description": "made", {body}}}}}}}}},
    "/widgets/{{id}}": {{"parameters": {id},
      "get": {{"operationId": "getWidget", "responses": {{"200": {{"description": "it", {body}}}}}}},
      "patch": {{"operationId": "updateWidget", "requestBody": {one}, "responses": {{"200": {{"description": "it", {body}}}}}}},
      "delete": {{"operationId": "deleteWidget", "responses": {{"204": {{"description": "gone"}}}}}}}}
  }},
  "security": [{{"bearer": []}}],
  "components": {{"securitySchemes": {{"bearer": {{"type": "http", "scheme": "bearer"}}}}, "schemas": {{"Widget": {widget}}}}}}}"#,
        body = &one[1..one.len() - 1],
    )
}

/// The folder a spec is imported into, imported again from the next release: the provider keeps its
/// history, and state the first build wrote plans no change under the second.
#[test]
fn importing_a_changed_spec_again_writes_the_upgrade_its_state_needs() {
    let Some(terraform) = terraform_or_skip() else { return };
    let folder = tempfile::tempdir().unwrap();
    let import = |release: u8| {
        let spec = folder.path().join(format!("spec{release}.json"));
        std::fs::write(&spec, widget_spec(release)).unwrap();
        let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "evolve".into() };
        let imported = codegen::import::openapi(&options, &folder.path().join("provider")).unwrap();
        (std::fs::read_to_string(folder.path().join("provider/provider.yaml")).unwrap(), imported.report)
    };
    let (first_yaml, _) = import(1);
    let (second_yaml, report) = import(2);
    assert!(second_yaml.contains("version: 1"), "{second_yaml}");
    assert!(
        report.iter().any(|line| line.contains("goes from version 0 to 1")),
        "the report says why the version went up: {report:#?}"
    );
    let (releases, later) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (v1, first) = build(&first_yaml, releases.path());
    let (_, second) = build(&second_yaml, later.path());
    let served = serve_model(v1, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let before = "resource \"evolve_widget\" \"main\" {\n  name = \"w\"\n  size = 3\n  port = 8080\n}\n";
    configure(&first, "evolve", work, &format!("{}{before}", provider_block(&api.url)));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    api.edit("evolve_widget", |fields| {
        let size = fields.remove("size").unwrap_or_default();
        fields.insert("spec".into(), serde_json::json!({"size": size}));
        let port = fields.get("port").map(ToString::to_string).unwrap_or_default();
        fields.insert("port".into(), serde_json::Value::String(port));
    });
    std::fs::remove_file(work.join("plugins/terraform-provider-evolve")).unwrap();
    let after =
        "resource \"evolve_widget\" \"main\" {\n  name = \"w\"\n  port = \"8080\"\n  spec = {\n    size = 3\n  }\n}\n";
    configure(&second, "evolve", work, &format!("{}{after}", provider_block(&api.url)));
    let (code, plan) = run_with_code(&terraform, work, &["plan", "-no-color", "-detailed-exitcode"], &[]);
    assert_eq!(code, Some(0), "the state of release 1 plans no change under release 2:\n{plan}");
}
