//! Acceptance tests generated from the schema: every resource of a provider driven through its whole
//! life by the real `terraform`, offline, against the fake API, with configurations worked out by
//! [`crate::examples`]; every data source reading what a resource created; every ephemeral resource
//! opened, its value used in a write-only argument, and closed.
//!
//! [`Runner`] is the entry point behind `codegen acceptance` and Rust tests: name the providers (and
//! optionally resources), then [`Runner::run`] builds what it needs, runs the subjects on `jobs` threads,
//! reports each step as it ends and returns the [`Report`].
//!
//! - [`build`]: the `fake-api` and provider binaries, built with cargo.
//! - [`fake`]: one fake API process per subject.
//! - [`terraform`]: workspaces and commands.
//! - [`lifecycle`]: the steps.
//! - [`report`]: lines, table and JSON.

pub mod build;
pub mod fake;
pub mod lifecycle;
pub mod report;
pub mod terraform;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use schema::LoadedProvider;

pub use report::{Outcome, Report, Step, StepResult, Subject};

/// Why a run could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptanceError {
    /// No `terraform` on PATH and no `TF_BIN`.
    NoTerraform,
    /// A resource or data source named with [`Runner::resource`] is in none of the providers.
    UnknownSubject {
        /// The type asked for.
        name: String,
    },
    /// Building a binary failed.
    Build(String),
}

impl fmt::Display for AcceptanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcceptanceError::NoTerraform => write!(f, "no terraform on PATH and no TF_BIN; acceptance tests need it"),
            AcceptanceError::UnknownSubject { name } => {
                write!(f, "no resource, data source or ephemeral resource `{name}` in the providers of this run")
            }
            AcceptanceError::Build(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for AcceptanceError {}

/// Runs acceptance tests.
pub struct Runner {
    root: PathBuf,
    providers: Vec<LoadedProvider>,
    only: Vec<String>,
    jobs: usize,
    terraform: Option<PathBuf>,
    work_dir: Option<PathBuf>,
    provider_binaries: BTreeMap<String, PathBuf>,
    fake_api: Option<PathBuf>,
}

/// One resource, data source or ephemeral resource to test.
struct Job<'a> {
    loaded: &'a LoadedProvider,
    type_name: &'a str,
    /// [`report::RESOURCE`], [`report::DATA_SOURCE`] or [`report::EPHEMERAL_RESOURCE`].
    kind: &'static str,
}

impl Runner {
    /// A runner for the project whose workspace is in `root` (binaries are built there; work folders
    /// default to its `target/acceptance`).
    pub fn new(root: impl Into<PathBuf>) -> Runner {
        let jobs = std::thread::available_parallelism().map_or(2, usize::from);
        Runner {
            root: root.into(),
            providers: Vec::new(),
            only: Vec::new(),
            jobs,
            terraform: None,
            work_dir: None,
            provider_binaries: BTreeMap::new(),
            fake_api: None,
        }
    }

    /// Tests the resources and data sources of `provider`; call again to add more.
    pub fn provider(&mut self, provider: LoadedProvider) -> &mut Self {
        self.providers.push(provider);
        self
    }

    /// Tests only the resource or data source `type_name`; call again to add more. No call means all.
    pub fn resource(&mut self, type_name: impl Into<String>) -> &mut Self {
        self.only.push(type_name.into());
        self
    }

    /// How many subjects run at once (default: the number of cores).
    pub fn jobs(&mut self, jobs: usize) -> &mut Self {
        self.jobs = jobs.max(1);
        self
    }

    /// The `terraform` binary (default: `TF_BIN`, or the one on PATH).
    pub fn terraform(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.terraform = Some(path.into());
        self
    }

    /// Where each subject's workspaces and failing steps' logs go, one folder per subject (default:
    /// `target/acceptance` of the project).
    pub fn work_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.work_dir = Some(dir.into());
        self
    }

    /// Uses `binary` as the provider `name`'s binary instead of building it.
    pub fn provider_binary(&mut self, name: impl Into<String>, binary: impl Into<PathBuf>) -> &mut Self {
        self.provider_binaries.insert(name.into(), binary.into());
        self
    }

    /// Uses `binary` as the `fake-api` binary instead of building it.
    pub fn fake_api_binary(&mut self, binary: impl Into<PathBuf>) -> &mut Self {
        self.fake_api = Some(binary.into());
        self
    }

    /// Builds what is missing, runs every subject and returns the report; `progress` hears one line
    /// per step as it ends (from the worker threads, one at a time).
    pub fn run(&self, progress: &(dyn Fn(&str) + Sync)) -> Result<Report, AcceptanceError> {
        let terraform = self.terraform.clone().or_else(terraform::find).ok_or(AcceptanceError::NoTerraform)?;
        let jobs = self.subjects()?;
        let (fake_api, binaries) = self.binaries()?;
        let work_dir = self.work_dir.clone().unwrap_or_else(|| self.root.join("target/acceptance"));
        // Terraform runs in each subject's folder, so every path it is given must be absolute.
        let work_dir = std::path::absolute(&work_dir).unwrap_or(work_dir);
        let started = Instant::now();
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<Subject>>> = Mutex::new(vec![None; jobs.len()]);
        let printing = Mutex::new(());
        let report_step = |type_name: &str, result: &StepResult| {
            let _one_at_a_time = printing.lock();
            progress(&report::line(type_name, result));
        };
        std::thread::scope(|scope| {
            for _ in 0..self.jobs.min(jobs.len()) {
                scope.spawn(|| {
                    loop {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        let Some(job) = jobs.get(index) else { break };
                        let target = lifecycle::Target {
                            loaded: job.loaded,
                            provider_binary: &binaries[&job.loaded.provider.name],
                            fake_api: &fake_api,
                            terraform: &terraform,
                            work: work_dir.join(&job.loaded.provider.name).join(report::label(job.kind, job.type_name)),
                        };
                        let subject = match job.kind {
                            report::DATA_SOURCE => lifecycle::data_source(&target, job.type_name, &report_step),
                            report::EPHEMERAL_RESOURCE => {
                                lifecycle::ephemeral_resource(&target, job.type_name, &report_step)
                            }
                            _ => lifecycle::resource(&target, job.type_name, &report_step),
                        };
                        if let Ok(mut results) = results.lock() {
                            results[index] = Some(subject);
                        }
                    }
                });
            }
        });
        let subjects = results.into_inner().unwrap_or_default().into_iter().flatten().collect();
        Ok(Report { subjects, seconds: started.elapsed().as_secs_f64(), jobs: self.jobs })
    }

    /// The subjects of the run, resources before data sources before ephemeral resources, each provider
    /// in turn.
    fn subjects(&self) -> Result<Vec<Job<'_>>, AcceptanceError> {
        let mut jobs = Vec::new();
        for loaded in &self.providers {
            let provider = &loaded.provider;
            let sections = [
                (report::RESOURCE, &provider.resources),
                (report::DATA_SOURCE, &provider.data_sources),
                (report::EPHEMERAL_RESOURCE, &provider.ephemeral_resources),
            ];
            for (kind, items) in sections {
                for type_name in items.keys() {
                    if self.only.is_empty() || self.only.contains(type_name) {
                        jobs.push(Job { loaded, type_name, kind });
                    }
                }
            }
        }
        for name in &self.only {
            if !jobs.iter().any(|job| job.type_name == name) {
                return Err(AcceptanceError::UnknownSubject { name: name.clone() });
            }
        }
        Ok(jobs)
    }

    /// The `fake-api` binary and each provider's binary, built where not given.
    fn binaries(&self) -> Result<(PathBuf, BTreeMap<String, PathBuf>), AcceptanceError> {
        let mut binaries = self.provider_binaries.clone();
        let missing: Vec<&schema::Provider> = self
            .providers
            .iter()
            .map(|loaded| &loaded.provider)
            .filter(|provider| !binaries.contains_key(&provider.name))
            .collect();
        if missing.is_empty() {
            if let Some(fake_api) = &self.fake_api {
                return Ok((fake_api.clone(), binaries));
            }
        }
        let project = build::Project::read(&self.root).map_err(AcceptanceError::Build)?;
        let (fake_api, built) = project.build(&missing).map_err(AcceptanceError::Build)?;
        for (provider, binary) in missing.iter().zip(built) {
            binaries.insert(provider.name.clone(), binary);
        }
        Ok((self.fake_api.clone().unwrap_or(fake_api), binaries))
    }
}
