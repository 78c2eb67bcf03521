//! Helpers shared by the workspace's integration tests.

pub mod http_stub;
pub mod scratch;
pub mod terraform;

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
