//! A headless Chromium driven over the W3C WebDriver protocol through `chromedriver` (Debian's `chromium`
//! and `chromium-driver`), for tests that check pages as a browser shows them: open a page, run a script,
//! click, read the console, take a screenshot. The browser and the driver stop when dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The Chromium binary, `CHROMIUM` or Debian's.
fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

/// The driver binary, `CHROMEDRIVER` or Debian's.
fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned())
}

/// A browser session.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Browser {
    /// Starts the driver and a headless browser; `None`, after a loud SKIP line, where either is missing.
    pub fn start_or_skip() -> Option<Browser> {
        if !Path::new(&chromium()).exists() || !Path::new(&chromedriver()).exists() {
            println!(
                "SKIP: no Chromium or chromedriver (Debian's chromium and chromium-driver); the browser test did not run"
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
        let driver = Command::new(chromedriver())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut browser = Browser { driver, port, session: String::new() };
        let deadline = Instant::now() + Duration::from_secs(20);
        while browser.call("GET", "/status", None).ok().and_then(|status| status["ready"].as_bool()) != Some(true) {
            assert!(Instant::now() < deadline, "chromedriver did not get ready");
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let created = browser.call("POST", "/session", Some(capabilities)).unwrap();
        browser.session = created["sessionId"].as_str().expect("a session").to_owned();
        Some(browser)
    }

    /// Goes to `url` and waits until the browser shows that page, loaded (the driver may answer a navigation
    /// between `file://` pages before the new page is there).
    pub fn open(&self, url: &str) {
        self.command("POST", "url", json!({ "url": url }));
        let script = "return document.URL === arguments[0] && document.readyState === 'complete';";
        self.wait_for(script, json!([url]), &format!("loading {url}"));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page; what it returns.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.command("POST", "execute/sync", json!({ "script": script, "args": args }))
    }

    /// Waits until `script` (given `args`) returns true in the page, polling for up to ten seconds; a panic
    /// naming `what` (with the console's errors) past that.
    pub fn wait_for(&self, script: &str, args: Value, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.run(script, args.clone()) != json!(true) {
            assert!(Instant::now() < deadline, "{what} did not happen; console errors: {:?}", self.console_errors());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the first element `css` selects.
    pub fn click(&self, css: &str) {
        let found = self.command("POST", "element", json!({ "using": "css selector", "value": css }));
        let element =
            found.as_object().and_then(|found| found.values().next()).and_then(Value::as_str).unwrap().to_owned();
        self.command("POST", &format!("element/{element}/click"), json!({}));
    }

    /// The console's error messages since the last call.
    pub fn console_errors(&self) -> Vec<String> {
        let entries = self.command("POST", "se/log", json!({ "type": "browser" }));
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Writes a screenshot of the window as PNG to `path`.
    pub fn screenshot(&self, path: &Path) {
        use base64::Engine;
        let png = self.command("GET", "screenshot", Value::Null);
        let bytes = base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap()).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// A command of the session; its `value`, or a panic with the driver's error.
    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method == "POST").then_some(body);
        self.call(method, &format!("/session/{}/{path}", self.session), body)
            .unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// One WebDriver request to the driver; the answer's `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|error| error.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|error| error.to_string())?;
        let body = body.map(|body| body.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(|error| error.to_string())?;
        // The driver may keep the connection open: read until the answer is whole.
        let mut answer = Vec::new();
        let mut buffer = [0; 8192];
        let (head, body) = loop {
            let read = stream.read(&mut buffer).map_err(|error| error.to_string())?;
            answer.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&answer).into_owned();
            if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                let lower = head.to_ascii_lowercase();
                let length = lower
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .and_then(|length| length.trim().parse::<usize>().ok());
                let whole = match length {
                    Some(length) => rest.len() >= length,
                    None => !lower.contains("transfer-encoding: chunked") || rest.ends_with("0\r\n\r\n"),
                };
                if whole || read == 0 {
                    let body =
                        if lower.contains("transfer-encoding: chunked") { dechunk(rest) } else { rest.to_owned() };
                    break (head.to_owned(), body);
                }
            }
            if read == 0 {
                return Err("the driver closed the connection without an answer".to_owned());
            }
        };
        let json: Value = serde_json::from_str(&body).map_err(|error| format!("{error}: {body}"))?;
        if head.starts_with("HTTP/1.1 2") { Ok(json["value"].clone()) } else { Err(json["value"].to_string()) }
    }
}

/// The body of a chunked answer.
fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        body.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
