//! A release of the fusionauth provider installed the way users install providers, with no
//! `dev_overrides`: `codegen release` builds it in release mode and writes the Registry layout and a
//! filesystem mirror; `terraform init` installs it from the mirror and records the `h1:` hash the release
//! computed in `.terraform.lock.hcl`; the provider then applies and destroys against the fake API. The
//! zips are the same bytes when released twice, the same folder served over HTTPS is a network mirror
//! `terraform init` installs from, a signed release's `SHA256SUMS` verifies with gpg, and a tampered zip
//! makes `terraform init` fail from either mirror.

use std::path::Path;
use std::process::Command;

use codegen::release::mirror::Address;
use codegen::release::{Release, Released};
use fake_api::Faults;
use tests::https_files::HttpsFiles;
use tests::terraform::{run_with_code, serve_sample, terraform_or_skip};

const VERSION: &str = "1.2.3";
const TOKEN: &str = "release-token";

fn fusionauth() -> schema::LoadedProvider {
    schema::load_provider(&tests::workspace_root().join("schema/providers/fusionauth")).unwrap()
}

/// Runs terraform in `work` with the CLI configuration there, offline.
fn terraform(terraform: &Path, work: &Path, args: &[&str]) -> (Option<i32>, String) {
    run_with_code(terraform, work, args, &[])
}

/// A CLI configuration that installs `registry.example` providers from the filesystem mirror `mirror` only.
fn mirror_config(work: &Path, mirror: &Path) {
    let config = format!(
        "provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.example/*/*\"]\n  }}\n}}\n",
        mirror.display()
    );
    std::fs::write(work.join("cli.tfrc"), config).unwrap();
}

fn configuration(url: &str) -> String {
    format!(
        r#"terraform {{
  required_providers {{
    fusionauth = {{
      source  = "registry.example/acme/fusionauth"
      version = "{VERSION}"
    }}
  }}
}}

provider "fusionauth" {{
  server_url = "{url}"
  token      = "{TOKEN}"
}}

resource "fusionauth_api_key" "deploy" {{
  tenant_id   = "94f751c5-4883-4684-a817-6b106778edec"
  description = "released"
  key         = "fa-key-released-0001"
  permissions_endpoints = [
    {{ endpoint = "/api/application", get = true, post = false, put = false, patch = false, delete = false }}
  ]
}}
"#
    )
}

fn released_into(out: &Path) -> Released {
    let loaded = fusionauth();
    let mut release = Release::new(tests::workspace_root(), &loaded.provider, VERSION);
    release.out(out);
    release.run().unwrap()
}

#[test]
fn a_release_installs_from_a_mirror_and_runs_with_the_hashes_it_computed() {
    let Some(terraform_bin) = terraform_or_skip() else { return };
    let work = tempfile::tempdir().unwrap();
    let released = released_into(&work.path().join("release"));
    assert_eq!(released.archives.len(), 1, "the host's");
    let archive = &released.archives[0];
    let name = archive.path.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name, format!("terraform-provider-fusionauth_{VERSION}_{}.zip", archive.platform.key()));
    let sums = std::fs::read_to_string(&released.sums).unwrap();
    assert!(sums.contains(&format!("{}  {name}\n", archive.zh.trim_start_matches("zh:"))), "{sums}");
    assert!(sums.contains(&format!("  terraform-provider-fusionauth_{VERSION}_manifest.json\n")), "{sums}");
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(&released.manifest).unwrap()).unwrap();
    assert_eq!(manifest["metadata"]["protocol_versions"], serde_json::json!(["6.0"]));

    // Released again, the zips are the same bytes.
    let again = released_into(&work.path().join("again"));
    assert_eq!(std::fs::read(&archive.path).unwrap(), std::fs::read(&again.archives[0].path).unwrap());

    // `terraform init` from the filesystem mirror, with the hash the release computed in the lock file.
    let mirror = work.path().join("mirror");
    let address = Address { host: "registry.example".into(), namespace: "acme".into(), provider: "fusionauth".into() };
    codegen::release::mirror::write(&released, &address, &mirror).unwrap();
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(mirror.join(address.dir()).join("index.json")).unwrap()).unwrap();
    assert_eq!(index, serde_json::json!({"versions": {VERSION: {}}}));
    let served = serve_sample("fusionauth", TOKEN, Faults::default());
    let project = work.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    mirror_config(&project, &mirror);
    std::fs::write(project.join("main.tf"), configuration(&served.api.url)).unwrap();
    let (code, output) = terraform(&terraform_bin, &project, &["init", "-no-color"]);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains(&format!("Installed registry.example/acme/fusionauth v{VERSION}")), "{output}");
    let lock = std::fs::read_to_string(project.join(".terraform.lock.hcl")).unwrap();
    assert!(lock.contains("provider \"registry.example/acme/fusionauth\""), "{lock}");
    assert!(lock.contains(&format!("version     = \"{VERSION}\"")), "{lock}");
    assert!(lock.contains(&format!("\"{}\"", archive.h1)), "the lock file lacks {}:\n{lock}", archive.h1);

    // The installed provider manages objects, with no dev_overrides anywhere.
    let (code, output) = terraform(&terraform_bin, &project, &["apply", "-auto-approve", "-no-color"]);
    assert_eq!(code, Some(0), "{output}");
    assert!(!output.contains("development overrides"), "{output}");
    assert_eq!(served.api.objects("fusionauth_api_key").len(), 1);
    let (code, output) = terraform(&terraform_bin, &project, &["destroy", "-auto-approve", "-no-color"]);
    assert_eq!(code, Some(0), "{output}");
    assert_eq!(served.api.object_count(), 0);

    // The same folder served over HTTPS is a network mirror: init installs from it, with the hash its
    // JSON names, trusting the test's certificate.
    let https = HttpsFiles::serve(&mirror, &work.path().join("mirror.pem"));
    let networked = project_with_network_mirror(work.path(), "networked", &https, &served.api.url);
    let certificate = https.certificate.display().to_string();
    let trust = [("SSL_CERT_FILE", certificate.as_str())];
    let (code, output) = run_with_code(&terraform_bin, &networked, &["init", "-no-color"], &trust);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains(&format!("Installed registry.example/acme/fusionauth v{VERSION}")), "{output}");
    let lock = std::fs::read_to_string(networked.join(".terraform.lock.hcl")).unwrap();
    assert!(lock.contains(&format!("\"{}\"", archive.h1)), "the lock file lacks {}:\n{lock}", archive.h1);

    // A zip changed after the release no longer matches the lock file: init refuses it.
    let mirrored = mirror.join(address.dir()).join(&name);
    let tampered = codegen::release::package::zip_binary(
        b"#!/bin/sh\necho tampered\n",
        &format!("terraform-provider-fusionauth_v{VERSION}"),
    )
    .unwrap();
    std::fs::write(&mirrored, tampered).unwrap();
    std::fs::remove_dir_all(project.join(".terraform")).unwrap();
    let (code, output) = terraform(&terraform_bin, &project, &["init", "-no-color"]);
    assert_eq!(code, Some(1), "{output}");
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("checksum"), "{output}");
    // Nor does it match the hash the network mirror names, with no lock file yet.
    let fresh = project_with_network_mirror(work.path(), "fresh", &https, &served.api.url);
    let (code, output) = run_with_code(&terraform_bin, &fresh, &["init", "-no-color"], &trust);
    assert_eq!(code, Some(1), "{output}");
    let flat = output.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("checksum"), "{output}");
}

/// A project folder `name` below `work` that installs `registry.example` providers from the network mirror
/// `https` serves.
fn project_with_network_mirror(work: &Path, name: &str, https: &HttpsFiles, api: &str) -> std::path::PathBuf {
    let project = work.join(name);
    std::fs::create_dir_all(&project).unwrap();
    let config = format!(
        "provider_installation {{\n  network_mirror {{\n    url     = \"{}\"\n    include = [\"registry.example/*/*\"]\n  }}\n}}\n",
        https.url
    );
    std::fs::write(project.join("cli.tfrc"), config).unwrap();
    std::fs::write(project.join("main.tf"), configuration(api)).unwrap();
    project
}

/// A throwaway gpg home with one signing key; its key ID.
fn gpg_key(home: &Path) -> String {
    let gpg = |args: &[&str]| {
        let output = Command::new("gpg").env("GNUPGHOME", home).args(args).output().unwrap();
        assert!(output.status.success(), "gpg {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    gpg(&[
        "--batch",
        "--passphrase",
        "",
        "--quick-generate-key",
        "Release Test <release@example.com>",
        "ed25519",
        "sign",
        "never",
    ]);
    let listed = gpg(&["--batch", "--with-colons", "--list-secret-keys"]);
    listed.lines().find_map(|line| line.strip_prefix("fpr:")).unwrap().trim_matches(':').to_owned()
}

#[test]
fn a_signed_release_verifies_and_a_missing_target_is_an_error() {
    if Command::new("gpg").arg("--version").output().is_err() {
        println!("SKIP: no gpg on PATH; the signing test did not run");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let key = gpg_key(home.path());
    let out = tempfile::tempdir().unwrap();
    // `codegen release --sign`, as a user runs it, with the key in its gpg home.
    let output = Command::new(env!("CARGO_BIN_EXE_e2e-codegen"))
        .args(["release", "--provider", "fusionauth", "--version", VERSION])
        .arg("--out")
        .arg(out.path())
        .args(["--sign", &key])
        .env("GNUPGHOME", home.path())
        .current_dir(tests::workspace_root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let sums = out.path().join(format!("terraform-provider-fusionauth_{VERSION}_SHA256SUMS"));
    let signature = out.path().join(format!("terraform-provider-fusionauth_{VERSION}_SHA256SUMS.sig"));
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains(&signature.display().to_string()), "{printed}");
    let verified = Command::new("gpg")
        .env("GNUPGHOME", home.path())
        .args(["--batch", "--verify"])
        .arg(&signature)
        .arg(&sums)
        .output()
        .unwrap();
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
    // A changed SHA256SUMS no longer verifies.
    std::fs::write(&sums, "0000  changed\n").unwrap();
    let refused = Command::new("gpg")
        .env("GNUPGHOME", home.path())
        .args(["--batch", "--verify"])
        .arg(&signature)
        .arg(&sums)
        .output()
        .unwrap();
    assert!(!refused.status.success());

    let loaded = fusionauth();
    let mut elsewhere = Release::new(tests::workspace_root(), &loaded.provider, VERSION);
    elsewhere.out(out.path()).target("aarch64-unknown-linux-gnu");
    match elsewhere.run() {
        Err(problem) => assert!(problem.contains("rustup target add aarch64-unknown-linux-gnu"), "{problem}"),
        // A machine that has the target builds it instead.
        Ok(released) => assert_eq!(released.archives[0].platform.key(), "linux_arm64"),
    }
    let mut badly = Release::new(tests::workspace_root(), &loaded.provider, "1.2");
    assert!(badly.out(out.path()).run().unwrap_err().contains("MAJOR.MINOR.PATCH"));
}
