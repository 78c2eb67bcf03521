//! The files of a release, as the Terraform Registry lays them out: per platform a zip holding the one
//! binary `terraform-provider-<name>_v<version>` (`.exe` on Windows), written the same way every time (no
//! timestamps, fixed permissions, fixed compression) so two releases of the same binary are the same bytes;
//! `terraform-provider-<name>_<version>_manifest.json` naming the plugin protocol versions;
//! `terraform-provider-<name>_<version>_SHA256SUMS` over the zips and the manifest (the summary
//! [`super::hashes::summary`] writes); and its detached signature, made with `gpg`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The plugin protocol versions every generated provider speaks.
pub const PROTOCOL_VERSIONS: &[&str] = &["6.0"];

/// A zip holding `binary` as `name`, executable, with no timestamps of its own.
pub fn zip_binary(binary: &[u8], name: &str) -> Result<Vec<u8>, String> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o755);
    writer.start_file(name, options).map_err(|error| error.to_string())?;
    writer.write_all(binary).map_err(|error| error.to_string())?;
    Ok(writer.finish().map_err(|error| error.to_string())?.into_inner())
}

/// The Registry manifest: the manifest format's version and the protocol versions.
pub fn manifest() -> String {
    let versions: Vec<String> = PROTOCOL_VERSIONS.iter().map(|version| format!("\"{version}\"")).collect();
    format!(
        "{{\n  \"version\": 1,\n  \"metadata\": {{\n    \"protocol_versions\": [{}]\n  }}\n}}\n",
        versions.join(", ")
    )
}

/// Signs `file` with the secret key `key` (a key ID, fingerprint or user ID gpg knows), writing the binary
/// detached signature beside it as `<file>.sig`, as the Registry reads it.
pub fn sign(file: &Path, key: &str) -> Result<PathBuf, String> {
    let signature = PathBuf::from(format!("{}.sig", file.display()));
    let output = Command::new(std::env::var_os("GPG").unwrap_or_else(|| "gpg".into()))
        .args(["--batch", "--yes", "--pinentry-mode", "loopback", "--local-user", key, "--detach-sign", "--output"])
        .arg(&signature)
        .arg(file)
        .output()
        .map_err(|error| {
            format!("cannot run gpg to sign the checksums: {error} (install gnupg, or release without --sign)")
        })?;
    if !output.status.success() {
        return Err(format!(
            "gpg could not sign {} with key `{key}`: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_binary_zips_to_the_same_bytes_with_an_executable_entry() {
        let one = zip_binary(b"\x7fELF binary", "terraform-provider-acme_v1.2.3").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let two = zip_binary(b"\x7fELF binary", "terraform-provider-acme_v1.2.3").unwrap();
        assert_eq!(one, two);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
        let entry = archive.by_index(0).unwrap();
        assert_eq!(entry.name(), "terraform-provider-acme_v1.2.3");
        assert_eq!(entry.unix_mode().map(|mode| mode & 0o777), Some(0o755));
    }

    #[test]
    fn the_manifest_names_protocol_6() {
        assert_eq!(
            manifest(),
            "{\n  \"version\": 1,\n  \"metadata\": {\n    \"protocol_versions\": [\"6.0\"]\n  }\n}\n"
        );
    }
}
