//! The plugin protocol spoken directly, as Terraform 1.12+ speaks it (a gRPC client, `src/plugin_client.rs`):
//! the calls terraform 1.11.4 does not make. `GetMetadata` names every resource, data source and function
//! the schema has, with the capabilities that let Terraform skip the full schema; the functions answer
//! as the schema says.

use runtime::plugin::proto::{
    CallFunctionRequest, CallFunctionResponse, DynamicValue, Empty, GetFunctionsResponse, GetMetadataResponse,
    GetProviderSchemaResponse,
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
