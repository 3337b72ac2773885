//! PDF bytes into `ingest`: any input must give text or a typed error, and never abort,
//! overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::SourceFormat;

fuzz_target!(
    init: {
        // pdf-extract panics on malformed input by design and the pipeline catches those
        // panics; libFuzzer's hook would turn each into a finding, so it is replaced.
        std::panic::set_hook(Box::new(|_| {}));
    },
    |bytes: &[u8]| {
        let _ = std::panic::catch_unwind(|| ingest::ingest(SourceFormat::Pdf, bytes));
    }
);
