//! A text file through the whole pipeline (language runs, sections, pairing, alignment,
//! fields): whatever the text, a document comes out and nothing panics. The pipeline
//! catches panics itself, but the fuzzer's panic hook aborts first, so a panic anywhere in
//! a stage is still found.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::SourceFormat;

fuzz_target!(|bytes: &[u8]| {
    let _ = pipeline::process("fuzz", "fuzz.txt", SourceFormat::Text, bytes);
});
