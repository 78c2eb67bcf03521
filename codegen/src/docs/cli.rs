//! The command-line flags of `codegen docs` (`tfplugindocs generate` and `validate`, with Go's `-flag`
//! spelling) and the kind folders both commands manage.

use std::path::PathBuf;

/// `codegen docs`: `generate` (the default, as in tfplugindocs) or `validate`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DocsArgs {
    /// What to do; without one, generate.
    #[command(subcommand)]
    pub command: Option<DocsCommand>,
    /// The flags of `generate`, when no command is named.
    #[command(flatten)]
    pub generate: GenerateArgs,
}

/// The commands of `codegen docs`.
#[derive(Debug, clap::Subcommand)]
pub enum DocsCommand {
    /// Render the docs (the default).
    Generate(GenerateArgs),
    /// Check existing docs against the schema, as `tfplugindocs validate` does.
    Validate(ValidateArgs),
}

/// The flags of `tfplugindocs generate`; Go's `-flag value` spelling is accepted too.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The flags `validate` shares.
    #[command(flatten)]
    pub provider: ProviderArgs,
    /// Provider name, as used in page titles [default: the provider name]
    #[arg(long, value_name = "NAME")]
    pub rendered_provider_name: Option<String>,
    /// Output directory, relative to the provider directory
    #[arg(long, value_name = "DIR", default_value = "docs")]
    pub rendered_website_dir: PathBuf,
    /// Examples directory, relative to the provider directory
    #[arg(long, value_name = "DIR", default_value = "examples")]
    pub examples_dir: PathBuf,
    /// Templates directory, relative to the provider directory
    #[arg(long, value_name = "DIR", default_value = "templates")]
    pub website_source_dir: PathBuf,
    /// Temporary directory for the copy of the templates (emptied first, left in place)
    #[arg(long, value_name = "DIR")]
    pub website_temp_dir: Option<PathBuf>,
    /// Do not generate templates for deprecated resources and functions
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub ignore_deprecated: Option<bool>,
}

/// The flags of `tfplugindocs` that say which provider, and where its schema is.
#[derive(Debug, clap::Args)]
pub struct ProviderArgs {
    /// Relative or absolute path to the root provider code directory [default: the current directory]
    #[arg(long, value_name = "DIR")]
    pub provider_dir: Option<PathBuf>,
    /// Provider name, as used in Terraform configurations [default: the provider directory's name]
    #[arg(long, value_name = "NAME")]
    pub provider_name: Option<String>,
    /// Path to the output of `terraform providers schema -json`
    #[arg(long, value_name = "FILE")]
    pub providers_schema: Option<PathBuf>,
    /// Accepted for compatibility; no Terraform is downloaded or run
    #[arg(long, value_name = "VERSION")]
    pub tf_version: Option<String>,
}

/// The long flags of `docs`, which Go programs also accept with one dash.
const DOCS_FLAGS: [&str; 10] = [
    "provider-dir",
    "provider-name",
    "rendered-provider-name",
    "providers-schema",
    "rendered-website-dir",
    "examples-dir",
    "website-source-dir",
    "website-temp-dir",
    "tf-version",
    "ignore-deprecated",
];

/// Rewrites Go's `-flag` spelling of the `docs` flags to `--flag`.
pub fn go_style_flags(args: impl Iterator<Item = String>) -> Vec<String> {
    args.map(|arg| {
        let name = arg
            .strip_prefix('-')
            .filter(|rest| !rest.starts_with('-'))
            .map(|rest| rest.split('=').next().unwrap_or(rest));
        match name {
            Some(name) if DOCS_FLAGS.contains(&name) => format!("-{arg}"),
            _ => arg,
        }
    })
    .collect()
}

/// The kind folders of the registry layout: a run empties them first (with `index.md`); anything else in
/// the website folder stays.
pub const MANAGED_DIRS: [&str; 8] = [
    "data-sources",
    "guides",
    "resources",
    "functions",
    "ephemeral-resources",
    "actions",
    "list-resources",
    "state-stores",
];

/// The flags of `tfplugindocs validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Which provider, and where its schema is.
    #[command(flatten)]
    pub provider: ProviderArgs,
}
