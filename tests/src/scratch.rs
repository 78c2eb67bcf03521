//! A workspace of generated crates outside the project's, which cargo builds against the project's own
//! crates (by path, with the same dependency versions and lints), for tests that must see generated code
//! compile, test and document. Its build folder is kept in the project's `target/scratch`, so the
//! dependencies are built once for every such test.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch workspace in a temporary folder; removed when dropped.
pub struct Scratch {
    dir: tempfile::TempDir,
    members: Vec<String>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Scratch {
    /// An empty workspace.
    pub fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().unwrap(), members: Vec::new() }
    }

    /// The workspace folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes the crates the client emitter generates for `provider` (the client and its provider binary)
    /// as members.
    pub fn add(&mut self, provider: &schema::Provider) -> Result<(), String> {
        let files = codegen::client::provider_crate(provider).map_err(|error| error.to_string())?;
        let root = self.dir.path().join(&provider.name);
        for (path, contents) in files {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, contents).unwrap();
        }
        self.members.push(provider.name.clone());
        self.members.push(format!("{}/provider", provider.name));
        Ok(())
    }

    /// Runs `cargo <args>` in the workspace: whether it succeeded, and what it printed.
    pub fn cargo(&self, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
        self.write_manifest();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args(args)
            .current_dir(self.dir.path())
            .env("CARGO_TARGET_DIR", target_dir())
            .env_remove("RUSTFLAGS")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.success(), text)
    }

    /// The workspace manifest: the members, and the project's own workspace settings with its crates by path.
    fn write_manifest(&self) {
        let root = crate::workspace_root();
        let manifest = codegen::acceptance::build::scratch_manifest(&root, &self.members).unwrap();
        std::fs::write(self.dir.path().join("Cargo.toml"), manifest).unwrap();
        // The project's lock file, so the scratch builds the dependency versions the project does.
        let lock = self.dir.path().join("Cargo.lock");
        if !lock.exists() {
            std::fs::copy(root.join("Cargo.lock"), lock).unwrap();
        }
    }
}

fn target_dir() -> PathBuf {
    crate::workspace_root().join("target/scratch")
}
