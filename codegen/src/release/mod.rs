//! Releases of a generated provider in the layout the Terraform Registry publishes and `terraform init`
//! installs: per platform a zip of the release build, the Registry manifest, `SHA256SUMS` and its detached
//! GPG signature; and, on request, a filesystem and network mirror of them for private registries and
//! air-gapped users.
//!
//! [`Release`] is the entry point behind `codegen release`: name the provider, the version and the
//! targets, then [`Release::run`].
//!
//! - [`package`]: the zips, the manifest, the sums and the signature.
//! - [`hashes`]: the `zh:` and `h1:` hashes Terraform records in `.terraform.lock.hcl`.
//! - [`mirror`]: the mirror layouts.

pub mod hashes;
pub mod mirror;
pub mod package;

use std::path::{Path, PathBuf};
use std::process::Command;

use schema::Provider;

use crate::acceptance::build::Project;

/// A platform a provider is built for: a Rust target and the Registry's `<os>_<arch>` for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    /// The Rust target triple (`x86_64-unknown-linux-gnu`).
    pub triple: String,
    /// Terraform's operating system name (`linux`).
    pub os: &'static str,
    /// Terraform's architecture name (`amd64`).
    pub arch: &'static str,
}

impl Platform {
    /// The platform of a Rust target triple; an error names the targets Terraform has platforms for.
    pub fn of(triple: &str) -> Result<Platform, String> {
        let arch = match triple.split('-').next().unwrap_or_default() {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "i686" | "i586" => "386",
            "armv7" | "arm" => "arm",
            other => {
                return Err(format!("target `{triple}`: Terraform has no platform for the architecture `{other}`"));
            }
        };
        let os = if triple.contains("-linux-") {
            "linux"
        } else if triple.contains("-apple-darwin") {
            "darwin"
        } else if triple.contains("-windows-") {
            "windows"
        } else if triple.contains("-freebsd") {
            "freebsd"
        } else {
            return Err(format!("target `{triple}`: Terraform has no platform for its operating system"));
        };
        Ok(Platform { triple: triple.to_owned(), os, arch })
    }

    /// `linux_amd64`.
    pub fn key(&self) -> String {
        format!("{}_{}", self.os, self.arch)
    }

    /// The binary's file name suffix on the platform.
    fn executable_suffix(&self) -> &'static str {
        if self.os == "windows" { ".exe" } else { "" }
    }
}

/// One platform's archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// The platform.
    pub platform: Platform,
    /// The zip written.
    pub path: PathBuf,
    /// Its `zh:` hash.
    pub zh: String,
    /// Its `h1:` hash.
    pub h1: String,
}

/// What a release wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    /// The version released.
    pub version: String,
    /// The archives, in the order of the targets.
    pub archives: Vec<Archive>,
    /// The Registry manifest.
    pub manifest: PathBuf,
    /// `SHA256SUMS`.
    pub sums: PathBuf,
    /// Its detached signature, when the release was signed.
    pub signature: Option<PathBuf>,
}

/// A release of one provider of a project.
pub struct Release<'p> {
    root: PathBuf,
    provider: &'p Provider,
    version: String,
    targets: Vec<String>,
    key: Option<String>,
    out: PathBuf,
}

impl<'p> Release<'p> {
    /// A release of `provider` (its binary crate generated in the project whose workspace is in `root`)
    /// as `version`, for the host, unsigned, into `root/target/release-artifacts/<provider>/<version>`.
    pub fn new(root: impl Into<PathBuf>, provider: &'p Provider, version: impl Into<String>) -> Self {
        let root = root.into();
        let version = version.into();
        let out = root.join("target/release-artifacts").join(&provider.name).join(&version);
        Release { root, provider, version, targets: Vec::new(), key: None, out }
    }

    /// Builds for the Rust target `triple` too (without any call: the host).
    pub fn target(&mut self, triple: impl Into<String>) -> &mut Self {
        self.targets.push(triple.into());
        self
    }

    /// Signs `SHA256SUMS` with the gpg secret key `key`.
    pub fn sign(&mut self, key: impl Into<String>) -> &mut Self {
        self.key = Some(key.into());
        self
    }

    /// Writes the release into `dir`.
    pub fn out(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out = dir.into();
        self
    }

    /// Builds each target in release mode and writes the release.
    pub fn run(&self) -> Result<Released, String> {
        check_version(&self.version)?;
        let triples = match self.targets.is_empty() {
            true => vec![host()?],
            false => self.targets.clone(),
        };
        let platforms = triples.iter().map(|triple| Platform::of(triple)).collect::<Result<Vec<_>, _>>()?;
        for platform in &platforms {
            installed(&platform.triple)?;
        }
        std::fs::create_dir_all(&self.out).map_err(|error| format!("{}: {error}", self.out.display()))?;
        let project = Project::read(&self.root)?;
        let name = &self.provider.name;
        let base = format!("terraform-provider-{name}_{}", self.version);
        let mut archives = Vec::new();
        let mut summed = Vec::new();
        for platform in platforms {
            let binary = project.build_release(self.provider, &platform.triple)?;
            let bytes = std::fs::read(&binary).map_err(|error| format!("{}: {error}", binary.display()))?;
            let inside = format!("terraform-provider-{name}_v{}{}", self.version, platform.executable_suffix());
            let zip = package::zip_binary(&bytes, &inside)?;
            let file_name = format!("{base}_{}.zip", platform.key());
            let path = write(&self.out.join(&file_name), &zip)?;
            archives.push(Archive { zh: hashes::zh(&zip), h1: hashes::h1(&zip)?, platform, path });
            summed.push((file_name, zip));
        }
        let manifest_name = format!("{base}_manifest.json");
        let manifest = package::manifest();
        let manifest_path = write(&self.out.join(&manifest_name), manifest.as_bytes())?;
        summed.push((manifest_name, manifest.into_bytes()));
        let sums = write(&self.out.join(format!("{base}_SHA256SUMS")), hashes::summary(&summed).as_bytes())?;
        let signature = self.key.as_deref().map(|key| package::sign(&sums, key)).transpose()?;
        Ok(Released { version: self.version.clone(), archives, manifest: manifest_path, sums, signature })
    }
}

/// A version the Registry accepts: `MAJOR.MINOR.PATCH`, maybe with a pre-release (`1.2.0-beta.1`).
fn check_version(version: &str) -> Result<(), String> {
    let (core, pre) = version.split_once('-').map_or((version, None), |(core, pre)| (core, Some(pre)));
    let numbers: Vec<&str> = core.split('.').collect();
    let numeric = |part: &&str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    let pre_ok = pre.is_none_or(|pre| {
        !pre.is_empty()
            && pre
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    });
    if numbers.len() == 3 && numbers.iter().all(numeric) && pre_ok {
        Ok(())
    } else {
        Err(format!(
            "`{version}` is not a version the Registry accepts: write MAJOR.MINOR.PATCH, such as 1.2.3 or 1.3.0-beta.1"
        ))
    }
}

/// The host's Rust target, as `rustc -vV` says.
pub fn host() -> Result<String, String> {
    let output = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .arg("-vV")
        .output()
        .map_err(|error| format!("cannot run rustc: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| "rustc -vV names no host target".to_owned())
}

/// Whether the Rust standard library for `triple` is installed; an error that says how to install it.
fn installed(triple: &str) -> Result<(), String> {
    let output = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .args(["--print", "sysroot"])
        .output()
        .map_err(|error| format!("cannot run rustc: {error}"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if sysroot.join("lib/rustlib").join(triple).join("lib").is_dir() {
        Ok(())
    } else {
        Err(format!(
            "the Rust target `{triple}` is not installed: run `rustup target add {triple}` (and install a linker for it)"
        ))
    }
}

/// Writes `bytes` to `path`; the path.
fn write(path: &Path, bytes: &[u8]) -> Result<PathBuf, String> {
    std::fs::write(path, bytes).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(path.to_owned())
}
