//! The `fake-api` binary: it serves a provider's API on a free port and, with `--control-stdin`, answers
//! commands on standard input and stops when it closes.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

fn infra() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/providers/infra")
}

/// Sends one HTTP/1.1 request and returns the whole answer.
fn request(address: &str, request: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn serves_a_provider_and_answers_commands_until_stdin_closes() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fake-api"))
        .arg("--schema")
        .arg(infra())
        .args(["--listen", "127.0.0.1:0", "--token", "secret", "--control-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("fake infra API listening on http://127.0.0.1:"), "{line}");
    let address = line.trim().rsplit("http://").next().unwrap().to_owned();

    let denied = request(&address, "GET /api/access-keys/x HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n");
    assert!(denied.starts_with("HTTP/1.1 401"), "{denied}");
    assert!(denied.contains("application/problem+json"), "{denied}");
    let body = r#"{"name":"ci"}"#;
    let created = request(
        &address,
        &format!(
            "POST /api/access-keys HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer secret\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");

    let mut ask = |command: &str| {
        writeln!(stdin, "{command}").unwrap();
        let mut answer = String::new();
        stdout.read_line(&mut answer).unwrap();
        answer.trim().to_owned()
    };
    assert_eq!(ask("count"), "1");
    assert_eq!(ask("count infra_access_key"), "1");
    assert!(ask("objects infra_access_key").contains(r#""name":"ci""#));
    assert!(ask("count infra_nothing").starts_with("error: no resource type `infra_nothing`"));
    assert!(ask("frobnicate").starts_with("error: unknown command"));
    assert_eq!(ask("remove infra_access_key"), "1");
    assert_eq!(ask("count"), "0");

    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "the fake stops with success when its input closes");
}
