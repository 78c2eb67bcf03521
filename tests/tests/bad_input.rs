//! Every class of bad input gets a clear message with file:line:column and a hint, and never a panic.

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad")
}

/// Loads a fixture and returns its error report, with the path shown relative to the tests folder.
fn report(name: &str) -> String {
    let shown = Path::new("fixtures/bad").join(name);
    let bytes = std::fs::read(fixtures().join(name)).unwrap();
    let errors = match String::from_utf8(bytes) {
        Ok(text) => schema::load_yaml_str(&text, &shown).expect_err("a bad fixture must not load"),
        Err(_) => {
            let copy = tempfile::tempdir().unwrap();
            let file = copy.path().join(name);
            std::fs::copy(fixtures().join(name), &file).unwrap();
            let mut errors = schema::load_yaml(&file).expect_err("a bad fixture must not load");
            errors.file = shown;
            errors
        }
    };
    for diagnostic in &errors.diagnostics {
        assert!(diagnostic.pos.line >= 1 && diagnostic.pos.col >= 1, "{name}: position missing in {errors}");
        assert!(diagnostic.hint.is_some(), "{name}: every error carries a hint: {errors}");
    }
    errors.to_string()
}

#[test]
fn every_bad_fixture_is_reported_with_positions_and_hints() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 17, "fixtures missing: {names:?}");
    for name in names {
        let message = report(&name);
        let first_line = message.lines().next().unwrap_or_default();
        assert!(first_line.starts_with(&format!("fixtures/bad/{name}:")), "{first_line}");
        insta::assert_snapshot!(name.trim_end_matches(".yaml").to_owned(), message);
    }
}

#[test]
fn all_errors_of_a_file_are_reported_together() {
    let message = report("many_errors.yaml");
    for expected in [
        "unknown type `strng`",
        "default of `size` does not fit its type",
        "`auth` reads the token from config attribute `token`",
        "unknown error type `NotFound`",
        "has no `update` operation",
    ] {
        assert!(message.contains(expected), "missing `{expected}` in:\n{message}");
    }
}

#[test]
fn huge_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.yaml");
    let mut text = String::from("name: demo\ndescription: |\n");
    while text.len() <= schema::yaml::MAX_FILE_BYTES {
        text.push_str("  0123456789012345678901234567890123456789012345678901234567890123456789\n");
    }
    std::fs::write(&file, text).unwrap();
    let errors = schema::load_yaml(&file).unwrap_err();
    assert!(errors.diagnostics[0].message.contains("more than the limit"), "{errors}");
}

/// A small deterministic generator, so the mutation test is repeatable.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

#[test]
fn mutated_samples_never_panic() {
    let mut samples = Vec::new();
    for dir in tests::sample_provider_dirs() {
        samples.push(std::fs::read(dir.join("provider.yaml")).unwrap());
    }
    let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
    for round in 0..1500 {
        let mut bytes = samples[round % samples.len()].clone();
        for _ in 0..=random.below(4) {
            let at = random.below(bytes.len());
            match random.below(5) {
                0 => bytes[at] = random.next() as u8,
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, b"{}[]:&*!-|>'\"\n #"[random.below(16)]),
                3 => bytes.truncate(at),
                _ => {
                    let end = (at + random.below(200)).min(bytes.len());
                    let chunk = bytes[at..end].to_vec();
                    let to = random.below(bytes.len());
                    bytes.splice(to..to, chunk);
                }
            }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = schema::load_yaml_str(&text, Path::new("mutated.yaml"));
        }
    }
}
