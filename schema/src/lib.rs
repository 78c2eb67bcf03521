//! The schema model of a Terraform provider and the loaders that build it.
//!
//! - [`model`]: the one model every emitter reads.
//! - [`load_provider`] / [`load_yaml`]: the YAML resource-schema format ([`format`]), checked by [`validate`].
//! - [`tfjson`]: Terraform's provider-schema JSON (`terraform providers schema -json`).
//! - [`json_schema`]: a JSON Schema of the YAML format for editors.

pub mod derive;
pub mod diag;
pub mod duration;
pub mod embedded;
pub mod format;
pub mod functions;
pub mod identity;
pub mod json_schema;
pub mod listing;
pub mod model;
pub mod names;
mod resolve;
pub mod template;
pub mod tfjson;
pub mod validate;
pub mod yaml;

use std::path::{Path, PathBuf};

pub use diag::{Diagnostic, FileErrors, Pos};
pub use model::*;

/// The file that holds a provider's schema inside its folder.
pub const PROVIDER_FILE: &str = "provider.yaml";

/// A provider loaded from its folder, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedProvider {
    /// The provider folder (examples and templates live beside the schema file).
    pub dir: PathBuf,
    /// The model.
    pub provider: Provider,
}

/// Loads and checks the provider in `path`: a provider folder, or a schema file itself.
pub fn load_provider(path: &Path) -> Result<LoadedProvider, FileErrors> {
    let (dir, file) = if path.is_dir() {
        (path.to_owned(), path.join(PROVIDER_FILE))
    } else {
        (path.parent().map(Path::to_owned).unwrap_or_default(), path.to_owned())
    };
    let provider = load_yaml(&file)?;
    Ok(LoadedProvider { dir, provider })
}

/// Loads and checks a schema file.
pub fn load_yaml(file: &Path) -> Result<Provider, FileErrors> {
    let bytes = std::fs::read(file).map_err(|error| {
        FileErrors::whole_file(
            file,
            format!("cannot read the file: {error}"),
            "check the path; a provider folder must contain provider.yaml",
        )
    })?;
    if bytes.len() > yaml::MAX_FILE_BYTES {
        return Err(FileErrors::whole_file(
            file,
            format!("file is {} bytes, more than the limit of {}", bytes.len(), yaml::MAX_FILE_BYTES),
            "split the provider, or shorten long descriptions",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        FileErrors::new(
            file,
            vec![
                Diagnostic::new(Pos::of_offset(&text, valid), "the file is not valid UTF-8")
                    .hint("save the file as UTF-8 text"),
            ],
        )
    })?;
    load_yaml_str(&text, file)
}

/// Loads and checks schema text; `file` names it in errors.
pub fn load_yaml_str(text: &str, file: &Path) -> Result<Provider, FileErrors> {
    let doc = yaml::parse(text).map_err(|diagnostic| FileErrors::new(file, vec![diagnostic]))?;
    let mut diagnostics = Vec::new();
    let provider = format::decode::provider(&doc, &mut diagnostics);
    for issue in validate::validate(&provider) {
        diagnostics.push(Diagnostic::new(doc.locate(&issue.path), issue.message).hint(issue.hint));
    }
    // Freeing a large tree's many small allocations takes as long as decoding it; let another core do it.
    std::thread::spawn(move || drop(doc));
    if !diagnostics.is_empty() {
        return Err(FileErrors::new(file, diagnostics));
    }
    resolved(provider, file)
}

/// The model resolved ([`Provider::resolve`]), the last step of every loader; `file` names it in errors
/// (which validation rules out: a validated model always resolves).
pub fn resolved(mut provider: Provider, file: &Path) -> Result<Provider, FileErrors> {
    match provider.resolve() {
        Ok(()) => Ok(provider),
        Err(problems) => Err(FileErrors::new(
            file,
            problems
                .into_iter()
                .map(|problem| Diagnostic::new(Pos::START, problem).hint("declare every type the schema names, once"))
                .collect(),
        )),
    }
}
