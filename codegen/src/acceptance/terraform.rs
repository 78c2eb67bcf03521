//! Running the real `terraform` in a folder of its own, against a development build of a provider: a CLI
//! configuration with `dev_overrides` (no registry, no `terraform init`), the configuration files, and
//! commands whose whole output is kept for the report.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The `terraform` binary: `TF_BIN`, or the first on PATH.
pub fn find() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TF_BIN") {
        return Some(PathBuf::from(path));
    }
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join("terraform")).find(|path| path.is_file())
}

/// A CLI configuration that takes `provider` (as `example/<provider>`) from the build in `plugins`, with no
/// registry and no `terraform init`.
pub fn cli_config(provider: &str, plugins: &Path) -> String {
    format!(
        "provider_installation {{\n  dev_overrides {{\n    \"example/{provider}\" = \"{}\"\n  }}\n  direct {{}}\n}}\n",
        plugins.display()
    )
}

/// The `terraform` block requiring `provider` from the development build.
pub fn requirement(provider: &str) -> String {
    format!("terraform {{\n  required_providers {{\n    {provider} = {{ source = \"example/{provider}\" }}\n  }}\n}}\n")
}

/// A folder terraform runs in.
pub struct Workspace {
    terraform: PathBuf,
    dir: PathBuf,
    provider: String,
}

/// What a terraform command did.
#[derive(Debug, Clone)]
pub struct Run {
    /// The command line, for logs.
    pub command: String,
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Everything it printed: standard output, then standard error.
    pub fn output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Whether it exited with `code`.
    pub fn exited(&self, code: i32) -> bool {
        self.code == Some(code)
    }
}

impl Workspace {
    /// A workspace in `dir` (created empty) using `binary` as the provider `provider`.
    pub fn new(terraform: &Path, dir: PathBuf, provider: &str, binary: &Path) -> std::io::Result<Workspace> {
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let plugins = dir.join("plugins");
        std::fs::create_dir_all(&plugins)?;
        // Terraform looks for `terraform-provider-<name>` in the override folder.
        std::os::unix::fs::symlink(binary, plugins.join(format!("terraform-provider-{provider}")))?;
        std::fs::write(dir.join("cli.tfrc"), cli_config(provider, &plugins))?;
        Ok(Workspace { terraform: terraform.to_owned(), dir, provider: provider.to_owned() })
    }

    /// Writes `main.tf`: the provider requirement, then `config`.
    pub fn configure(&self, config: &str) -> std::io::Result<()> {
        std::fs::write(self.dir.join("main.tf"), format!("{}\n{config}", requirement(&self.provider)))
    }

    /// Runs `terraform ARGS` offline, without colour.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = Command::new(&self.terraform);
        command
            .args(args)
            .current_dir(&self.dir)
            .env("TF_CLI_CONFIG_FILE", self.dir.join("cli.tfrc"))
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env_remove("TF_LOG");
        let line = format!("terraform {}", args.join(" "));
        match command.output() {
            Ok(output) => Run {
                command: line,
                code: output.status.code(),
                stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            },
            Err(error) => Run {
                command: line,
                code: None,
                stdout: String::new(),
                stderr: format!("cannot run {}: {error}", self.terraform.display()),
            },
        }
    }

    /// The text of the file `name` of the workspace (its state, `terraform.tfstate`).
    pub fn read(&self, name: &str) -> std::io::Result<String> {
        std::fs::read_to_string(self.dir.join(name))
    }

    /// The attribute values of each resource and data source in the state, by address.
    pub fn state_values(&self) -> Result<Vec<(String, Value)>, Run> {
        let run = self.run(&["show", "-json", "-no-color"]);
        let parsed: Option<Value> = run.exited(0).then(|| serde_json::from_str(&run.stdout).ok()).flatten();
        let Some(state) = parsed else { return Err(run) };
        let resources = state.pointer("/values/root_module/resources").and_then(Value::as_array);
        Ok(resources
            .into_iter()
            .flatten()
            .filter_map(|resource| {
                let address = resource.get("address")?.as_str()?.to_owned();
                Some((address, resource.get("values")?.clone()))
            })
            .collect())
    }
}
