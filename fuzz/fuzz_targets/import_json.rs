//! The importer on arbitrary C3VOC schedule.json input (see `import_common`): no panic, no hang on
//! entities or deep nesting, and what it accepts loads back.
#![no_main]

#[path = "import_common.rs"]
mod import_common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| import_common::check(data, b'{', "fuzz.json"));
