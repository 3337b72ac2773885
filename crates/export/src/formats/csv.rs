//! `notices.csv`: one row per document with its notice's fields (see [`super::notices`]),
//! UTF-8 with a byte-order mark so that a spreadsheet opens the accents right, quoted as
//! RFC 4180 says.

use std::io::Write;
use std::path::Path;

use crate::atomic::AtomicFile;
use crate::formats::notices::{COLUMNS, Cell};
use crate::sink::{DocumentRecord, Sink};
use crate::{ExportError, files, io_error};

/// `notices.csv` being written.
pub(crate) struct NoticesCsv {
    writer: csv::Writer<AtomicFile>,
    path: std::path::PathBuf,
}

/// The UTF-8 byte-order mark: spreadsheet programs read a CSV file without it in the
/// system's legacy code page.
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

fn csv_error(path: &Path) -> impl FnOnce(csv::Error) -> ExportError + '_ {
    move |err| io_error(path)(err.into())
}

impl NoticesCsv {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        let path = dir.join(files::NOTICES_CSV);
        let mut file = AtomicFile::create(&path)?;
        file.write_all(BYTE_ORDER_MARK).map_err(io_error(&path))?;
        let mut writer = csv::Writer::from_writer(file);
        writer
            .write_record(COLUMNS.iter().map(|c| c.name))
            .map_err(csv_error(&path))?;
        Ok(NoticesCsv { writer, path })
    }
}

impl Sink for NoticesCsv {
    fn document(&mut self, record: &DocumentRecord) -> Result<(), ExportError> {
        let row = COLUMNS.iter().map(|column| match column.value(record.doc) {
            Cell::Text(text) => text.unwrap_or_default(),
            Cell::Number(number) => number.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Count(n) => n.to_string(),
        });
        self.writer.write_record(row).map_err(csv_error(&self.path))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        let path = self.path;
        let file = self
            .writer
            .into_inner()
            .map_err(|err| io_error(&path)(err.into_error()))?;
        file.commit()
    }
}
