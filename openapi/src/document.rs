//! Reading an OpenAPI document: YAML or JSON into one JSON value, with the files its `$ref`s name
//! bundled in (under `x-bundled`, their refs rewritten to local pointers), so everything after works on
//! one tree and local JSON pointers. Several input specs are merged into one, as the leading generator
//! merges a workflow's inputs: paths and components together, a later input's winning where two differ
//! (each such conflict is a warning naming both places). Every input file's positions are kept, and each
//! path and component remembers the file it came from, for messages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use schema::diag::{Diagnostic, FileErrors, Pos};
use schema::yaml::Node;

/// Where bundled files go in the root document.
pub const BUNDLED: &str = "x-bundled";

/// The sections of `components` whose entries are merged by name.
const COMPONENTS: &[&str] = &[
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
];

/// A loaded document: one input spec, or several merged.
pub struct Document {
    /// The document, other files bundled in.
    pub root: Value,
    /// Each input file with its tree of positions (YAML only), in the order given.
    inputs: Vec<(PathBuf, Option<Node>)>,
    /// The JSON pointers (a path, a component, a bundled file) that came from an input after the first,
    /// with its index.
    origins: Vec<(String, usize)>,
}

impl Document {
    /// Loads every input (and every file their references name) and merges them into the first; the
    /// conflicts are warnings. Every file's errors are reported at once.
    pub fn load_all(files: &[PathBuf]) -> Result<(Document, Vec<String>), Vec<FileErrors>> {
        let mut errors = Vec::new();
        let mut loaded = Vec::new();
        for file in files {
            match read(file) {
                Ok((root, positions)) => loaded.push((file.clone(), root, positions)),
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut warnings = Vec::new();
        let mut document: Option<Document> = None;
        for (file, mut root, positions) in loaded {
            let Some(merged) = &mut document else {
                bundle(&mut root, &file, 0).map_err(|error| vec![error])?;
                document = Some(Document { root, inputs: vec![(file, positions)], origins: Vec::new() });
                continue;
            };
            let offset = merged.root.get(BUNDLED).and_then(Value::as_object).map_or(0, Map::len);
            if let Err(error) = bundle(&mut root, &file, offset) {
                errors.push(error);
                continue;
            }
            merged.inputs.push((file, positions));
            warnings.extend(merged.merge(root));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        document.map(|document| (document, warnings)).ok_or_else(Vec::new)
    }

    /// Merges the last input's `root` into the document: paths, components and bundled files added, a
    /// path's operation or a component the document has already replaced by the input's (a warning).
    fn merge(&mut self, root: Value) -> Vec<String> {
        let input = self.inputs.len() - 1;
        let Value::Object(entries) = root else { return Vec::new() };
        let mut warnings = Vec::new();
        for (key, value) in entries {
            match (key.as_str(), value) {
                ("paths", Value::Object(paths)) => {
                    for (path, item) in paths {
                        let at = format!("/paths/{}", escape(&path));
                        let Value::Object(item) = item else { continue };
                        let mut replaced = Vec::new();
                        let target = self.section(&["paths"]).entry(path).or_insert_with(|| Value::Object(Map::new()));
                        if let Value::Object(existing) = target {
                            for (word, operation) in item {
                                if existing.get(&word).is_some_and(|old| *old != operation) {
                                    replaced.push(format!("{at}/{word}"));
                                }
                                existing.insert(word, operation);
                            }
                        }
                        for pointer in replaced {
                            warnings.push(self.conflict(&pointer, input));
                        }
                        self.origins.push((at, input));
                    }
                }
                ("components", Value::Object(sections)) => {
                    for (section, members) in sections {
                        let Value::Object(members) = members else { continue };
                        if !COMPONENTS.contains(&section.as_str()) {
                            continue;
                        }
                        for (name, member) in members {
                            let at = format!("/components/{section}/{}", escape(&name));
                            let existing = self.section(&["components", &section]).get(&name).cloned();
                            if existing.as_ref().is_some_and(|old| *old == member) {
                                continue;
                            }
                            if existing.is_some() {
                                warnings.push(self.conflict(&at, input));
                            }
                            self.section(&["components", &section]).insert(name, member);
                            self.origins.push((at, input));
                        }
                    }
                }
                (BUNDLED, Value::Object(files)) => {
                    for (slot, file) in files {
                        self.origins.push((format!("/{BUNDLED}/{slot}"), input));
                        self.section(&[BUNDLED]).insert(slot, file);
                    }
                }
                ("tags", Value::Array(tags)) => {
                    let Value::Object(root) = &mut self.root else { continue };
                    if let Value::Array(existing) = root.entry("tags").or_insert_with(|| Value::Array(Vec::new())) {
                        for tag in tags {
                            if !existing.iter().any(|old| old.get("name") == tag.get("name")) {
                                existing.push(tag);
                            }
                        }
                    }
                }
                // The first input's info, servers and security stand; what it lacks comes from the later.
                (key, value) => {
                    if let Value::Object(root) = &mut self.root {
                        root.entry(key.to_owned()).or_insert(value);
                    }
                }
            }
        }
        warnings
    }

    /// The object at `keys` below the root, made where missing (or not an object).
    fn section(&mut self, keys: &[&str]) -> &mut Map<String, Value> {
        let mut node = &mut self.root;
        for key in keys {
            if !node.is_object() {
                *node = Value::Object(Map::new());
            }
            node = match node {
                Value::Object(entries) => entries.entry((*key).to_owned()).or_insert_with(|| Value::Object(Map::new())),
                _ => unreachable!("made an object above"),
            };
        }
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        match node {
            Value::Object(entries) => entries,
            _ => unreachable!("made an object above"),
        }
    }

    /// A warning that input `input` replaces what an earlier input has at `pointer`.
    fn conflict(&self, pointer: &str, input: usize) -> String {
        let (earlier, earlier_pos) = self.located(pointer, self.source(pointer));
        let (later, later_pos) = self.located(pointer, input);
        format!(
            "{pointer} is in {}:{}:{} and in {}:{}:{}; the later is used",
            earlier.display(),
            earlier_pos.line,
            earlier_pos.col,
            later.display(),
            later_pos.line,
            later_pos.col
        )
    }

    /// The input the value at `pointer` came from.
    fn source(&self, pointer: &str) -> usize {
        self.origins
            .iter()
            .filter(|(prefix, _)| {
                pointer.strip_prefix(prefix.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(0, |(_, input)| *input)
    }

    /// The file of input `input` and the line and column of `pointer` in it, as near as known.
    fn located(&self, pointer: &str, input: usize) -> (&Path, Pos) {
        let (file, positions) = &self.inputs[input];
        let segments: Vec<String> = pointer_segments(pointer);
        (file, positions.as_ref().map_or(Pos::START, |node| node.locate(&segments)))
    }

    /// Errors, each `(JSON pointer, message)` with `hint`, grouped by the input file they are in.
    pub fn errors(&self, problems: &[(String, String)], hint: &str) -> Vec<FileErrors> {
        let mut by_file: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
        for (pointer, message) in problems {
            let input = self.source(pointer);
            let (_, pos) = self.located(pointer, input);
            let message = if pointer.is_empty() { message.clone() } else { format!("{message} (at {pointer})") };
            by_file.entry(input).or_default().push(Diagnostic::new(pos, message).hint(hint));
        }
        by_file.into_iter().map(|(input, diagnostics)| FileErrors::new(&self.inputs[input].0, diagnostics)).collect()
    }
}

/// Brings in every file a `$ref` of `root` (read from `file`) names, transitively, under
/// `x-bundled/<n>` from slot `first` on, and rewrites every ref to a local pointer (refs inside a bundled
/// file to pointers into its slot).
fn bundle(root: &mut Value, file: &Path, first: usize) -> Result<(), FileErrors> {
    let base = file.parent().map(Path::to_owned).unwrap_or_default();
    let mut slots: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut bundled: Vec<(PathBuf, Value)> = Vec::new();
    let mut errors = Vec::new();
    let mut named = Vec::new();
    external_refs(root, &base, &mut named);
    while let Some(referenced) = named.pop() {
        if slots.contains_key(&referenced) {
            continue;
        }
        match read(&referenced) {
            Ok((value, _)) => {
                let dir = referenced.parent().map(Path::to_owned).unwrap_or_default();
                external_refs(&value, &dir, &mut named);
                slots.insert(referenced.clone(), first + bundled.len());
                bundled.push((referenced, value));
            }
            Err(error) => {
                let problem = error.diagnostics.first().map(|diagnostic| diagnostic.message.clone());
                errors.push(
                    Diagnostic::new(
                        Pos::START,
                        format!("a $ref names {}: {}", referenced.display(), problem.unwrap_or_default()),
                    )
                    .hint("check the path, relative to the file that holds the $ref"),
                );
                slots.insert(referenced, usize::MAX);
            }
        }
    }
    if !errors.is_empty() {
        return Err(FileErrors::new(file, errors));
    }
    rewrite(root, &base, None, &slots);
    if !bundled.is_empty() {
        let mut files = Map::new();
        for (index, (referenced, mut value)) in bundled.into_iter().enumerate() {
            let dir = referenced.parent().map(Path::to_owned).unwrap_or_default();
            rewrite(&mut value, &dir, Some(first + index), &slots);
            files.insert((first + index).to_string(), value);
        }
        if let Value::Object(root) = root {
            root.insert(BUNDLED.to_owned(), Value::Object(files));
        }
    }
    Ok(())
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
