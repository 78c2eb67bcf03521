//! The plugin protocol spoken directly, as Terraform 1.12+ speaks it (a gRPC client, `src/plugin_client.rs`):
//! the calls terraform 1.11.4 does not make. `GetMetadata` names every resource, data source and function
//! the schema has, with the capabilities that let Terraform skip the full schema; the functions answer
//! as the schema says; objects are imported by identity and read back with it.

use runtime::plugin::proto::{
    CallFunctionRequest, CallFunctionResponse, ConfigureProviderRequest, DiagnosticsResponse, DynamicValue, Empty,
    GenerateResourceConfigRequest, GenerateResourceConfigResponse, GetFunctionsResponse, GetMetadataResponse,
    GetProviderSchemaResponse, GetResourceIdentitySchemasResponse, ImportResourceStateRequest,
    ImportResourceStateResponse, ListResourceEvent, ListResourceRequest, RawState, ReadResourceRequest,
    ReadResourceResponse, ResourceIdentityData, UpgradeResourceIdentityRequest, UpgradeResourceIdentityResponse,
    ValidateListResourceConfigRequest,
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

/// A configured plugin of the shop fixture against its fake API, and a typed client of the same API.
async fn configured(model: &schema::Provider, binary: &std::path::Path) -> (fake_api::Served, Plugin, shop::Client) {
    let served = tests::terraform::serve_model(model.clone(), TOKEN, fake_api::Faults::default());
    let mut config = runtime::ClientConfig::new(&served.api.url);
    config.auth = Some(runtime::Auth::Header { name: "X-Shop-Key".into(), value: runtime::Secret::new(TOKEN) });
    let client = shop::Client::new(config).unwrap();
    let plugin = Plugin::start(binary).await;
    let settings = [("server_url", text(&served.api.url)), ("token", text(TOKEN))];
    let settings = TfValue::Map(settings.into_iter().map(|(name, value)| (name.to_owned(), value)).collect());
    let configure = ConfigureProviderRequest {
        terraform_version: "1.14.0".into(),
        config: Some(dynamic(&settings)),
        client_capabilities: None,
    };
    let configured: DiagnosticsResponse = plugin.call("ConfigureProvider", configure).await.unwrap();
    assert!(configured.diagnostics.is_empty(), "{:?}", configured.diagnostics);
    (served, plugin, client)
}

/// `ListResource` of `type_name` in the store, up to `limit` (0: all).
async fn list(plugin: &Plugin, type_name: &str, store_id: &str, limit: i64, objects: bool) -> Vec<ListResourceEvent> {
    let config = TfValue::Map([("store_id".to_owned(), text(store_id))].into_iter().collect());
    let request = ListResourceRequest {
        type_name: type_name.into(),
        config: Some(dynamic(&config)),
        include_resource_object: objects,
        limit,
    };
    plugin.stream("ListResource", request).await.unwrap()
}

/// List resources as Terraform 1.14 reads them (`terraform query`): every resource with a list operation
/// and an import ID is one, configured by what its list's path takes; the objects come page after page
/// (the fake API pages by two: customers by cursor, products by link), each with its identity, its import
/// ID as display name and, when asked, the object as state holds it; Terraform's limit stops the stream.
#[tokio::test]
async fn list_resources_stream_every_page_with_identities() {
    let (model, binary) = shop();
    let (served, plugin, client) = configured(&model, &binary).await;
    let store = |name: &str| shop::store::CreateRequest {
        name: name.into(),
        region: None,
        description: None,
        tax_rate: None,
        labels: None,
        legacy_code: None,
        address: None,
        settings: None,
    };
    let store_id = client.stores().create(&store("corner")).await.unwrap().id.unwrap();
    let other_store = client.stores().create(&store("across")).await.unwrap().id.unwrap();
    let mut customers = Vec::new();
    for number in 0..5 {
        let customer = shop::customer::CreateRequest {
            name: format!("customer {number}"),
            password: "secret".into(),
            contact: shop::customer::Contact::EmailContact(shop::customer::EmailContact {
                address: format!("c{number}@example.com"),
                verified: None,
            }),
        };
        customers.push(client.customers().create(&store_id, None, &customer).await.unwrap().id.unwrap());
    }
    let elsewhere = shop::customer::CreateRequest {
        name: "elsewhere".into(),
        password: "secret".into(),
        contact: shop::customer::Contact::EmailContact(shop::customer::EmailContact {
            address: "e@example.com".into(),
            verified: None,
        }),
    };
    client.customers().create(&other_store, None, &elsewhere).await.unwrap();
    let mut products = Vec::new();
    for title in ["kettle", "teapot", "cup"] {
        let product = shop::product::CreateRequest {
            title: title.into(),
            status: None,
            price: 20.0,
            weight_kg: None,
            variants: None,
            images: None,
            tags: None,
        };
        products.push(client.products().create(&store_id, &product).await.unwrap().id.unwrap());
    }

    // The typed client lists alike: every customer over the cursor's three pages, every product over the
    // links' two, and none of the other store's.
    let sorted = |mut ids: Vec<String>| {
        ids.sort();
        ids
    };
    let listed = client.customers().list(&store_id).await.unwrap();
    assert_eq!(sorted(listed.into_iter().map(|found| found.id.unwrap()).collect()), sorted(customers.clone()));
    let listed = client.products().list(&store_id).await.unwrap();
    assert_eq!(sorted(listed.into_iter().map(|found| found.id.unwrap()).collect()), sorted(products.clone()));

    // The schema: a list resource per resource that lists, configured by the store it lists in.
    let schema: GetProviderSchemaResponse = plugin.call("GetProviderSchema", Empty {}).await.unwrap();
    let mut listed: Vec<&String> = schema.list_resource_schemas.keys().collect();
    listed.sort();
    assert_eq!(listed, ["shop_customer", "shop_product"]);
    let block = schema.list_resource_schemas["shop_customer"].block.as_ref().unwrap();
    let attributes: Vec<(&str, bool)> =
        block.attributes.iter().map(|found| (found.name.as_str(), found.required)).collect();
    assert_eq!(attributes, [("store_id", true)]);
    let metadata: GetMetadataResponse = plugin.call("GetMetadata", Empty {}).await.unwrap();
    let mut named: Vec<String> = metadata.list_resources.iter().map(|found| found.type_name.clone()).collect();
    named.sort();
    assert_eq!(named, ["shop_customer", "shop_product"]);

    // Every customer of the store, over three pages of the cursor; none of the other store's.
    let events = list(&plugin, "shop_customer", &store_id, 0, false).await;
    assert!(events.iter().all(|event| event.diagnostic.is_empty()), "{events:?}");
    let mut found: Vec<String> = events.iter().map(|event| event.display_name.clone()).collect();
    found.sort();
    let mut wanted: Vec<String> = customers.iter().map(|id| format!("{store_id}/{id}")).collect();
    wanted.sort();
    assert_eq!(found, wanted);
    let first = events.iter().find(|event| event.display_name == format!("{store_id}/{}", customers[0])).unwrap();
    assert_eq!(first.identity.as_ref(), Some(&identity(&[("store_id", &store_id), ("id", &customers[0])])));
    assert!(first.resource_object.is_none(), "the object is sent only when asked for");

    // Products over two pages of links, with the objects as state holds them.
    let events = list(&plugin, "shop_product", &store_id, 0, true).await;
    assert_eq!(events.len(), 3, "{events:?}");
    let mut titles: Vec<String> = events
        .iter()
        .map(|event| {
            let object = value::decode(&event.resource_object.as_ref().unwrap().msgpack).unwrap();
            assert_eq!(object.field("store_id"), Some(&text(&store_id)));
            match object.field("title") {
                Some(TfValue::String(title)) => title.clone(),
                other => panic!("no title: {other:?}"),
            }
        })
        .collect();
    titles.sort();
    assert_eq!(titles, ["cup", "kettle", "teapot"]);

    // `terraform query -generate-config-out` turns an object found into configuration: what a
    // configuration sets, without what only the API sets.
    assert!(metadata.server_capabilities.unwrap().generate_resource_config);
    let found = events[0].resource_object.clone();
    let generated: GenerateResourceConfigResponse = plugin
        .call(
            "GenerateResourceConfig",
            GenerateResourceConfigRequest { type_name: "shop_product".into(), state: found.clone() },
        )
        .await
        .unwrap();
    assert!(generated.diagnostics.is_empty(), "{:?}", generated.diagnostics);
    let config = value::decode(&generated.config.unwrap().msgpack).unwrap();
    let object = value::decode(&found.unwrap().msgpack).unwrap();
    assert_eq!(config.field("id"), Some(&TfValue::Null), "read-only: {config:?}");
    assert!(matches!(object.field("id"), Some(TfValue::String(_))));
    for configured in ["store_id", "title", "price"] {
        assert_eq!(config.field(configured), object.field(configured), "{configured}");
    }

    // Terraform's limit ends the stream, mid-page.
    assert_eq!(list(&plugin, "shop_customer", &store_id, 3, false).await.len(), 3);

    // A list resource no resource stands behind, and a limit below zero, are refused.
    let unknown = list(&plugin, "shop_webhook", &store_id, 0, false).await;
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].diagnostic[0].detail.contains("no such list resource"), "{unknown:?}");
    let validate = ValidateListResourceConfigRequest {
        type_name: "shop_customer".into(),
        config: Some(dynamic(&TfValue::Map([("store_id".to_owned(), text(&store_id))].into_iter().collect()))),
        include_resource_object: None,
        limit: Some(dynamic(&TfValue::Int(-1))),
    };
    let refused: DiagnosticsResponse = plugin.call("ValidateListResourceConfig", validate).await.unwrap();
    assert_eq!(refused.diagnostics.len(), 1, "{:?}", refused.diagnostics);
    assert_eq!(refused.diagnostics[0].summary, "invalid limit");
    drop(served);
}

/// A schema block as `terraform providers schema -json` writes it (flat attributes, as list resources'
/// configurations have).
fn block_json(block: &runtime::plugin::proto::Block) -> serde_json::Value {
    let attributes: serde_json::Map<String, serde_json::Value> = block
        .attributes
        .iter()
        .map(|attribute| {
            let mut fields = serde_json::Map::new();
            fields.insert("type".into(), serde_json::from_slice(&attribute.r#type).unwrap());
            if !attribute.description.is_empty() {
                fields.insert("description".into(), attribute.description.clone().into());
                fields.insert("description_kind".into(), "markdown".into());
            }
            for (flag, set) in [
                ("required", attribute.required),
                ("optional", attribute.optional),
                ("computed", attribute.computed),
                ("sensitive", attribute.sensitive),
            ] {
                if set {
                    fields.insert(flag.into(), true.into());
                }
            }
            (attribute.name.clone(), serde_json::Value::Object(fields))
        })
        .collect();
    serde_json::json!({
        "attributes": attributes,
        "description": block.description,
        "description_kind": "markdown",
    })
}

/// The list resources' pages tfplugindocs' rules make from the schema Terraform 1.14 reads over gRPC
/// (`list_resource_schemas` in `terraform providers schema -json`) are the YAML path's.
#[tokio::test]
async fn list_resource_pages_from_the_protocols_schema_are_the_yaml_paths() {
    let (model, binary) = shop();
    let plugin = Plugin::start(&binary).await;
    let schema: GetProviderSchemaResponse = plugin.call("GetProviderSchema", Empty {}).await.unwrap();
    let lists: serde_json::Map<String, serde_json::Value> = schema
        .list_resource_schemas
        .iter()
        .map(|(name, listing)| {
            (name.clone(), serde_json::json!({"version": 0, "block": block_json(listing.block.as_ref().unwrap())}))
        })
        .collect();
    let provider = block_json(schema.provider.as_ref().unwrap().block.as_ref().unwrap());
    let providers = serde_json::json!({
        "format_version": "1.0",
        "provider_schemas": {
            "registry.terraform.io/hashicorp/shop": {
                "provider": {"version": 0, "block": provider},
                "list_resource_schemas": lists,
            }
        }
    });
    let work = tempfile::tempdir().unwrap();
    let schema_file = work.path().join("schema.json");
    std::fs::write(&schema_file, serde_json::to_string_pretty(&providers).unwrap()).unwrap();
    let fixture = tests::workspace_root().join("tests/fixtures/good/shop");
    let (out, pages) = tests::terraform::pages_both_ways(&fixture, &schema_file, work.path());
    let mut compared = 0;
    for (path, page) in pages.iter().filter(|(path, _)| path.starts_with("list-resources")) {
        assert_eq!(&std::fs::read_to_string(out.join(path)).unwrap(), page, "{}", path.display());
        compared += 1;
    }
    assert_eq!(compared, schema::listing::list_resources(&model).len());
    assert_eq!(compared, 2);
}
