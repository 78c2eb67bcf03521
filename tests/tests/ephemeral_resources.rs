//! Ephemeral resources (Terraform 1.10+) under the real terraform and over gRPC: the shop fixture's
//! `shop_access_token` is opened against the fake API, its token set as a webhook's write-only `secret`,
//! and closed once the run is done; neither the state nor the saved plan holds the token, and the next plan
//! is empty. Over gRPC, as Terraform calls it during a long apply: open gives a renewal time and private
//! data, renew keeps the object, close gives it back, and a renewal of what is gone fails with the API's
//! answer. Terraform's schema carries the ephemeral resource, and the page tfplugindocs' rules make from it
//! is the one the YAML path writes.

use fake_api::Faults;
use runtime::plugin::proto::{
    ConfigureProviderRequest, DiagnosticsResponse, DynamicValue, EphemeralResourceRequest,
    OpenEphemeralResourceRequest, OpenEphemeralResourceResponse, RenewEphemeralResourceResponse,
};
use runtime::plugin::value::{self, TfValue};
use tests::plugin_client::Plugin;
use tests::terraform::{assert_clean_plan, configure, run, run_with_code, serve_model, terraform_or_skip};

const TOKEN: &str = "shop-token";

fn shop() -> (schema::LoadedProvider, std::path::PathBuf) {
    let loaded = schema::load_provider(&tests::workspace_root().join("tests/fixtures/good/shop")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&loaded.provider]).unwrap();
    (loaded, binaries[0].clone())
}

/// A store, an access token for it, and a webhook whose write-only secret is the token.
fn configuration(url: &str, scope: &str) -> String {
    format!(
        r#"
provider "shop" {{
  server_url = "{url}"
  token      = "{TOKEN}"
}}

resource "shop_store" "main" {{
  name = "Main street"
}}

ephemeral "shop_access_token" "deploy" {{
  store_id = shop_store.main.id
  scope    = "{scope}"
}}

resource "shop_webhook" "orders" {{
  store_id = shop_store.main.id
  name     = "orders"
  url      = "https://hooks.example.com/orders"
  secret   = ephemeral.shop_access_token.deploy.token
}}
"#
    )
}

#[test]
fn an_opened_token_reaches_a_write_only_argument_and_never_state_or_plan() {
    let Some(terraform) = terraform_or_skip() else { return };
    let (loaded, binary) = shop();
    let served = serve_model(loaded.provider.clone(), TOKEN, Faults::default());
    let work = tempfile::tempdir().unwrap();
    let work = work.path();

    configure(&binary, "shop", work, &configuration(&served.api.url, "admin"));
    let (code, refused) = run_with_code(&terraform, work, &["validate", "-no-color"], &[]);
    assert_eq!(code, Some(1), "{refused}");
    assert!(refused.contains("scope") && refused.contains("write"), "{refused}");

    configure(&binary, "shop", work, &configuration(&served.api.url, "write"));
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    let hooks = served.api.objects("shop_webhook");
    let secret = hooks[0]["secret"].as_str().expect("the webhook got the token as its secret").to_owned();
    assert!(!secret.is_empty());
    assert!(served.api.objects("shop_access_token").is_empty(), "the token is closed once the run is done");

    // The next plan opens a token again (the configuration is known now), sends nothing, and saves a
    // plan without it.
    run(&terraform, work, &["plan", "-out=next.tfplan", "-no-color"]);
    let plan = std::fs::read(work.join("next.tfplan")).unwrap();
    let state = std::fs::read_to_string(work.join("terraform.tfstate")).unwrap();
    let shown = run(&terraform, work, &["show", "-json", "next.tfplan"]);
    for (what, text) in [("state", state.as_str()), ("plan", shown.as_str())] {
        assert!(!text.contains(&secret), "the {what} holds the token");
    }
    assert!(!contains(&unzipped(&plan), secret.as_bytes()), "the plan file holds the token");
    assert!(served.api.objects("shop_access_token").is_empty(), "the plan's token is closed too");
    assert_clean_plan(&terraform, work, "after the apply");
    run(&terraform, work, &["destroy", "-auto-approve", "-no-color"]);

    // Terraform's schema carries the ephemeral resource; the page tfplugindocs' rules make from it is the
    // YAML path's.
    let schema_file = work.join("schema.json");
    std::fs::write(&schema_file, run(&terraform, work, &["providers", "schema", "-json"])).unwrap();
    let (out, pages) = tests::terraform::pages_both_ways(&loaded.dir, &schema_file, work);
    let page = std::path::Path::new("ephemeral-resources/access_token.md");
    let ours = &pages.iter().find(|(path, _)| path == page).expect("the YAML path writes the page").1;
    assert_eq!(&std::fs::read_to_string(out.join(page)).unwrap(), ours);
}

/// The bytes of every member of a zip archive (a saved plan), stored or deflated.
fn unzipped(archive: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    let mut all = Vec::new();
    for index in 0..zip.len() {
        std::io::copy(&mut zip.by_index(index).unwrap(), &mut all).unwrap();
    }
    all
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

fn dynamic(value: &TfValue) -> Option<DynamicValue> {
    Some(DynamicValue { msgpack: value::encode(value), json: Vec::new() })
}

fn object(fields: &[(&str, TfValue)]) -> TfValue {
    TfValue::Map(fields.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect())
}

#[tokio::test]
async fn open_renew_and_close_over_grpc() {
    let (loaded, binary) = shop();
    let served = serve_model(loaded.provider, TOKEN, Faults::default());
    let plugin = Plugin::start(&binary).await;
    let config =
        object(&[("server_url", TfValue::String(served.api.url.clone())), ("token", TfValue::String(TOKEN.into()))]);
    let configured: DiagnosticsResponse = plugin
        .call(
            "ConfigureProvider",
            ConfigureProviderRequest { config: dynamic(&config), ..ConfigureProviderRequest::default() },
        )
        .await
        .unwrap();
    assert!(configured.diagnostics.is_empty(), "{:?}", configured.diagnostics);

    let open = object(&[("store_id", TfValue::String("store-1".into())), ("scope", TfValue::Null)]);
    let before = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let opened: OpenEphemeralResourceResponse = plugin
        .call(
            "OpenEphemeralResource",
            OpenEphemeralResourceRequest {
                type_name: "shop_access_token".into(),
                config: dynamic(&open),
                client_capabilities: None,
            },
        )
        .await
        .unwrap();
    assert!(opened.diagnostics.is_empty(), "{:?}", opened.diagnostics);
    let result = value::decode(&opened.result.unwrap().msgpack).unwrap();
    let stored = served.api.objects("shop_access_token");
    assert_eq!(stored.len(), 1);
    assert_eq!(result.field("token"), Some(&TfValue::String(stored[0]["token"].as_str().unwrap().into())));
    assert_eq!(result.field("scope"), Some(&TfValue::String(stored[0]["scope"].as_str().unwrap().into())));
    // Renewed every ten minutes, as the schema says.
    let renew_at = opened.renew_at.unwrap().seconds;
    assert!((before + 600..before + 610).contains(&renew_at), "{renew_at} is not ten minutes after {before}");
    // The private data holds what renew and close address the token by, and not the token.
    let private = opened.private.unwrap();
    assert_eq!(
        value::decode(&private).unwrap(),
        object(&[("id", result.field("id").unwrap().clone()), ("store_id", TfValue::String("store-1".into()))])
    );

    let request = || EphemeralResourceRequest { type_name: "shop_access_token".into(), private: Some(private.clone()) };
    let renewed: RenewEphemeralResourceResponse = plugin.call("RenewEphemeralResource", request()).await.unwrap();
    assert!(renewed.diagnostics.is_empty(), "{:?}", renewed.diagnostics);
    assert!(renewed.renew_at.unwrap().seconds >= renew_at);
    assert_eq!(renewed.private, Some(private.clone()));

    let closed: DiagnosticsResponse = plugin.call("CloseEphemeralResource", request()).await.unwrap();
    assert!(closed.diagnostics.is_empty(), "{:?}", closed.diagnostics);
    assert!(served.api.objects("shop_access_token").is_empty());
    // Closing what is gone is done; renewing it fails with the API's answer.
    let again: DiagnosticsResponse = plugin.call("CloseEphemeralResource", request()).await.unwrap();
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
    let late: RenewEphemeralResourceResponse = plugin.call("RenewEphemeralResource", request()).await.unwrap();
    let problem = &late.diagnostics[0];
    assert_eq!(problem.summary, "cannot renew shop_access_token");
    assert!(problem.detail.contains("404"), "{}", problem.detail);
}

#[tokio::test]
async fn the_typed_client_opens_renews_and_closes() {
    use shop::ephemeral_resources::access_token::{AccessTokenScope, OpenRequest};
    let (loaded, _) = shop();
    let served = serve_model(loaded.provider, TOKEN, Faults::default());
    let mut config = runtime::ClientConfig::new(&served.api.url);
    config.auth = Some(runtime::Auth::Header { name: "X-Shop-Key".into(), value: runtime::Secret::new(TOKEN) });
    let tokens = shop::Client::new(config).unwrap();
    let tokens = tokens.ephemeral_access_tokens();
    let opened = tokens.open("store-7", &OpenRequest { scope: Some(AccessTokenScope::Write) }).await.unwrap();
    assert_eq!(opened.store_id, "store-7");
    assert_eq!(opened.scope, Some(AccessTokenScope::Write));
    let id = opened.id.unwrap();
    assert_eq!(served.api.objects("shop_access_token")[0]["token"].as_str(), opened.token.as_deref());
    tokens.renew("store-7", &id).await.unwrap();
    tokens.close("store-7", &id).await.unwrap();
    assert!(served.api.objects("shop_access_token").is_empty());
    let gone = tokens.renew("store-7", &id).await.unwrap_err();
    assert!(gone.to_string().contains("404"), "{gone}");
}
