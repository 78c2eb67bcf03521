//! OpenAPI import speed: the 3 MB ConductorOne spec with its Overlay (`../shared/corpora/conductorone`),
//! from files to the checked model and its YAML, as `codegen import openapi` does it. The target is under
//! 2 s in a release build; `cargo bench` builds in release.
//!
//! Run: `cargo bench -p codegen --bench import` (`BENCH_QUICK=1`: the 411 KB Opal spec, once).

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora");
    let (name, overlays, runs) =
        if quick { ("opal", Vec::new(), 1) } else { ("conductorone", vec!["overlay.yaml"], 7) };
    let dir = corpora.join(name);
    if !dir.join("openapi.yaml").is_file() {
        println!("SKIP: no {} (the corpora are in ../shared); nothing measured", dir.display());
        return;
    }
    let options = openapi::Options {
        specs: vec![dir.join("openapi.yaml")],
        overlays: overlays.iter().map(|overlay| dir.join(overlay)).collect(),
        name: name.to_owned(),
    };
    let bytes = std::fs::metadata(&options.specs[0]).map(|meta| meta.len()).unwrap_or(0);
    let mut times: Vec<Duration> = Vec::new();
    let mut counts = (0, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let imported = openapi::import(&options).unwrap_or_else(|errors| panic!("{errors:?}"));
        let yaml = schema::format::write::provider_yaml(&imported.provider).unwrap();
        schema::load_yaml_str(&yaml, Path::new("provider.yaml")).unwrap();
        times.push(started.elapsed());
        counts = (imported.provider.resources.len(), imported.provider.data_sources.len());
    }
    times.sort();
    println!(
        "import {name} ({:.1} MB spec{}): {} resources, {} data sources; median {:.2} s, best {:.2} s over {runs} run(s) (read, overlay, infer, write YAML, load it back)",
        bytes as f64 / 1e6,
        if overlays.is_empty() { "" } else { " + overlay" },
        counts.0,
        counts.1,
        times[times.len() / 2].as_secs_f64(),
        times[0].as_secs_f64(),
    );
}
