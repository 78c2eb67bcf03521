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

    /// Writes every file whose bytes differ and removes extra files from owned folders. Every changed file
    /// is first staged as a temporary file beside its target; only when all are staged are they renamed
    /// into place, so a run that fails (a full disk, a folder it may not write) leaves the previous output
    /// whole. Files get the permissions the umask gives any new file.
    pub fn write(&self) -> std::io::Result<WriteReport> {
        let mut report = WriteReport::default();
        let files: Vec<(&PathBuf, &Vec<u8>)> = self.files.iter().collect();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = files.len().div_ceil(threads).max(1);
        // Staging is mostly waiting on the file system, so the files are split over one thread per core.
        let results: Vec<std::io::Result<Vec<Result<Staged, PathBuf>>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = files.chunks(chunk).map(|part| scope.spawn(move || stage_changed(part))).collect();
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_else(|_| Err(std::io::Error::other("a writer thread panicked"))))
                .collect()
        });
        let mut staged = Vec::new();
        for result in results {
            for file in result? {
                match file {
                    Ok(file) => staged.push(file),
                    Err(_unchanged) => report.unchanged += 1,
                }
            }
        }
        for file in staged {
            report.written.push(file.commit()?);
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

/// Stages each file whose bytes differ; `Err(path)` for one already right.
fn stage_changed(files: &[(&PathBuf, &Vec<u8>)]) -> std::io::Result<Vec<Result<Staged, PathBuf>>> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, contents) in files {
        if std::fs::read(path).is_ok_and(|existing| existing == **contents) {
            staged.push(Err((*path).clone()));
        } else {
            staged.push(Ok(Staged::new(path, contents)?));
        }
    }
    Ok(staged)
}

/// A file's new contents written beside it under a temporary name, renamed into place by
/// [`Staged::commit`], and removed if it is dropped uncommitted.
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Writes `contents` to a new temporary file in `path`'s folder (created if need be). The file is
    /// created as any new file is, so it has the permissions the umask allows.
    pub fn new(path: &Path, contents: &[u8]) -> std::io::Result<Staged> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SERIAL: AtomicU64 = AtomicU64::new(0);
        let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        loop {
            let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{name}.codegen-{}-{serial}", std::process::id()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(mut file) => {
                    let staged = Staged { temp, target: path.to_owned(), committed: false };
                    file.write_all(contents)?;
                    return Ok(staged);
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
    }

    /// Renames the staged file over its target; the target's path.
    pub fn commit(mut self) -> std::io::Result<PathBuf> {
        std::fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        Ok(self.target.clone())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
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

    #[test]
    fn files_get_the_permissions_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let plain = root.path().join("plain");
        std::fs::write(&plain, "x").unwrap();
        let mut output = Output::default();
        output.add(root.path().join("generated.rs"), "y");
        output.write().unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&root.path().join("generated.rs")), mode(&plain));
    }

    #[test]
    fn a_failed_run_leaves_the_previous_output_whole() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("docs");
        let mut first = Output::default();
        first.add(folder.join("one.md"), "old one");
        first.add(folder.join("two.md"), "old two");
        first.write().unwrap();
        // A file where the run needs a folder makes it fail partway.
        std::fs::write(root.path().join("blocker"), "a file").unwrap();
        let mut second = Output::default();
        second.add(folder.join("one.md"), "new one");
        second.add(folder.join("two.md"), "new two");
        second.add(root.path().join("blocker/three.md"), "three");
        assert!(second.write().is_err());
        assert_eq!(std::fs::read_to_string(folder.join("one.md")).unwrap(), "old one", "half updated");
        assert_eq!(std::fs::read_to_string(folder.join("two.md")).unwrap(), "old two", "half updated");
        let left: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "staged files were left behind: {left:?}");
    }
}
