//! Byte-for-byte conformance with tfplugindocs v0.25, over its own golden cases in
//! `../shared/conformance/tfplugindocs/` (see its INDEX.md): every expected file of every case is
//! compared, and the test prints `conformance: N/M files identical`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use codegen::docs::cli::{DocsArgs, go_style_flags};
use codegen::docs::functionmd;
use codegen::docs::plain::plain_markdown;
use codegen::docs::schemamd::{Group, SchemaMarkdown, block_description, type_string};
use serde_json::Value;

/// The result of comparing one expected file.
enum Outcome {
    Identical,
    Different(String),
    /// Not comparable here, with the reason.
    Gap(String),
}

#[derive(Default)]
struct Report {
    results: Vec<(String, Outcome)>,
}

impl Report {
    fn compare(&mut self, name: String, actual: &str, expected: &str) {
        let outcome = if actual == expected {
            Outcome::Identical
        } else {
            Outcome::Different(first_difference(actual, expected))
        };
        self.results.push((name, outcome));
    }

    fn gap(&mut self, name: String, reason: &str) {
        self.results.push((name, Outcome::Gap(reason.to_owned())));
    }
}

fn corpus() -> PathBuf {
    tests::workspace_root().join("../shared/conformance/tfplugindocs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Upstream's fragment comparison: `\r` removed and trailing newlines trimmed on both sides.
fn fragment(text: &str) -> String {
    text.replace('\r', "").trim_end_matches('\n').to_owned()
}

fn first_difference(actual: &str, expected: &str) -> String {
    let line = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or(actual.lines().count().min(expected.lines().count()));
    format!(
        "first difference at line {}:\n  actual:   {:?}\n  expected: {:?}",
        line + 1,
        actual.lines().nth(line).unwrap_or("<end>"),
        expected.lines().nth(line).unwrap_or("<end>")
    )
}

#[test]
fn tfplugindocs_golden_cases() {
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(corpus()).unwrap().map(|entry| entry.unwrap().path()).filter(|path| path.is_dir()).collect();
    cases.sort();
    assert!(cases.len() >= 28, "the corpus has 28 cases, found {}", cases.len());
    let mut report = Report::default();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let meta: Value = serde_json::from_str(&read(&case.join("meta.json"))).unwrap();
        match meta["kind"].as_str() {
            Some("cli") => cli_case(case, &name, &meta, &mut report),
            Some("unit-table") => unit_table(case, &name, &mut report),
            _ => fragment_case(case, &name, &mut report),
        }
    }

    let total = report.results.len();
    let identical = report.results.iter().filter(|(_, outcome)| matches!(outcome, Outcome::Identical)).count();
    let mut summary = String::new();
    for (name, outcome) in &report.results {
        match outcome {
            Outcome::Identical => {}
            Outcome::Gap(reason) => writeln!(summary, "known gap: {name}: {reason}").unwrap(),
            Outcome::Different(diff) => writeln!(summary, "DIFFERENT: {name}: {diff}").unwrap(),
        }
    }
    println!("{summary}conformance: {identical}/{total} files identical");
    let different = report.results.iter().filter(|(_, outcome)| matches!(outcome, Outcome::Different(_))).count();
    assert_eq!(different, 0, "{summary}conformance: {identical}/{total} files identical");
    assert!(identical >= 100, "too few comparisons ran: {identical}");
}

/// A `tfplugindocs` command run in a copy of the case's input folder.
fn cli_case(case: &Path, name: &str, meta: &Value, report: &mut Report) {
    let exec = &meta["exec"][0];
    let mut argv: Vec<String> =
        exec["argv"].as_array().unwrap().iter().map(|arg| arg.as_str().unwrap().to_owned()).collect();
    let compares = meta["compare"].as_array().unwrap();
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("input");
    tests::copy_dir(&case.join("input"), &input);
    // The build-* cases compile the provider with Go; their schema.json stands in for that step.
    let builds_provider = !argv.iter().any(|arg| arg.starts_with("--providers-schema"));
    if builds_provider {
        argv.push("--providers-schema=schema.json".to_owned());
    }
    let mut parse_args = vec!["codegen".to_owned()];
    parse_args.extend(argv.into_iter().skip(1));
    let args = <Args as clap::Parser>::parse_from(go_style_flags(parse_args.into_iter())).docs;
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let result = codegen::docs::run(args, &input, &mut stdout, &mut stderr);
    if let Err(error) = &result {
        // As the CLI reports it.
        stderr.extend_from_slice(format!("Error executing command: {error}\n").as_bytes());
    }
    let expect_failure = exec["expect_failure"].as_bool().unwrap_or(false);
    assert_eq!(result.is_err(), expect_failure, "{name}: {result:?}");
    let work_path = input.display().to_string();
    for compare in compares {
        let output = compare["output"].as_str().unwrap();
        if compare["mode"] == "regexp" {
            let pattern = compare["regexp"].as_str().unwrap();
            let stream = if output == "stderr" { &stderr } else { &stdout };
            let matched = regex::Regex::new(pattern).unwrap().is_match(&String::from_utf8_lossy(stream));
            let outcome = if matched { String::new() } else { format!("no match for /{pattern}/") };
            report.compare(format!("{name}/{output} =~ /{pattern}/"), &outcome, "");
            continue;
        }
        let expected_file = compare["expected"].as_str().unwrap();
        let label = format!("{name}/{expected_file}");
        let mut expected = read(&case.join(expected_file));
        if compare["mode"] == "cmpenv" {
            expected = expected.replace("$WORK", &work_path);
        }
        let actual = match output {
            "stdout" if builds_provider => {
                report.gap(label, "the log of building the provider with Go and Terraform");
                continue;
            }
            "stdout" => String::from_utf8_lossy(&stdout).into_owned(),
            "stderr" => String::from_utf8_lossy(&stderr).into_owned(),
            file => std::fs::read_to_string(input.join(file)).unwrap_or_else(|_| format!("<{file} was not written>")),
        };
        report.compare(label, &actual, &expected);
    }
}

/// Wraps the `docs` flags for parsing the corpus' command lines.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    docs: DocsArgs,
}

/// A single function of tfplugindocs applied to one input.
fn fragment_case(case: &Path, name: &str, report: &mut Report) {
    let input = case.join("input");
    let expected_dir = case.join("expected");
    let provider = schema::Provider::default();
    let renderer = SchemaMarkdown::new(&provider);
    let expected = |file: &str| read(&expected_dir.join(file));
    match name {
        "mdplain-cheatsheet" => {
            report.compare(
                format!("{name}/plain.txt"),
                &plain_markdown(&read(&input.join("markdown.md"))),
                &expected("plain.txt"),
            );
        }
        "functionmd-signature" => {
            let function =
                schema::tfjson::function_str(&read(&input.join("function.json")), Path::new("function.json")).unwrap();
            report.compare(
                format!("{name}/signature.md"),
                &fragment(&functionmd::signature("example", &function)),
                &fragment(&expected("signature.md")),
            );
            report.compare(
                format!("{name}/arguments.md"),
                &fragment(&functionmd::arguments(&function).unwrap()),
                &fragment(&expected("arguments.md")),
            );
            let variadic = functionmd::variadic_argument(&function).unwrap().unwrap_or_default();
            report.compare(format!("{name}/variadic.md"), &fragment(&variadic), &fragment(&expected("variadic.md")));
        }
        "schemamd-identity" => {
            let identity =
                schema::tfjson::identity_str(&read(&input.join("identity.schema.json")), Path::new("identity.json"))
                    .unwrap();
            report.compare(
                format!("{name}/identity.md"),
                &fragment(&renderer.render_identity(&identity).unwrap()),
                &fragment(&expected("identity.md")),
            );
        }
        _ => {
            let file = std::fs::read_dir(&input).unwrap().next().unwrap().unwrap().path();
            let resource = schema::tfjson::schema_str(&read(&file), &file).unwrap_or_else(|errors| panic!("{errors}"));
            let expected_file = std::fs::read_dir(&expected_dir).unwrap().next().unwrap().unwrap().path();
            let actual = renderer.render(&resource.schema).unwrap();
            report.compare(
                format!("{name}/{}", expected_file.file_name().unwrap().to_string_lossy()),
                &fragment(&actual),
                &fragment(&read(&expected_file)),
            );
        }
    }
}

/// tfplugindocs' unit-test tables: one description or type string per case.
fn unit_table(case: &Path, name: &str, report: &mut Report) {
    let cases: Value = serde_json::from_str(&read(&case.join("cases.json"))).unwrap();
    let provider = schema::Provider::default();
    let renderer = SchemaMarkdown::new(&provider);
    let load = |block: Value| {
        let text = serde_json::json!({ "block": block }).to_string();
        schema::tfjson::schema_str(&text, Path::new("case.json")).unwrap_or_else(|errors| panic!("{errors}")).schema
    };
    for (table, key) in
        [("attribute_description_include_rw", "attribute"), ("nested_attribute_description_include_rw", "attribute")]
    {
        for (index, row) in cases[table].as_array().unwrap().iter().enumerate() {
            // The model cannot hold an attribute with no flag (Terraform rejects those); tfplugindocs then
            // writes no group word, which is what a description without the group word is.
            let mut attribute = row[key].clone();
            let flagless = ["required", "optional", "computed"].iter().all(|flag| attribute.get(flag).is_none());
            if flagless {
                attribute["optional"] = Value::Bool(true);
            }
            let object = load(serde_json::json!({ "attributes": { "x": attribute } }));
            let attribute = &object.attributes["x"];
            let actual = renderer.attribute_description("x", attribute, &attribute.description, !flagless).unwrap();
            report.compare(format!("{name}/{table}[{index}]"), &actual, row["expected"].as_str().unwrap());
        }
    }
    for (index, row) in cases["block_type_description"].as_array().unwrap().iter().enumerate() {
        let object = load(serde_json::json!({ "block_types": { "x": row["block_type"] } }));
        let block = &object.blocks["x"];
        let group = renderer.block_group("x", block).unwrap_or(Group::Optional);
        report.compare(
            format!("{name}/block_type_description[{index}]"),
            &block_description(block, group),
            row["expected"].as_str().unwrap(),
        );
    }
    for (index, row) in cases["type_string"].as_array().unwrap().iter().enumerate() {
        let object = load(serde_json::json!({ "attributes": { "x": { "type": row["type"], "optional": true } } }));
        let actual = type_string(&object.attributes["x"].ty).unwrap();
        report.compare(format!("{name}/type_string[{index}]"), &actual, row["expected"].as_str().unwrap());
    }
}
