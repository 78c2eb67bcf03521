//! Helpers shared by the workspace's integration tests.

pub mod directory;
pub mod http_stub;
pub mod https_files;
pub mod plugin_client;
pub mod scratch;
pub mod terraform;
pub mod vendor_templates;
pub mod webdriver;

use std::path::{Path, PathBuf};

use schema::yaml::Node;
use serde_json::Value;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_owned).unwrap_or_default()
}

/// The sample providers' folders, sorted by name.
pub fn sample_provider_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("schema/providers"))
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Converts a YAML tree to JSON, to check YAML files against a JSON Schema.
pub fn yaml_to_json(node: &Node) -> Value {
    node.to_json()
}

/// Copies the folder `from` into `to`, files writable whatever they were (the shared reference files are
/// read-only).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            let mut permissions = std::fs::metadata(&target).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(&target, permissions).unwrap();
        }
    }
}

/// An API error type for calls that document none: every error response is kept whole
/// ([`runtime::Error::Unexpected`]).
#[derive(Debug)]
pub enum NoErrors {}

impl runtime::ApiErrorKind for NoErrors {
    fn from_response(_: &runtime::ErrorResponse, _: &[u16]) -> Option<Self> {
        None
    }

    fn response(&self) -> &runtime::ErrorResponse {
        match *self {}
    }
}
