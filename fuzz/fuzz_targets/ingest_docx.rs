//! DOCX bytes into `ingest`: any input must give text or a typed error, never a panic.
//!
//! Inputs opening with `X` are the XML of `word/document.xml`, stored in a zip made here,
//! so that the fuzzer mutates the XML reader's input and not only the zip container's.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use model::SourceFormat;
use zip::write::SimpleFileOptions;

fuzz_target!(|bytes: &[u8]| {
    let docx = match bytes.strip_prefix(b"X") {
        Some(xml) => {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let options =
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            if zip.start_file("word/document.xml", options).is_err() || zip.write_all(xml).is_err()
            {
                return;
            }
            match zip.finish() {
                Ok(cursor) => cursor.into_inner(),
                Err(_) => return,
            }
        }
        None => bytes.to_vec(),
    };
    let _ = ingest::ingest(SourceFormat::Docx, &docx);
});
