//! Provider-defined functions under the real terraform (1.8+): the shop fixture's products and customers
//! have import IDs of two parts (`{store_id}/{id}`), so `provider::shop::product_id(...)` builds one and
//! `provider::shop::parse_product_id(id)` takes one apart, in outputs and in `terraform console`; an ID of
//! another form fails the plan with the function's message. Terraform's schema carries them, and the
//! function pages tfplugindocs' rules make from it are those the YAML path writes.

use tests::terraform::{configure, run, run_with_code, terraform_or_skip};

fn shop_binary() -> std::path::PathBuf {
    let loaded = schema::load_provider(&tests::workspace_root().join("tests/fixtures/good/shop")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&loaded.provider]).unwrap();
    binaries[0].clone()
}

/// What `terraform console` prints for `expression`.
fn console(terraform: &std::path::Path, work: &std::path::Path, expression: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(terraform)
        .arg("console")
        .current_dir(work)
        .env("TF_CLI_CONFIG_FILE", work.join("cli.tfrc"))
        .env("CHECKPOINT_DISABLE", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{expression}\n").as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn import_id_functions_build_and_parse_ids_in_configurations() {
    let Some(terraform) = terraform_or_skip() else { return };
    let binary = shop_binary();
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let outputs = r#"
output "built" {
  value = provider::shop::product_id("store-1", "prod-9")
}

output "parsed" {
  value = provider::shop::parse_customer_id("store-1/cust-3")
}
"#;
    configure(&binary, "shop", work, outputs);
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    let shown: serde_json::Value = serde_json::from_str(&run(&terraform, work, &["output", "-json"])).unwrap();
    assert_eq!(shown["built"]["value"], "store-1/prod-9");
    assert_eq!(shown["parsed"]["value"], serde_json::json!({"store_id": "store-1", "id": "cust-3"}));
    assert_eq!(console(&terraform, work, "provider::shop::parse_product_id(\"s/p\").id"), "\"p\"");

    // Terraform reads the functions with the schema; tfplugindocs' rules over what it read give back the
    // function pages the YAML path writes.
    let schema_file = work.join("schema.json");
    std::fs::write(&schema_file, run(&terraform, work, &["providers", "schema", "-json"])).unwrap();
    let fixture = tests::workspace_root().join("tests/fixtures/good/shop");
    let (out, pages) = tests::terraform::pages_both_ways(&fixture, &schema_file, work);
    for name in ["product_id", "parse_product_id", "customer_id", "parse_customer_id"] {
        let path = std::path::Path::new("functions").join(format!("{name}.md"));
        let from_yaml = pages.iter().find(|(file, _)| *file == path).map(|(_, page)| page.as_str()).unwrap();
        let from_terraform = std::fs::read_to_string(out.join(&path)).unwrap();
        assert_eq!(from_terraform, from_yaml, "{name}");
    }

    let wrong = "output \"bad\" {\n  value = provider::shop::parse_product_id(\"no-slash\")\n}\n";
    configure(&binary, "shop", work, wrong);
    let (code, output) = run_with_code(&terraform, work, &["plan", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("\"no-slash\" is not an ID of shop_product: it has the form {store_id}/{id}"), "{output}");
}
