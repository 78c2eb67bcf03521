//! The plugin protocol spoken directly, as Terraform 1.12+ speaks it (a gRPC client, `src/plugin_client.rs`):
//! the calls terraform 1.11.4 does not make. `GetMetadata` names every resource, data source and function
//! the schema has, with the capabilities that let Terraform skip the full schema; the functions answer
//! as the schema says; objects are imported by identity and read back with it.

use runtime::plugin::proto::{
    CallFunctionRequest, CallFunctionResponse, ConfigureProviderRequest, DiagnosticsResponse, DynamicValue, Empty,
    GetFunctionsResponse, GetMetadataResponse, GetProviderSchemaResponse, GetResourceIdentitySchemasResponse,
    ImportResourceStateRequest, ImportResourceStateResponse, RawState, ReadResourceRequest, ReadResourceResponse,
    ResourceIdentityData, UpgradeResourceIdentityRequest, UpgradeResourceIdentityResponse,
};
use runtime::plugin::value::{self, TfValue};
use tests::plugin_client::Plugin;

fn shop() -> (schema::Provider, std::path::PathBuf) {
    let loaded = schema::load_provider(&tests::workspace_root().join("tests/fixtures/good/shop")).unwrap();
    let project = codegen::acceptance::build::Project::read(&tests::workspace_root()).unwrap();
    let (_, binaries) = project.build(&[&loaded.provider]).unwrap();
    (loaded.provider, binaries[0].clone())
}

#[tokio::test]
async fn metadata_names_what_the_schema_has_and_functions_answer_over_grpc() {
    let (model, binary) = shop();
    let plugin = Plugin::start(&binary).await;
    let metadata: GetMetadataResponse = plugin.call("GetMetadata", Empty {}).await.unwrap();
    let resources: Vec<&str> = metadata.resources.iter().map(|found| found.type_name.as_str()).collect();
    assert_eq!(resources, model.resources.keys().map(String::as_str).collect::<Vec<_>>());
    let sources: Vec<&str> = metadata.data_sources.iter().map(|found| found.type_name.as_str()).collect();
    assert_eq!(sources, ["shop_store"]);
    let capabilities = metadata.server_capabilities.unwrap();
    assert!(capabilities.get_provider_schema_optional && capabilities.move_resource_state);
    let mut functions: Vec<String> = metadata.functions.into_iter().map(|function| function.name).collect();
    functions.sort();
    // Each resource with an import ID of two parts (a store's products, customers, webhooks, discounts).
    assert_eq!(
        functions,
        [
            "customer_id",
            "discount_id",
            "parse_customer_id",
            "parse_discount_id",
            "parse_product_id",
            "parse_webhook_id",
            "product_id",
            "webhook_id"
        ]
    );

    // The schema and GetFunctions give the same signatures.
    let schema: GetProviderSchemaResponse = plugin.call("GetProviderSchema", Empty {}).await.unwrap();
    let listed: GetFunctionsResponse = plugin.call("GetFunctions", Empty {}).await.unwrap();
    assert_eq!(schema.functions, listed.functions);
    let parse = &listed.functions["parse_product_id"];
    assert_eq!(
        String::from_utf8_lossy(&parse.r#return.as_ref().unwrap().r#type),
        r#"["object",{"store_id":"string","id":"string"}]"#
    );

    let argument =
        |text: &str| DynamicValue { msgpack: value::encode(&TfValue::String(text.into())), json: Vec::new() };
    let request = CallFunctionRequest { name: "product_id".into(), arguments: vec![argument("s1"), argument("p1")] };
    let answer: CallFunctionResponse = plugin.call("CallFunction", request).await.unwrap();
    assert_eq!(value::decode(&answer.result.unwrap().msgpack), Ok(TfValue::String("s1/p1".into())));
    let request = CallFunctionRequest { name: "parse_product_id".into(), arguments: vec![argument("p1")] };
    let answer: CallFunctionResponse = plugin.call("CallFunction", request).await.unwrap();
    let error = answer.error.unwrap();
    assert_eq!(error.function_argument, Some(0));
    assert!(answer.result.is_none());
}

const TOKEN: &str = "identity-key";

fn text(value: &str) -> TfValue {
    TfValue::String(value.to_owned())
}

fn dynamic(value: &TfValue) -> DynamicValue {
    DynamicValue { msgpack: value::encode(value), json: Vec::new() }
}

fn identity(parts: &[(&str, &str)]) -> ResourceIdentityData {
    let map = TfValue::Map(parts.iter().map(|(name, part)| ((*name).to_owned(), text(part))).collect());
    ResourceIdentityData { identity_data: Some(dynamic(&map)) }
}

/// Resource identity as Terraform 1.12+ uses it: the identity schemas, an import by identity, the identity
/// read back beside the state, and a stored identity upgraded.
#[tokio::test]
async fn objects_are_imported_by_identity_and_read_with_it() {
    let (model, binary) = shop();
    let served = tests::terraform::serve_model(model.clone(), TOKEN, fake_api::Faults::default());
    let mut config = runtime::ClientConfig::new(&served.api.url);
    config.auth = Some(runtime::Auth::Header { name: "X-Shop-Key".into(), value: runtime::Secret::new(TOKEN) });
    let client = shop::Client::new(config).unwrap();
    let store = shop::store::CreateRequest {
        name: "corner".into(),
        region: None,
        description: None,
        tax_rate: None,
        labels: None,
        legacy_code: None,
        address: None,
        settings: None,
    };
    let store_id = client.stores().create(&store).await.unwrap().id.unwrap();
    let product = shop::product::CreateRequest {
        title: "kettle".into(),
        status: None,
        price: 20.0,
        weight_kg: None,
        variants: None,
        images: None,
        tags: None,
    };
    let product_id = client.products().create(&store_id, &product).await.unwrap().id.unwrap();

    let plugin = Plugin::start(&binary).await;
    let schemas: GetResourceIdentitySchemasResponse =
        plugin.call("GetResourceIdentitySchemas", Empty {}).await.unwrap();
    let schema = &schemas.identity_schemas["shop_product"];
    let names: Vec<(&str, bool)> =
        schema.identity_attributes.iter().map(|part| (part.name.as_str(), part.required_for_import)).collect();
    assert_eq!(names, [("store_id", true), ("id", true)]);

    let settings = model.config.attributes.keys().map(|name| {
        let value = match name.as_str() {
            "server_url" => text(&served.api.url),
            "token" => text(TOKEN),
            _ => TfValue::Null,
        };
        (name.clone(), value)
    });
    let configure = ConfigureProviderRequest {
        terraform_version: "1.14.0".into(),
        config: Some(dynamic(&TfValue::Map(settings.collect()))),
        client_capabilities: None,
    };
    let configured: DiagnosticsResponse = plugin.call("ConfigureProvider", configure).await.unwrap();
    assert!(configured.diagnostics.is_empty(), "{:?}", configured.diagnostics);

    let wanted = identity(&[("store_id", &store_id), ("id", &product_id)]);
    let request = ImportResourceStateRequest {
        type_name: "shop_product".into(),
        id: String::new(),
        identity: Some(wanted.clone()),
    };
    let imported: ImportResourceStateResponse = plugin.call("ImportResourceState", request).await.unwrap();
    assert!(imported.diagnostics.is_empty(), "{:?}", imported.diagnostics);
    let object = &imported.imported_resources[0];
    let state = value::decode(&object.state.as_ref().unwrap().msgpack).unwrap();
    assert_eq!(state.field("title"), Some(&text("kettle")), "the import read the object the identity names");
    let decoded = |data: &Option<ResourceIdentityData>| {
        value::decode(&data.as_ref().unwrap().identity_data.as_ref().unwrap().msgpack).unwrap()
    };
    assert_eq!(decoded(&object.identity), decoded(&Some(wanted.clone())));

    let read = ReadResourceRequest {
        type_name: "shop_product".into(),
        current_state: object.state.clone(),
        private: Vec::new(),
        current_identity: object.identity.clone(),
    };
    let read: ReadResourceResponse = plugin.call("ReadResource", read).await.unwrap();
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    assert_eq!(decoded(&read.new_identity), decoded(&Some(wanted)));

    // An identity without all its parts says which are missing.
    let partial = ImportResourceStateRequest {
        type_name: "shop_product".into(),
        id: String::new(),
        identity: Some(identity(&[("id", &product_id)])),
    };
    let refused: ImportResourceStateResponse = plugin.call("ImportResourceState", partial).await.unwrap();
    assert_eq!(refused.diagnostics[0].detail, "the identity does not give `store_id`");

    let stored = format!(r#"{{"store_id": "{store_id}", "id": "{product_id}"}}"#);
    let upgrade = UpgradeResourceIdentityRequest {
        type_name: "shop_product".into(),
        version: 0,
        raw_identity: Some(RawState { json: stored.into_bytes(), flatmap: Default::default() }),
    };
    let upgraded: UpgradeResourceIdentityResponse =
        plugin.call("UpgradeResourceIdentity", upgrade.clone()).await.unwrap();
    assert_eq!(
        decoded(&upgraded.upgraded_identity),
        decoded(&Some(identity(&[("store_id", &store_id), ("id", &product_id)])))
    );
    let newer = UpgradeResourceIdentityRequest { version: 3, ..upgrade };
    let refused: UpgradeResourceIdentityResponse = plugin.call("UpgradeResourceIdentity", newer).await.unwrap();
    assert!(refused.diagnostics[0].detail.contains("written by a newer provider"), "{:?}", refused.diagnostics);
}
