//! The Go text/template engine behind authors' `*.md.tmpl` files: any template renders or gives an
//! error, never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(template) = std::str::from_utf8(data) {
        let page = serde_json::json!({
            "Name": "fuzz_thing",
            "Type": "Resource",
            "Description": "A *thing*.",
            "HasExample": false,
            "ExampleFiles": ["a.tf", "b.tf"],
            "ProviderName": "fuzz",
        });
        let _ = codegen::docs::gotemplate::render(template, &page, std::path::Path::new("/nonexistent"));
    }
});
