//! Resources declared by hand with the derives build exactly the model the YAML declares.

use std::path::Path;

use downstream::{infra, konnect};
use schema::derive::{Attributes, Resource};

fn yaml_provider(name: &str) -> schema::Provider {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/providers").join(name);
    schema::load_provider(&dir).unwrap_or_else(|errors| panic!("{errors}")).provider
}

#[test]
fn infra_access_key_matches_the_yaml() {
    let yaml = yaml_provider("infra");
    assert_eq!(infra::AccessKey::TYPE, "infra_access_key");
    assert_eq!(infra::AccessKey::resource(), yaml.resources["infra_access_key"]);
}

#[test]
fn konnect_credential_and_its_types_match_the_yaml() {
    let yaml = yaml_provider("konnect");
    assert_eq!(
        konnect::IntegrationInstanceAuthCredential::resource(),
        yaml.resources["konnect_integration_instance_auth_credential"]
    );
    assert_eq!(konnect::IntegrationInstance::object(), yaml.types["IntegrationInstance"].object);
    assert_eq!(konnect::IntegrationInstance::description(), yaml.types["IntegrationInstance"].description);
    assert_eq!(konnect::MissingPermission::object(), yaml.types["MissingPermission"].object);
}

#[test]
fn derived_models_pass_the_same_validation() {
    let mut provider = yaml_provider("infra");
    provider.resources.insert("infra_access_key".to_owned(), infra::AccessKey::resource());
    assert_eq!(schema::validate::validate(&provider), []);
}

#[test]
fn debug_hides_sensitive_fields() {
    let key = infra::AccessKey {
        expires_at: None,
        expires_in: None,
        inactivity_timeout: None,
        name: Some("connector".to_owned()),
        id: Some("ak_1".to_owned()),
        secret: Some("s3cr3t-value".to_owned()),
    };
    let shown = format!("{key:?}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
    assert!(shown.contains("secret: (sensitive value)") && shown.contains("name: Some(\"connector\")"), "{shown}");
}
