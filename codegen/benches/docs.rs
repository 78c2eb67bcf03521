//! Docs rendering speed: a synthetic provider of 1,000 resources (10 to 40 attributes each, objects nested
//! three levels deep), rendered from YAML (`cargo run -p codegen`'s path) and from providers-schema JSON
//! (`codegen docs`' path), and its Pulumi Registry pages (six languages a page), including writing every
//! page. Each path runs in its own process so its peak memory is its own.
//!
//! Run: `cargo bench -p codegen --bench docs`

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Resources of the synthetic provider (fewer in the quick mode CI runs: `BENCH_QUICK=1`).
static RESOURCES: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| if quick() { 50 } else { 1_000 });

mod synthetic;

use synthetic::{Attr, resources, synthetic_yaml};

/// Runs per path; the machine is a shared VM, so the median of several runs is reported with the best.
static RUNS: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| if quick() { 1 } else { 7 });

/// Whether this is the quick run CI makes so the benchmark cannot rot (`BENCH_QUICK=1`).
fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("yaml") => child_report(run_yaml()),
        Some("json") => child_report(run_json()),
        Some("pulumi") => child_report(run_pulumi()),
        _ => {
            for path in ["yaml", "json", "pulumi"] {
                let (resources, count) = (*RESOURCES, *RUNS);
                let mut runs: Vec<(f64, f64)> = (0..count).map(|_| child_run(path)).collect();
                runs.sort_by(|a, b| a.0.total_cmp(&b.0));
                let (median, best) = (runs[count / 2].0, runs[0].0);
                let peak = runs.iter().map(|run| run.1).fold(0.0, f64::max);
                let pages = (resources + 1) as f64;
                println!(
                    "docs from {path}: {} pages, median {median:.3} s ({:.0} pages/s), best {best:.3} s ({:.0} pages/s), peak RSS {peak:.1} MiB ({count} runs)",
                    resources + 1,
                    pages / median,
                    pages / best
                );
            }
        }
    }
}

/// Runs one path in a child process; returns its seconds and peak RSS in MiB.
fn child_run(path: &str) -> (f64, f64) {
    let output = Command::new(std::env::current_exe().unwrap()).arg(path).output().unwrap();
    assert!(output.status.success(), "the {path} run failed: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace().map(|field| field.parse::<f64>().unwrap());
    (fields.next().unwrap(), fields.next().unwrap())
}

fn child_report(seconds: f64) {
    println!("{seconds} {}", peak_rss_kib() as f64 / 1024.0);
}

/// Loads, checks and renders the YAML provider, then writes its pages; returns the seconds taken.
fn run_yaml() -> f64 {
    let work = tempfile::tempdir().unwrap();
    let provider_dir = work.path().join("schema/providers/synth");
    std::fs::create_dir_all(&provider_dir).unwrap();
    std::fs::write(provider_dir.join("provider.yaml"), synthetic_yaml(*RESOURCES)).unwrap();
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../templates");
    let start = Instant::now();
    let loaded = schema::load_provider(&provider_dir).unwrap();
    let mut output = codegen::output::Output::default();
    // The Registry pages; the SDK pages of the client are not what the JSON path writes.
    let examples = codegen::docs::generated_examples(&loaded);
    for (path, page) in codegen::docs::provider_docs(&loaded, &templates, &examples).unwrap() {
        if !path.starts_with("sdk") {
            output.add(work.path().join("docs/synth").join(path), page);
        }
    }
    output.write().unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(output.files().count(), *RESOURCES + 1, "one page per resource and the index");
    seconds
}

/// Loads the YAML provider and renders its Pulumi pages (the index and one per resource), then writes
/// them; returns the seconds taken.
fn run_pulumi() -> f64 {
    let work = tempfile::tempdir().unwrap();
    let provider_dir = work.path().join("schema/providers/synth");
    std::fs::create_dir_all(&provider_dir).unwrap();
    std::fs::write(provider_dir.join("provider.yaml"), synthetic_yaml(*RESOURCES)).unwrap();
    let start = Instant::now();
    let loaded = schema::load_provider(&provider_dir).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    let mut output = codegen::output::Output::default();
    for (path, page) in codegen::docs::pulumi_docs(&loaded, &examples).unwrap() {
        output.add(work.path().join("docs/synth").join(path), page);
    }
    output.write().unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(output.files().count(), *RESOURCES + 1, "one page per resource and the index");
    seconds
}

/// Runs the tfplugindocs drop-in on the equivalent providers-schema JSON; returns the seconds taken.
fn run_json() -> f64 {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("schema.json"), synthetic_json()).unwrap();
    let options = codegen::docs::tfplugindocs::Options {
        provider_dir: work.path().to_owned(),
        provider_name: Some("terraform-provider-synth".to_owned()),
        providers_schema: Some(work.path().join("schema.json")),
        ..Default::default()
    };
    let start = Instant::now();
    codegen::docs::tfplugindocs::generate(&options, &mut std::io::sink(), &mut std::io::sink()).unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(count_files(&work.path().join("docs")), *RESOURCES + 1);
    seconds
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| if path.is_dir() { count_files(&path) } else { 1 })
        .sum()
}

/// The process's peak resident set size, from /proc.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn synthetic_json() -> String {
    let mut schemas = serde_json::Map::new();
    for (index, attrs) in resources(*RESOURCES).iter().enumerate() {
        let block = serde_json::json!({
            "description": format!("Thing number {index}, with `markdown`."),
            "attributes": json_attributes(attrs),
        });
        schemas.insert(format!("synth_thing_{index}"), serde_json::json!({ "version": 0, "block": block }));
    }
    serde_json::json!({
        "format_version": "1.0",
        "provider_schemas": { "registry.terraform.io/hashicorp/synth": {
            "provider": { "version": 0, "block": { "description": "A synthetic provider." } },
            "resource_schemas": schemas,
        }},
    })
    .to_string()
}

fn json_attributes(attrs: &[Attr]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for attr in attrs {
        let mut value = serde_json::json!({ "description": format!("The {} of the thing.", attr.name) });
        match attr.mode {
            "required" => value["required"] = true.into(),
            "optional" => value["optional"] = true.into(),
            "read_only" => value["computed"] = true.into(),
            _ => {
                value["optional"] = true.into();
                value["computed"] = true.into();
            }
        }
        if attr.children.is_empty() {
            value["type"] = match attr.ty {
                "string" => "string".into(),
                "bool" => "bool".into(),
                "list(string)" => serde_json::json!(["list", "string"]),
                _ => "number".into(),
            };
        } else {
            value["nested_type"] =
                serde_json::json!({ "nesting_mode": "single", "attributes": json_attributes(&attr.children) });
        }
        map.insert(attr.name.clone(), value);
    }
    serde_json::Value::Object(map)
}
