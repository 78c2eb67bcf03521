//! The transport under a misbehaving API: credentials never follow a redirect to another origin, answers
//! past the size limit are refused, writes whose answer was lost are repeated only with an idempotency
//! key (the same one every time), errors say the request, the status and the API's problem details, and
//! an answer that trickles in ends at the deadline, its body included.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use runtime::{Auth, ClientConfig, Error, Method, Request, Secret, Transport};
use tests::NoErrors;
use tests::http_stub::{Received, Reply, Stub};

fn transport(url: &str, auth: Auth) -> Transport {
    let mut config = ClientConfig::new(url);
    config.auth = Some(auth);
    config.retry.initial_backoff = Duration::from_millis(5);
    config.max_response_bytes = 1 << 16;
    Transport::new::<NoErrors>(config).unwrap()
}

fn redirect_to(location: String) -> Reply {
    Reply { headers: vec![("location".into(), location)], ..Reply::empty(307) }
}

#[tokio::test]
async fn no_credential_follows_a_redirect_to_another_origin() {
    for auth in [
        Auth::Bearer(Secret::new("tok-redirect-1")),
        Auth::Header { name: "X-API-Key".into(), value: Secret::new("tok-redirect-1") },
    ] {
        let elsewhere = Stub::start(|_| Reply::json(200, serde_json::json!({}))).await;
        let target = format!("{}/stolen", elsewhere.url);
        let api = Stub::start(move |_| redirect_to(target.clone())).await;
        let error =
            transport(&api.url, auth).send::<NoErrors>(&Request::new(Method::Get, "/things")).await.unwrap_err();
        let message = error.to_string();
        assert!(message.contains("refused the redirect"), "{message}");
        assert!(message.contains(&elsewhere.url), "the message names where it was sent: {message}");
        assert!(elsewhere.received().is_empty(), "the other origin was contacted: {:?}", elsewhere.received());
        assert!(!message.contains("tok-redirect-1"));
    }
}

#[tokio::test]
async fn redirects_within_the_server_are_followed_with_the_credential() {
    let seen: Arc<Mutex<Vec<Received>>> = Arc::default();
    let log = seen.clone();
    let api = Stub::start(move |request| {
        log.lock().unwrap().push(request.clone());
        match request.target.as_str() {
            "/old" => redirect_to("/new".into()),
            _ => Reply::json(200, serde_json::json!({"ok": true})),
        }
    })
    .await;
    let auth = Auth::Header { name: "X-API-Key".into(), value: Secret::new("k") };
    let response = transport(&api.url, auth).send::<NoErrors>(&Request::new(Method::Get, "/old")).await.unwrap();
    assert_eq!(response.status, 200);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].header("x-api-key"), Some("k"));
}

#[tokio::test]
async fn answers_past_the_size_limit_are_refused() {
    let api = Stub::start(|_| Reply { body: "x".repeat(1 << 17), ..Reply::empty(200) }).await;
    let auth = Auth::Bearer(Secret::new("t"));
    let error = transport(&api.url, auth).send::<NoErrors>(&Request::new(Method::Get, "/big")).await.unwrap_err();
    assert!(matches!(error, Error::TooLarge { limit: 65_536, .. }), "{error:?}");
    assert!(error.to_string().contains("larger than the limit of 65536 bytes"), "{error}");
}

#[tokio::test]
async fn a_write_whose_answer_was_lost_is_retried_only_with_an_idempotency_key() {
    let api = Stub::start(|_| Reply::problem(500, "Internal Server Error")).await;
    let auth = Auth::Bearer(Secret::new("t"));
    let post = Request { body: Some(serde_json::json!({})), ..Request::new(Method::Post, "/things") };
    let error = transport(&api.url, auth.clone()).send::<NoErrors>(&post).await.unwrap_err();
    assert_eq!(api.received().len(), 1, "a POST was repeated after a 500");
    let message = error.to_string();
    assert!(message.starts_with(&format!("POST {}/things answered HTTP 500", api.url)), "{message}");
    assert!(message.contains("Internal Server Error: Internal Server Error (stub)"), "{message}");

    let keyed = Stub::start(|_| Reply::problem(500, "Internal Server Error")).await;
    let post = Request { idempotency_key: Some("Idempotency-Key"), ..post };
    transport(&keyed.url, auth).send::<NoErrors>(&post).await.unwrap_err();
    let received = keyed.received();
    assert_eq!(received.len(), 5, "a keyed POST is retried");
    let keys: Vec<Option<&str>> = received.iter().map(|request| request.header("idempotency-key")).collect();
    assert!(keys[0].is_some_and(|key| key.len() == 32), "{keys:?}");
    assert!(keys.iter().all(|key| *key == keys[0]), "every retry sends the same key: {keys:?}");
}

#[tokio::test]
async fn a_connection_error_names_the_request() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let mut config = ClientConfig::new(&url);
    config.retry.max_attempts = 1;
    let error = Transport::new::<NoErrors>(config)
        .unwrap()
        .send::<NoErrors>(&Request { query: vec![("q", "secret-ish".into())], ..Request::new(Method::Get, "/x") })
        .await
        .unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with(&format!("GET {url}/x failed: ")), "{message}");
    assert!(!message.contains("secret-ish"), "the query stays out of messages: {message}");
    assert!(!message.contains("Transport {") && !message.contains("reqwest::Error"), "{message}");
}

#[tokio::test]
async fn an_answer_that_trickles_in_ends_at_the_deadline() {
    // Sixty bytes, one every 100 ms: six seconds to arrive, against a deadline of one second.
    let body = serde_json::json!({"name": "x".repeat(46)});
    let stub =
        Stub::start(move |_| Reply { trickle: Duration::from_millis(100), ..Reply::json(200, body.clone()) }).await;
    let mut config = ClientConfig::new(&stub.url);
    config.timeout = Duration::from_secs(1);
    config.retry.max_attempts = 2;
    config.retry.initial_backoff = Duration::from_millis(5);
    let transport = Transport::new::<NoErrors>(config).unwrap();
    let started = std::time::Instant::now();
    let error = transport.send::<NoErrors>(&Request::new(Method::Get, "/slow")).await.unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }), "{error}");
    assert_eq!(
        error.to_string(),
        "GET http://127.0.0.1:PORT/slow timed out".replace("http://127.0.0.1:PORT", &stub.url)
    );
    assert_eq!(stub.received().len(), 2, "a read that timed out is tried again, within its attempts");
    assert!(started.elapsed() < Duration::from_secs(4), "two attempts of one second, not the six the body takes");
}
