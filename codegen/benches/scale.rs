//! Input scale: `validate` answers a 10,000-resource schema, and refuses a 1.3 MB file whose aliases would
//! expand into 100,000 resources, within a few seconds; loading stays near-linear (1,000 against 10,000
//! resources).
//!
//! Run: `cargo bench -p codegen --bench scale`

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

/// Runs per input; the machine is a shared VM, so the median is reported with the best.
fn run_count() -> usize {
    if quick() { 1 } else { 5 }
}

/// Whether this is the quick run CI makes so the benchmark cannot rot (`BENCH_QUICK=1`): a tenth of the size.
fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

/// A provider of `count` resources, each with a dozen attributes and objects nested two levels.
fn resources(count: usize) -> String {
    let mut out = String::from("name: synth\nresources:\n");
    for index in 0..count {
        writeln!(out, "  thing_{index}:\n    attributes:\n      id: {{type: string, read_only: true}}").unwrap();
        for attribute in 0..12 {
            writeln!(out, "      attr_{attribute}: {{type: string, optional: true, description: The attribute.}}")
                .unwrap();
        }
        out.push_str("      spec: {type: object, optional: true, attributes: {size: {type: int64, required: true}, inner: {type: object, optional: true, attributes: {x: {type: string, optional: true}}}}}\n");
        out.push_str("    operations:\n      create: {method: POST, path: /things}\n      read: {method: GET, path: \"/things/{id}\"}\n      update: {method: PUT, path: \"/things/{id}\"}\n      delete: {method: DELETE, path: \"/things/{id}\"}\n");
    }
    out
}

/// One resource, referenced by alias from 100,000 resource names.
fn alias_bomb() -> String {
    let mut out = String::from("name: bomb\nx-shared: &r\n  attributes:\n    id: {type: string, read_only: true}\n");
    for attribute in 0..20 {
        writeln!(out, "    a{attribute}: {{type: string, optional: true}}").unwrap();
    }
    out.push_str("  operations: {create: {method: POST, path: /t}, read: {method: GET, path: \"/t/{id}\"}, update: {method: PUT, path: \"/t/{id}\"}, delete: {method: DELETE, path: \"/t/{id}\"}}\nresources:\n");
    for index in 0..100_000 {
        writeln!(out, "  r{index}: *r").unwrap();
    }
    out
}

/// Median and best seconds of loading `text`, and whether it loaded.
fn time(text: &str) -> (f64, f64, bool) {
    let mut runs = Vec::new();
    let mut accepted = false;
    let count = run_count();
    for _ in 0..count {
        let started = Instant::now();
        accepted = schema::load_yaml_str(text, Path::new("bench.yaml")).is_ok();
        runs.push(started.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    (runs[count / 2], runs[0], accepted)
}

fn main() {
    let scale = if quick() { 10 } else { 1 };
    let small = resources(1_000 / scale);
    let large = resources(10_000 / scale);
    let bomb = alias_bomb();
    let (small_name, large_name) = (format!("{} resources", 1_000 / scale), format!("{} resources", 10_000 / scale));
    for (name, text) in [(small_name.as_str(), &small), (large_name.as_str(), &large), ("alias bomb", &bomb)] {
        let (median, best, accepted) = time(text);
        let verdict = if accepted { "accepted" } else { "refused" };
        println!(
            "validate {name} ({:.1} MB): {verdict}, median {median:.3} s, best {best:.3} s ({} runs)",
            text.len() as f64 / 1e6,
            run_count()
        );
    }
    let (small_median, _, _) = time(&small);
    let (large_median, _, _) = time(&large);
    println!("10x the resources took {:.1}x the time", large_median / small_median);
}
