//! The schema-driven fake API, driven by the generated clients: state, assigned values, documented errors,
//! authentication, body checks and injected faults.

use std::time::Duration;

use fake_api::{FakeApi, Faults};
use konnect::integration_instance_auth_credential::{
    CreateRequest, Credential, MultiKeyAuth, MultiKeyAuthConfig, MultiKeyAuthConfigHeader,
};

fn provider(name: &str) -> schema::Provider {
    schema::load_provider(&tests::workspace_root().join("schema/providers").join(name)).unwrap().provider
}

async fn start(name: &str, faults: Faults) -> FakeApi {
    FakeApi::start(provider(name), "127.0.0.1:0".parse().unwrap(), Some("t0ken".to_owned()), faults).await.unwrap()
}

fn config(url: &str, token: &str) -> runtime::ClientConfig {
    let mut config = runtime::ClientConfig::new(url);
    config.auth = Some(runtime::Auth::Bearer(runtime::Secret::new(token)));
    config.retry.initial_backoff = Duration::from_millis(5);
    config.retry.max_attempts = 20;
    config
}

fn credential() -> CreateRequest {
    CreateRequest {
        credential: Credential::MultiKeyAuth(MultiKeyAuth {
            config: MultiKeyAuthConfig {
                headers: vec![MultiKeyAuthConfigHeader { key: "k".into(), name: "x-key".into() }],
            },
        }),
    }
}

#[tokio::test]
async fn konnect_credentials_live_and_die_in_the_fake() {
    let api = start("konnect", Faults::default()).await;
    let client = konnect::Client::new(config(&api.url, "t0ken")).unwrap();
    let credentials = client.integration_instance_auth_credentials();
    let created = credentials.create("inst-1", &credential()).await.unwrap();
    assert_eq!(created.id.as_deref(), Some("id-1"), "read-only values are assigned");
    assert!(created.multi_key_auth_credential.is_some(), "the discriminator comes back");
    assert!(matches!(
        credentials.create("inst-1", &credential()).await,
        Err(runtime::Error::Api(konnect::ApiError::ConflictError(_)))
    ));
    assert_eq!(credentials.read("inst-1").await.unwrap().id, created.id);
    assert_eq!(api.object_count(), 1);
    credentials.delete("inst-1").await.unwrap();
    assert!(matches!(credentials.read("inst-1").await, Err(runtime::Error::Api(konnect::ApiError::NotFoundError(_)))));
    assert_eq!(api.object_count(), 0);

    let stranger = konnect::Client::new(config(&api.url, "wrong")).unwrap();
    let denied = stranger.integration_instance_auth_credentials().read("inst-1").await;
    assert!(matches!(denied, Err(runtime::Error::Api(konnect::ApiError::UnauthorizedError(_)))), "{denied:?}");
}

#[tokio::test]
async fn fusionauth_keys_update_in_place_and_bodies_are_checked() {
    let api = start("fusionauth", Faults::default()).await;
    let mut settings = config(&api.url, "t0ken");
    settings.auth = Some(runtime::Auth::Header { name: "Authorization".into(), value: runtime::Secret::new("t0ken") });
    let client = fusionauth::Client::new(settings).unwrap();
    let keys = client.api_keys();
    let body = |description: &str| fusionauth::api_key::CreateRequest {
        description: Some(description.to_owned()),
        expiration_instant: None,
        ip_access_control_list_id: None,
        key: Some("super-secret-key".to_owned()),
        key_id: None,
        permissions_endpoints: None,
        tenant_id: None,
    };
    let created = keys.create(&body("first")).await.unwrap();
    let id = created.id.clone().unwrap();
    let update = fusionauth::api_key::UpdateRequest {
        description: Some("second".to_owned()),
        expiration_instant: None,
        ip_access_control_list_id: None,
        key: Some("super-secret-key".to_owned()),
        key_id: created.key_id.clone(),
        permissions_endpoints: None,
        tenant_id: None,
    };
    assert_eq!(keys.update(&id, &update).await.unwrap().description.as_deref(), Some("second"));
    assert_eq!(keys.read(&id).await.unwrap().description.as_deref(), Some("second"));

    let bad = client
        .transport()
        .send::<fusionauth::ApiError>(&runtime::Request {
            body: Some(serde_json::json!({"expirationInstant": "tomorrow"})),
            documented_errors: &[400],
            ..runtime::Request::new(runtime::Method::Post, "/api/api-key")
        })
        .await;
    match bad {
        Err(runtime::Error::Api(fusionauth::ApiError::BadRequestError(response))) => {
            assert!(response.body.contains("expirationInstant"), "{}", response.body);
        }
        other => panic!("a body of the wrong type is a 400, not {other:?}"),
    }
}

#[tokio::test]
async fn injected_faults_are_retried_away() {
    let api = start("konnect", Faults { error_rate: 0.5, delay: Duration::from_millis(1), ..Faults::default() }).await;
    let client = konnect::Client::new(config(&api.url, "t0ken")).unwrap();
    let credentials = client.integration_instance_auth_credentials();
    for instance in 0..10 {
        let id = format!("inst-{instance}");
        // Creates are retried on 429 only; a 500 is not safe to repeat for a POST.
        let mut created = credentials.create(&id, &credential()).await;
        while matches!(&created, Err(runtime::Error::Unexpected(response)) if response.status == 500) {
            created = match credentials.read(&id).await {
                Ok(existing) => Ok(existing),
                Err(_) => credentials.create(&id, &credential()).await,
            };
        }
        created.unwrap();
        credentials.read(&id).await.unwrap();
    }
    assert_eq!(api.object_count(), 10);
}
