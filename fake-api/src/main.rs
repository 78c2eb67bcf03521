//! `fake-api`: serves a stateful fake of a provider's API on 127.0.0.1 until stopped (or, with
//! `--control-stdin`, until standard input closes).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use fake_api::{Faults, Served};

#[derive(Debug, Parser)]
#[command(name = "fake-api", version, about = "Serve a stateful fake of a provider's API, driven by its schema")]
struct Args {
    /// The provider folder (or its provider.yaml) whose API to fake
    #[arg(long, value_name = "PATH")]
    schema: PathBuf,
    /// Address to listen on (port 0 picks a free port)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: std::net::SocketAddr,
    /// The only credential accepted [default: any]
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Share of requests (0 to 1) answered with 500 or 429
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    error_rate: f64,
    /// Milliseconds to wait before every answer
    #[arg(long, value_name = "MS", default_value_t = 0)]
    delay_ms: u64,
    /// Share of creates and updates (0 to 1) carried out and then answered with 500
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    commit_then_fail: f64,
    /// Answer control commands on standard input (see the `control` module) and stop when it closes
    #[arg(long)]
    control_stdin: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let provider = match schema::load_provider(&args.schema) {
        Ok(loaded) => loaded.provider,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let name = provider.name.clone();
    let faults = Faults {
        error_rate: args.error_rate,
        delay: std::time::Duration::from_millis(args.delay_ms),
        commit_then_fail: args.commit_then_fail,
    };
    let served = match Served::start(provider, args.listen, args.token, faults) {
        Ok(served) => served,
        Err(error) => {
            eprintln!("cannot listen on {}: {error}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    println!("fake {name} API listening on {}", served.api.url);
    let _ = std::io::stdout().flush();
    if args.control_stdin {
        let served_until = fake_api::control::serve(&served.api, std::io::stdin().lock(), std::io::stdout());
        return if served_until.is_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    loop {
        std::thread::park();
    }
}
