//! What a run found: each resource's steps with their outcome, printed as lines while the run goes, as a
//! table at the end, or as JSON.

use std::fmt::Write;
use std::path::PathBuf;

use serde::Serialize;

/// A step of a resource's or data source's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// `terraform validate` accepts the generated configuration.
    Validate,
    /// `terraform apply` creates the resource.
    Create,
    /// The plan after creating it is empty.
    CreatePlan,
    /// A configuration that changes every in-place attribute applies as an in-place update.
    Update,
    /// The plan after the update is empty.
    UpdatePlan,
    /// A configuration that leaves out what can be left out (optional attributes, the last entry of each
    /// collection of two or more) applies, the plan after is empty, and what the API keeps stays.
    Remove,
    /// A configuration that changes an attribute that forces replacement replaces it; the plan after is empty.
    Replace,
    /// `terraform import` into a fresh state.
    Import,
    /// The plan after the import is empty.
    ImportPlan,
    /// Deleted outside Terraform, the next plan creates it again.
    Recreate,
    /// `terraform destroy`, after which the API holds nothing.
    Destroy,
    /// A data source reads what a resource created.
    Read,
    /// An ephemeral resource opens during plan and apply, and is closed once the run is done.
    Open,
    /// An ephemeral resource's value reaches a write-only argument of a resource and never the state or
    /// the plan.
    Use,
}

impl Step {
    /// A resource's steps, in order.
    pub const RESOURCE: [Step; 11] = [
        Step::Validate,
        Step::Create,
        Step::CreatePlan,
        Step::Update,
        Step::UpdatePlan,
        Step::Remove,
        Step::Replace,
        Step::Import,
        Step::ImportPlan,
        Step::Recreate,
        Step::Destroy,
    ];

    /// A data source's steps, in order.
    pub const DATA_SOURCE: [Step; 3] = [Step::Validate, Step::Read, Step::Destroy];

    /// An ephemeral resource's steps, in order.
    pub const EPHEMERAL_RESOURCE: [Step; 4] = [Step::Validate, Step::Open, Step::Use, Step::Destroy];

    /// The step's name in lines, tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Step::Validate => "validate",
            Step::Create => "create",
            Step::CreatePlan => "create-plan",
            Step::Update => "update",
            Step::UpdatePlan => "update-plan",
            Step::Remove => "remove",
            Step::Replace => "replace",
            Step::Import => "import",
            Step::ImportPlan => "import-plan",
            Step::Recreate => "recreate",
            Step::Destroy => "destroy",
            Step::Read => "read",
            Step::Open => "open",
            Step::Use => "use",
        }
    }
}

/// How a step ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// It did what it should.
    Pass,
    /// It did not; the terraform output is in `log`.
    Fail {
        /// What went wrong.
        reason: String,
        /// The file holding the output of the failing command.
        log: Option<PathBuf>,
    },
    /// It does not apply to this resource (no attribute changes in place, none forces replacement).
    NotApplicable {
        /// Why.
        reason: String,
    },
    /// An earlier step failed.
    Skipped,
}

/// One step's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepResult {
    /// The step.
    pub step: Step,
    /// How it ended.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// How long it took, in seconds.
    pub seconds: f64,
}

/// The results of one resource or data source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    /// The provider.
    pub provider: String,
    /// `resource` or `data source`.
    pub kind: &'static str,
    /// The type name.
    pub type_name: String,
    /// Its steps in order.
    pub steps: Vec<StepResult>,
    /// Wall time of the whole life, in seconds.
    pub seconds: f64,
}

impl Subject {
    /// How lines and tables name it: the type, `data.`-prefixed for a data source.
    pub fn label(&self) -> String {
        label(self.kind, &self.type_name)
    }

    /// Whether no step failed.
    pub fn passed(&self) -> bool {
        !self.steps.iter().any(|step| matches!(step.outcome, Outcome::Fail { .. }))
    }
}

/// The whole run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every resource and data source, in the order they were listed.
    pub subjects: Vec<Subject>,
    /// Wall time of the run, builds excluded, in seconds.
    pub seconds: f64,
    /// How many ran at once.
    pub jobs: usize,
}

impl Report {
    /// Whether every step of every subject passed or did not apply.
    pub fn passed(&self) -> bool {
        self.subjects.iter().all(Subject::passed)
    }

    /// The failing steps, as `type step: reason (log)` lines.
    pub fn failures(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for subject in &self.subjects {
            for step in &subject.steps {
                if let Outcome::Fail { reason, log } = &step.outcome {
                    let log = log.as_ref().map(|log| format!(" (output: {})", log.display())).unwrap_or_default();
                    lines.push(format!("{} {}: {reason}{log}", subject.label(), step.step.name()));
                }
            }
        }
        lines
    }

    /// A table of subjects by step: `pass`, `FAIL`, `n/a` or `skip`, and the totals.
    pub fn table(&self) -> String {
        let steps: Vec<Step> = Step::RESOURCE.iter().chain(&[Step::Read, Step::Open, Step::Use]).copied().collect();
        let width = self.subjects.iter().map(|subject| subject.label().len()).max().unwrap_or(0).max(8);
        let mut out = String::new();
        let _ = write!(out, "{:width$}", "resource");
        for step in &steps {
            let _ = write!(out, " {:>11}", step.name());
        }
        out.push_str("  seconds\n");
        for subject in &self.subjects {
            let _ = write!(out, "{:width$}", subject.label());
            for step in &steps {
                let cell = match subject.steps.iter().find(|result| result.step == *step).map(|result| &result.outcome)
                {
                    Some(Outcome::Pass) => "pass",
                    Some(Outcome::Fail { .. }) => "FAIL",
                    Some(Outcome::NotApplicable { .. }) => "n/a",
                    Some(Outcome::Skipped) => "skip",
                    None => "",
                };
                let _ = write!(out, " {cell:>11}");
            }
            let _ = writeln!(out, "  {:>7.1}", subject.seconds);
        }
        let passed = self.subjects.iter().filter(|subject| subject.passed()).count();
        let _ = writeln!(
            out,
            "{passed} of {} resources, data sources and ephemeral resources passed every step, in {:.1} s with {} jobs ({:.2} s each)",
            self.subjects.len(),
            self.seconds,
            self.jobs,
            self.seconds / self.subjects.len().max(1) as f64,
        );
        out
    }

    /// The report as JSON.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `type`, or `data.type` for a data source and `ephemeral.type` for an ephemeral resource.
pub fn label(kind: &str, type_name: &str) -> String {
    match kind {
        DATA_SOURCE => format!("data.{type_name}"),
        EPHEMERAL_RESOURCE => format!("ephemeral.{type_name}"),
        _ => type_name.to_owned(),
    }
}

/// [`Subject::kind`] of a resource.
pub const RESOURCE: &str = "resource";

/// [`Subject::kind`] of a data source.
pub const DATA_SOURCE: &str = "data source";

/// [`Subject::kind`] of an ephemeral resource.
pub const EPHEMERAL_RESOURCE: &str = "ephemeral resource";

/// The line printed when a step ends: `PASS shop_store create (0.4 s)`.
pub fn line(label: &str, result: &StepResult) -> String {
    let seconds = result.seconds;
    match &result.outcome {
        Outcome::Pass => format!("PASS {label} {} ({seconds:.1} s)", result.step.name()),
        Outcome::Fail { reason, log } => {
            let log =
                log.as_ref().map(|log| format!("; terraform's output is in {}", log.display())).unwrap_or_default();
            format!("FAIL {label} {}: {reason}{log}", result.step.name())
        }
        Outcome::NotApplicable { reason } => format!("N/A  {label} {}: {reason}", result.step.name()),
        Outcome::Skipped => format!("SKIP {label} {}: an earlier step failed", result.step.name()),
    }
}
