//! `codegen`: regenerate, check and validate provider schemas.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use codegen::Config;

#[derive(Debug, Parser)]
#[command(name = "codegen", version, about = "Generate Terraform docs, a Rust client and a provider from YAML schemas")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Regenerate everything from the schemas (the default command). Only changed files are written.
    Generate(Paths),
    /// Exit 1 and list every generated file that is stale, missing or extra. Writes nothing.
    Check(Paths),
    /// Check schema files or provider folders and report every problem with its position.
    Validate {
        /// Schema files or provider folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the YAML format, for editors.
    JsonSchema,
    /// Drive every resource of the providers through its whole life with the real `terraform` against
    /// the fake API (create, update, replace, import, re-create, destroy; data sources read what a
    /// resource created). Exit 1 on any failure.
    Acceptance(AcceptanceArgs),
    /// Every change from one version of a provider to another that a Terraform user would see, each
    /// classed as breaking or not (the rules are in the README). Exit 1 when a breaking change has no
    /// state upgrade step.
    Diff(DiffArgs),
    /// Build a provider in release mode and write what the Terraform Registry publishes and `terraform
    /// init` installs: a zip per platform, the manifest, SHA256SUMS and its signature; optionally a
    /// filesystem and network mirror of them.
    Release(ReleaseArgs),
    /// Render the docs folder as a static HTML site: Registry, Pulumi and Rust client pages with a
    /// navigation tree, anchors on every attribute, working language tabs and a search index.
    Site {
        /// The docs folder, one folder per provider [default: docs]
        #[arg(long, value_name = "DIR")]
        docs: Option<PathBuf>,
        /// Folder for the site [default: target/site]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Import a provider from another description of the API.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Render Registry docs from `terraform providers schema -json` output, as `tfplugindocs generate`
    /// does (same flags, same inputs, same files).
    Docs(Box<codegen::docs::cli::DocsArgs>),
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// An OpenAPI 3.0 or 3.1 spec (YAML or JSON), with `x-speakeasy-*` annotations or by REST convention
    Openapi(OpenapiArgs),
}

#[derive(Debug, Args)]
struct OpenapiArgs {
    /// The spec files: several are merged in order, as the leading generator merges a workflow's inputs
    #[arg(required = true, value_name = "SPEC")]
    specs: Vec<PathBuf>,
    /// OpenAPI Overlay files applied in order before the import (repeatable)
    #[arg(long, value_name = "FILE")]
    overlay: Vec<PathBuf>,
    /// The provider name (the prefix of every resource type)
    #[arg(long, value_name = "PROVIDER")]
    name: String,
    /// The provider folder to write [default: schema/providers/<PROVIDER>]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also write the decisions the spec left open to this file
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct AcceptanceArgs {
    /// Folder holding one folder per provider [default: schema/providers]
    #[arg(long, value_name = "DIR")]
    schema: Option<PathBuf>,
    /// Only this provider (repeatable)
    #[arg(long, value_name = "NAME")]
    provider: Vec<String>,
    /// Only this resource or data source type (repeatable)
    #[arg(long, value_name = "TYPE")]
    resource: Vec<String>,
    /// How many resources run at once [default: the number of cores]
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Print the report as JSON on standard output (progress goes to standard error)
    #[arg(long)]
    json: bool,
    /// Folder for the workspaces and the logs of failing steps [default: target/acceptance]
    #[arg(long, value_name = "DIR")]
    work: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ReleaseArgs {
    /// The provider to release
    #[arg(long, value_name = "NAME")]
    provider: String,
    /// The version, MAJOR.MINOR.PATCH (a pre-release suffix allowed)
    #[arg(long, value_name = "X.Y.Z")]
    version: String,
    /// Folder holding one folder per provider [default: schema/providers]
    #[arg(long, value_name = "DIR")]
    schema: Option<PathBuf>,
    /// A Rust target to build for (repeatable) [default: the host]
    #[arg(long, value_name = "TRIPLE")]
    target: Vec<String>,
    /// Sign SHA256SUMS with this gpg secret key (ID, fingerprint or user ID)
    #[arg(long, value_name = "KEY")]
    sign: Option<String>,
    /// Folder for the release [default: target/release-artifacts/<NAME>/<X.Y.Z>]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also lay the release out as a filesystem and network mirror in this folder
    #[arg(long, value_name = "DIR")]
    mirror: Option<PathBuf>,
    /// The registry host name of the provider's source address in the mirror
    #[arg(long, value_name = "HOST", default_value = "registry.terraform.io")]
    host: String,
    /// The namespace of the provider's source address in the mirror
    #[arg(long, value_name = "NAMESPACE")]
    namespace: Option<String>,
}

#[derive(Debug, Args, Default)]
struct Paths {
    /// Folder holding one folder per provider [default: schema/providers]
    #[arg(long, value_name = "DIR")]
    schema: Option<PathBuf>,
    /// Folder for the generated crates [default: generated]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Folder for the generated documentation [default: docs]
    #[arg(long, value_name = "DIR")]
    docs: Option<PathBuf>,
    /// Folder of documentation template overrides [default: templates]
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Only this provider (repeatable)
    #[arg(long, value_name = "NAME")]
    provider: Vec<String>,
}

/// `codegen diff`.
#[derive(Debug, Args)]
struct DiffArgs {
    /// The old version: a provider folder, or `REVISION:FOLDER` for the folder at a git revision
    /// (`v1.2.0:schema/providers/shop`)
    old: String,
    /// The new version, written the same way
    new: String,
    /// Print the changes as JSON
    #[arg(long, conflicts_with = "changelog")]
    json: bool,
    /// Print the changes as a CHANGELOG.md fragment
    #[arg(long)]
    changelog: bool,
}

impl Paths {
    fn config(self) -> Config {
        let mut config = Config::new(project_root());
        if let Some(dir) = self.schema {
            config.schema_dir(dir);
        }
        if let Some(dir) = self.out {
            config.out_dir(dir);
        }
        if let Some(dir) = self.docs {
            config.docs_dir(dir);
        }
        if let Some(dir) = self.templates {
            config.templates_dir(dir);
        }
        for name in self.provider {
            config.provider(name);
        }
        config
    }
}

/// The nearest folder, from the current one upwards, that holds `schema/providers`; else the current one.
fn project_root() -> PathBuf {
    let here = Path::new(".");
    if here.join("schema/providers").is_dir() {
        return here.to_owned();
    }
    let current = std::env::current_dir().unwrap_or_else(|_| here.to_owned());
    current
        .ancestors()
        .find(|dir| dir.join("schema/providers").is_dir())
        .map_or_else(|| here.to_owned(), Path::to_owned)
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(codegen::docs::cli::go_style_flags(std::env::args()));
    match cli.command.unwrap_or(Command::Generate(Paths::default())) {
        Command::Generate(paths) => generate(paths.config()),
        Command::Check(paths) => check(paths.config()),
        Command::Validate { paths } => validate(&paths),
        Command::Docs(args) => docs(*args),
        Command::Acceptance(args) => acceptance(args),
        Command::Release(args) => release(args),
        Command::Site { docs, out } => {
            let root = project_root();
            let (docs, out) =
                (docs.unwrap_or_else(|| root.join("docs")), out.unwrap_or_else(|| root.join("target/site")));
            match codegen::site::build(&docs, &out) {
                Ok(written) => {
                    println!("{} files written to {}", written.len(), out.display());
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    eprintln!("{problem}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Diff(args) => diff(&args),
        Command::Import(ImportCommand::Openapi(args)) => import_openapi(args),
        Command::JsonSchema => {
            let schema = schema::json_schema::json_schema();
            println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
            ExitCode::SUCCESS
        }
    }
}

fn generate(config: Config) -> ExitCode {
    match config.generate() {
        Ok(report) => {
            for path in &report.written {
                println!("wrote {}", path.display());
            }
            for path in &report.removed {
                println!("removed {}", path.display());
            }
            println!(
                "{} written, {} unchanged, {} removed",
                report.written.len(),
                report.unchanged,
                report.removed.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn check(config: Config) -> ExitCode {
    match config.check() {
        Ok(differences) if differences.is_empty() => {
            println!("generated files are up to date");
            ExitCode::SUCCESS
        }
        Ok(differences) => {
            for (path, difference) in &differences {
                println!("{difference:<7} {}", path.display());
            }
            eprintln!("{} generated file(s) out of date; run `cargo run -p codegen` to regenerate", differences.len());
            ExitCode::FAILURE
        }
        Err(error) => fail(&error),
    }
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        match schema::load_provider(path) {
            Ok(loaded) => println!("{}: ok (provider `{}`)", path.display(), loaded.provider.name),
            Err(errors) => {
                eprintln!("{errors}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn diff(args: &DiffArgs) -> ExitCode {
    let (old, new) = match (version(&args.old), version(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for problem in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{problem}");
            }
            return ExitCode::FAILURE;
        }
    };
    let changes = codegen::diff::diff(&old, &new);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&changes).unwrap_or_default());
    } else if args.changelog {
        print!("{}", codegen::diff::changelog(&changes));
    } else {
        for change in &changes {
            println!("{change}");
        }
    }
    // A breaking change whose state an upgrade step takes care of is reported, and fails nothing.
    let unhandled =
        changes.iter().filter(|change| change.class == codegen::diff::Class::Breaking && !change.upgraded).count();
    if unhandled == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!("{unhandled} breaking change(s) without a state upgrade step");
    ExitCode::FAILURE
}

/// A provider as `codegen diff` names it: a folder, or `REVISION:FOLDER` read from git.
fn version(spec: &str) -> Result<schema::Provider, String> {
    let path = Path::new(spec);
    if path.exists() {
        return schema::load_provider(path).map(|loaded| loaded.provider).map_err(|errors| errors.to_string());
    }
    let Some((revision, folder)) = spec.split_once(':') else {
        return Err(format!("{spec}: no such folder (write `REVISION:FOLDER` for a folder at a git revision)"));
    };
    let file = format!("{revision}:{}/provider.yaml", folder.trim_end_matches('/'));
    let shown =
        std::process::Command::new("git").args(["show", &file]).output().map_err(|error| format!("git: {error}"))?;
    if !shown.status.success() {
        return Err(format!("{spec}: {}", String::from_utf8_lossy(&shown.stderr).trim()));
    }
    let text = String::from_utf8(shown.stdout).map_err(|_| format!("{file} is not UTF-8"))?;
    schema::load_yaml_str(&text, Path::new(&file)).map_err(|errors| errors.to_string())
}

fn docs(args: codegen::docs::cli::DocsArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let result = codegen::docs::run(args, &cwd, &mut std::io::stdout(), &mut std::io::stderr());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Error executing command: {error}");
            ExitCode::FAILURE
        }
    }
}

fn import_openapi(args: OpenapiArgs) -> ExitCode {
    let options = openapi::Options { specs: args.specs, overlays: args.overlay, name: args.name.clone() };
    let out = args.out.unwrap_or_else(|| project_root().join("schema/providers").join(&args.name));
    match codegen::import::openapi(&options, &out) {
        Ok(imported) => {
            for warning in &imported.warnings {
                eprintln!("warning: {warning}");
            }
            if let Some(file) = &args.report {
                let text: String = imported.report.iter().map(|line| format!("{line}\n")).collect();
                if let Err(error) = std::fs::write(file, text) {
                    eprintln!("{}: {error}", file.display());
                    return ExitCode::FAILURE;
                }
            }
            println!(
                "imported {} resources and {} data sources into {} ({} decisions in the report)",
                imported.provider.resources.len(),
                imported.provider.data_sources.len(),
                out.display(),
                imported.report.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            ExitCode::FAILURE
        }
    }
}

fn acceptance(args: AcceptanceArgs) -> ExitCode {
    let root = project_root();
    let mut config = Config::new(&root);
    if let Some(dir) = &args.schema {
        config.schema_dir(dir);
    }
    for name in &args.provider {
        config.provider(name);
    }
    let providers = match config.load() {
        Ok(providers) => providers,
        Err(error) => return fail(&error),
    };
    let mut runner = codegen::acceptance::Runner::new(&root);
    for provider in providers {
        runner.provider(provider);
    }
    for name in args.resource {
        runner.resource(name);
    }
    if let Some(jobs) = args.jobs {
        runner.jobs(jobs);
    }
    if let Some(dir) = args.work {
        runner.work_dir(dir);
    }
    let json = args.json;
    let progress = |line: &str| {
        if json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    match runner.run(&progress) {
        Ok(report) => {
            if json {
                println!("{}", report.json());
            } else {
                print!("\n{}", report.table());
                for failure in report.failures() {
                    println!("failed: {failure}");
                }
            }
            if report.passed() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}

fn release(args: ReleaseArgs) -> ExitCode {
    let root = project_root();
    let mut config = Config::new(&root);
    if let Some(dir) = &args.schema {
        config.schema_dir(dir);
    }
    config.provider(&args.provider);
    let loaded = match config.load() {
        Ok(mut providers) if !providers.is_empty() => providers.remove(0),
        Ok(_) => {
            eprintln!("no provider `{}` in the schema folder", args.provider);
            return ExitCode::FAILURE;
        }
        Err(error) => return fail(&error),
    };
    let mut release = codegen::release::Release::new(&root, &loaded.provider, &args.version);
    for target in &args.target {
        release.target(target);
    }
    if let Some(key) = &args.sign {
        release.sign(key);
    }
    if let Some(out) = &args.out {
        release.out(out);
    }
    let released = match release.run() {
        Ok(released) => released,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    for archive in &released.archives {
        println!("{} {} {}", archive.path.display(), archive.zh, archive.h1);
    }
    for file in [Some(&released.manifest), Some(&released.sums), released.signature.as_ref()].into_iter().flatten() {
        println!("{}", file.display());
    }
    if let Some(mirror) = &args.mirror {
        let address = codegen::release::mirror::Address {
            host: args.host.clone(),
            namespace: args.namespace.clone().unwrap_or_else(|| args.provider.clone()),
            provider: args.provider.clone(),
        };
        match codegen::release::mirror::write(&released, &address, mirror) {
            Ok(files) => files.iter().for_each(|file| println!("{}", file.display())),
            Err(problem) => {
                eprintln!("{problem}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn fail(error: &codegen::Error) -> ExitCode {
    eprintln!("{error}");
    ExitCode::FAILURE
}
