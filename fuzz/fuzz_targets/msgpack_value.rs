//! The msgpack decoder of the plugin server, which reads every value Terraform sends: any bytes give a
//! value or an error, never a panic, and what decodes encodes again.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(value) = runtime::plugin::value::decode(data) {
        let again = runtime::plugin::value::decode(&runtime::plugin::value::encode(&value));
        assert!(again.is_ok(), "an encoded value does not decode");
    }
});
