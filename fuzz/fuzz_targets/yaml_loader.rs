//! The YAML schema loader and validator: any bytes give a model or located errors, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = schema::load_yaml_str(text, std::path::Path::new("fuzz.yaml"));
    }
});
