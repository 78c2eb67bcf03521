//! `terraform plan` with 200 resources in state against the fake API, refresh included: wall time, and the
//! provider's CPU time and peak memory. Run with `cargo bench -p tests --bench terraform_plan`.
//!
//! Terraform starts the provider through a small script that runs this binary as a wrapper
//! (`--measure-provider`): it runs the real provider as its child and records the child's resource usage.

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use fake_api::Faults;
use tests::terraform::{configure, run, run_with_code, serve_sample, terraform};

/// Whether this is the quick run CI makes so the benchmark cannot rot (`BENCH_QUICK=1`).
fn quick() -> bool {
    std::env::var_os("BENCH_QUICK").is_some()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--measure-provider") {
        return measure_provider(&args[2], Path::new(&args[3]));
    }
    let Some(terraform) = terraform() else {
        println!("SKIP: no terraform on PATH and no TF_BIN; nothing measured");
        return ExitCode::SUCCESS;
    };
    // Resources in state, and timed plans.
    let (resources, runs) = if quick() { (20, 1) } else { (200, 7) };
    let served = serve_sample("fusionauth", "bench-token", Faults::default());
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let config = format!(
        "provider \"fusionauth\" {{\n  server_url = \"{}\"\n  token      = \"bench-token\"\n}}\n\nresource \"fusionauth_api_key\" \"many\" {{\n  count       = {resources}\n  description = \"key ${{count.index}}\"\n  permissions_endpoints = [\n    {{ endpoint = \"/api/user\", get = true }}\n  ]\n}}\n",
        served.api.url
    );
    let provider = Path::new(env!("CARGO_BIN_EXE_e2e-terraform-provider-fusionauth"));
    configure(provider, "fusionauth", work, &config);
    let report = work.join("provider-usage");
    wrap_provider(work, provider, &report);
    run(&terraform, work, &["apply", "-auto-approve", "-no-color"]);
    assert_eq!(served.api.object_count(), resources);

    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut peak_kib = 0;
    for _ in 0..runs {
        let _ = std::fs::remove_file(&report);
        let start = Instant::now();
        let (code, output) = run_with_code(&terraform, work, &["plan", "-detailed-exitcode", "-no-color"], &[]);
        walls.push(start.elapsed());
        assert_eq!(code, Some(0), "the plan should find nothing to change:\n{output}");
        let usage = std::fs::read_to_string(&report).unwrap();
        let mut cpu = Duration::ZERO;
        for line in usage.lines() {
            let (micros, kib) = line.split_once(' ').unwrap();
            cpu += Duration::from_micros(micros.parse().unwrap());
            peak_kib = peak_kib.max(kib.parse::<u64>().unwrap());
        }
        cpus.push(cpu);
    }
    walls.sort();
    cpus.sort();
    let mut floor = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        run(&terraform, work, &["plan", "-refresh=false", "-no-color"]);
        floor.push(start.elapsed());
    }
    floor.sort();
    println!(
        "terraform plan, {resources} resources in state, refresh included ({runs} runs): wall median {:.2} s (best {:.2} s); provider CPU median {:.0} ms; provider peak RSS {:.1} MiB; without refresh (Terraform's own floor) median {:.2} s",
        walls[runs / 2].as_secs_f64(),
        walls[0].as_secs_f64(),
        cpus[runs / 2].as_secs_f64() * 1000.0,
        peak_kib as f64 / 1024.0,
        floor[runs / 2].as_secs_f64(),
    );
    ExitCode::SUCCESS
}

/// Replaces the provider Terraform starts with a script running `provider` under this binary's wrapper.
fn wrap_provider(work: &Path, provider: &Path, report: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let this = std::env::current_exe().unwrap();
    let script = work.join("plugins/terraform-provider-fusionauth");
    let text = format!(
        "#!/bin/sh\nexec '{}' --measure-provider '{}' '{}' \"$@\"\n",
        this.display(),
        provider.display(),
        report.display()
    );
    // The folder holds a link to the build; replace the link, not the build it points at.
    std::fs::remove_file(&script).unwrap();
    std::fs::write(&script, text).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Runs `provider` with this process's standard streams, then appends its CPU time (µs) and peak RSS
/// (KiB) to `report`. The peak is sampled while it runs; the CPU time is read once it has exited, before
/// it is reaped.
fn measure_provider(provider: &str, report: &Path) -> ExitCode {
    let mut child = Command::new(provider).args(std::env::args().skip(4)).spawn().unwrap();
    let pid = rustix::process::Pid::from_child(&child);
    let proc = format!("/proc/{}", child.id());
    let mut peak_kib = 0;
    let exited = rustix::process::WaitIdOptions::EXITED
        | rustix::process::WaitIdOptions::NOWAIT
        | rustix::process::WaitIdOptions::NOHANG;
    while rustix::process::waitid(rustix::process::WaitId::Pid(pid), exited).unwrap().is_none() {
        peak_kib = peak_kib.max(vm_hwm_kib(&proc).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(2));
    }
    let stat = std::fs::read_to_string(format!("{proc}/stat")).unwrap();
    // utime and stime are the 14th and 15th fields; the 2nd, the command, is in parentheses.
    let fields: Vec<u64> =
        stat[stat.rfind(')').unwrap() + 2..].split(' ').skip(11).take(2).map(|field| field.parse().unwrap()).collect();
    let cpu = (fields[0] + fields[1]) * 1_000_000 / rustix::param::clock_ticks_per_second();
    let status = child.wait().unwrap();
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(report).unwrap();
    writeln!(file, "{cpu} {peak_kib}").unwrap();
    ExitCode::from(status.code().unwrap_or(1) as u8)
}

/// The peak resident set of the process at `proc`, in KiB.
fn vm_hwm_kib(proc: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("{proc}/status")).ok()?;
    let line = status.lines().find_map(|line| line.strip_prefix("VmHWM:"))?;
    line.trim().trim_end_matches("kB").trim().parse().ok()
}
