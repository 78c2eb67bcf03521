//! Generates docs, a Rust client and a Terraform provider from provider schemas.
//!
//! [`Config`] is the one entry point behind the CLI, tests and build scripts: point it at the schema
//! folder and the output folders, then [`Config::generate`] writes what changed, or [`Config::check`]
//! lists what is out of date without writing anything.

pub mod acceptance;
pub mod client;
pub mod diff;
pub mod docs;
pub mod examples;
pub mod history;
pub mod import;
pub mod output;
pub mod release;
pub mod site;

use std::fmt;
use std::path::{Path, PathBuf};

use schema::{FileErrors, LoadedProvider};

pub use output::{Difference, Output, WriteReport};

/// Where schemas are read from and where generated files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    schema_dir: PathBuf,
    out_dir: PathBuf,
    docs_dir: PathBuf,
    templates_dir: PathBuf,
    providers: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config::new(".")
    }
}

/// Why a run produced nothing.
#[derive(Debug)]
pub enum Error {
    /// Schema files with problems; every problem of every file is listed.
    Schema(Vec<FileErrors>),
    /// A provider named with [`Config::provider`] has no folder.
    UnknownProvider {
        /// The name asked for.
        name: String,
        /// The providers that exist.
        available: Vec<String>,
    },
    /// A provider's client crate could not be generated.
    Client {
        /// The provider.
        provider: String,
        /// What went wrong.
        error: client::ClientError,
    },
    /// A provider's documentation could not be rendered.
    Docs {
        /// The provider.
        provider: String,
        /// What went wrong.
        error: docs::DocsError,
    },
    /// Reading or writing files failed.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Schema(files) => {
                for (index, file) in files.iter().enumerate() {
                    if index > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{file}")?;
                }
                Ok(())
            }
            Error::UnknownProvider { name, available } => {
                write!(f, "no provider `{name}`; the schema folder has: {}", available.join(", "))
            }
            Error::Client { provider, error } => write!(f, "client of provider `{provider}`: {error}"),
            Error::Docs { provider, error } => write!(f, "docs of provider `{provider}`: {error}"),
            Error::Io(path, error) => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

impl Config {
    /// A configuration with the project's default layout below `root`: schemas in `schema/providers`,
    /// crates in `generated`, docs in `docs`, template overrides in `templates`.
    pub fn new(root: impl AsRef<Path>) -> Self {
        let root = root.as_ref();
        Config {
            schema_dir: root.join("schema/providers"),
            out_dir: root.join("generated"),
            docs_dir: root.join("docs"),
            templates_dir: root.join("templates"),
            providers: Vec::new(),
        }
    }

    /// Reads provider folders from `dir` (one folder per provider, each with `provider.yaml`).
    pub fn schema_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.schema_dir = dir.into();
        self
    }

    /// Writes one crate per provider below `dir`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = dir.into();
        self
    }

    /// Writes documentation below `dir`, one folder per provider.
    pub fn docs_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.docs_dir = dir.into();
        self
    }

    /// Reads documentation template overrides from `dir`.
    pub fn templates_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.templates_dir = dir.into();
        self
    }

    /// Limits the run to the named provider; call again to add more. No call means every provider.
    pub fn provider(&mut self, name: impl Into<String>) -> &mut Self {
        self.providers.push(name.into());
        self
    }

    /// The provider folders the run covers, sorted by name.
    pub fn provider_dirs(&self) -> Result<Vec<PathBuf>, Error> {
        let entries = std::fs::read_dir(&self.schema_dir).map_err(|error| Error::Io(self.schema_dir.clone(), error))?;
        let mut dirs = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|error| Error::Io(self.schema_dir.clone(), error))?;
            if entry.path().join(schema::PROVIDER_FILE).is_file() {
                dirs.push(entry.path());
            }
        }
        dirs.sort();
        if self.providers.is_empty() {
            return Ok(dirs);
        }
        let available: Vec<String> =
            dirs.iter().filter_map(|dir| dir.file_name()).map(|name| name.to_string_lossy().into_owned()).collect();
        let mut chosen = Vec::new();
        for name in &self.providers {
            match available.iter().position(|candidate| candidate == name) {
                Some(index) => chosen.push(dirs[index].clone()),
                None => {
                    return Err(Error::UnknownProvider { name: name.clone(), available });
                }
            }
        }
        Ok(chosen)
    }

    /// Loads and checks every provider the run covers, reporting the problems of all files at once.
    pub fn load(&self) -> Result<Vec<LoadedProvider>, Error> {
        let mut loaded = Vec::new();
        let mut errors = Vec::new();
        for dir in self.provider_dirs()? {
            match schema::load_provider(&dir) {
                Ok(provider) => loaded.push(provider),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() { Ok(loaded) } else { Err(Error::Schema(errors)) }
    }

    /// Everything the run produces, in memory.
    pub fn render(&self) -> Result<Output, Error> {
        let providers = self.load()?;
        let mut output = Output::default();
        for loaded in &providers {
            let docs_dir = self.docs_dir.join(&loaded.provider.name);
            let examples = docs::generated_examples(loaded);
            let mut pages = docs::provider_docs(loaded, &self.templates_dir, &examples)
                .map_err(|error| Error::Docs { provider: loaded.provider.name.clone(), error })?;
            pages.extend(
                docs::pulumi_docs(loaded, &examples)
                    .map_err(|error| Error::Docs { provider: loaded.provider.name.clone(), error })?,
            );
            for (path, page) in pages {
                output.add(docs_dir.join(path), page);
            }
            output.own(docs_dir);
            let crate_dir = self.out_dir.join(&loaded.provider.name);
            let files = client::provider_crate(&loaded.provider)
                .map_err(|error| Error::Client { provider: loaded.provider.name.clone(), error })?;
            for (path, contents) in files {
                output.add(crate_dir.join(path), contents);
            }
            output.own(crate_dir);
        }
        Ok(output)
    }

    /// Writes every generated file whose bytes changed and removes extra files from generated folders.
    /// Nothing is written when any schema has a problem.
    pub fn generate(&self) -> Result<WriteReport, Error> {
        let output = self.render()?;
        output.write().map_err(|error| Error::Io(self.out_dir.clone(), error))
    }

    /// Lists every generated file on disk that is stale, missing or extra. Writes nothing.
    pub fn check(&self) -> Result<Vec<(PathBuf, Difference)>, Error> {
        let output = self.render()?;
        output.check().map_err(|error| Error::Io(self.out_dir.clone(), error))
    }
}
