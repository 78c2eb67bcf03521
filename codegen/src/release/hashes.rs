//! The hashes Terraform records for a provider package in `.terraform.lock.hcl`: `zh:` (the SHA-256 of the
//! zip archive, as a registry's `SHA256SUMS` lists it) and `h1:` (Go's `dirhash` "Hash1" of the files in
//! the archive: a line `<sha256 hex>  <name>` per file, sorted by name, hashed again and base64-encoded).

use std::io::Read;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The `zh:` hash of an archive's bytes.
pub fn zh(archive: &[u8]) -> String {
    format!("zh:{}", hex(&Sha256::digest(archive)))
}

/// The `h1:` hash of the files in a zip archive.
pub fn h1(archive: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).map_err(|error| error.to_string())?;
    let mut files = Vec::new();
    for index in 0..zip.len() {
        let mut file = zip.by_index(index).map_err(|error| error.to_string())?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_owned();
        if name.contains('\n') {
            return Err(format!("the archive holds a file whose name has a line break: {name:?}"));
        }
        let mut contents = Vec::new();
        file.read_to_end(&mut contents).map_err(|error| format!("{name}: {error}"))?;
        files.push((name, contents));
    }
    let summary = summary(&files);
    Ok(format!("h1:{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(summary.as_bytes()))))
}

/// A line `<sha256 hex>  <name>` per file, sorted by name: what `h1:` hashes, and what `SHA256SUMS` holds.
pub fn summary(files: &[(String, Vec<u8>)]) -> String {
    let mut lines: Vec<(&str, String)> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), format!("{}  {name}\n", hex(&Sha256::digest(bytes)))))
        .collect();
    lines.sort();
    lines.into_iter().map(|(_, line)| line).collect()
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of `files`, as the release writes them.
    fn zipped(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, contents) in files {
            writer.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut writer, contents).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn h1_hashes_the_sorted_file_summary_whatever_the_archive_order() {
        // sha256("a") and sha256("b"), each in a summary line, sorted by name, hashed and base64-encoded.
        let summary = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.txt\n\
                       3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt\n";
        let wanted =
            format!("h1:{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(summary.as_bytes())));
        assert_eq!(h1(&zipped(&[("a.txt", b"a"), ("b.txt", b"b")])).unwrap(), wanted);
        assert_eq!(h1(&zipped(&[("b.txt", b"b"), ("a.txt", b"a")])).unwrap(), wanted);
        assert_ne!(h1(&zipped(&[("a.txt", b"a"), ("b.txt", b"c")])).unwrap(), wanted);
    }

    #[test]
    fn zh_is_the_archives_sha256() {
        assert_eq!(zh(b"abc"), "zh:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn the_sums_list_each_file_by_name() {
        let files = vec![("b.zip".to_owned(), b"b".to_vec()), ("a.json".to_owned(), b"a".to_vec())];
        assert_eq!(
            summary(&files),
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.json\n\
             3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.zip\n"
        );
    }
}
