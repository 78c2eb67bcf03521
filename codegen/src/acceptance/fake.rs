//! The fake API as a process of its own (the `fake-api` binary), one per resource under test, so tests
//! running side by side never see each other's objects. It is told what to do on its standard input and
//! stops when that closes, so it never outlives the run.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `fake-api` process; stopped when dropped.
pub struct FakeProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl FakeProcess {
    /// Starts `binary` serving the API of the provider in `schema` (its folder) on a free port of
    /// 127.0.0.1, accepting only `token`.
    pub fn start(binary: &Path, schema: &Path, token: &str) -> Result<FakeProcess, String> {
        let mut child = Command::new(binary)
            .arg("--schema")
            .arg(schema)
            .args(["--listen", "127.0.0.1:0", "--token", token, "--control-stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().ok_or("the fake API has no output")?);
        let mut line = String::new();
        let read = stdout.read_line(&mut line);
        let url = line.trim().rsplit_once(" on ").map(|(_, url)| url.to_owned());
        let mut fake = FakeProcess { child, stdin, stdout, url: url.clone().unwrap_or_default() };
        match (read, url) {
            (Ok(_), Some(url)) if url.starts_with("http://127.0.0.1:") => Ok(fake),
            _ => {
                let mut errors = String::new();
                if let Some(mut stderr) = fake.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut errors);
                }
                Err(format!("the fake API did not start: {}{}", line.trim(), errors.trim()))
            }
        }
    }

    /// Sends one control command (`count`, `remove TYPE`, ...) and returns its answer.
    pub fn command(&mut self, command: &str) -> Result<String, String> {
        let stdin = self.stdin.as_mut().ok_or("the fake API's input is closed")?;
        writeln!(stdin, "{command}").and_then(|()| stdin.flush()).map_err(|error| format!("fake API: {error}"))?;
        let mut answer = String::new();
        self.stdout.read_line(&mut answer).map_err(|error| format!("fake API: {error}"))?;
        match answer.trim() {
            "" => Err("the fake API stopped".to_owned()),
            text => match text.strip_prefix("error: ") {
                Some(problem) => Err(format!("fake API: {problem}")),
                None => Ok(text.to_owned()),
            },
        }
    }
}

impl Drop for FakeProcess {
    fn drop(&mut self) {
        // Closing its input stops it; a fake that does not stop in time is killed.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
