//! Fuzz target `query`: see `lexdef::fuzzing::query` for what it drives and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lexdef::fuzzing::query(data);
});
