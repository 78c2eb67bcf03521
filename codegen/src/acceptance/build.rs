//! Building what the acceptance runner starts: the `fake-api` binary and each provider's binary. A
//! provider whose crate is a member of the project's workspace and carries the current model is built
//! there; any other (a test fixture, an imported provider in a temporary folder) is written into a scratch
//! workspace under the project's target folder that builds against the project's own crates.

use std::path::{Path, PathBuf};
use std::process::Command;

use schema::Provider;
use serde_json::Value;

/// The project's workspace, as `cargo metadata` describes it.
pub struct Project {
    root: PathBuf,
    target_dir: PathBuf,
    /// Package names with their manifest folders.
    packages: Vec<(String, PathBuf)>,
}

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Runs cargo; its error output when it fails.
fn run_cargo(command: &mut Command) -> Result<Vec<u8>, String> {
    let output = command.output().map_err(|error| format!("cannot run cargo: {error}"))?;
    if output.status.success() { Ok(output.stdout) } else { Err(String::from_utf8_lossy(&output.stderr).into_owned()) }
}

impl Project {
    /// The workspace whose root manifest is in `root`.
    pub fn read(root: &Path) -> Result<Project, String> {
        let stdout = run_cargo(
            Command::new(cargo()).args(["metadata", "--no-deps", "--format-version", "1"]).current_dir(root),
        )?;
        let metadata: Value = serde_json::from_slice(&stdout).map_err(|error| format!("cargo metadata: {error}"))?;
        let target_dir = metadata["target_directory"].as_str().map(PathBuf::from).ok_or("cargo metadata: no target")?;
        let root = metadata["workspace_root"].as_str().map(PathBuf::from).ok_or("cargo metadata: no workspace root")?;
        let packages = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|package| {
                let name = package["name"].as_str()?.to_owned();
                let manifest = Path::new(package["manifest_path"].as_str()?).parent()?.to_owned();
                Some((name, manifest))
            })
            .collect();
        Ok(Project { root, target_dir, packages })
    }

    /// Builds the `fake-api` binary and the provider binary of each of `providers`; their paths, the
    /// providers' in the same order.
    pub fn build(&self, providers: &[&Provider]) -> Result<(PathBuf, Vec<PathBuf>), String> {
        let mut members = vec!["fake-api".to_owned()];
        let mut scratch = Vec::new();
        let mut binaries = Vec::new();
        for provider in providers {
            let package = format!("terraform-provider-{}", provider.name);
            if self.is_current(&package, provider)? {
                binaries.push(self.target_dir.join("debug").join(&package));
                members.push(package);
            } else {
                binaries.push(self.target_dir.join("scratch/debug").join(&package));
                scratch.push(*provider);
            }
        }
        let mut command = Command::new(cargo());
        command.arg("build").current_dir(&self.root);
        for member in &members {
            command.args(["-p", member]);
        }
        run_cargo(&mut command).map_err(|error| format!("building {}: {error}", members.join(", ")))?;
        if !scratch.is_empty() {
            self.build_scratch(&scratch)?;
        }
        Ok((self.target_dir.join("debug/fake-api"), binaries))
    }

    /// Builds `provider`'s binary in release mode for the Rust target `triple`; its path. The binary crate
    /// must be the workspace's and carry the current model (`codegen generate` writes it).
    pub fn build_release(&self, provider: &Provider, triple: &str) -> Result<PathBuf, String> {
        let package = format!("terraform-provider-{}", provider.name);
        if !self.is_current(&package, provider)? {
            return Err(format!(
                "the workspace has no crate `{package}` carrying the current model of `{}`: run `codegen generate` first",
                provider.name
            ));
        }
        let mut command = Command::new(cargo());
        command.args(["build", "--release", "-p", &package, "--target", triple]).current_dir(&self.root);
        run_cargo(&mut command).map_err(|error| format!("building {package} for {triple}: {error}"))?;
        let suffix = if triple.contains("-windows-") { ".exe" } else { "" };
        Ok(self.target_dir.join(triple).join("release").join(format!("{package}{suffix}")))
    }

    /// Whether the workspace has `package` and its embedded model is the one `provider` gives now.
    fn is_current(&self, package: &str, provider: &Provider) -> Result<bool, String> {
        let Some((_, dir)) = self.packages.iter().find(|(name, _)| name == package) else { return Ok(false) };
        let files = crate::client::provider_binary(provider).map_err(|error| error.to_string())?;
        let model = files.iter().find(|(path, _)| path.ends_with("src/provider.json"));
        let on_disk = std::fs::read_to_string(dir.join("src/provider.json")).ok();
        Ok(model.is_some_and(|(_, text)| on_disk.as_deref() == Some(text.as_str())))
    }

    /// Writes the providers' binary crates into a scratch workspace (`target/acceptance-crates/<names>`,
    /// one per set of providers, so runners building others at the same time keep their own manifest) with
    /// the project's workspace settings and lock file, and builds them into `target/scratch`.
    fn build_scratch(&self, providers: &[&Provider]) -> Result<(), String> {
        let names: Vec<&str> = providers.iter().map(|provider| provider.name.as_str()).collect();
        let dir = self.target_dir.join("acceptance-crates").join(names.join("+"));
        let write = |path: &Path, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap_or(&dir))
                .and_then(|()| write_if_changed(path, text))
                .map_err(|error| format!("{}: {error}", path.display()))
        };
        let mut members = Vec::new();
        for provider in providers {
            let files = crate::client::provider_binary(provider).map_err(|error| error.to_string())?;
            for (path, text) in &files {
                write(&dir.join(&provider.name).join(path), text)?;
            }
            members.push(format!("{}/provider", provider.name));
        }
        write(&dir.join("Cargo.toml"), &scratch_manifest(&self.root, &members)?)?;
        let lock = std::fs::read_to_string(self.root.join("Cargo.lock")).unwrap_or_default();
        if !dir.join("Cargo.lock").exists() {
            write(&dir.join("Cargo.lock"), &lock)?;
        }
        let mut command = Command::new(cargo());
        command
            .arg("build")
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", self.target_dir.join("scratch"))
            .env_remove("RUSTFLAGS");
        run_cargo(&mut command).map_err(|error| format!("building the scratch provider crates: {error}"))?;
        Ok(())
    }
}

/// The manifest of a workspace outside the project whose `members` build against the project's own crates:
/// the project's workspace settings (from `[workspace.package]` on: dependency versions, lints, profiles)
/// with every relative `path = "…"` made absolute.
pub fn scratch_manifest(root: &Path, members: &[String]) -> Result<String, String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|error| format!("{}: {error}", root.join("Cargo.toml").display()))?;
    let settings = &manifest[manifest.find("[workspace.package]").unwrap_or(0)..];
    let mut absolute = String::with_capacity(settings.len());
    let mut rest = settings;
    while let Some(at) = rest.find("path = \"") {
        let start = at + "path = \"".len();
        let Some(length) = rest[start..].find('"') else { break };
        let path = Path::new(&rest[start..start + length]);
        absolute.push_str(&rest[..at]);
        absolute.push_str(&format!("path = {:?}", root.join(path).display().to_string()));
        rest = &rest[start + length + 1..];
    }
    absolute.push_str(rest);
    let members: Vec<String> = members.iter().map(|member| format!("{member:?}")).collect();
    Ok(format!("[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n{absolute}", members.join(", ")))
}

/// Writes `text` unless the file holds it already, so cargo sees unchanged sources as unchanged.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}
