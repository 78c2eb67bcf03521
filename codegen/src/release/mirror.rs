//! The two mirror layouts Terraform's `provider_installation` block reads, written into one folder: a
//! filesystem mirror in the packed layout (`<host>/<namespace>/<type>/terraform-provider-<type>_<version>_<os>_<arch>.zip`)
//! and, beside the zips, the network mirror protocol's JSON (`index.json` listing the versions,
//! `<version>.json` naming each platform's archive and its `h1:` hash), so the folder served over HTTPS
//! is a network mirror too.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::Released;

/// Where a provider's packages go in a mirror: `registry.example/acme/shop`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The registry host name the configuration's `source` names.
    pub host: String,
    /// The namespace.
    pub namespace: String,
    /// The provider type (its name).
    pub provider: String,
}

impl Address {
    /// The provider's folder below the mirror's root.
    pub fn dir(&self) -> PathBuf {
        Path::new(&self.host).join(&self.namespace).join(&self.provider)
    }
}

/// Copies the release's zips into `root` in the packed layout and writes the network mirror's
/// `index.json` (keeping the versions already listed) and `<version>.json`. The files written.
pub fn write(released: &Released, address: &Address, root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join(address.dir());
    std::fs::create_dir_all(&dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let mut written = Vec::new();
    let mut archives = Map::new();
    for archive in &released.archives {
        let name = archive.path.file_name().ok_or("an archive without a file name")?;
        let copy = dir.join(name);
        std::fs::copy(&archive.path, &copy).map_err(|error| format!("{}: {error}", copy.display()))?;
        written.push(copy);
        archives.insert(archive.platform.key(), json!({"url": name.to_string_lossy(), "hashes": [archive.h1.clone()]}));
    }
    let index_file = dir.join("index.json");
    let mut versions = match std::fs::read_to_string(&index_file) {
        Ok(text) => serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|index| index.get("versions").and_then(Value::as_object).cloned())
            .ok_or_else(|| format!("{}: not a network mirror index", index_file.display()))?,
        Err(_) => Map::new(),
    };
    versions.insert(released.version.clone(), json!({}));
    let files = [
        (index_file, json!({ "versions": versions })),
        (dir.join(format!("{}.json", released.version)), json!({ "archives": archives })),
    ];
    for (path, value) in files {
        let text = serde_json::to_string_pretty(&value).map_err(|error| error.to_string())? + "\n";
        std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
