//! One resource's (or data source's) whole life under the real `terraform`, against a fake API of its own,
//! with the configurations [`crate::examples`] works out. Each step checks what Terraform promises: a clean
//! plan after every apply, an update in place where only in-place attributes changed, a replacement where
//! one that forces it changed, an import that plans clean, a re-create after a deletion outside Terraform,
//! and an API that holds nothing after destroy.

use std::path::{Path, PathBuf};
use std::time::Instant;

use schema::{LoadedProvider, Resource};
use serde_json::Value;

use super::fake::FakeProcess;
use super::report::{self, Outcome, Step, StepResult, Subject};
use super::terraform::{Run, Workspace};
use crate::examples::hcl::{self, Block, Body, Expr, Item, Reference};
use crate::examples::removal::Removal;
use crate::examples::{Examples, NAME, ResourceExample};

/// What a subject's life needs.
pub struct Target<'a> {
    /// The provider, with its folder (which the fake API loads).
    pub loaded: &'a LoadedProvider,
    /// The provider's binary.
    pub provider_binary: &'a Path,
    /// The `fake-api` binary.
    pub fake_api: &'a Path,
    /// The `terraform` binary.
    pub terraform: &'a Path,
    /// The folder for this subject's workspaces and logs (emptied first).
    pub work: PathBuf,
}

/// Why a step failed: a reason, and the output of the terraform command that showed it.
struct Failure {
    reason: String,
    output: Option<String>,
}

impl Failure {
    fn new(reason: impl Into<String>) -> Failure {
        Failure { reason: reason.into(), output: None }
    }

    /// A failure shown by `run`'s output.
    fn of(reason: impl Into<String>, run: &Run) -> Failure {
        let output = format!("$ {}\n(exit code {:?})\n{}", run.command, run.code, run.output());
        Failure { reason: reason.into(), output: Some(output) }
    }
}

/// How a step that did not fail ended.
enum Done {
    Pass,
    NotApplicable(String),
}

type StepOutcome = Result<Done, Failure>;

/// Runs steps in order, recording each, skipping those after a failure (but for the clean-up step).
struct Steps<'r> {
    /// The subject as lines name it.
    label: String,
    work: PathBuf,
    results: Vec<StepResult>,
    failed: bool,
    report: &'r (dyn Fn(&str, &StepResult) + Sync),
}

impl Steps<'_> {
    fn run(&mut self, step: Step, action: impl FnOnce() -> StepOutcome) {
        self.record(step, self.failed, action);
    }

    /// Runs the clean-up step even after a failure.
    fn clean_up(&mut self, step: Step, action: impl FnOnce() -> StepOutcome) {
        self.record(step, false, action);
    }

    fn record(&mut self, step: Step, skip: bool, action: impl FnOnce() -> StepOutcome) {
        let started = Instant::now();
        let outcome = if skip {
            Outcome::Skipped
        } else {
            match action() {
                Ok(Done::Pass) => Outcome::Pass,
                Ok(Done::NotApplicable(reason)) => Outcome::NotApplicable { reason },
                Err(failure) => {
                    self.failed = true;
                    let log = failure.output.and_then(|output| {
                        let file = self.work.join(format!("{}.log", step.name()));
                        std::fs::write(&file, output).ok().map(|()| file)
                    });
                    Outcome::Fail { reason: failure.reason, log }
                }
            }
        };
        let result = StepResult { step, outcome, seconds: started.elapsed().as_secs_f64() };
        (self.report)(&self.label, &result);
        self.results.push(result);
    }

    /// Fails every step with one reason (the subject could not start).
    fn fail_all(&mut self, steps: &[Step], reason: &str) {
        for (index, step) in steps.iter().enumerate() {
            if index == 0 {
                self.run(*step, || Err(Failure::new(reason)));
            } else {
                self.run(*step, || Ok(Done::Pass));
            }
        }
    }
}

/// The credential the fake API accepts in a run.
const TOKEN: &str = "acceptance-token-d1c3a9";

/// Starts the fake API and writes the workspace; a reason when either cannot be done.
fn start(target: &Target<'_>, dir: &str) -> Result<(FakeProcess, Workspace), String> {
    std::fs::create_dir_all(&target.work).map_err(|error| format!("{}: {error}", target.work.display()))?;
    let fake = FakeProcess::start(target.fake_api, &target.loaded.dir, TOKEN)?;
    let name = &target.loaded.provider.name;
    let workspace = Workspace::new(target.terraform, target.work.join(dir), name, target.provider_binary)
        .map_err(|error| format!("cannot write the workspace: {error}"))?;
    Ok((fake, workspace))
}

/// The provider block pointing at the fake API.
fn provider_block(examples: &Examples<'_>, target: &Target<'_>, url: &str) -> Result<Block, String> {
    let provider = &target.loaded.provider;
    let mut settings = Vec::new();
    if provider.config.attributes.contains_key("server_url") {
        settings.push(("server_url".to_owned(), Expr::String(url.to_owned())));
    }
    if let Some(auth) = &provider.auth {
        settings.push((auth.attribute().to_owned(), Expr::String(TOKEN.to_owned())));
    }
    examples.provider_block(settings).map_err(|error| error.to_string())
}

/// Writes the configuration and checks the result.
fn configure(workspace: &Workspace, blocks: &[Block]) -> Result<(), Failure> {
    workspace.configure(&hcl::file(blocks)).map_err(|error| Failure::new(format!("cannot write main.tf: {error}")))
}

/// `terraform validate` accepts the configuration.
fn validate(workspace: &Workspace) -> StepOutcome {
    let run = workspace.run(&["validate", "-no-color"]);
    if !run.exited(0) {
        return Err(Failure::of("terraform validate refused the generated configuration", &run));
    }
    Ok(Done::Pass)
}

/// `terraform apply` succeeds without an inconsistency.
fn apply(workspace: &Workspace) -> StepOutcome {
    let run = workspace.run(&["apply", "-auto-approve", "-no-color"]);
    if let Some(line) = run.output().lines().find(|line| line.contains("Provider produced")) {
        return Err(Failure::of(format!("apply: {}", line.trim_matches(['│', ' '])), &run));
    }
    if !run.exited(0) {
        return Err(Failure::of("terraform apply failed", &run));
    }
    Ok(Done::Pass)
}

/// The plan is empty.
fn clean_plan(workspace: &Workspace) -> StepOutcome {
    let run = workspace.run(&["plan", "-detailed-exitcode", "-no-color"]);
    match run.code {
        Some(0) => Ok(Done::Pass),
        Some(2) => Err(Failure::of("the plan is not empty", &run)),
        _ => Err(Failure::of("terraform plan failed", &run)),
    }
}

/// After an import the plan is empty but for attributes the API never returns (`not_returned`, at any
/// depth), which no import can fill: the plan may set those again (in place, or by replacing the object
/// where one of them forces that), and nothing else, as Terraform's own import tests ignore such
/// attributes.
fn import_plan(workspace: &Workspace, address: &str, resource: &Resource) -> StepOutcome {
    let run = workspace.run(&["plan", "-detailed-exitcode", "-no-color", "-out=import.tfplan"]);
    match run.code {
        Some(0) => return Ok(Done::Pass),
        Some(2) => {}
        _ => return Err(Failure::of("terraform plan failed", &run)),
    }
    let shown = workspace.run(&["show", "-json", "-no-color", "import.tfplan"]);
    let plan: Option<Value> = shown.exited(0).then(|| serde_json::from_str(&shown.stdout).ok()).flatten();
    let Some(plan) = plan else { return Err(Failure::of("terraform show -json of the plan failed", &shown)) };
    let changes = plan.get("resource_changes").and_then(Value::as_array).into_iter().flatten();
    let mut changed: Vec<Vec<String>> = Vec::new();
    for change in changes.filter(|change| change.get("address").and_then(Value::as_str) == Some(address)) {
        let change = &change["change"];
        let actions = &change["actions"];
        let replace =
            *actions == serde_json::json!(["delete", "create"]) || *actions == serde_json::json!(["create", "delete"]);
        if *actions != serde_json::json!(["update"]) && !replace {
            return Err(Failure::of("the plan is not empty", &run));
        }
        // A replacement must come of such values alone (a nested secret the API never answers forces its
        // whole object to be replaced); what the API assigns is then unknown again.
        let unknown = &change["after_unknown"];
        changed_paths(&change["before"], &change["after"], unknown, !replace, &mut Vec::new(), &mut changed);
    }
    if changed.is_empty() || changed.iter().any(|path| !never_answered(resource, path)) {
        return Err(Failure::of("the plan is not empty", &run));
    }
    Ok(Done::Pass)
}

/// Adds to `out` the attribute path (names only, list positions left out) of each value `after` changes
/// from `before`, and, where `unknown_changes` (an in-place update), of each it leaves unknown.
fn changed_paths(
    before: &Value,
    after: &Value,
    unknown: &Value,
    unknown_changes: bool,
    at: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    if unknown == &Value::Bool(true) {
        if unknown_changes {
            out.push(at.clone());
        }
        return;
    }
    match (before, after) {
        (Value::Object(before), Value::Object(after)) => {
            let names: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
            for name in names {
                at.push(name.clone());
                let inner = |side: &serde_json::Map<String, Value>| side.get(name).cloned().unwrap_or(Value::Null);
                let inner_unknown = unknown.get(name).unwrap_or(&Value::Null);
                changed_paths(&inner(before), &inner(after), inner_unknown, unknown_changes, at, out);
                at.pop();
            }
        }
        (Value::Array(before), Value::Array(after)) if before.len() == after.len() => {
            for (index, (one, other)) in before.iter().zip(after).enumerate() {
                changed_paths(one, other, unknown.get(index).unwrap_or(&Value::Null), unknown_changes, at, out);
            }
        }
        (before, after) if before != after => out.push(at.clone()),
        _ => {}
    }
}

/// Whether the value at attribute `path` of `resource` is one the API never answers: one of its own the
/// API never returns ([`Resource::unreturned`]), or one with a `not_returned` or write-only attribute
/// along the path.
fn never_answered(resource: &Resource, path: &[String]) -> bool {
    fn along(object: &schema::Object, path: &[String]) -> bool {
        let Some((name, rest)) = path.split_first() else { return false };
        let Some(attribute) = object.attributes.get(name) else { return false };
        attribute.not_returned
            || attribute.write_only
            || attribute.ty.as_nested().map(schema::Nested::members).is_some_and(|inner| along(inner, rest))
    }
    path.first().is_some_and(|name| resource.unreturned().contains(name)) || along(&resource.schema, path)
}

/// The plan holds `wanted` (`# shop_store.example will be updated in-place`), then it applies.
fn plan_then_apply(workspace: &Workspace, wanted: &str) -> StepOutcome {
    let run = workspace.run(&["plan", "-no-color"]);
    if !run.exited(0) || !run.stdout.contains(wanted) {
        return Err(Failure::of(format!("the plan does not say `{wanted}`"), &run));
    }
    apply(workspace)
}

/// `terraform destroy`, then the fake API holds nothing (but objects of the types the API cannot delete,
/// which destroy only forgets).
fn destroy(workspace: &Workspace, fake: &mut FakeProcess, provider: &schema::Provider) -> StepOutcome {
    let run = workspace.run(&["destroy", "-auto-approve", "-no-color"]);
    if !run.exited(0) {
        return Err(Failure::of("terraform destroy failed", &run));
    }
    let mut left = 0;
    for (type_name, resource) in &provider.resources {
        if resource.operations.delete.is_some() {
            let answer = fake.command(&format!("count {type_name}")).map_err(Failure::new)?;
            left += answer.parse::<u64>().map_err(|_| Failure::new(format!("fake API: `{answer}` is not a count")))?;
        }
    }
    if left == 0 {
        Ok(Done::Pass)
    } else {
        Err(Failure::of(format!("the API still holds {left} object(s) after destroy"), &run))
    }
}

/// Drives the resource `type_name` through its whole life; `report` hears of each step as it ends.
pub fn resource(target: &Target<'_>, type_name: &str, report: &(dyn Fn(&str, &StepResult) + Sync)) -> Subject {
    let started = Instant::now();
    let mut steps =
        Steps { label: type_name.to_owned(), work: target.work.clone(), results: Vec::new(), failed: false, report };
    let provider = &target.loaded.provider;
    let examples = Examples::new(provider);
    let prepared = examples.resource(type_name).map_err(|error| error.to_string()).and_then(|example| {
        let (fake, workspace) = start(target, "main")?;
        let provider_block = provider_block(&examples, target, &fake.url)?;
        Ok((example, fake, workspace, provider_block))
    });
    match prepared {
        Ok((example, mut fake, workspace, provider_block)) => {
            let resource = &provider.resources[type_name];
            let life = Life { target, example, resource, workspace, provider_block, address: String::new() };
            life.live(&mut steps, &mut fake);
        }
        Err(reason) => steps.fail_all(&Step::RESOURCE, &reason),
    }
    Subject {
        provider: provider.name.clone(),
        kind: report::RESOURCE,
        type_name: type_name.to_owned(),
        steps: steps.results,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// A resource's life: its configurations and the workspace they are applied in.
struct Life<'a> {
    target: &'a Target<'a>,
    example: ResourceExample,
    resource: &'a Resource,
    workspace: Workspace,
    provider_block: Block,
    address: String,
}

impl Life<'_> {
    fn blocks(&self, extra: &[Block], block: &Block) -> Vec<Block> {
        let mut blocks = vec![self.provider_block.clone()];
        blocks.extend(self.example.dependencies.iter().cloned());
        blocks.extend(extra.iter().cloned());
        blocks.push(block.clone());
        blocks
    }

    fn live(mut self, steps: &mut Steps<'_>, fake: &mut FakeProcess) {
        self.address = self.example.address();
        let address = self.address.clone();
        let workspace = &self.workspace;
        let create = self.blocks(&[], &self.example.create);
        steps.run(Step::Validate, || {
            configure(workspace, &create)?;
            validate(workspace)
        });
        steps.run(Step::Create, || apply(workspace));
        steps.run(Step::CreatePlan, || clean_plan(workspace));
        let mut applied = self.example.create.clone();
        match &self.example.update {
            Some(update) => {
                steps.run(Step::Update, || {
                    configure(workspace, &self.blocks(&[], update))?;
                    plan_then_apply(workspace, &format!("# {address} will be updated in-place"))
                });
                steps.run(Step::UpdatePlan, || clean_plan(workspace));
                applied = update.clone();
            }
            None => {
                let reason = "no attribute that Terraform shows can change without replacing it";
                steps.run(Step::Update, || Ok(Done::NotApplicable(reason.to_owned())));
                steps.run(Step::UpdatePlan, || Ok(Done::NotApplicable(reason.to_owned())));
            }
        }
        match &self.example.remove {
            Some(removal) => {
                steps.run(Step::Remove, || self.remove(removal));
                applied = removal.block.clone();
            }
            None => {
                let reason = "the configuration has nothing it can leave out".to_owned();
                steps.run(Step::Remove, || Ok(Done::NotApplicable(reason)));
            }
        }
        match &self.example.replace {
            Some((replace, others)) => {
                steps.run(Step::Replace, || {
                    configure(workspace, &self.blocks(others, replace))?;
                    plan_then_apply(workspace, &format!("# {address} must be replaced"))?;
                    clean_plan(workspace)
                });
                applied = replace.clone();
            }
            None => {
                let reason = "no attribute forces replacement".to_owned();
                steps.run(Step::Replace, || Ok(Done::NotApplicable(reason)));
            }
        }
        let mut fresh = None;
        if self.resource.operations.read.is_none() {
            // Without a read, nothing can be imported or found gone: state keeps what was applied.
            let reason = "the API has no operation that reads one object";
            for step in [Step::Import, Step::ImportPlan, Step::Recreate] {
                steps.run(step, || Ok(Done::NotApplicable(reason.to_owned())));
            }
            steps.clean_up(Step::Destroy, || destroy(workspace, fake, &self.target.loaded.provider));
            return;
        }
        if self.resource.import.is_none() {
            // No import ID names the object (its read addresses it in no path): it cannot be imported.
            let reason = "the resource has no import ID template";
            for step in [Step::Import, Step::ImportPlan] {
                steps.run(step, || Ok(Done::NotApplicable(reason.to_owned())));
            }
        } else {
            steps.run(Step::Import, || {
                let (workspace, outcome) = self.import(&applied)?;
                fresh = Some(workspace);
                Ok(outcome)
            });
            steps.run(Step::ImportPlan, || match &fresh {
                Some(fresh) => import_plan(fresh, &self.address, self.resource),
                None => Ok(Done::NotApplicable("the resource cannot be imported".to_owned())),
            });
        }
        steps.run(Step::Recreate, || {
            fake.command(&format!("remove {}", self.example.type_name)).map_err(Failure::new)?;
            let run = workspace.run(&["plan", "-detailed-exitcode", "-no-color"]);
            let wanted = format!("# {address} will be created");
            if run.exited(2) && run.stdout.contains(&wanted) {
                Ok(Done::Pass)
            } else {
                Err(Failure::of(format!("after a deletion outside Terraform the plan does not say `{wanted}`"), &run))
            }
        });
        steps.clean_up(Step::Destroy, || destroy(workspace, fake, &self.target.loaded.provider));
    }

    /// Applies the configuration with things left out: the plan after it is empty, and each value left to
    /// the API (optional+computed) is what it was.
    fn remove(&self, removal: &Removal) -> StepOutcome {
        let workspace = &self.workspace;
        let values = |workspace: &Workspace| {
            let state = workspace.state_values().map_err(|run| Failure::of("terraform show -json failed", &run))?;
            let found = state.into_iter().find(|(at, _)| *at == self.address).map(|(_, values)| values);
            found.ok_or_else(|| Failure::new(format!("{} is not in the state", self.address)))
        };
        let before = values(workspace)?;
        configure(workspace, &self.blocks(&[], &removal.block))?;
        apply(workspace)?;
        clean_plan(workspace)?;
        let after = values(workspace)?;
        let at = |values: &Value, path: &[String]| {
            path.iter().try_fold(values, |value, name| value.get(name)).cloned().unwrap_or(Value::Null)
        };
        let changed: Vec<String> = removal
            .kept
            .iter()
            .filter(|path| at(&before, path) != at(&after, path))
            .map(|path| path.join("."))
            .collect();
        if !changed.is_empty() {
            return Err(Failure::new(format!(
                "left out of the configuration, {} should keep the value the API has, but changed",
                changed.join(", ")
            )));
        }
        Ok(Done::Pass)
    }

    /// Imports the resource into a fresh workspace whose configuration is `applied` with references
    /// replaced by the values they had; the workspace, or why the resource cannot be imported.
    fn import(&self, applied: &Block) -> Result<(Workspace, Done), Failure> {
        let target = self.target;
        let Some(import) = &self.resource.import else {
            return Err(Failure::new("the resource has no import ID template"));
        };
        let state = self.workspace.state_values().map_err(|run| Failure::of("terraform show -json failed", &run))?;
        let values_of = |address: &str| state.iter().find(|(at, _)| at == address).map(|(_, values)| values);
        let Some(values) = values_of(&self.address) else {
            return Err(Failure::new(format!("{} is not in the state", self.address)));
        };
        let mut missing = Vec::new();
        let id = schema::template::expand(&import.id, |name| {
            let text = id_text(values.get(name));
            if text.is_none() {
                missing.push(name.to_owned());
            }
            text
        });
        if !missing.is_empty() {
            return Err(Failure::new(format!("the state has no value for {} of the import ID", missing.join(", "))));
        }
        let resolve = |reference: &Reference| {
            values_of(&reference.address()).and_then(|values| values.get(&reference.attribute)).map(literal)
        };
        let body = importable(&applied.body.resolved(&resolve), self.resource);
        let block = Block { body, ..applied.clone() };
        let name = &target.loaded.provider.name;
        let fresh = Workspace::new(target.terraform, target.work.join("import"), name, target.provider_binary)
            .map_err(|error| Failure::new(format!("cannot write the import workspace: {error}")))?;
        configure(&fresh, &[self.provider_block.clone(), block])?;
        let run = fresh.run(&["import", "-no-color", &self.address, &id]);
        if !run.exited(0) || !run.stdout.contains("Import successful!") {
            return Err(Failure::of(format!("terraform import {} {id:?} failed", self.address), &run));
        }
        Ok((fresh, Done::Pass))
    }
}

/// The configuration an import can match: attributes the API never returns keep their default (which
/// the import fills in) or are left out, but those the import ID gives and those the configuration must set.
fn importable(body: &Body, resource: &Resource) -> Body {
    let unreturned = resource.unreturned();
    let kept = |name: &str| {
        resource.import.as_ref().is_some_and(|import| import.attributes.iter().any(|attribute| attribute == name))
            || resource.schema.attributes.get(name).is_some_and(|attribute| attribute.mode == schema::Mode::Required)
    };
    let items = body
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Attribute(name, _) if unreturned.contains(name) && !kept(name) => {
                let default = resource.schema.attributes.get(name)?.default.as_ref()?;
                Some(Item::Attribute(name.clone(), crate::examples::values::literal(default)))
            }
            other => Some(other.clone()),
        })
        .collect();
    Body { items }
}

/// A state value as text in an import ID.
fn id_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// A state value as an HCL literal.
fn literal(value: &Value) -> Expr {
    match value {
        Value::Null => Expr::String(String::new()),
        Value::Bool(flag) => Expr::Bool(*flag),
        Value::Number(number) => Expr::Number(number.to_string()),
        Value::String(text) => Expr::String(text.clone()),
        Value::Array(items) => Expr::List(items.iter().map(literal).collect()),
        Value::Object(entries) => {
            Expr::Object(entries.iter().map(|(key, value)| (key.clone(), literal(value))).collect())
        }
    }
}

/// Reads the data source `type_name` after creating the resource that makes what it reads, and checks
/// that it read the resource's values.
pub fn data_source(target: &Target<'_>, type_name: &str, report: &(dyn Fn(&str, &StepResult) + Sync)) -> Subject {
    let started = Instant::now();
    let mut steps = Steps {
        label: report::label(report::DATA_SOURCE, type_name),
        work: target.work.clone(),
        results: Vec::new(),
        failed: false,
        report,
    };
    let provider = &target.loaded.provider;
    let examples = Examples::new(provider);
    // With a resource behind it, the data source reads what that resource created; without, it reads
    // what the API holds (reference data).
    let prepared = (|| {
        let data = examples.data_source(type_name).map_err(|error| error.to_string())?;
        let (fake, workspace) = start(target, "main")?;
        let mut blocks = vec![provider_block(&examples, target, &fake.url)?];
        let source = match examples.source_of(type_name) {
            Some(source) => {
                let example = examples.resource(source).map_err(|error| error.to_string())?;
                blocks.extend(example.dependencies.iter().cloned());
                blocks.push(example.create.clone());
                blocks.push(reading(&data, source, &provider.resources[source], &provider.data_sources[type_name]));
                Some(example.address())
            }
            None => {
                blocks.push(data);
                None
            }
        };
        Ok::<_, String>((fake, workspace, blocks, source))
    })();
    match prepared {
        Ok((mut fake, workspace, blocks, source)) => {
            let address = format!("data.{type_name}.{NAME}");
            steps.run(Step::Validate, || {
                configure(&workspace, &blocks)?;
                validate(&workspace)
            });
            steps.run(Step::Read, || {
                apply(&workspace)?;
                let state = workspace.state_values().map_err(|run| Failure::of("terraform show -json failed", &run))?;
                let values = |wanted: &str| state.iter().find(|(at, _)| at == wanted).map(|(_, values)| values.clone());
                let Some(source) = &source else {
                    // Nothing to compare with: it read, and reading again changes nothing.
                    return match values(&address) {
                        Some(_) => clean_plan(&workspace),
                        None => Err(Failure::new(format!("{address} is not in the state"))),
                    };
                };
                let (Some(read), Some(created)) = (values(&address), values(source)) else {
                    return Err(Failure::new(format!("{address} or {source} is not in the state")));
                };
                // What the API never answers (a secret kept as configured) the data source cannot read.
                let resource = &provider.resources[source.trim_end_matches(&format!(".{NAME}"))];
                let differing: Vec<String> = differences(&read, &created, "")
                    .into_iter()
                    .filter(|path| {
                        let names: Vec<String> = path
                            .split('.')
                            .map(|segment| segment.split('[').next().unwrap_or_default().to_owned())
                            .collect();
                        !never_answered(resource, &names)
                    })
                    .collect();
                if differing.is_empty() {
                    Ok(Done::Pass)
                } else {
                    Err(Failure::new(format!(
                        "{address} read other values than {source} has: {}",
                        differing.join(", ")
                    )))
                }
            });
            steps.clean_up(Step::Destroy, || destroy(&workspace, &mut fake, provider));
        }
        Err(reason) => steps.fail_all(&Step::DATA_SOURCE, &reason),
    }
    Subject {
        provider: provider.name.clone(),
        kind: report::DATA_SOURCE,
        type_name: type_name.to_owned(),
        steps: steps.results,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The data source block with each attribute the source resource also has taken from that resource, and
/// each that fills a path parameter of the read taken from the resource's attribute behind the same
/// parameter (`pool_name` from the pool's `name`).
fn reading(data: &Block, source: &str, resource: &Resource, data_source: &Resource) -> Block {
    let behind = |name: &str| {
        let read = data_source.operations.read.as_ref()?;
        let param = read.path_params.iter().find(|param| param.attribute == name)?;
        let theirs = resource.operations.read.as_ref()?.path_params.iter().find(|other| other.name == param.name)?;
        Some(theirs.attribute.clone())
    };
    let items = data
        .body
        .items
        .iter()
        .map(|item| match item {
            Item::Attribute(name, _) => {
                let attribute =
                    if resource.schema.attributes.contains_key(name) { Some(name.clone()) } else { behind(name) };
                match attribute {
                    Some(attribute) => {
                        let reference = Reference { type_name: source.to_owned(), name: NAME.to_owned(), attribute };
                        Item::Attribute(name.clone(), Expr::Reference(reference))
                    }
                    None => item.clone(),
                }
            }
            other => other.clone(),
        })
        .collect();
    Block { body: Body { items }, ..data.clone() }
}

/// The paths where `read` (a data source's values) differs from `created` (the resource's); only what the
/// data source has is compared, and a number compares by value.
fn differences(read: &Value, created: &Value, at: &str) -> Vec<String> {
    match (read, created) {
        (Value::Object(read), Value::Object(created)) => read
            .iter()
            .flat_map(|(key, value)| {
                let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                match created.get(key) {
                    Some(other) => differences(value, other, &path),
                    None => Vec::new(),
                }
            })
            .collect(),
        (Value::Array(read), Value::Array(created)) if read.len() == created.len() => read
            .iter()
            .zip(created)
            .enumerate()
            .flat_map(|(index, (value, other))| differences(value, other, &format!("{at}[{index}]")))
            .collect(),
        (Value::Number(read), Value::Number(created)) if read.as_f64() == created.as_f64() => Vec::new(),
        (read, created) if read == created => Vec::new(),
        _ => vec![at.to_owned()],
    }
}

/// Where an ephemeral resource's value is used: a write-only argument of a resource that takes a value
/// of its type.
struct Consumer<'p> {
    /// The resource type.
    type_name: &'p str,
    /// The write-only argument.
    argument: &'p str,
    /// The example's address.
    address: String,
}

/// Opens the ephemeral resource `type_name` under terraform, with its value in a write-only argument of
/// a resource of the provider where one takes a value of its type; checks that it is closed once the run
/// is done, and that neither the state nor a saved plan holds the value.
pub fn ephemeral_resource(
    target: &Target<'_>,
    type_name: &str,
    report: &(dyn Fn(&str, &StepResult) + Sync),
) -> Subject {
    let started = Instant::now();
    let mut steps = Steps {
        label: report::label(report::EPHEMERAL_RESOURCE, type_name),
        work: target.work.clone(),
        results: Vec::new(),
        failed: false,
        report,
    };
    let provider = &target.loaded.provider;
    let examples = Examples::new(provider);
    let ephemeral = &provider.ephemeral_resources[type_name];
    let prepared = (|| {
        let opened = examples.ephemeral_resource(type_name).map_err(|error| error.to_string())?;
        let (fake, workspace) = start(target, "main")?;
        let mut blocks = vec![provider_block(&examples, target, &fake.url)?];
        let consumer = match consumer_of(provider, ephemeral) {
            Some((consumer_type, argument, value)) => {
                let example = examples.resource(consumer_type).map_err(|error| error.to_string())?;
                blocks.extend(example.dependencies.iter().cloned());
                blocks.push(opened);
                let reference = Reference {
                    type_name: format!("ephemeral.{type_name}"),
                    name: NAME.to_owned(),
                    attribute: value.to_owned(),
                };
                blocks.push(with_attribute(&example.create, argument, Expr::Reference(reference)));
                Some(Consumer { type_name: consumer_type, argument, address: example.address() })
            }
            None => {
                blocks.push(opened);
                None
            }
        };
        Ok::<_, String>((fake, workspace, blocks, consumer))
    })();
    match prepared {
        Ok((mut fake, workspace, blocks, consumer)) => {
            steps.run(Step::Validate, || {
                configure(&workspace, &blocks)?;
                validate(&workspace)
            });
            steps.run(Step::Open, || {
                apply(&workspace)?;
                closed(&mut fake, type_name, ephemeral)
            });
            steps.run(Step::Use, || match &consumer {
                Some(consumer) => used(&workspace, &mut fake, consumer, provider, (type_name, ephemeral)),
                None => Ok(Done::NotApplicable(format!(
                    "no resource of `{}` has a write-only argument that takes a value of {type_name}",
                    provider.name
                ))),
            });
            steps.clean_up(Step::Destroy, || destroy(&workspace, &mut fake, provider));
        }
        Err(reason) => steps.fail_all(&Step::EPHEMERAL_RESOURCE, &reason),
    }
    Subject {
        provider: provider.name.clone(),
        kind: report::EPHEMERAL_RESOURCE,
        type_name: type_name.to_owned(),
        steps: steps.results,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The first write-only argument of the provider's resources that takes a value the ephemeral resource
/// answers (an attribute the API sets, of the same type; a sensitive one first): the resource type, the
/// argument, and the ephemeral resource's attribute.
fn consumer_of<'p>(provider: &'p schema::Provider, ephemeral: &'p Resource) -> Option<(&'p str, &'p str, &'p str)> {
    let mut answered: Vec<(&String, &schema::Attribute)> =
        ephemeral.schema.attributes.iter().filter(|(_, attribute)| attribute.mode.is_computed()).collect();
    answered.sort_by_key(|(_, attribute)| !attribute.sensitive);
    provider.resources.iter().find_map(|(type_name, resource)| {
        resource.schema.attributes.iter().filter(|(_, attribute)| attribute.write_only).find_map(
            |(argument, taking)| {
                let (value, _) = answered.iter().find(|(_, given)| given.ty == taking.ty)?;
                Some((type_name.as_str(), argument.as_str(), value.as_str()))
            },
        )
    })
}

/// `block` with the attribute `name` set to `value` (replaced where the block sets it, else added).
fn with_attribute(block: &Block, name: &str, value: Expr) -> Block {
    let mut items: Vec<Item> = block
        .body
        .items
        .iter()
        .filter(|item| !matches!(item, Item::Attribute(set, _) if set == name))
        .cloned()
        .collect();
    items.push(Item::Attribute(name.to_owned(), value));
    Block { body: Body { items }, ..block.clone() }
}

/// The fake API holds no open object of the ephemeral resource: the run closed what it opened.
fn closed(fake: &mut FakeProcess, type_name: &str, ephemeral: &Resource) -> StepOutcome {
    if ephemeral.operations.close.is_none() {
        return Ok(Done::Pass);
    }
    let answer = fake.command(&format!("count {type_name}")).map_err(Failure::new)?;
    match answer.as_str() {
        "0" => Ok(Done::Pass),
        open => Err(Failure::new(format!("{open} object(s) of {type_name} are still open after the run"))),
    }
}

/// The consumer's write-only argument reached the API with the ephemeral value, which neither the state
/// nor a saved plan holds; the next plan is empty and closes what it opened.
fn used(
    workspace: &Workspace,
    fake: &mut FakeProcess,
    consumer: &Consumer<'_>,
    provider: &schema::Provider,
    (type_name, ephemeral): (&str, &Resource),
) -> StepOutcome {
    let stored = fake.command(&format!("objects {}", consumer.type_name)).map_err(Failure::new)?;
    let stored: Value = serde_json::from_str(&stored).map_err(|error| Failure::new(format!("fake API: {error}")))?;
    let field = &provider.resources[consumer.type_name].schema.attribute(consumer.argument).api_name;
    let value = match stored.get(0).and_then(|object| object.get(field)) {
        Some(Value::String(text)) if !text.is_empty() => text.clone(),
        Some(Value::Null | Value::String(_)) | None => {
            return Err(Failure::new(format!(
                "{}'s `{}` did not reach the API with the value of {type_name}",
                consumer.address, consumer.argument
            )));
        }
        Some(other) => other.to_string(),
    };
    let state = workspace.read("terraform.tfstate").map_err(|error| Failure::new(format!("the state: {error}")))?;
    if state.contains(&value) {
        return Err(Failure::new(format!("the state holds the value of {type_name}")));
    }
    let saved = workspace.run(&["plan", "-out=ephemeral.tfplan", "-no-color"]);
    if !saved.exited(0) {
        return Err(Failure::of("terraform plan failed", &saved));
    }
    let shown = workspace.run(&["show", "-json", "ephemeral.tfplan"]);
    if !shown.exited(0) || shown.stdout.contains(&value) {
        return Err(Failure::of(format!("the saved plan holds the value of {type_name}"), &shown));
    }
    closed(fake, type_name, ephemeral)?;
    clean_plan(workspace)
}
