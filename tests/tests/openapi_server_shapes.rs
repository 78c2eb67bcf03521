//! An API server of the shapes real ones have, which the fake API does not: its spec
//! (`tests/fixtures/openapi/pools/openapi.yaml`, no annotations) names objects by the caller's names
//! (`{pool_name}`, `{variable_key}`), its PATCH bodies require the identifier again, it answers a password
//! as `***`, and its create and update name one field differently (`isEncrypted`, `is_encrypted`). The
//! server below behaves that way (422 for a body without what it requires, or with the create's name of the
//! update's field); the imported provider goes through create, update, import and destroy under the real
//! terraform, every plan after them empty.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc;

use serde_json::{Value, json};
use tests::http_stub::{Received, Reply, Stub};
use tests::terraform::{assert_clean_plan, configure, run, run_with_code, terraform_or_skip};

/// What each collection requires in every body, and which of its fields names the object.
struct Kind {
    collection: &'static str,
    id: &'static str,
    required: &'static [&'static str],
}

const KINDS: [Kind; 3] = [
    Kind { collection: "pools", id: "name", required: &["name", "slots"] },
    Kind { collection: "connections", id: "connection_id", required: &["connection_id", "conn_type"] },
    Kind { collection: "variables", id: "key", required: &["key", "value"] },
];

/// The server's objects, by collection and name.
type Store = BTreeMap<(String, String), Value>;

fn unprocessable(detail: String) -> Reply {
    Reply::json(422, json!({"detail": detail}))
}

/// Answers one request as the API does.
fn answer(store: &mut Store, request: &Received) -> Reply {
    let path = request.target.split('?').next().unwrap_or_default();
    let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    let Some(kind) = KINDS.iter().find(|kind| segments.first() == Some(&kind.collection)) else {
        return Reply::empty(404);
    };
    let body: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
    let shown = |object: &Value| {
        let mut object = object.clone();
        // The API never shows a password: it answers a mask.
        if object.get("password").is_some_and(|password| !password.is_null()) {
            object["password"] = json!("***");
        }
        object
    };
    let checked = |body: &Value, update: bool| -> Result<(), String> {
        for field in kind.required {
            if body.get(field).is_none_or(Value::is_null) {
                return Err(format!("Field required: {field}"));
            }
        }
        // The update takes `is_encrypted`, the create `isEncrypted`: each refuses the other's.
        let wrong = if update { "isEncrypted" } else { "is_encrypted" };
        if body.get(wrong).is_some() {
            return Err(format!("Extra inputs are not permitted: {wrong}"));
        }
        Ok(())
    };
    match (request.method.as_str(), segments.get(1)) {
        ("POST", None) => {
            if let Err(detail) = checked(&body, false) {
                return unprocessable(detail);
            }
            let name = body[kind.id].as_str().unwrap_or_default().to_owned();
            let mut object = body.clone();
            if kind.collection == "pools" {
                object["occupied_slots"] = json!(0);
            }
            if kind.collection == "variables" && object.get("isEncrypted").is_none() {
                object["isEncrypted"] = json!(false);
            }
            store.insert((kind.collection.to_owned(), name), object.clone());
            Reply::json(201, shown(&object))
        }
        ("GET", Some(name)) => match store.get(&(kind.collection.to_owned(), (*name).to_owned())) {
            Some(object) => Reply::json(200, shown(object)),
            None => Reply::json(404, json!({"detail": "not found"})),
        },
        ("PATCH", Some(name)) => {
            if let Err(detail) = checked(&body, true) {
                return unprocessable(detail);
            }
            let Some(object) = store.get_mut(&(kind.collection.to_owned(), (*name).to_owned())) else {
                return Reply::json(404, json!({"detail": "not found"}));
            };
            for (field, value) in body.as_object().into_iter().flatten() {
                let field = if field == "is_encrypted" { "isEncrypted" } else { field.as_str() };
                object[field] = value.clone();
            }
            Reply::json(200, shown(object))
        }
        ("DELETE", Some(name)) => match store.remove(&(kind.collection.to_owned(), (*name).to_owned())) {
            Some(_) => Reply::empty(204),
            None => Reply::json(404, json!({"detail": "not found"})),
        },
        _ => Reply::empty(405),
    }
}

/// The server, on a thread of its own until the sender is dropped: its URL.
fn serve() -> (String, mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let (url_sender, url_receiver) = mpsc::channel();
    let (stop, stopped) = mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let mut store = Store::new();
            let stub = Stub::start(move |request| answer(&mut store, request)).await;
            url_sender.send(stub.url.clone()).unwrap();
            // Serve until the test is done with the server.
            while stopped.try_recv() == Err(mpsc::TryRecvError::Empty) {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            drop(stub);
        });
    });
    (url_receiver.recv().unwrap(), stop, thread)
}

fn config(url: &str, slots: u32, host: &str, password: &str, encrypted: bool) -> String {
    format!(
        r#"
provider "pools" {{
  server_url = "{url}/api/v1"
}}

resource "pools_pool" "default" {{
  name        = "default_pool"
  slots       = {slots}
  description = "for the nightly jobs"
}}

resource "pools_connection" "warehouse" {{
  connection_id = "warehouse"
  conn_type     = "postgres"
  host          = "{host}"
  password      = "{password}"
}}

resource "pools_variable" "region" {{
  key          = "region"
  value        = "eu-west-1"
  is_encrypted = {encrypted}
}}
"#
    )
}

#[test]
fn an_api_of_real_shapes_imports_and_lives_its_whole_life() {
    let spec = tests::workspace_root().join("tests/fixtures/openapi/pools/openapi.yaml");
    let options = openapi::Options { specs: vec![spec], overlays: Vec::new(), name: "pools".to_owned() };
    let imported = openapi::import(&options).unwrap();
    let pool = &imported.provider.resources["pools_pool"];
    let update = pool.operations.update.as_ref().unwrap();
    assert_eq!(update.path_params[0].attribute, "name", "{{pool_name}} is the pool's own name");
    assert!(update.body.as_ref().unwrap().contains(&"name".to_owned()), "the PATCH body requires the name");
    let connection = &imported.provider.resources["pools_connection"];
    assert!(connection.schema.attributes["password"].sensitive);
    let variable = &imported.provider.resources["pools_variable"];
    let names = &variable.operations.update.as_ref().unwrap().body_names;
    assert_eq!(names.get("is_encrypted").map(String::as_str), Some("is_encrypted"));
    assert!(!pool.schema.attributes.contains_key("pool_name"), "the name is not asked for twice");

    let Some(terraform) = terraform_or_skip() else { return };
    let folders = tempfile::tempdir().unwrap();
    let loaded = openapi::write_folder(&imported, &folders.path().join("pools")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&loaded.provider]).unwrap();
    let binary = &binaries[0];
    let (url, stop, server) = serve();

    let work = tempfile::tempdir().unwrap();
    configure(binary, "pools", work.path(), &config(&url, 2, "db.internal", "s3cret", false));
    run(&terraform, work.path(), &["apply", "-auto-approve", "-no-color"]);
    assert_clean_plan(&terraform, work.path(), "after the create");

    configure(binary, "pools", work.path(), &config(&url, 5, "db2.internal", "s3cret-2", true));
    let applied = run(&terraform, work.path(), &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("3 changed"), "every resource changes in place:\n{applied}");
    assert_clean_plan(&terraform, work.path(), "after the update");

    // Each object imported into a fresh state reads back as configured; a password, which the API never
    // shows, is the one thing an import cannot know.
    let fresh = tempfile::tempdir().unwrap();
    configure(binary, "pools", fresh.path(), &config(&url, 5, "db2.internal", "s3cret-2", true));
    for (address, id) in [
        ("pools_pool.default", "default_pool"),
        ("pools_connection.warehouse", "warehouse"),
        ("pools_variable.region", "region"),
    ] {
        run(&terraform, fresh.path(), &["import", "-no-color", address, id]);
    }
    let (code, plan) = run_with_code(&terraform, fresh.path(), &["plan", "-no-color", "-detailed-exitcode"], &[]);
    assert!(code == Some(0) || plan.contains("1 to change"), "{plan}");
    if code != Some(0) {
        assert!(plan.contains("pools_connection.warehouse will be updated") && plan.contains("password"), "{plan}");
    }
    let state = std::fs::read_to_string(fresh.path().join("terraform.tfstate")).unwrap();
    assert!(!state.contains("***"), "a masked answer never reaches state");

    run(&terraform, work.path(), &["destroy", "-auto-approve", "-no-color"]);
    assert_clean_destroyed(&terraform, work.path());
    drop(stop);
    server.join().unwrap();
}

fn assert_clean_destroyed(terraform: &Path, work: &Path) {
    let (code, plan) = run_with_code(terraform, work, &["plan", "-no-color", "-destroy", "-detailed-exitcode"], &[]);
    assert_eq!(code, Some(0), "nothing is left to destroy:\n{plan}");
}
