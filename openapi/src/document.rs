//! Reading an OpenAPI document: YAML or JSON into one JSON value, with the files its `$ref`s name
//! bundled in (under `x-bundled`, their refs rewritten to local pointers), so everything after works on
//! one tree and local JSON pointers. Positions of the main file are kept for messages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use schema::diag::{Diagnostic, FileErrors, Pos};
use schema::yaml::Node;

/// Where bundled files go in the root document.
pub const BUNDLED: &str = "x-bundled";

/// A loaded document.
pub struct Document {
    /// The file as the user named it.
    pub file: PathBuf,
    /// The document, other files bundled in.
    pub root: Value,
    /// The main file's tree with positions (YAML only).
    positions: Option<Node>,
}

impl Document {
    /// Loads `file` and every file its references name.
    pub fn load(file: &Path) -> Result<Document, FileErrors> {
        let (root, positions) = read(file)?;
        let mut document = Document { file: file.to_owned(), root, positions };
        document.bundle()?;
        Ok(document)
    }

    /// The line and column of the value at JSON pointer `pointer` (of the main file), as near as known.
    pub fn position(&self, pointer: &str) -> Pos {
        let segments: Vec<String> = pointer_segments(pointer);
        self.positions.as_ref().map_or(Pos::START, |node| node.locate(&segments))
    }

    /// An error at `pointer`, its position when the file is YAML.
    pub fn error(&self, pointer: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
        let message = message.into();
        let message = if pointer.is_empty() { message } else { format!("{message} (at {pointer})") };
        Diagnostic::new(self.position(pointer), message).hint(hint)
    }

    /// Brings in every file a `$ref` names (transitively), under `x-bundled/<n>`, and rewrites every ref
    /// to a local pointer (refs inside a bundled file to pointers into its slot).
    fn bundle(&mut self) -> Result<(), FileErrors> {
        let base = self.file.parent().map(Path::to_owned).unwrap_or_default();
        let mut slots: BTreeMap<PathBuf, usize> = BTreeMap::new();
        let mut bundled: Vec<(PathBuf, Value)> = Vec::new();
        let mut errors = Vec::new();
        let mut named = Vec::new();
        external_refs(&self.root, &base, &mut named);
        while let Some(file) = named.pop() {
            if slots.contains_key(&file) {
                continue;
            }
            match read(&file) {
                Ok((value, _)) => {
                    let dir = file.parent().map(Path::to_owned).unwrap_or_default();
                    external_refs(&value, &dir, &mut named);
                    slots.insert(file.clone(), bundled.len());
                    bundled.push((file, value));
                }
                Err(error) => {
                    let problem = error.diagnostics.first().map(|diagnostic| diagnostic.message.clone());
                    errors.push(
                        Diagnostic::new(
                            Pos::START,
                            format!("a $ref names {}: {}", file.display(), problem.unwrap_or_default()),
                        )
                        .hint("check the path, relative to the file that holds the $ref"),
                    );
                    slots.insert(file, usize::MAX);
                }
            }
        }
        if !errors.is_empty() {
            return Err(FileErrors::new(&self.file, errors));
        }
        rewrite(&mut self.root, &base, None, &slots);
        if !bundled.is_empty() {
            let mut files = Map::new();
            for (index, (file, mut value)) in bundled.into_iter().enumerate() {
                let dir = file.parent().map(Path::to_owned).unwrap_or_default();
                rewrite(&mut value, &dir, Some(index), &slots);
                files.insert(index.to_string(), value);
            }
            if let Value::Object(root) = &mut self.root {
                root.insert(BUNDLED.to_owned(), Value::Object(files));
            }
        }
        Ok(())
    }
}

/// The files named by the `$ref`s in `value` (relative to `dir`).
fn external_refs(value: &Value, dir: &Path, out: &mut Vec<PathBuf>) {
    match value {
        Value::Object(entries) => {
            if let Some(Value::String(reference)) = entries.get("$ref") {
                let file = reference.split('#').next().unwrap_or_default();
                if !file.is_empty() {
                    out.push(normalize(&dir.join(file)));
                }
            }
            entries.values().for_each(|child| external_refs(child, dir, out));
        }
        Value::Array(items) => items.iter().for_each(|item| external_refs(item, dir, out)),
        _ => {}
    }
}

/// Rewrites the `$ref`s of a file (bundled in `slot`, or the main file) to local pointers.
fn rewrite(value: &mut Value, dir: &Path, slot: Option<usize>, slots: &BTreeMap<PathBuf, usize>) {
    match value {
        Value::Object(entries) => {
            if let Some(Value::String(reference)) = entries.get_mut("$ref") {
                let (file, fragment) = reference.split_once('#').unwrap_or((reference.as_str(), ""));
                let target = if file.is_empty() { slot } else { slots.get(&normalize(&dir.join(file))).copied() };
                if let Some(target) = target {
                    *reference = format!("#/{BUNDLED}/{target}{fragment}");
                }
            }
            entries.values_mut().for_each(|child| rewrite(child, dir, slot, slots));
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, dir, slot, slots)),
        _ => {}
    }
}

/// `a/./b/../c` as `a/c`.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Reads a YAML or JSON file into a value (and, for YAML, its positions).
pub fn read(file: &Path) -> Result<(Value, Option<Node>), FileErrors> {
    let text = std::fs::read_to_string(file).map_err(|error| {
        FileErrors::whole_file(file, format!("cannot read the file: {error}"), "check the path of the spec")
    })?;
    if text.trim_start().starts_with(['{', '[']) {
        return serde_json::from_str(&text).map(|value| (value, None)).map_err(|error| {
            let pos = Pos { line: error.line(), col: error.column() };
            FileErrors::new(
                file,
                vec![Diagnostic::new(pos, format!("invalid JSON: {error}")).hint("fix the syntax here")],
            )
        });
    }
    let node = schema::yaml::parse(&text).map_err(|diagnostic| FileErrors::new(file, vec![diagnostic]))?;
    Ok((node.to_json(), Some(node)))
}

/// The unescaped segments of a JSON pointer (`/a~1b/0` gives `a/b`, `0`).
pub fn pointer_segments(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(|segment| segment.replace("~1", "/").replace("~0", "~")).collect()
}

/// One segment escaped for a JSON pointer.
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
