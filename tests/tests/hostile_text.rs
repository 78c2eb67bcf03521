//! A schema with hostile text in every free-text field (`tests/fixtures/good/hostile`): code that would
//! run as doctests, raw HTML, direction overrides, control characters, quotes and line breaks. Its crate
//! builds, its tests run none of that text, its documentation shows it as text, and its docs pages keep
//! valid front matter.

use tests::scratch::Scratch;

fn hostile() -> schema::Provider {
    let fixture = tests::workspace_root().join("tests/fixtures/good/hostile");
    schema::load_provider(&fixture).unwrap_or_else(|errors| panic!("{errors}")).provider
}

#[test]
fn the_generated_crate_builds_tests_and_documents_inertly() {
    let mut scratch = Scratch::new();
    scratch.add(&hostile()).unwrap();
    let (built, output) = scratch.cargo(&["test"], &[]);
    assert!(built, "{output}");
    assert!(!output.contains("doctest ran") && !output.contains("panicked"), "{output}");
    // The crate has no tests of its own (unit, binary or doc): any test that runs is schema text.
    let runs: Vec<&str> = output.lines().filter(|line| line.starts_with("running ")).collect();
    assert!(output.contains("Doc-tests hostile") && runs.len() >= 3, "{output}");
    assert!(runs.iter().all(|line| *line == "running 0 tests"), "schema text ran as doctests:\n{output}");
    let (documented, output) =
        scratch.cargo(&["doc", "--no-deps", "--quiet"], &[("RUSTDOCFLAGS", "-D rustdoc::invalid_html_tags")]);
    assert!(documented, "{output}");
    let page = std::fs::read_to_string(tests::workspace_root().join("target/scratch/doc/hostile/index.html")).unwrap();
    assert!(!page.contains("<script>alert"), "raw HTML reached the documentation");
    assert!(page.contains("&lt;script&gt;alert"), "the HTML shows as text");
    for generated in std::fs::read_dir(scratch.path().join("hostile/src")).unwrap() {
        let source = std::fs::read_to_string(generated.unwrap().path()).unwrap_or_default();
        assert!(!source.contains('\u{202e}') && !source.contains('\0'), "a control character is in the source");
    }
}

#[test]
fn docs_pages_keep_their_front_matter_whole() {
    let root = tests::workspace_root();
    let loaded = schema::load_provider(&root.join("tests/fixtures/good/hostile")).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    let pages = codegen::docs::provider_docs(&loaded, &root.join("templates"), &examples).unwrap();
    let page = &pages.iter().find(|(path, _)| path.ends_with("resources/thing.md")).unwrap().1;
    let front = page.strip_prefix("---\n").and_then(|rest| rest.split("\n---\n").next()).unwrap();
    let parsed = schema::yaml::parse(front).unwrap();
    let subcategory = parsed
        .as_map()
        .and_then(|entries| entries.iter().find(|(key, _)| key.text == "subcategory"))
        .map(|(_, value)| &value.value);
    assert!(
        matches!(subcategory, Some(schema::yaml::NodeValue::Scalar(schema::yaml::Scalar::String(text))) if text == "Quote \" and back\\slash new line: --- here"),
        "{front}"
    );
}

#[test]
fn pulumi_pages_stay_sound() {
    let root = tests::workspace_root();
    let loaded = schema::load_provider(&root.join("tests/fixtures/good/hostile")).unwrap();
    let examples = codegen::docs::generated_examples(&loaded);
    let pages = codegen::docs::pulumi_docs(&loaded, &examples).unwrap();
    let pulumi: Vec<_> = pages.iter().collect();
    assert!(pulumi.iter().any(|(path, _)| path.ends_with("thing.md")), "no Pulumi page for the resource");
    for (path, page) in pulumi {
        let problems = codegen::docs::lint::check_page(page);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        // The title is built from names alone, so hostile descriptions cannot reach the front matter.
        let front = page.strip_prefix("---\n").and_then(|rest| rest.split("\n---\n").next()).unwrap();
        assert!(front.lines().all(|line| line.starts_with("title: ") || line.starts_with("layout: ")), "{front}");
    }
}
