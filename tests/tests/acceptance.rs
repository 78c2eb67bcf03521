//! The generated acceptance tests (`codegen::acceptance`) over every provider of the repository: the
//! samples and the test fixtures, each resource through its whole life and each data source reading what
//! a resource created. A provider that breaks a rule fails the step that shows it; the generated example
//! configurations are what `terraform fmt` writes and `terraform validate` accepts.

use std::path::{Path, PathBuf};

use codegen::acceptance::{Outcome, Report, Runner, Step};
use tests::terraform::terraform_or_skip;

/// Every provider folder of the repository: the samples and the fixtures.
fn providers() -> Vec<schema::LoadedProvider> {
    let root = tests::workspace_root();
    let mut dirs = tests::sample_provider_dirs();
    for fixture in ["hostile", "jobs", "keywords", "shop"] {
        dirs.push(root.join("tests/fixtures/good").join(fixture));
    }
    dirs.iter().map(|dir| schema::load_provider(dir).unwrap()).collect()
}

/// A runner with this crate's builds of the fake API and the provider binaries (the hostile fixture's is
/// built by the runner in its scratch workspace).
fn runner(work: &Path) -> Runner {
    let mut runner = Runner::new(tests::workspace_root());
    runner.fake_api_binary(env!("CARGO_BIN_EXE_e2e-fake-api")).work_dir(work).jobs(2);
    for (name, binary) in [
        ("konnect", env!("CARGO_BIN_EXE_e2e-terraform-provider-konnect")),
        ("infra", env!("CARGO_BIN_EXE_e2e-terraform-provider-infra")),
        ("fusionauth", env!("CARGO_BIN_EXE_e2e-terraform-provider-fusionauth")),
        ("keywords", env!("CARGO_BIN_EXE_e2e-terraform-provider-keywords")),
        ("shop", env!("CARGO_BIN_EXE_e2e-terraform-provider-shop")),
    ] {
        runner.provider_binary(name, binary);
    }
    runner
}

fn outcome<'r>(report: &'r Report, label: &str, step: Step) -> &'r Outcome {
    let subject = report.subjects.iter().find(|subject| subject.label() == label).unwrap();
    &subject.steps.iter().find(|result| result.step == step).unwrap().outcome
}

#[test]
fn every_resource_data_source_and_ephemeral_resource_of_every_provider_lives_its_whole_life() {
    let Some(terraform) = terraform_or_skip() else { return };
    let work = tempfile::tempdir().unwrap();
    let mut runner = runner(work.path());
    runner.terraform(terraform);
    for provider in providers() {
        runner.provider(provider);
    }
    let report = runner.run(&|line| println!("{line}")).unwrap();
    println!("{}", report.table());
    assert!(report.passed(), "{:#?}", report.failures());
    // 13 resources, 2 data sources and 2 ephemeral resources; each resource's steps ran, and only what
    // cannot apply was left out (konnect has no write-only argument to use its token in).
    assert_eq!(report.subjects.len(), 17, "{}", report.table());
    for subject in &report.subjects {
        for result in &subject.steps {
            let not_applicable = matches!(result.outcome, Outcome::NotApplicable { .. });
            let allowed =
                matches!(result.step, Step::Update | Step::UpdatePlan | Step::Remove | Step::Replace | Step::Use);
            assert!(result.outcome == Outcome::Pass || (not_applicable && allowed), "{}: {result:?}", subject.label());
        }
    }
    // The resources with attributes that change in place were updated; those that force replacement, replaced.
    for label in [
        "fusionauth_api_key",
        "shop_store",
        "shop_product",
        "shop_customer",
        "shop_webhook",
        "hostile_thing",
        "jobs_cluster",
    ] {
        assert_eq!(outcome(&report, label, Step::Update), &Outcome::Pass, "{label}");
    }
    for label in [
        "konnect_integration_instance_auth_credential",
        "infra_access_key",
        "shop_discount",
        "keywords_self",
        "jobs_cluster",
    ] {
        assert_eq!(outcome(&report, label, Step::Replace), &Outcome::Pass, "{label}");
    }
    assert_eq!(outcome(&report, "data.shop_store", Step::Read), &Outcome::Pass);
    // The token opened, reached the webhook's write-only `secret`, stayed out of state and plan, and closed.
    for step in [Step::Open, Step::Use] {
        assert_eq!(outcome(&report, "ephemeral.shop_access_token", step), &Outcome::Pass, "{step:?}");
    }
    // What the configurations set optionally was taken out again, and the plans converged (hostile_thing:
    // a tagged one-of variant whose fields the API holds beside the tag).
    for label in ["fusionauth_api_key", "shop_store", "shop_product", "shop_customer", "shop_webhook", "hostile_thing"]
    {
        assert_eq!(outcome(&report, label, Step::Remove), &Outcome::Pass, "{label}");
    }
}

#[test]
fn a_provider_that_breaks_a_rule_fails_the_step_that_shows_it() {
    let Some(terraform) = terraform_or_skip() else { return };
    // The fake API of this copy of the storefront rewrites a store's configured `region` on every update
    // (an API that does not keep what it is sent); the provider's model says it keeps it, so the plan after
    // the update is not empty.
    let shop = tests::workspace_root().join("tests/fixtures/good/shop/provider.yaml");
    let yaml = std::fs::read_to_string(shop).unwrap();
    let changed = yaml.replace(
        "region: {type: string, optional: true, computed: true, requires_replacement: true}",
        "region: {type: string, optional: true, computed: true, requires_replacement: true, changes_on_update: true}",
    );
    assert_ne!(changed, yaml);
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("provider.yaml"), changed).unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut runner = runner(work.path());
    runner.terraform(terraform).provider(schema::load_provider(folder.path()).unwrap()).resource("shop_store");
    let report = runner.run(&|line| println!("{line}")).unwrap();
    assert!(!report.passed());
    assert_eq!(outcome(&report, "shop_store", Step::Update), &Outcome::Pass);
    let Outcome::Fail { reason, log } = outcome(&report, "shop_store", Step::UpdatePlan) else {
        panic!("{}", report.table());
    };
    assert_eq!(reason, "the plan is not empty");
    let log = std::fs::read_to_string(log.as_ref().unwrap()).unwrap();
    assert!(log.contains("terraform plan -detailed-exitcode") && log.contains("must be replaced"), "{log}");
    assert_eq!(outcome(&report, "shop_store", Step::Replace), &Outcome::Skipped);
    assert_eq!(outcome(&report, "shop_store", Step::Destroy), &Outcome::Pass, "clean-up runs after a failure");
    let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
    assert_eq!(json["subjects"][0]["steps"][4]["step"], "update-plan");
    assert_eq!(json["subjects"][0]["steps"][4]["outcome"], "fail");
    assert_eq!(json["subjects"][0]["steps"][5]["step"], "remove");
}

/// The remove step catches a provider whose merge-patch update leaves removed keys out of the map it sends
/// (the API keeps them, so the plan never converges): in this copy of the storefront, the store's PATCH
/// says `unset: omit`, and the runner builds the provider from it.
#[test]
fn the_remove_step_fails_a_provider_that_sends_maps_without_removed_keys() {
    let Some(terraform) = terraform_or_skip() else { return };
    let shop = tests::workspace_root().join("tests/fixtures/good/shop/provider.yaml");
    let yaml = std::fs::read_to_string(shop).unwrap();
    let changed = yaml.replacen("name: shop\n", "name: omitting\n", 1).replace(
        "update: {method: PATCH, path: \"/stores/{id}\", idempotency_key: Idempotency-Key}",
        "update: {method: PATCH, path: \"/stores/{id}\", idempotency_key: Idempotency-Key, unset: omit}",
    );
    assert_eq!(changed.matches("unset: omit").count(), 1);
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("provider.yaml"), changed).unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut runner = runner(work.path());
    runner.terraform(terraform).provider(schema::load_provider(folder.path()).unwrap()).resource("omitting_store");
    let report = runner.run(&|line| println!("{line}")).unwrap();
    assert_eq!(outcome(&report, "omitting_store", Step::UpdatePlan), &Outcome::Pass, "{}", report.table());
    let Outcome::Fail { reason, log } = outcome(&report, "omitting_store", Step::Remove) else {
        panic!("{}", report.table());
    };
    assert_eq!(reason, "the plan is not empty");
    let log = std::fs::read_to_string(log.as_ref().unwrap()).unwrap();
    let returned = log.lines().any(|line| line.contains("\"other\"") && line.trim_end().ends_with("-> null"));
    assert!(returned, "the removed key is still there, and the plan takes it out again:\n{log}");
}

#[test]
fn generated_examples_are_formatted_and_valid() {
    let Some(terraform) = terraform_or_skip() else { return };
    let mut checked = 0;
    for loaded in providers() {
        let provider = &loaded.provider;
        let binary = PathBuf::from(match provider.name.as_str() {
            "konnect" => env!("CARGO_BIN_EXE_e2e-terraform-provider-konnect"),
            "infra" => env!("CARGO_BIN_EXE_e2e-terraform-provider-infra"),
            "fusionauth" => env!("CARGO_BIN_EXE_e2e-terraform-provider-fusionauth"),
            "keywords" => env!("CARGO_BIN_EXE_e2e-terraform-provider-keywords"),
            "shop" => env!("CARGO_BIN_EXE_e2e-terraform-provider-shop"),
            // The hostile fixture has no binary here; the acceptance test validates its examples.
            _ => continue,
        });
        let examples = codegen::examples::Examples::new(provider);
        let mut files: Vec<(String, String)> = Vec::new();
        for type_name in provider.resources.keys() {
            files.push((type_name.clone(), examples.resource(type_name).unwrap().file()));
        }
        for type_name in provider.data_sources.keys() {
            let block = examples.data_source(type_name).unwrap();
            files.push((format!("data.{type_name}"), codegen::examples::hcl::file(&[block])));
        }
        for type_name in provider.ephemeral_resources.keys() {
            let block = examples.ephemeral_resource(type_name).unwrap();
            files.push((format!("ephemeral.{type_name}"), codegen::examples::hcl::file(&[block])));
        }
        // Queries (`.tfquery.hcl`) are read by terraform 1.14's `terraform query`; 1.11 formats them.
        for type_name in schema::listing::list_resources(provider).keys() {
            let query = codegen::examples::hcl::file(&[examples.list_resource(type_name).unwrap()]);
            let work = tempfile::tempdir().unwrap();
            std::fs::write(work.path().join("query.tf"), &query).unwrap();
            let (code, output) =
                tests::terraform::run_with_code(&terraform, work.path(), &["fmt", "-check", "-diff", "query.tf"], &[]);
            assert_eq!(code, Some(0), "list.{type_name}: terraform fmt would change the query:\n{output}");
            checked += 1;
        }
        for (name, file) in files {
            let work = tempfile::tempdir().unwrap();
            tests::terraform::configure(&binary, &provider.name, work.path(), &file);
            std::fs::write(work.path().join("example.tf"), &file).unwrap();
            let (code, output) = tests::terraform::run_with_code(
                &terraform,
                work.path(),
                &["fmt", "-check", "-diff", "example.tf"],
                &[],
            );
            assert_eq!(code, Some(0), "{name}: terraform fmt would change the example:\n{output}");
            std::fs::remove_file(work.path().join("example.tf")).unwrap();
            let (code, output) =
                tests::terraform::run_with_code(&terraform, work.path(), &["validate", "-no-color"], &[]);
            assert_eq!(code, Some(0), "{name}: terraform validate refused the example:\n{file}\n{output}");
            checked += 1;
        }
    }
    // 12 resources and data sources, 2 ephemeral resources (konnect's, shop's), 2 list resources (shop's).
    assert_eq!(checked, 16, "every example of the providers with a binary here");
}
