//! The files a run produces, written only where their bytes change, and compared against the disk.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every file one run produces, and the folders it owns entirely (any other file there is extra).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<PathBuf, Vec<u8>>,
    owned: Vec<PathBuf>,
}

/// How a file on disk differs from what the run produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// The file exists with other bytes.
    Stale,
    /// The file does not exist.
    Missing,
    /// The file is in an owned folder but the run does not produce it.
    Extra,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Difference::Stale => "stale",
            Difference::Missing => "missing",
            Difference::Extra => "extra",
        })
    }
}

/// What [`Output::write`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or rewritten.
    pub written: Vec<PathBuf>,
    /// Files whose bytes were already right.
    pub unchanged: usize,
    /// Extra files removed from owned folders.
    pub removed: Vec<PathBuf>,
}

impl Output {
    /// Adds a file. Adding the same path twice keeps the last contents.
    pub fn add(&mut self, path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), contents.into());
    }

    /// Declares a folder whose every file this output accounts for.
    pub fn own(&mut self, dir: impl Into<PathBuf>) {
        self.owned.push(dir.into());
    }

    /// The files, ordered by path.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &[u8])> {
        self.files.iter().map(|(path, contents)| (path.as_path(), contents.as_slice()))
    }

    /// Lists every file that differs from the disk, ordered by path.
    pub fn check(&self) -> std::io::Result<Vec<(PathBuf, Difference)>> {
        let mut differences = Vec::new();
        for (path, contents) in &self.files {
            match std::fs::read(path) {
                Ok(existing) if existing == *contents => {}
                Ok(_) => differences.push((path.clone(), Difference::Stale)),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    differences.push((path.clone(), Difference::Missing))
                }
                Err(error) => return Err(error),
            }
        }
        for extra in self.extra_files()? {
            differences.push((extra, Difference::Extra));
        }
        differences.sort();
        Ok(differences)
    }

    /// Writes every file whose bytes differ (through a temporary file and a rename, so no file is ever
    /// half-written) and removes extra files from owned folders.
    pub fn write(&self) -> std::io::Result<WriteReport> {
        let mut report = WriteReport::default();
        let files: Vec<(&PathBuf, &Vec<u8>)> = self.files.iter().collect();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = files.len().div_ceil(threads).max(1);
        // Writing is mostly waiting on the file system, so the files are split over one thread per core.
        let results: Vec<std::io::Result<Vec<Option<PathBuf>>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = files.chunks(chunk).map(|part| scope.spawn(move || write_changed(part))).collect();
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_else(|_| Err(std::io::Error::other("a writer thread panicked"))))
                .collect()
        });
        for result in results {
            for written in result? {
                match written {
                    Some(path) => report.written.push(path),
                    None => report.unchanged += 1,
                }
            }
        }
        for extra in self.extra_files()? {
            std::fs::remove_file(&extra)?;
            report.removed.push(extra);
        }
        for dir in &self.owned {
            remove_empty_dirs(dir)?;
        }
        Ok(report)
    }

    fn extra_files(&self) -> std::io::Result<Vec<PathBuf>> {
        let mut extra = Vec::new();
        for dir in &self.owned {
            for file in walk(dir)? {
                if !self.files.contains_key(&file) {
                    extra.push(file);
                }
            }
        }
        Ok(extra)
    }
}

/// Writes each file whose bytes differ; `Some(path)` for a file written, `None` for one already right.
fn write_changed(files: &[(&PathBuf, &Vec<u8>)]) -> std::io::Result<Vec<Option<PathBuf>>> {
    let mut written = Vec::with_capacity(files.len());
    for (path, contents) in files {
        if std::fs::read(path).is_ok_and(|existing| existing == **contents) {
            written.push(None);
        } else {
            write_atomically(path, contents)?;
            written.push(Some((*path).clone()));
        }
    }
    Ok(written)
}

/// Writes `contents` to `path` by writing a temporary file beside it and renaming it into place.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new().prefix(".codegen-").tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// Every file below `dir`, sorted; nothing when `dir` does not exist.
fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        };
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                pending.push(entry.path());
            } else {
                files.push(entry.path());
            }
        }
    }
    files.sort();
    Ok(files)
}

fn remove_empty_dirs(dir: &Path) -> std::io::Result<bool> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(false);
    };
    let mut empty = true;
    for entry in entries {
        let entry = entry?;
        if !(entry.file_type()?.is_dir() && remove_empty_dirs(&entry.path())?) {
            empty = false;
        }
    }
    if empty {
        std::fs::remove_dir(dir)?;
    }
    Ok(empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_only_changes_and_removes_extras() {
        let root = tempfile::tempdir().unwrap();
        let owned = root.path().join("docs");
        let mut output = Output::default();
        output.own(&owned);
        output.add(owned.join("a.md"), "a");
        output.add(owned.join("sub/b.md"), "b");
        assert_eq!(
            output.check().unwrap(),
            [(owned.join("a.md"), Difference::Missing), (owned.join("sub/b.md"), Difference::Missing)]
        );
        assert_eq!(output.write().unwrap().written.len(), 2);

        std::fs::write(owned.join("old.md"), "x").unwrap();
        std::fs::write(owned.join("a.md"), "changed").unwrap();
        assert_eq!(
            output.check().unwrap(),
            [(owned.join("a.md"), Difference::Stale), (owned.join("old.md"), Difference::Extra)]
        );
        let report = output.write().unwrap();
        assert_eq!(report.written, [owned.join("a.md")]);
        assert_eq!(report.unchanged, 1);
        assert_eq!(report.removed, [owned.join("old.md")]);
        assert!(output.check().unwrap().is_empty());
    }
}
