//! Build speed of what the generator writes, for synthetic providers of 50 and 200 resources (10 to 40
//! attributes, objects nested three levels): the time to generate the crates and the lines of Rust they
//! hold, then `cargo build` (debug, dependencies built) of the provider binary and of the typed client,
//! clean and after one property changes, each with the peak memory of the build (the largest rustc).
//!
//! Run: `cargo bench -p codegen --bench client` (or `-- 50` for one size). The builds use
//! `target/bench-client`, whose dependencies later runs reuse. `-- quick` (or `BENCH_QUICK=1`, as CI runs every
//! bench) only generates and counts.

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
    let args: Vec<String> = std::env::args().skip(1).filter(|arg| arg != "--bench").collect();
    let quick = args.iter().any(|arg| arg == "quick") || std::env::var_os("BENCH_QUICK").is_some();
    let sizes: Vec<usize> = match args.iter().find_map(|arg| arg.parse().ok()) {
        Some(size) => vec![size],
        None => vec![50, 200],
    };
    let work = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    for size in sizes {
        let model = provider(&work.path().join(format!("synth{size}")), size);
        let start = Instant::now();
        let files = codegen::client::provider_crate(&model).unwrap();
        let generated = start.elapsed().as_secs_f64();
        let lines: usize = files
            .iter()
            .filter(|(path, _)| path.extension().is_some_and(|ext| ext == "rs"))
            .map(|(_, text)| text.lines().count())
            .sum();
        println!("{size} resources: generated in {generated:.2} s, {lines} lines of Rust in {} files", files.len());
        if quick {
            continue;
        }
        let workspace = work.path().join(format!("workspace{size}"));
        write_workspace(&root, &workspace, &model);
        let target = root.join("target/bench-client");
        // Dependencies first, so the figures are the generated crates' own.
        cargo(
            &workspace,
            &target,
            &["build", "--quiet", "-p", "runtime", "-p", "schema", "-p", "serde", "-p", "serde_json"],
        );
        for (what, package) in [("provider binary", "terraform-provider-synth"), ("typed client", "synth")] {
            cargo(&workspace, &target, &["clean", "--quiet", "-p", package]);
            let (clean, clean_rss) = cargo(&workspace, &target, &["build", "--quiet", "-p", package]);
            let changed = changed_property(&model);
            write_crate(&workspace.join("synth"), &changed);
            let (rebuild, rebuild_rss) = cargo(&workspace, &target, &["build", "--quiet", "-p", package]);
            write_crate(&workspace.join("synth"), &model);
            cargo(&workspace, &target, &["build", "--quiet", "-p", package]);
            println!(
                "{size} resources, {what}: clean build {clean:.1} s (peak {clean_rss:.2} GiB), after one property changes {rebuild:.1} s (peak {rebuild_rss:.2} GiB)"
            );
        }
    }
}

/// The model with one property more on one resource.
fn changed_property(model: &schema::Provider) -> schema::Provider {
    let mut changed = model.clone();
    if let Some(resource) = changed.resources.values_mut().nth(model.resources.len() / 2) {
        let attribute = schema::Attribute::new(schema::Type::String, schema::Mode::Optional, "addedProperty");
        resource.schema.attributes.insert("added_property".to_owned(), attribute);
        for operation in [&mut resource.operations.create, &mut resource.operations.update].into_iter().flatten() {
            if let Some(body) = &mut operation.body {
                body.push("added_property".to_owned());
            }
        }
    }
    changed
}

/// A workspace holding the generated crates, with the project's crates as path dependencies.
fn write_workspace(root: &Path, dir: &Path, provider: &schema::Provider) {
    let project = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let mut settings = project[project.find("[workspace.package]").unwrap()..].to_owned();
    for name in ["schema", "runtime", "macros", "codegen"] {
        let absolute = format!("{name} = {{ path = {:?} }}", root.join(name));
        settings = settings.replace(&format!("{name} = {{ path = \"{name}\" }}"), &absolute);
    }
    let manifest = format!("[workspace]\nresolver = \"3\"\nmembers = [\"synth\", \"synth/provider\"]\n\n{settings}");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    write_crate(&dir.join("synth"), provider);
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

/// Runs cargo in `dir` under GNU time: the seconds it took and the peak memory of the largest process
/// it ran (rustc), in GiB.
fn cargo(dir: &Path, target: &Path, args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap();
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo {args:?} failed:\n{stderr}");
    let kib: f64 = stderr.lines().last().and_then(|line| line.trim().parse().ok()).unwrap_or(0.0);
    (seconds, kib / (1024.0 * 1024.0))
}
