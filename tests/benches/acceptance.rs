//! The generated acceptance tests' wall time per resource: every resource and data source of the sample
//! providers and the storefront fixture through its whole life (`codegen::acceptance`), two at a time on
//! this 2-core machine. Run with `cargo bench -p tests --bench acceptance`; `BENCH_QUICK=1` runs one
//! resource once, so CI keeps the benchmark working.

use std::process::ExitCode;
use std::time::Duration;

use codegen::acceptance::Runner;

fn main() -> ExitCode {
    let Some(terraform) = codegen::acceptance::terraform::find() else {
        println!("SKIP: no terraform on PATH and no TF_BIN; nothing measured");
        return ExitCode::SUCCESS;
    };
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let root = tests::workspace_root();
    let mut dirs = tests::sample_provider_dirs();
    dirs.push(root.join("tests/fixtures/good/shop"));
    let runs = if quick { 1 } else { 5 };
    let mut per_subject = Vec::new();
    let mut lifecycles = Vec::new();
    let mut subjects = 0;
    for _ in 0..runs {
        let work = tempfile::tempdir().unwrap();
        let mut runner = Runner::new(&root);
        runner.terraform(&terraform).work_dir(work.path()).jobs(2);
        runner.fake_api_binary(env!("CARGO_BIN_EXE_e2e-fake-api"));
        runner.provider_binary("konnect", env!("CARGO_BIN_EXE_e2e-terraform-provider-konnect"));
        runner.provider_binary("infra", env!("CARGO_BIN_EXE_e2e-terraform-provider-infra"));
        runner.provider_binary("fusionauth", env!("CARGO_BIN_EXE_e2e-terraform-provider-fusionauth"));
        runner.provider_binary("shop", env!("CARGO_BIN_EXE_e2e-terraform-provider-shop"));
        for dir in &dirs {
            runner.provider(schema::load_provider(dir).unwrap());
        }
        if quick {
            runner.resource("shop_store");
        }
        let report = runner.run(&|_| {}).unwrap();
        assert!(report.passed(), "{}", report.table());
        subjects = report.subjects.len();
        per_subject.push(Duration::from_secs_f64(report.seconds / subjects as f64));
        lifecycles.extend(report.subjects.iter().map(|subject| Duration::from_secs_f64(subject.seconds)));
    }
    per_subject.sort();
    lifecycles.sort();
    let median = |values: &[Duration]| values[values.len() / 2];
    println!(
        "acceptance: {subjects} resources and data sources, 2 jobs, {runs} run(s): wall time per subject median {:.2} s (best {:.2} s); one subject's whole life median {:.2} s (slowest {:.2} s)",
        median(&per_subject).as_secs_f64(),
        per_subject[0].as_secs_f64(),
        median(&lifecycles).as_secs_f64(),
        lifecycles[lifecycles.len() - 1].as_secs_f64(),
    );
    ExitCode::SUCCESS
}
