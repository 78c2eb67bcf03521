//! The generated clients: each serves the YAML's model, and the konnect client talks to a local stub API
//! (typed errors, retries, timeouts, encoding, authentication).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use konnect::integration_instance_auth_credential::{
    CreateRequest, Credential, MultiKeyAuth, MultiKeyAuthConfig, MultiKeyAuthConfigHeader,
};
use tests::http_stub::{Reply, Stub};

fn yaml(provider: &str) -> schema::Provider {
    let dir = tests::workspace_root().join("schema/providers").join(provider);
    schema::load_provider(Path::new(&dir)).unwrap_or_else(|errors| panic!("{errors}")).provider
}

fn client(url: &str, timeout: Duration) -> konnect::Client {
    let mut config = runtime::ClientConfig::new(url);
    config.auth = Some(runtime::Auth::Bearer(runtime::Secret::new("kpat_test")));
    config.timeout = timeout;
    config.retry.initial_backoff = Duration::from_millis(10);
    konnect::Client::new(config).unwrap()
}

fn create_body() -> CreateRequest {
    CreateRequest {
        credential: Credential::MultiKeyAuth(MultiKeyAuth {
            config: MultiKeyAuthConfig {
                headers: vec![MultiKeyAuthConfigHeader { key: "k3y".to_owned(), name: "x-api-key".to_owned() }],
            },
        }),
    }
}

/// A stateful stand-in for the Konnect credential endpoints.
fn konnect_api() -> impl FnMut(&tests::http_stub::Received) -> Reply {
    let stored: Arc<Mutex<Option<serde_json::Value>>> = Arc::default();
    move |request| {
        let mut stored = stored.lock().unwrap();
        if request.header("authorization") != Some("Bearer kpat_test") {
            return Reply::problem(401, "Unauthorized");
        }
        match request.method.as_str() {
            "POST" if stored.is_some() => Reply::problem(409, "Conflict"),
            "POST" => {
                let sent: serde_json::Value = serde_json::from_str(&request.body).unwrap();
                let credential = serde_json::json!({
                    "type": sent["type"],
                    "id": "cred-1",
                    "created_at": "2026-11-22T10:00:00Z",
                    "tainted": false,
                    "integration_instance": { "id": "inst/1 a", "name": "github", "display_name": "GitHub" },
                    "missing_permissions": [],
                });
                *stored = Some(credential.clone());
                Reply::json(201, credential)
            }
            "GET" => match stored.as_ref() {
                Some(credential) => Reply::json(200, credential.clone()),
                None => Reply::problem(404, "Not Found"),
            },
            "DELETE" => {
                *stored = None;
                Reply::empty(204)
            }
            _ => Reply::problem(405, "Method Not Allowed"),
        }
    }
}

#[tokio::test]
async fn create_read_delete_and_typed_errors() {
    let stub = Stub::start(konnect_api()).await;
    let client = client(&stub.url, Duration::from_secs(10));
    let credentials = client.integration_instance_auth_credentials();

    let created = credentials.create("inst/1 a", &create_body()).await.unwrap();
    assert_eq!(created.integration_instance_id, "inst/1 a", "path parameters fill the model");
    assert_eq!(created.id.as_deref(), Some("cred-1"));
    let issued = created.multi_key_auth_credential.as_ref().expect("the discriminator selects the read-only variant");
    assert_eq!(issued.id.as_deref(), Some("cred-1"));
    assert_eq!(created.integration_instance.as_ref().and_then(|instance| instance.name.as_deref()), Some("github"));

    let sent = &stub.received()[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(
        sent.target, "/v1/integration-instances/inst%2F1%20a/auth-credential",
        "path parameters are percent-encoded"
    );
    let body: serde_json::Value = serde_json::from_str(&sent.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"type": "multi_key_auth", "config": {"headers": [{"key": "k3y", "name": "x-api-key"}]}})
    );

    match credentials.create("inst/1 a", &create_body()).await {
        Err(runtime::Error::Api(konnect::ApiError::ConflictError(response))) => {
            assert_eq!(response.status, 409);
            assert_eq!(response.problem.and_then(|problem| problem.title).as_deref(), Some("Conflict"));
        }
        other => panic!("a second create is a typed conflict, not {other:?}"),
    }

    assert_eq!(credentials.read("inst/1 a").await.unwrap(), created);
    credentials.delete("inst/1 a").await.unwrap();
    match credentials.read("inst/1 a").await {
        Err(runtime::Error::Api(konnect::ApiError::NotFoundError(response))) => assert_eq!(response.status, 404),
        other => panic!("a deleted credential is not found, not {other:?}"),
    }
    assert_eq!(stub.received().len(), 5, "no request was retried");
}

#[tokio::test]
async fn undocumented_statuses_are_kept_whole() {
    let stub = Stub::start(|_| Reply {
        status: 418,
        headers: Vec::new(),
        body: "short and stout".into(),
        delay: Duration::ZERO,
        trickle: Duration::ZERO,
    })
    .await;
    let error =
        client(&stub.url, Duration::from_secs(10)).integration_instance_auth_credentials().read("x").await.unwrap_err();
    match error {
        runtime::Error::Unexpected(response) => {
            assert_eq!((response.status, response.body.as_str(), response.problem), (418, "short and stout", None));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_503_then_200_is_retried() {
    let mut calls = 0;
    let stub = Stub::start(move |_| {
        calls += 1;
        if calls == 1 {
            let mut reply = Reply::problem(503, "Service Unavailable");
            reply.headers.push(("retry-after".into(), "0".into()));
            reply
        } else {
            Reply::json(200, serde_json::json!({"id": "cred-1", "type": "multi_key_auth"}))
        }
    })
    .await;
    let read =
        client(&stub.url, Duration::from_secs(10)).integration_instance_auth_credentials().read("inst").await.unwrap();
    assert_eq!(read.id.as_deref(), Some("cred-1"));
    assert_eq!(stub.received().len(), 2);
}

#[tokio::test]
async fn a_hanging_response_hits_the_timeout() {
    let stub = Stub::start(|_| Reply { delay: Duration::from_secs(30), ..Reply::empty(200) }).await;
    let started = Instant::now();
    let error = client(&stub.url, Duration::from_millis(300))
        .integration_instance_auth_credentials()
        .read("inst")
        .await
        .unwrap_err();
    assert!(matches!(error, runtime::Error::Timeout { .. }), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(5), "gave up after {:?}", started.elapsed());
}

#[test]
fn debug_output_hides_sensitive_values() {
    let key = fusionauth::api_key::ApiKey {
        description: None,
        expiration_instant: None,
        ip_access_control_list_id: None,
        key: Some("super-secret-key".to_owned()),
        key_id: None,
        permissions_endpoints: None,
        tenant_id: None,
        id: Some("k-1".to_owned()),
    };
    let shown = format!("{key:?}");
    assert!(!shown.contains("super-secret-key") && shown.contains("key: (sensitive value)"), "{shown}");
    let config = {
        let mut config = runtime::ClientConfig::new("http://127.0.0.1:1");
        config.auth = Some(runtime::Auth::Bearer(runtime::Secret::new("kpat_secret")));
        config
    };
    assert!(!format!("{config:?}").contains("kpat_secret"));
}

#[test]
fn the_sdk_page_example_body_is_a_valid_request() {
    let page = std::fs::read_to_string(
        tests::workspace_root().join("docs/konnect/sdk/integration_instance_auth_credential.md"),
    )
    .unwrap();
    let start = page.find("r#\"").expect("the create example has a JSON body") + 3;
    let end = start + page[start..].find("\"#").unwrap();
    let body: CreateRequest = serde_json::from_str(&page[start..end]).unwrap();
    assert!(matches!(body.credential, Credential::MultiKeyAuth(_)));
}

#[test]
fn each_generated_crate_rebuilds_its_whole_provider_model() {
    for (name, model) in
        [("konnect", konnect::provider()), ("infra", infra::provider()), ("fusionauth", fusionauth::provider())]
    {
        assert_eq!(model, yaml(name), "{name}");
    }
    // The keywords fixture adds a data source named like its resource.
    let fixture = tests::workspace_root().join("tests/fixtures/good/keywords");
    assert_eq!(keywords::provider(), schema::load_provider(&fixture).unwrap().provider);
}
