//! HTML bytes into `ingest`: any page must give text or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::SourceFormat;

fuzz_target!(|bytes: &[u8]| {
    let _ = ingest::ingest(SourceFormat::Html, bytes);
});
