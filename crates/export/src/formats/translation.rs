//! `bitext.jsonl`: the segment pairs in the translation layout of machine-translation
//! recipes, `{"translation": {"en": …, "fr": …}, "id", "document", "confidence"}`, which
//! `datasets.load_dataset("json", data_files=…)` reads with a `translation` column.

use std::path::Path;

use serde::Serialize;

use crate::atomic::AtomicFile;
use crate::formats::jsonl::write_line;
use crate::sink::{SegmentRecord, Sink};
use crate::{ExportError, files, io_error};

/// `bitext.jsonl` being written.
pub(crate) struct Translation {
    out: AtomicFile,
}

impl Translation {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        Ok(Translation {
            out: AtomicFile::create(&dir.join(files::TRANSLATION))?,
        })
    }
}

#[derive(Serialize)]
struct Sides<'a> {
    en: &'a str,
    fr: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    translation: Sides<'a>,
    id: &'a str,
    document: &'a str,
    confidence: f64,
}

impl Sink for Translation {
    fn segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        let pair = record.pair();
        let line = Line {
            translation: Sides {
                en: &pair.en,
                fr: &pair.fr,
            },
            id: &record.id(),
            document: record.doc,
            confidence: pair.confidence,
        };
        write_line(&mut self.out, &line).map_err(io_error(self.out.path()))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.out.commit()
    }
}
