//! Driving the real `terraform` CLI: finding it, configuring a development build of a provider, running
//! commands, and serving a fake API beside it.

use std::path::{Path, PathBuf};
use std::process::Command;

use fake_api::{Faults, Served};

/// The `terraform` binary: `TF_BIN`, or the one on PATH.
pub fn terraform() -> Option<PathBuf> {
    codegen::acceptance::terraform::find()
}

/// [`terraform`], or `None` after printing the loud SKIP line a test that needs it leaves behind.
pub fn terraform_or_skip() -> Option<PathBuf> {
    let found = terraform();
    if found.is_none() {
        println!("SKIP: no terraform on PATH and no TF_BIN; the provider end-to-end tests did not run");
    }
    found
}

/// Writes a Terraform configuration using `binary` as the development build of `provider` (no registry, no
/// `terraform init`), plus `resources` (HCL).
pub fn configure(binary: &Path, provider: &str, work: &Path, resources: &str) {
    // Terraform looks for `terraform-provider-<name>` in the override folder; a link to the build will do,
    // made once per folder.
    let plugins = work.join("plugins");
    std::fs::create_dir_all(&plugins).unwrap();
    let plugin = plugins.join(format!("terraform-provider-{provider}"));
    if plugin.symlink_metadata().is_err() {
        std::os::unix::fs::symlink(binary, &plugin).unwrap();
    }
    std::fs::write(work.join("cli.tfrc"), codegen::acceptance::terraform::cli_config(provider, &plugins)).unwrap();
    let requirement = codegen::acceptance::terraform::requirement(provider);
    std::fs::write(work.join("main.tf"), format!("{requirement}{resources}")).unwrap();
}

/// Runs terraform in `work`, offline; panics with its output if it fails.
pub fn run(terraform: &Path, work: &Path, args: &[&str]) -> String {
    let (code, stdout) = run_with_code(terraform, work, args, &[]);
    assert_eq!(code, Some(0), "terraform {args:?} failed:\n{stdout}");
    stdout
}

/// Runs terraform in `work`, offline, with `env` set: its exit code, and its stdout followed by its stderr.
pub fn run_with_code(terraform: &Path, work: &Path, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let output = Command::new(terraform)
        .args(args)
        .current_dir(work)
        .env("TF_CLI_CONFIG_FILE", work.join("cli.tfrc"))
        .env("CHECKPOINT_DISABLE", "1")
        .env("TF_IN_AUTOMATION", "1")
        .env_remove("TF_LOG")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    (output.status.code(), format!("{stdout}{stderr}"))
}

/// Runs terraform with `TF_LOG=trace`: its exit code, and everything it printed and logged.
pub fn run_logged(terraform: &Path, work: &Path, args: &[&str]) -> (Option<i32>, String) {
    run_with_code(terraform, work, args, &[("TF_LOG", "trace")])
}

/// Asserts that `terraform plan` finds nothing to do.
pub fn assert_clean_plan(terraform: &Path, work: &Path, when: &str) {
    let (code, plan) = run_with_code(terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
    assert_eq!(code, Some(0), "the plan {when} should be empty:\n{plan}");
    assert!(plan.contains("No changes."), "{plan}");
}

/// Starts the fake API of the sample provider `provider` on a free port of 127.0.0.1, accepting `token`.
pub fn serve_sample(provider: &str, token: &str, faults: Faults) -> Served {
    let dir = crate::workspace_root().join("schema/providers").join(provider);
    serve_model(schema::load_provider(&dir).unwrap().provider, token, faults)
}

/// Starts the fake API of `model` on a free port of 127.0.0.1, accepting `token`.
pub fn serve_model(model: schema::Provider, token: &str, faults: Faults) -> Served {
    Served::start(model, "127.0.0.1:0".parse().unwrap(), Some(token.to_owned()), faults).unwrap()
}

/// The pages tfplugindocs' rules make from the providers schema in `schema_file` for the provider folder
/// `fixture` (the drop-in, `codegen docs`), and the pages the YAML path writes for it, both with the example
/// files the YAML path shows: the folder the former went to (below `work`), and the latter.
pub fn pages_both_ways(fixture: &Path, schema_file: &Path, work: &Path) -> (PathBuf, Vec<(PathBuf, String)>) {
    let provider_dir = work.join("provider");
    crate::copy_dir(fixture, &provider_dir);
    let loaded = schema::load_provider(&provider_dir).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    for (path, text) in &examples {
        std::fs::create_dir_all(provider_dir.join(path).parent().unwrap()).unwrap();
        std::fs::write(provider_dir.join(path), text).unwrap();
    }
    let out = work.join("out");
    let options = codegen::docs::tfplugindocs::Options {
        provider_dir,
        provider_name: Some(format!("terraform-provider-{}", loaded.provider.name)),
        providers_schema: Some(schema_file.to_owned()),
        rendered_website_dir: out.clone(),
        ..codegen::docs::tfplugindocs::Options::default()
    };
    codegen::docs::tfplugindocs::generate(&options, &mut std::io::sink(), &mut std::io::sink()).unwrap();
    let pages = codegen::docs::provider_docs(&loaded, &crate::workspace_root().join("templates"), &examples).unwrap();
    (out, pages)
}
