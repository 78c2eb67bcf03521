//! The provider's data-consistency rules under the real `terraform`, on the storefront fixture
//! (`tests/fixtures/good/shop`), whose resources have the shapes real APIs have. Each resource goes through
//! create, a clean plan, an in-place change deep in nested lists, sets and maps, removed optional
//! attributes, unset optional+computed ones, replacement, import into a fresh state, deletion outside
//! Terraform and destroy; the other tests each pin one class of API behaviour (drift, open enums, an
//! unreadable answer, write-only secrets, one-of rules, deprecation, decimals, upserts).

use std::path::{Path, PathBuf};

use fake_api::{Faults, Served};
use tests::terraform::{assert_clean_plan, run, run_logged, run_with_code, serve_model, terraform_or_skip};

/// The credential the fake accepts; it must never show in Terraform's output or logs.
const TOKEN: &str = "shop-key-83d1a0-never-logged";

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_e2e-terraform-provider-shop"))
}

fn fake() -> Served {
    faulty(Faults::default())
}

fn faulty(faults: Faults) -> Served {
    let fixture = tests::workspace_root().join("tests/fixtures/good/shop");
    serve_model(schema::load_provider(&fixture).unwrap().provider, TOKEN, faults)
}

/// A configuration with the provider block and two stores (`main`, `other`) besides `resources`.
fn configure(work: &Path, url: &str, resources: &str) {
    let config = format!(
        r#"provider "shop" {{
  server_url = "{url}"
  token      = "{TOKEN}"
}}

resource "shop_store" "main" {{
  name = "Main"
}}

resource "shop_store" "other" {{
  name = "Other"
}}

{resources}"#
    );
    tests::terraform::configure(&binary(), "shop", work, &config);
}

/// Applies and asserts the summary line (`1 added, 0 changed, 0 destroyed`) and a clean plan after it.
fn apply(terraform: &Path, work: &Path, summary: &str) -> String {
    let (code, output) = run_logged(terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains(&format!("Resources: {summary}.")), "expected {summary:?}:\n{output}");
    if let Some(line) = output.lines().find(|line| line.contains("Provider produced")) {
        panic!("an inconsistency: {line}\n{output}");
    }
    assert!(!output.contains(TOKEN), "the token is in the TF_LOG=trace output");
    assert_clean_plan(terraform, work, &format!("after applying {summary}"));
    output
}

/// The plan's text, asserting its summary line.
fn plan(terraform: &Path, work: &Path, summary: &str) -> String {
    let output = run(terraform, work, &["plan", "-no-color"]);
    assert!(output.contains(summary), "expected {summary:?}:\n{output}");
    output
}

/// `terraform state show` of one address.
fn shown(terraform: &Path, work: &Path, address: &str) -> String {
    run(terraform, work, &["state", "show", "-no-color", address])
}

/// The quoted value of `name` in `state show` output.
fn attribute(shown: &str, name: &str) -> String {
    shown
        .lines()
        .find_map(|line| line.trim().strip_prefix(name).map(str::trim_start).and_then(|rest| rest.strip_prefix("= ")))
        .map(|value| value.trim_matches('"').to_owned())
        .unwrap_or_else(|| panic!("no {name} in:\n{shown}"))
}

/// Imports `address` by `id` into a fresh folder with the configuration `resources` (which names the
/// store by its ID, since the fresh state has no store to reference); the plan of `address` is clean.
fn import_fresh(terraform: &Path, url: &str, resources: &str, address: &str, id: &str) {
    let fresh = tempfile::tempdir().unwrap();
    configure(fresh.path(), url, resources);
    let import = run(terraform, fresh.path(), &["import", "-no-color", address, id]);
    assert!(import.contains("Import successful!"), "{import}");
    let target = format!("-target={address}");
    let (code, planned) =
        run_with_code(terraform, fresh.path(), &["plan", "-detailed-exitcode", "-no-color", &target], &[]);
    assert_eq!(code, Some(0), "the plan after importing {address} should be empty:\n{planned}");
}

#[test]
fn a_store_lives_its_whole_life_through_merge_patches() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let store = |body: &str| format!("resource \"shop_store\" \"s\" {{\n{body}}}\n");
    let v1 = store(
        r#"  name        = "Deep"
  region      = "eu"
  description = "first"
  tax_rate    = 2.3
  labels      = { team = "a", tier = "gold" }
  address = {
    street = "1 Way"
    city   = "Oslo"
    geo    = { latitude = 59.91, longitude = 120.3, precision = { meters = 5 } }
  }
  settings = { currency = "EUR" }
"#,
    );
    configure(work, &api.url, &v1);
    apply(&terraform, work, "3 added, 0 changed, 0 destroyed");
    let first = shown(&terraform, work, "shop_store.s");
    assert_eq!(attribute(&first, "tax_rate"), "2.3", "decimals are stored exactly");
    assert_eq!(attribute(&first, "longitude"), "120.3");
    assert!(first.contains("open     = false"), "an unset member of an optional+computed object is resolved:\n{first}");
    assert!(!first.contains("(known after apply)"), "{first}");

    // Deep in-place change: a nested object three levels down, a map and a decimal.
    let v2 =
        v1.replace("meters = 5", "meters = 10").replace("tier = \"gold\"", "tier = \"silver\"").replace("2.3", "19.7");
    configure(work, &api.url, &v2);
    let planned = plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    assert!(
        planned.lines().any(|line| line.contains("updated_at") && line.contains("(known after apply)")),
        "a value the API changes on update is unknown in the plan:\n{planned}"
    );
    assert!(!planned.lines().any(|line| line.contains("created_at") && line.contains("->")), "{planned}");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    let updated = shown(&terraform, work, "shop_store.s");
    assert_ne!(attribute(&updated, "updated_at"), attribute(&first, "updated_at"), "the API bumped it");
    assert_eq!(attribute(&updated, "created_at"), attribute(&first, "created_at"));

    // Removing optional attributes sends explicit nulls (a merge patch), also inside the nested object.
    let v3 = v2
        .replace("  description = \"first\"\n", "")
        .replace("  labels      = { team = \"a\", tier = \"silver\" }\n", "")
        .replace("    city   = \"Oslo\"\n", "");
    configure(work, &api.url, &v3);
    plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    let stored = api.objects("shop_store").into_iter().find(|object| object["name"] == "Deep").unwrap();
    assert!(stored.get("description").is_none() && stored.get("labels").is_none(), "{stored}");
    assert!(stored["address"].get("city").is_none(), "{stored}");

    // Unsetting optional+computed values (a whole object, a nested object) keeps what the API has.
    let v4 = v3.replace("  settings = { currency = \"EUR\" }\n", "").replace(", precision = { meters = 10 }", "");
    configure(work, &api.url, &v4);
    assert_clean_plan(&terraform, work, "after unsetting optional+computed attributes");

    // Replacement, import into a fresh state, deletion outside Terraform, destroy.
    let v5 = v4.replace("region      = \"eu\"", "region      = \"us\"");
    configure(work, &api.url, &v5);
    let planned = plan(&terraform, work, "1 to add, 0 to change, 1 to destroy");
    assert!(planned.contains("# forces replacement"), "{planned}");
    apply(&terraform, work, "1 added, 0 changed, 1 destroyed");
    let id = attribute(&shown(&terraform, work, "shop_store.s"), "id");
    import_fresh(&terraform, &api.url, &v5, "shop_store.s", &id);
    out_of_band_delete_and_destroy(&terraform, work, api, "shop_store", &id, 3);
}

/// Deletes the `type_name` object whose `id` field is `id` behind Terraform's back; the next plan
/// re-creates it, and destroy leaves the API empty. `total` is how many objects the configuration makes.
fn out_of_band_delete_and_destroy(
    terraform: &Path,
    work: &Path,
    api: &fake_api::FakeApi,
    type_name: &str,
    id: &str,
    total: usize,
) {
    api.remove(type_name, |object| object.get("id").and_then(|value| value.as_str()) == Some(id));
    assert_eq!(api.object_count(), total - 1);
    let (code, planned) = run_with_code(terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
    assert_eq!(code, Some(2), "{planned}");
    assert!(planned.contains("Plan: 1 to add, 0 to change, 0 to destroy."), "{planned}");
    apply(terraform, work, "1 added, 0 changed, 0 destroyed");
    assert_eq!(api.object_count(), total);
    let destroy = run(terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert!(destroy.contains(&format!("Destroy complete! Resources: {total} destroyed.")), "{destroy}");
    assert_eq!(api.object_count(), 0, "destroy left objects in the API");
}

#[test]
fn a_product_lives_its_whole_life_through_full_replacements() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let v1 = r#"resource "shop_product" "p" {
  store_id  = shop_store.main.id
  title     = "Mug"
  status    = "active"
  price     = 12.5
  weight_kg = 0.3
  variants = [
    { sku = "mug-s", price = 12.5, options = { color = { value = "red" } } },
    { sku = "mug-l" },
  ]
  images = [
    { url = "https://img.test/1.png", alt = "front" },
    { url = "https://img.test/2.png" },
  ]
  tags = ["kitchen", "gift"]
}
"#;
    configure(work, &api.url, v1);
    apply(&terraform, work, "3 added, 0 changed, 0 destroyed");
    let first = shown(&terraform, work, "shop_product.p");
    assert_eq!(first.matches("variant_id =").count(), 2, "each list element gets its computed ID:\n{first}");
    assert_eq!(first.matches("image_id =").count(), 2, "each set element gets its computed ID:\n{first}");
    assert!(first.contains("option_id"), "a map element nested in a list element gets its ID:\n{first}");

    // Deep in place: a list element's map gains an entry, a set element changes, the set of tags grows.
    let v2 = v1
        .replace(r#"{ sku = "mug-l" }"#, r#"{ sku = "mug-l", price = 14.1, options = { size = { value = "L" } } }"#)
        .replace(r#"{ url = "https://img.test/2.png" }"#, r#"{ url = "https://img.test/2.png", alt = "back" }"#)
        .replace(r#"["kitchen", "gift"]"#, r#"["kitchen", "gift", "sale"]"#);
    configure(work, &api.url, &v2);
    let planned = plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    assert!(planned.lines().any(|line| line.contains("version") && line.contains("(known after apply)")), "{planned}");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    assert_eq!(attribute(&shown(&terraform, work, "shop_product.p"), "version"), "2", "the API counts versions from 1");

    // Removed optional attributes are left out of the full representation, so the API drops them.
    let v3 = v2
        .replace("  weight_kg = 0.3\n", "")
        .replace("  tags = [\"kitchen\", \"gift\", \"sale\"]\n", "")
        .replace(", options = { color = { value = \"red\" } }", "");
    configure(work, &api.url, &v3);
    plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    let stored = api.objects("shop_product").remove(0);
    assert!(stored.get("weightKg").is_none() && stored.get("tags").is_none(), "{stored}");

    // An optional+computed value left unset keeps the API's.
    let v4 = v3.replace("  status    = \"active\"\n", "");
    configure(work, &api.url, &v4);
    assert_clean_plan(&terraform, work, "after unsetting status");

    // A new store replaces the product; import by its composite ID; delete outside; destroy.
    let v5 = v4.replace("shop_store.main.id", "shop_store.other.id");
    configure(work, &api.url, &v5);
    assert!(plan(&terraform, work, "1 to add, 0 to change, 1 to destroy").contains("# forces replacement"));
    apply(&terraform, work, "1 added, 0 changed, 1 destroyed");
    let product = shown(&terraform, work, "shop_product.p");
    let (store_id, id) = (attribute(&product, "store_id"), attribute(&product, "id"));
    let literal = v5.replace("shop_store.other.id", &format!("\"{store_id}\""));
    import_fresh(&terraform, &api.url, &literal, "shop_product.p", &format!("{store_id}/{id}"));
    out_of_band_delete_and_destroy(&terraform, work, api, "shop_product", &id, 3);
}

#[test]
fn values_outside_an_enum_and_drift_come_back_as_they_are() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let config = r#"resource "shop_product" "p" {
  store_id = shop_store.main.id
  title    = "Cup"
  price    = 3
}

resource "shop_store" "s" {
  name        = "Drifting"
  description = "kept"
}
"#;
    configure(work, &api.url, config);
    apply(&terraform, work, "4 added, 0 changed, 0 destroyed");
    // The API moves the product to a status the schema does not list: a read keeps it, a plan is clean.
    api.edit("shop_product", |fields| {
        fields.insert("status".into(), "retired".into());
    });
    assert_clean_plan(&terraform, work, "after the API answered a status outside the enum");
    run(&terraform, work, &["apply", "-refresh-only", "-auto-approve", "-no-color"]);
    assert_eq!(attribute(&shown(&terraform, work, "shop_product.p"), "status"), "retired");
    // The configuration side is still checked against the enum.
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(0), "{output}");
    configure(work, &api.url, &config.replace("title    = \"Cup\"", "title    = \"Cup\"\n  status   = \"retired\""));
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("`status` must be one of \"draft\", \"active\", \"archived\"; got \"retired\"."),
        "{output}"
    );

    // An optional value the API drops, or changes, is drift the next plan repairs.
    configure(work, &api.url, config);
    api.edit("shop_store", |fields| {
        if fields["name"] == "Drifting" {
            fields.remove("description");
        }
    });
    let (code, planned) = run_with_code(&terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
    assert_eq!(code, Some(2), "{planned}");
    assert!(planned.contains("+ description = \"kept\""), "{planned}");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    api.edit("shop_product", |fields| {
        fields.insert("price".into(), serde_json::json!(4.5));
    });
    let (code, planned) = run_with_code(&terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
    assert_eq!(code, Some(2), "{planned}");
    assert!(planned.contains("~ price") && planned.contains("4.5 -> 3"), "{planned}");
}

#[test]
fn a_create_whose_answer_cannot_be_read_still_tracks_the_object() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    api.garble("shop_product", "tags");
    let config = r#"resource "shop_product" "p" {
  store_id = shop_store.main.id
  title    = "Bowl"
  price    = 9
}
"#;
    configure(work, &api.url, config);
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("its answer could not be read") && output.contains("$.tags"), "{output}");
    assert_eq!(api.objects("shop_product").len(), 1);
    let listed = run(&terraform, work, &["state", "list"]);
    assert!(listed.contains("shop_product.p"), "the created object is not in state:\n{listed}");
    // While the API still answers so, the next apply stops at the read (an error, not nulls in state)
    // instead of creating a second object beside the first.
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("is not what the API's schema says") && output.contains("$.tags"), "{output}");
    assert_eq!(api.objects("shop_product").len(), 1, "an object was orphaned:\n{output}");
}

/// A password set once: sent on create and update, never in plan, state or logs.
const PASSWORD: &str = "pw-7f3c91-never-stored";

#[test]
fn a_customer_keeps_its_write_only_password_out_of_state() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let v1 = format!(
        r#"resource "shop_customer" "c" {{
  store_id      = shop_store.main.id
  name          = "Ada"
  password      = "{PASSWORD}"
  email_contact = {{ address = "ada@example.test" }}
}}
"#
    );
    configure(work, &api.url, &v1);
    let planned = plan(&terraform, work, "3 to add, 0 to change, 0 to destroy");
    assert!(planned.contains("password      = (write-only attribute)"), "{planned}");
    assert!(planned.contains("send_welcome  = true"), "{planned}");
    let output = apply(&terraform, work, "3 added, 0 changed, 0 destroyed");
    assert!(!output.contains(PASSWORD), "the password is in the TF_LOG=trace output");
    let customer = api.objects("shop_customer").remove(0);
    assert_eq!(customer["password"], PASSWORD, "the API got the password");
    assert_eq!(customer["channel"], "email", "the one-of variant is folded in with its tag");
    let state = std::fs::read_to_string(work.join("terraform.tfstate")).unwrap();
    assert!(!state.contains(PASSWORD), "the password is in the state:\n{state}");
    let shown = shown(&terraform, work, "shop_customer.c");
    assert_eq!(attribute(&shown, "send_welcome"), "true", "a default the API never returns stays as planned");

    // In place: a new name and the other variant of the one-of group.
    let v2 = v1
        .replace("\"Ada\"", "\"Ada L.\"")
        .replace("email_contact = { address = \"ada@example.test\" }", "phone_contact = { number = \"+47 555 01\" }");
    configure(work, &api.url, &v2);
    plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    let output = apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    assert!(!output.contains(PASSWORD), "the password is in the TF_LOG=trace output");
    assert_eq!(api.objects("shop_customer").remove(0)["channel"], "phone");

    // Replacement by store, import into a fresh state (the password cannot come back; the default stands in
    // for the value the API never returns), deletion outside Terraform, destroy.
    let v3 = v2.replace("shop_store.main.id", "shop_store.other.id");
    configure(work, &api.url, &v3);
    assert!(plan(&terraform, work, "1 to add, 0 to change, 1 to destroy").contains("# forces replacement"));
    apply(&terraform, work, "1 added, 0 changed, 1 destroyed");
    let customer = shown_customer(&terraform, work);
    let literal = v3.replace("shop_store.other.id", &format!("\"{}\"", customer.0));
    import_fresh(&terraform, &api.url, &literal, "shop_customer.c", &format!("{}/{}", customer.0, customer.1));
    out_of_band_delete_and_destroy(&terraform, work, api, "shop_customer", &customer.1, 3);
}

fn shown_customer(terraform: &Path, work: &Path) -> (String, String) {
    let shown = shown(terraform, work, "shop_customer.c");
    (attribute(&shown, "store_id"), attribute(&shown, "id"))
}

#[test]
fn one_of_groups_and_deprecations_are_checked_at_validate() {
    let Some(terraform) = terraform_or_skip() else { return };
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let both = format!(
        r#"resource "shop_customer" "c" {{
  store_id      = "s"
  name          = "Both"
  password      = "{PASSWORD}"
  email_contact = {{ address = "a@example.test" }}
  phone_contact = {{ number = "1" }}
}}
"#
    );
    configure(work, "http://127.0.0.1:9", &both);
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("Error: Conflicting attributes"), "{output}");
    assert!(output.contains("`email_contact` and `phone_contact` exclude each other (contact)"), "{output}");
    let neither = both
        .replace("  email_contact = { address = \"a@example.test\" }\n", "")
        .replace("  phone_contact = { number = \"1\" }\n", "");
    configure(work, "http://127.0.0.1:9", &neither);
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("Exactly one of `email_contact`, `phone_contact` must be set (contact)."), "{output}");

    let deprecated = "resource \"shop_store\" \"old\" {\n  name        = \"Old\"\n  legacy_code = \"x1\"\n}\n";
    configure(work, "http://127.0.0.1:9", deprecated);
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("Warning: Deprecated attribute"), "{output}");
    assert!(output.contains("Use `labels` instead."), "{output}");
    assert!(output.contains("legacy_code = \"x1\""), "the warning points at the attribute:\n{output}");
}

#[test]
fn a_webhook_is_created_and_updated_by_the_same_put() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let v1 = r#"resource "shop_webhook" "w" {
  store_id        = shop_store.main.id
  name            = "orders"
  url             = "https://hooks.test/1"
  timeout_seconds = 120.3
  secret          = "whsec-2b7e-never-stored"
  headers         = { "X-A" = { value = "1" } }
}
"#;
    configure(work, &api.url, v1);
    apply(&terraform, work, "3 added, 0 changed, 0 destroyed");
    let first = shown(&terraform, work, "shop_webhook.w");
    assert_eq!(attribute(&first, "timeout_seconds"), "120.3");
    assert!(first.contains("header_id"), "{first}");
    assert_eq!(api.objects("shop_webhook").remove(0)["secret"], "whsec-2b7e-never-stored");

    let v2 = v1
        .replace("https://hooks.test/1", "https://hooks.test/2")
        .replace("120.3", "2.3")
        .replace(r#"{ "X-A" = { value = "1" } }"#, r#"{ "X-A" = { value = "1" }, "X-B" = { value = "2" } }"#);
    configure(work, &api.url, &v2);
    let planned = plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    assert!(planned.lines().any(|line| line.contains("etag") && line.contains("(known after apply)")), "{planned}");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    assert_eq!(api.objects("shop_webhook").len(), 1, "the update replaced the webhook at its own path");
    assert_ne!(attribute(&shown(&terraform, work, "shop_webhook.w"), "etag"), attribute(&first, "etag"));

    let v3 = v2
        .replace("  timeout_seconds = 2.3\n", "")
        .replace("  secret          = \"whsec-2b7e-never-stored\"\n", "")
        .replace(r#"  headers         = { "X-A" = { value = "1" }, "X-B" = { value = "2" } }"#, "");
    configure(work, &api.url, &v3);
    plan(&terraform, work, "0 to add, 1 to change, 0 to destroy");
    apply(&terraform, work, "0 added, 1 changed, 0 destroyed");
    let stored = api.objects("shop_webhook").remove(0);
    assert!(stored.get("timeoutSeconds").is_none() && stored.get("headers").is_none(), "{stored}");

    let v4 = v3.replace("\"orders\"", "\"orders-2\"");
    configure(work, &api.url, &v4);
    assert!(plan(&terraform, work, "1 to add, 0 to change, 1 to destroy").contains("# forces replacement"));
    apply(&terraform, work, "1 added, 0 changed, 1 destroyed");
    let store_id = attribute(&shown(&terraform, work, "shop_webhook.w"), "store_id");
    let literal = v4.replace("shop_store.main.id", &format!("\"{store_id}\""));
    import_fresh(&terraform, &api.url, &literal, "shop_webhook.w", &format!("{store_id}/orders-2"));
    api.remove("shop_webhook", |_| true);
    let (code, planned) = run_with_code(&terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
    assert_eq!(code, Some(2), "{planned}");
    apply(&terraform, work, "1 added, 0 changed, 0 destroyed");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(api.object_count(), 0);
}

#[test]
fn a_discount_is_replaced_on_every_change_and_a_data_source_reads_a_store() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let v1 = r#"resource "shop_discount" "d" {
  store_id    = shop_store.main.id
  label       = "Ten"
  percent_off = { percent = 99.5 }
}

data "shop_store" "read" {
  id = shop_store.main.id
}

output "store_name" { value = data.shop_store.read.name }
"#;
    configure(work, &api.url, v1);
    apply(&terraform, work, "3 added, 0 changed, 0 destroyed");
    assert_eq!(run(&terraform, work, &["output", "-raw", "store_name"]), "Main");
    let discount = api.objects("shop_discount").remove(0);
    assert_eq!(discount["percent"], 99.5, "an untagged variant's fields are folded into the body");

    let v2 = v1.replace("percent_off = { percent = 99.5 }", "amount_off = { amount = 5.25, currency = \"EUR\" }");
    configure(work, &api.url, &v2);
    assert!(plan(&terraform, work, "1 to add, 0 to change, 1 to destroy").contains("# forces replacement"));
    apply(&terraform, work, "1 added, 0 changed, 1 destroyed");
    let shown = shown(&terraform, work, "shop_discount.d");
    assert_eq!(attribute(&shown, "amount"), "5.25");
    let (store_id, id) = (attribute(&shown, "store_id"), attribute(&shown, "id"));
    let literal = v2.replace("shop_store.main.id", &format!("\"{store_id}\""));
    import_fresh(&terraform, &api.url, &literal, "shop_discount.d", &format!("{store_id}/{id}"));

    let out_of_range = v1.replace("99.5", "99.6");
    configure(work, &api.url, &out_of_range);
    let (code, output) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("`percent` must be between 0.5 and 99.5; got 99.6."), "{output}");
    configure(work, &api.url, &v2);
    out_of_band_delete_and_destroy(&terraform, work, api, "shop_discount", &id, 3);
}

#[test]
fn writes_whose_answers_are_lost_are_retried_with_their_idempotency_key() {
    let Some(terraform) = terraform_or_skip() else { return };
    // A fifth of all requests fail before the API acts (500 or 429), and 30% of the writes it carries out
    // lose their answer (500): only the idempotency key makes repeating a POST safe.
    let served = faulty(Faults { error_rate: 0.2, commit_then_fail: 0.3, ..Faults::default() });
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(
        work,
        &api.url,
        "resource \"shop_store\" \"many\" {\n  count = 100\n  name  = \"store ${count.index}\"\n}\n",
    );
    apply(&terraform, work, "102 added, 0 changed, 0 destroyed");
    assert!(api.faults_injected() >= 40, "only {} faults were injected", api.faults_injected());
    assert_eq!(api.objects("shop_store").len(), 102, "an object the API holds is missing from the state, or doubled");
    let listed = run(&terraform, work, &["state", "list"]);
    assert_eq!(listed.lines().count(), 102, "{listed}");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(api.object_count(), 0);
}

/// 30% of the writes the API carries out lose their answer (500). Customers have no idempotency key, so
/// no create is sent twice; each declares how to find what it made (`adopt: {match: [name]}`), so after a
/// lost answer the provider lists the store's customers and takes the one with its name, with a warning:
/// every customer the API holds is in state, once.
#[test]
fn creates_whose_answers_are_lost_adopt_what_the_api_made() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = faulty(Faults { commit_then_fail: 0.3, ..Faults::default() });
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let customers = "resource \"shop_customer\" \"many\" {\n  count         = 100\n  store_id      = shop_store.main.id\n  name          = \"customer ${count.index}\"\n  password      = \"pw-${count.index}\"\n  email_contact = { address = \"c${count.index}@example.com\" }\n}\n";
    configure(work, &api.url, customers);
    let output = apply(&terraform, work, "102 added, 0 changed, 0 destroyed");
    assert!(api.faults_injected() >= 15, "only {} answers were lost", api.faults_injected());
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("the API had created the object all the same: the one it lists with name ="), "{output}");
    assert_eq!(
        api.objects("shop_customer").len(),
        100,
        "a customer the API holds is missing from the state, or doubled"
    );
    let listed = run(&terraform, work, &["state", "list"]);
    assert_eq!(listed.lines().filter(|line| line.starts_with("shop_customer.")).count(), 100, "{listed}");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(api.object_count(), 0);
}

#[test]
fn a_create_without_an_idempotency_key_is_not_repeated_after_a_lost_answer() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = faulty(Faults { commit_then_fail: 1.0, ..Faults::default() });
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let discount = "resource \"shop_discount\" \"d\" {\n  store_id    = shop_store.main.id\n  label       = \"Lost\"\n  percent_off = { percent = 5 }\n}\n";
    configure(work, &api.url, discount);
    let (code, output) = run_with_code(&terraform, work, &["apply", "-auto-approve", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("the API may have created the object all the same"), "{output}");
    assert!(flat.contains(&format!("POST {}/stores/", api.url)), "the error names the request: {output}");
    assert!(flat.contains("`terraform import` it"), "{output}");
    assert_eq!(api.objects("shop_discount").len(), 1, "the POST was repeated");
    assert_eq!(api.objects("shop_store").len(), 2, "the keyed creates were retried and tracked once");
}

#[test]
fn an_answer_larger_than_terraform_can_carry_is_refused_not_stored() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(work, &api.url, "");
    apply(&terraform, work, "2 added, 0 changed, 0 destroyed");
    api.edit("shop_store", |fields| {
        fields.insert("labels".into(), serde_json::json!({"huge": "x".repeat(5 << 20)}));
    });
    let (code, output) = run_with_code(&terraform, work, &["plan", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("the state of shop_store is too large"), "{output}");
    let state = std::fs::metadata(work.join("terraform.tfstate")).unwrap().len();
    assert!(state < 1 << 20, "the huge answer reached the state ({state} bytes)");
}

/// A read answered with what the schema does not describe (an HTML page, nothing, an array, a field of the
/// wrong type) is an error that names the request, the status and the place in the answer; the plan
/// fails, and a refresh-only apply leaves the state byte for byte as it was.
#[test]
fn answers_a_read_cannot_read_fail_and_leave_the_state_alone() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    configure(work, &api.url, "");
    apply(&terraform, work, "2 added, 0 changed, 0 destroyed");
    let state = work.join("terraform.tfstate");
    let before = std::fs::read(&state).unwrap();
    let cases = [
        (Some(fake_api::Misanswer::Html), "the answer is not JSON"),
        (Some(fake_api::Misanswer::Empty), "the API answered without a body"),
        (Some(fake_api::Misanswer::Array), "$ is an array where the schema says an object"),
        (None, "$.name is an object"),
    ];
    for (misanswer, expected) in cases {
        match misanswer {
            Some(answer) => api.misanswer("shop_store", Some(answer)),
            None => {
                api.misanswer("shop_store", None);
                api.garble("shop_store", "name");
            }
        }
        let (code, planned) = run_with_code(&terraform, work, &["plan", "-no-color"], &[]);
        assert_eq!(code, Some(1), "{planned}");
        assert!(planned.contains("is not what the API's schema says"), "{planned}");
        assert!(
            planned.contains("GET /stores/") && planned.contains("answered 200"),
            "the request is named:\n{planned}"
        );
        assert!(planned.contains(expected), "{expected}:\n{planned}");
        let (code, refreshed) =
            run_with_code(&terraform, work, &["apply", "-refresh-only", "-auto-approve", "-no-color"], &[]);
        assert_eq!(code, Some(1), "{refreshed}");
        assert_eq!(std::fs::read(&state).unwrap(), before, "the state changed after {expected}");
    }
}

/// A read whose answer trickles in (one byte a second) fails once the resource's `timeouts.read` has
/// passed, with an error that says which operation ran out of time and where to give it more; the state
/// stays as it was. A duration that is none is refused before any call, at its place in the block.
#[test]
fn a_read_that_trickles_in_fails_at_its_timeout() {
    let Some(terraform) = terraform_or_skip() else { return };
    let served = fake();
    let api = &served.api;
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let config = |read: &str| {
        format!(
            r#"provider "shop" {{
  server_url = "{}"
  token      = "{TOKEN}"
}}

resource "shop_store" "main" {{
  name = "Main"
  timeouts {{
    read = "{read}"
  }}
}}
"#,
            api.url
        )
    };
    tests::terraform::configure(&binary(), "shop", work, &config("3s"));
    apply(&terraform, work, "1 added, 0 changed, 0 destroyed");
    let state = work.join("terraform.tfstate");
    let before = std::fs::read(&state).unwrap();
    api.misanswer("shop_store", Some(fake_api::Misanswer::Trickle));
    let started = std::time::Instant::now();
    let (code, planned) = run_with_code(&terraform, work, &["plan", "-no-color"], &[]);
    let took = started.elapsed();
    assert_eq!(code, Some(1), "{planned}");
    assert!(planned.contains("the read did not finish within 3s"), "{planned}");
    assert!(planned.contains("`timeouts` block"), "the error says where to give it more time:\n{planned}");
    assert!(took < std::time::Duration::from_secs(30), "the answer takes minutes; the plan took {took:?}");
    assert_eq!(std::fs::read(&state).unwrap(), before);
    api.misanswer("shop_store", None);
    tests::terraform::configure(&binary(), "shop", work, &config("20"));
    let (code, planned) = run_with_code(&terraform, work, &["plan", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{planned}");
    assert!(planned.contains("Invalid timeout") && planned.contains("`20` has no unit"), "{planned}");
    assert!(planned.contains("read = \"20\""), "the error points at the duration in the block:\n{planned}");
}
