//! Whatever `validate` accepts compiles: random schemas from a generator (awkward names, every type and
//! nesting, enums of any text, one-of groups, PATCH and PUT, query and path parameters) that the loader
//! accepts generate crates that `cargo check` accepts, all of them in one scratch workspace.
//!
//! The default run checks a few schemas; `RANDOM_SCHEMAS=200 cargo test -p tests --test random_schemas`
//! checks more (with `RANDOM_SCHEMAS_SEED` to vary them).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tests::scratch::Scratch;

/// Names that are Rust keywords, start with digits, end in underscores or meet once converted.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("type".to_owned()),
        Just("self".to_owned()),
        Just("ref".to_owned()),
        Just("async".to_owned()),
        Just("1st".to_owned()),
        Just("url".to_owned()),
        Just("url_".to_owned()),
        Just("self_".to_owned()),
        Just("_1st".to_owned()),
        Just("errors".to_owned()),
        Just("client".to_owned()),
        Just("result".to_owned()),
        "[a-z][a-z0-9_]{0,8}",
    ]
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![Just("string"), Just("int64"), Just("float64"), Just("number"), Just("bool")].prop_map(str::to_owned)
}

/// One attribute's YAML (without its name), at `depth` of nesting.
fn attribute(depth: u32) -> BoxedStrategy<String> {
    let mode = prop_oneof![
        Just("required: true"),
        Just("optional: true"),
        Just("optional: true, computed: true"),
        Just("read_only: true"),
    ];
    let leaf = (scalar(), mode.clone(), any::<bool>(), proptest::collection::vec("[ -~é日]{1,6}", 1..4)).prop_map(
        |(ty, mode, with_enum, values)| {
            let enum_values = if with_enum && ty == "string" {
                let quoted: Vec<String> = values.iter().map(|value| format!("{value:?}")).collect();
                format!(", validators: {{enum: [{}]}}", quoted.join(", "))
            } else {
                String::new()
            };
            format!("{{type: {ty}, {mode}{enum_values}}}")
        },
    );
    let collection = (prop_oneof![Just("list"), Just("set"), Just("map")], scalar(), mode.clone())
        .prop_map(|(kind, element, mode)| format!("{{type: \"{kind}({element})\", {mode}}}"));
    if depth >= 3 {
        return prop_oneof![leaf, collection].boxed();
    }
    let nested = (
        prop_oneof![Just("object"), Just("list(object)"), Just("set(object)"), Just("map(object)")],
        prop_oneof![Just("required: true"), Just("optional: true"), Just("optional: true, computed: true")],
        attributes(depth + 1),
    )
        .prop_map(|(kind, mode, members)| format!("{{type: \"{kind}\", {mode}, attributes: {members}}}"));
    prop_oneof![3 => leaf, 1 => collection, 1 => nested].boxed()
}

/// An attributes mapping, in YAML flow style.
fn attributes(depth: u32) -> BoxedStrategy<String> {
    proptest::collection::btree_map(name(), attribute(depth), 1..5)
        .prop_map(|members| {
            let entries: Vec<String> =
                members.into_iter().map(|(name, attribute)| format!("\"{name}\": {attribute}")).collect();
            format!("{{{}}}", entries.join(", "))
        })
        .boxed()
}

/// A whole provider's YAML.
fn provider(name: String) -> impl Strategy<Value = String> {
    let resource =
        ("[a-z][a-z0-9_]{0,6}", attributes(1), prop_oneof![Just("PATCH"), Just("PUT")], any::<bool>(), any::<bool>());
    proptest::collection::vec(resource, 1..4).prop_map(move |resources| {
        let mut yaml = format!("name: {name}\nauth: {{type: bearer}}\nconfig:\n  token: {{type: string, optional: true, sensitive: true}}\nresources:\n");
        for (short, attributes, update, with_one_of, with_query) in resources {
            let one_of = if with_one_of {
                ",\n      \"va\": {type: object, optional: true, attributes: {\"x\": {type: string, required: true}}},\n      \"vb\": {type: object, optional: true, attributes: {\"y\": {type: int64, required: true}}}"
            } else {
                ""
            };
            let groups = if with_one_of { "\n    one_of: {choice: {discriminator: kind_tag, variants: [va, vb]}}" } else { "" };
            let query = if with_query { ", query: [flag]" } else { "" };
            let attributes = attributes.strip_suffix('}').unwrap_or(&attributes);
            yaml.push_str(&format!(
                "  {short}:\n    attributes: {attributes}, \"key\": {{type: string, read_only: true}}, \"flag\": {{type: bool, optional: true}}{one_of}}}{groups}\n    id: key\n    operations:\n      create: {{method: POST, path: /{short}{query}}}\n      read: {{method: GET, path: \"/{short}/{{key}}\"}}\n      update: {{method: {update}, path: \"/{short}/{{key}}\"}}\n      delete: {{method: DELETE, path: \"/{short}/{{key}}\"}}\n"
            ));
        }
        yaml
    })
}

#[test]
fn every_accepted_random_schema_generates_a_crate_that_compiles() {
    let cases: usize = std::env::var("RANDOM_SCHEMAS").ok().and_then(|value| value.parse().ok()).unwrap_or(6);
    let seed: u8 = std::env::var("RANDOM_SCHEMAS_SEED").ok().and_then(|value| value.parse().ok()).unwrap_or(7);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let mut scratch = Scratch::new();
    let (mut accepted, mut refused) = (0, 0);
    let mut attempts = 0;
    while accepted < cases && attempts < cases * 20 {
        attempts += 1;
        let name = format!("random{attempts}");
        let yaml = provider(name.clone()).new_tree(&mut runner).unwrap().current();
        match schema::load_yaml_str(&yaml, std::path::Path::new(&format!("{name}.yaml"))) {
            Ok(model) => {
                scratch.add(&model).unwrap_or_else(|error| panic!("{error}\n{yaml}"));
                std::fs::write(scratch.path().join(format!("{name}.yaml")), &yaml).unwrap();
                accepted += 1;
            }
            Err(errors) => {
                if std::env::var_os("RANDOM_SCHEMAS_VERBOSE").is_some() {
                    println!("{yaml}\n{errors}");
                }
                refused += 1
            }
        }
    }
    println!("random schemas: {accepted} accepted and checked, {refused} refused by validate");
    assert!(accepted >= cases.min(3), "the generator made too few valid schemas ({accepted} of {attempts})");
    let (checked, output) = scratch.cargo(&["check", "--quiet", "--all-targets"], &[]);
    assert!(checked, "a schema validate accepted generates code that does not compile:\n{output}");
}
