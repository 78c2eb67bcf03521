//! Operations the API finishes later (`tests/fixtures/good/jobs`: a create and an update that answer 202
//! while the cluster's `status` is still `provisioning`, a delete that answers 202 before the cluster
//! goes), under the real terraform: the provider reads until the status is ready, or the cluster gone;
//! a failed status stops the apply with the cluster kept in state, tainted, and the next apply replaces
//! it; a status that never becomes ready fails at the resource's create timeout, the cluster kept too.

use std::path::{Path, PathBuf};

use fake_api::{Faults, Served, WaitEnd};
use tests::terraform::{assert_clean_plan, configure, run, run_with_code, serve_model, terraform_or_skip};

const TOKEN: &str = "jobs-token";

/// The jobs fixture's model and its provider binary, built once.
fn provider() -> (schema::Provider, PathBuf) {
    let loaded = schema::load_provider(&tests::workspace_root().join("tests/fixtures/good/jobs")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&loaded.provider]).unwrap();
    (loaded.provider, binaries[0].clone())
}

/// The provider block for the fake API, then a `main` resource of `type_name` with `body`.
fn configuration(served: &Served, type_name: &str, body: &str) -> String {
    format!(
        "provider \"jobs\" {{\n  server_url = \"{}\"\n  token      = \"{TOKEN}\"\n}}\n\nresource \"{type_name}\" \"main\" {{\n{body}}}\n",
        served.api.url
    )
}

fn cluster(served: &Served, nodes: u32, create_timeout: Option<&str>) -> String {
    let timeouts = create_timeout.map(|limit| format!("  timeouts {{\n    create = \"{limit}\"\n  }}\n"));
    let body = format!("  name  = \"main\"\n  nodes = {nodes}\n{}", timeouts.unwrap_or_default());
    configuration(served, "jobs_cluster", &body)
}

fn flat(output: &str) -> String {
    output.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn status(terraform: &Path, work: &Path) -> String {
    let shown = run(terraform, work, &["state", "show", "-no-color", "jobs_cluster.main"]);
    shown.lines().find(|line| line.trim_start().starts_with("status")).unwrap_or_default().trim().to_owned()
}

#[test]
fn creates_updates_and_deletes_the_api_finishes_later_are_waited_for() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (model, binary) = provider();
    let served = serve_model(model, TOKEN, Faults::default());
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(&binary, "jobs", work, &cluster(&served, 3, None));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    // The create answered "provisioning"; the state holds what the reads found once it was done.
    assert_eq!(status(&terraform, work), "status = \"running\"");
    assert_clean_plan(&terraform, work, "after the create");
    configure(&binary, "jobs", work, &cluster(&served, 5, None));
    let applied = run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("1 changed"), "{applied}");
    assert_eq!(status(&terraform, work), "status = \"running\"");
    assert_clean_plan(&terraform, work, "after the update");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(served.api.object_count(), 0, "destroy returned before the cluster was gone");
}

#[test]
fn a_create_the_api_says_failed_is_kept_tainted_and_replaced_by_the_next_apply() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (model, binary) = provider();
    let served = serve_model(model, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(&binary, "jobs", work, &cluster(&served, 3, None));
    api.end_waits("jobs_cluster", WaitEnd::Failed);
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(flat(&output).contains("the API says the create failed: `status` is \"failed\""), "{output}");
    assert_eq!(api.objects("jobs_cluster").len(), 1);
    let listed = run(&terraform, work, &["state", "list"]);
    assert_eq!(listed.trim(), "jobs_cluster.main", "the cluster the API made is in state: {listed}");
    api.end_waits("jobs_cluster", WaitEnd::Ready);
    let applied = run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("1 added, 0 changed, 1 destroyed"), "the tainted cluster is replaced:\n{applied}");
    assert_eq!(api.objects("jobs_cluster").len(), 1, "no cluster is left behind");
    assert_eq!(status(&terraform, work), "status = \"running\"");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(api.object_count(), 0);
}

#[test]
fn a_create_that_never_finishes_fails_at_its_timeout_and_keeps_the_object() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (model, binary) = provider();
    let served = serve_model(model, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(&binary, "jobs", work, &cluster(&served, 3, Some("2s")));
    api.end_waits("jobs_cluster", WaitEnd::Never);
    let started = std::time::Instant::now();
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        flat(&output).contains("the create did not finish within 2s (set a longer `create` in the resource's `timeouts` block if the API needs more time): `status` is still \"provisioning\""),
        "{output}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "the wait outlived its timeout");
    let listed = run(&terraform, work, &["state", "list"]);
    assert_eq!(listed.trim(), "jobs_cluster.main", "{listed}");
    assert_eq!(api.objects("jobs_cluster").len(), 1);
}

fn backup(served: &Served, label: &str) -> String {
    configuration(served, "jobs_backup", &format!("  cluster_id = \"c1\"\n  label      = \"{label}\"\n"))
}

/// A backup's create and delete answer 202 with the operation in the `Location` header, its update with
/// the operation in a field of the answer: each is read until it is done; a failed one stops the apply.
#[test]
fn writes_that_name_an_operation_are_followed_until_it_is_done() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (model, binary) = provider();
    let served = serve_model(model, TOKEN, Faults::default());
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(&binary, "jobs", work, &backup(&served, "first"));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert_eq!(api.operations_followed(), (1, 1), "the create's operation was read until it was done");
    assert_clean_plan(&terraform, work, "after the create");
    configure(&binary, "jobs", work, &backup(&served, "second"));
    let applied = run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert!(applied.contains("1 changed"), "{applied}");
    assert_eq!(api.operations_followed(), (2, 2), "the update's operation, named in its answer, was followed");
    assert_clean_plan(&terraform, work, "after the update");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(api.operations_followed(), (3, 3), "destroy returned before the delete's operation was done");
    api.end_waits("jobs_backup", WaitEnd::Failed);
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(flat(&output).contains("the API says the create failed: the operation's `state` is \"error\""), "{output}");
    let listed = run(&terraform, work, &["state", "list"]);
    assert_eq!(listed.trim(), "jobs_backup.main", "the backup the API made is kept, tainted: {listed}");
}
