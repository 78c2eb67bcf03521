//! `terraform-provider-infra`: the Terraform provider, which Terraform starts as a plugin.
fn main() -> ::std::process::ExitCode {
    ::runtime::plugin::serve_embedded(include_str!("provider.json"))
}
