//! Rust client generation: the time to generate the client crate of the synthetic 1,000-resource provider,
//! and `cargo build` times of a generated 200-resource crate, clean and after one resource changes.
//!
//! Run: `cargo bench -p codegen --bench client` (the build part compiles the crate's dependencies once into
//! `target/bench-client`, which later runs reuse).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

mod synthetic;

/// Writes the provider folder and loads it.
fn provider(dir: &Path, resources: usize) -> schema::Provider {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("provider.yaml"), synthetic::synthetic_yaml(resources)).unwrap();
    schema::load_provider(dir).unwrap_or_else(|errors| panic!("{errors}")).provider
}

fn main() {
    let work = tempfile::tempdir().unwrap();

    let large = provider(&work.path().join("large"), 1_000);
    let mut timings = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let files = codegen::client::provider_crate(&large).unwrap();
        timings.push(start.elapsed().as_secs_f64());
        assert_eq!(files.len(), 1_000 + 4);
    }
    timings.sort_by(f64::total_cmp);
    println!("client code for 1,000 resources: median {:.3} s, best {:.3} s (5 runs)", timings[2], timings[0]);

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    let target = root.join("target/bench-client");
    let crate_dir = work.path().join("workspace/synth");
    let medium = provider(&work.path().join("medium"), 200);
    write_workspace(&root, &work.path().join("workspace"), &crate_dir, &medium);
    cargo(&crate_dir, &target, &["build", "--quiet"]);
    cargo(&crate_dir, &target, &["clean", "--quiet", "-p", "synth"]);
    let clean = cargo(&crate_dir, &target, &["build", "--quiet"]);
    let mut changed = medium.clone();
    if let Some(resource) = changed.resources.values_mut().next() {
        resource.description.push_str(" Changed.");
    }
    write_crate(&crate_dir, &changed);
    let incremental = cargo(&crate_dir, &target, &["build", "--quiet"]);
    println!(
        "cargo build of a 200-resource client crate (dependencies built): clean {clean:.1} s, after changing one resource {incremental:.1} s"
    );
}

/// A workspace holding only the generated crate, with the project's crates as path dependencies.
fn write_workspace(root: &Path, dir: &Path, crate_dir: &Path, provider: &schema::Provider) {
    let path = |name: &str| root.join(name).display().to_string();
    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [\"synth\"]\n\n[workspace.package]\nedition = \"2024\"\nrust-version = \"1.85\"\nlicense = \"MIT\"\npublish = false\n\n[workspace.dependencies]\nmacros = {{ path = \"{}\" }}\nruntime = {{ path = \"{}\" }}\nschema = {{ path = \"{}\" }}\nserde = {{ version = \"1.0\", features = [\"derive\"] }}\nserde_json = \"1.0\"\n",
        path("macros"),
        path("runtime"),
        path("schema")
    );
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    write_crate(crate_dir, provider);
}

fn write_crate(crate_dir: &Path, provider: &schema::Provider) {
    for (path, contents) in codegen::client::provider_crate(provider).unwrap() {
        let file: PathBuf = crate_dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        if std::fs::read_to_string(&file).ok().as_deref() != Some(contents.as_str()) {
            std::fs::write(&file, contents).unwrap();
        }
    }
}

/// Runs cargo in `dir` and returns the seconds it took.
fn cargo(dir: &Path, target: &Path, args: &[&str]) -> f64 {
    let start = Instant::now();
    let status =
        Command::new(env!("CARGO")).args(args).current_dir(dir).env("CARGO_TARGET_DIR", target).status().unwrap();
    assert!(status.success(), "cargo {args:?} failed");
    start.elapsed().as_secs_f64()
}
