//! Errors about bad input: where (file, line, column), what is wrong, and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a source file, both numbers counted from 1 (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line number.
    pub line: usize,
    /// Column number.
    pub col: usize,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };

    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let before = &text[..offset.min(text.len())];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Pos { line: before.matches('\n').count() + 1, col: before[line_start..].chars().count() + 1 }
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at `pos`.
    pub fn new(pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic { pos, message: message.into(), hint: None }
    }

    /// Adds how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Every problem found in one file, ordered by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileErrors {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// The problems, sorted by position, without duplicates.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileErrors {
    /// Collects `diagnostics` for `file`, sorting them and dropping repeats.
    pub fn new(file: &Path, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| (a.pos, &a.message).cmp(&(b.pos, &b.message)));
        diagnostics.dedup();
        FileErrors { file: file.to_owned(), diagnostics }
    }

    /// A single problem that concerns the whole file (it cannot be read, say).
    pub fn whole_file(file: &Path, message: impl Into<String>, hint: impl Into<String>) -> Self {
        FileErrors::new(file, vec![Diagnostic::new(Pos::START, message).hint(hint)])
    }
}

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            let Pos { line, col } = diagnostic.pos;
            writeln!(f, "{}:{line}:{col}: {}", self.file.display(), diagnostic.message)?;
            if let Some(hint) = &diagnostic.hint {
                writeln!(f, "  hint: {hint}")?;
            }
        }
        let count = self.diagnostics.len();
        write!(f, "{}: {count} error{}", self.file.display(), if count == 1 { "" } else { "s" })
    }
}

impl std::error::Error for FileErrors {}

/// Finds the candidate closest to a misspelt `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&word.to_lowercase(), &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The hint for a misspelt `word`: "did you mean `x`?" when a candidate is close, else `otherwise`.
pub fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce() -> String,
) -> String {
    match did_you_mean(word, candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None => otherwise(),
    }
}

/// Levenshtein distance counting a swap of two neighbouring characters as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["required", "optional", "read_only"];
        assert_eq!(did_you_mean("requried", keys), Some("required"));
        assert_eq!(did_you_mean("optinal", keys), Some("optional"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a: 1\nbé: x\n";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(Pos::of_offset(text, 9), Pos { line: 2, col: 4 });
    }
}
