//! Terraform's provider-schema JSON loader: any bytes give a model or located errors, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = schema::tfjson::load_str(text, std::path::Path::new("fuzz.json"), "fuzz");
    }
});
