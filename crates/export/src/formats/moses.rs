//! `bitext.en` and `bitext.fr`: the segment pairs as line-aligned plain text (Moses style).

use std::io::Write;
use std::path::Path;

use crate::atomic::AtomicFile;
use crate::sink::{SegmentRecord, Sink};
use crate::text::single_line;
use crate::{ExportError, files, io_error};

/// The two sides being written, line k of each the k-th pair.
pub(crate) struct Moses {
    en: AtomicFile,
    fr: AtomicFile,
}

impl Moses {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        Ok(Moses {
            en: AtomicFile::create(&dir.join(files::MOSES_EN))?,
            fr: AtomicFile::create(&dir.join(files::MOSES_FR))?,
        })
    }
}

impl Sink for Moses {
    fn segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        let pair = record.pair();
        for (out, text) in [(&mut self.en, &pair.en), (&mut self.fr, &pair.fr)] {
            writeln!(out, "{}", single_line(text)).map_err(io_error(out.path()))?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.en.commit()?;
        self.fr.commit()
    }
}
