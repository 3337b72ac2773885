//! The corpus-wide files, written in one pass over the documents.

use std::path::Path;

use model::{Document, ExportSummary};

use crate::atomic::AtomicFile;
use crate::tmx::Tmx;
use crate::{ExportError, ExportOptions, Format, files, io_error, jsonl, moses, pairs};

/// The open corpus-wide files of the selected formats.
pub(crate) struct CorpusFiles {
    options: ExportOptions,
    sections: Option<AtomicFile>,
    segments: Option<AtomicFile>,
    tmx: Option<Tmx>,
    moses: Option<[AtomicFile; 2]>,
    section_pairs: usize,
    segment_pairs: usize,
}

impl CorpusFiles {
    /// Opens the files of the selected formats in `dir`.
    pub(crate) fn create(dir: &Path, options: &ExportOptions) -> Result<Self, ExportError> {
        let open = |name: &str| AtomicFile::create(&dir.join(name));
        let selected = |format: Format| options.formats.contains(&format);
        let jsonl = selected(Format::Jsonl);
        let tmx = if selected(Format::Tmx) {
            let path = dir.join(files::TMX);
            Some(Tmx::start(AtomicFile::create(&path)?).map_err(io_error(&path))?)
        } else {
            None
        };
        Ok(CorpusFiles {
            options: options.clone(),
            sections: jsonl.then(|| open(files::SECTIONS)).transpose()?,
            segments: jsonl.then(|| open(files::SEGMENTS)).transpose()?,
            tmx,
            moses: selected(Format::Moses)
                .then(|| Ok::<_, ExportError>([open(files::MOSES_EN)?, open(files::MOSES_FR)?]))
                .transpose()?,
            section_pairs: 0,
            segment_pairs: 0,
        })
    }

    /// Appends a document's pairs to every open file.
    pub(crate) fn add(&mut self, doc: &Document) -> Result<(), ExportError> {
        let min = self.options.min_confidence;
        for pair in pairs::section_pairs(doc, min) {
            self.section_pairs += 1;
            if let Some(out) = &mut self.sections {
                jsonl::write_section(out, &doc.id, &pair).map_err(io_error(out.path()))?;
            }
        }
        for seg in pairs::segment_pairs(doc, min) {
            self.segment_pairs += 1;
            if let Some(out) = &mut self.segments {
                jsonl::write_segment(out, &doc.id, &seg).map_err(io_error(out.path()))?;
            }
            if let Some(tmx) = &mut self.tmx {
                tmx.write_unit(&doc.id, &seg)
                    .map_err(io_error(tmx.path()))?;
            }
            if let Some([en, fr]) = &mut self.moses {
                moses::write_line(en, &seg.pair.en).map_err(io_error(en.path()))?;
                moses::write_line(fr, &seg.pair.fr).map_err(io_error(fr.path()))?;
            }
        }
        Ok(())
    }

    /// Completes and renames every file into place, and says what they hold.
    pub(crate) fn commit(self) -> Result<ExportSummary, ExportError> {
        if let Some(tmx) = self.tmx {
            let path = tmx.path().to_owned();
            tmx.end().map_err(io_error(&path))?.commit()?;
        }
        for file in self.sections.into_iter().chain(self.segments) {
            file.commit()?;
        }
        for file in self.moses.into_iter().flatten() {
            file.commit()?;
        }
        Ok(ExportSummary {
            formats: self
                .options
                .formats
                .iter()
                .map(|f| f.name().to_owned())
                .collect(),
            min_confidence: self.options.min_confidence,
            section_pairs: self.section_pairs,
            segment_pairs: self.segment_pairs,
        })
    }
}
