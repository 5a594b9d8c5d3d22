//! Fuzz target `corpus_file`: see `lexdef::fuzzing::corpus_file` for what it drives and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lexdef::fuzzing::corpus_file(data);
});
