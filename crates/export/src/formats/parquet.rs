//! `segments.parquet` and `notices.parquet`: the segment pairs made for use and one row per
//! document with its notice's fields, for pandas, DuckDB, Polars and `datasets`.
//!
//! Written with Parquet's column writers (no Arrow arrays needed), Snappy-compressed, in
//! row groups flushed as they fill, so memory holds one row group per file whatever the
//! size of the corpus.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::atomic::AtomicFile;
use crate::formats::notices::{COLUMNS, Cell, ColumnKind};
use crate::sink::{DocumentRecord, SegmentRecord, Sink};
use crate::{ExportError, files, io_error};

/// A row group is written once it holds this many values (every element of a list counts)…
const ROW_GROUP_VALUES: usize = 8_192;
/// …or this many bytes of text. Each buffered value costs about a hundred bytes besides its
/// text, so a row group in the making stays under 2 MiB, small next to the run's baseline
/// memory (about 20 MiB) and reached long before a corpus of a thousand notices is (a
/// notice row has 30 values; a pair row 10 and one per document holding the pair).
const ROW_GROUP_TEXT_BYTES: usize = 1 << 20;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Text,
    Double,
    Int,
    /// A list of strings (never null, possibly empty).
    TextList,
}

/// A field of a table.
#[derive(Debug, Clone, Copy)]
struct Field {
    name: &'static str,
    kind: FieldKind,
    optional: bool,
}

impl Field {
    const fn required(name: &'static str, kind: FieldKind) -> Self {
        Field {
            name,
            kind,
            optional: false,
        }
    }

    const fn optional(name: &'static str, kind: FieldKind) -> Self {
        Field {
            name,
            kind,
            optional: true,
        }
    }

    /// The field in Parquet's schema language.
    fn schema(&self) -> String {
        let repetition = if self.optional {
            "optional"
        } else {
            "required"
        };
        let name = self.name;
        match self.kind {
            FieldKind::Text => format!("{repetition} binary {name} (STRING);"),
            FieldKind::Double => format!("{repetition} double {name};"),
            FieldKind::Int => format!("{repetition} int64 {name};"),
            FieldKind::TextList => format!(
                "{repetition} group {name} (LIST) {{ repeated group list {{ \
                 required binary element (STRING); }} }}"
            ),
        }
    }
}

/// A value of a row, in the field's kind.
enum Value<'a> {
    Text(Option<&'a str>),
    Double(Option<f64>),
    Int(Option<i64>),
    TextList(&'a [&'a str]),
}

/// The values of one column of the row group being filled, with their levels.
#[derive(Default)]
struct ColumnBuffer {
    texts: Vec<ByteArray>,
    doubles: Vec<f64>,
    ints: Vec<i64>,
    definition: Vec<i16>,
    repetition: Vec<i16>,
}

/// A Parquet file written row group by row group.
struct Table {
    fields: Vec<Field>,
    columns: Vec<ColumnBuffer>,
    rows: usize,
    values: usize,
    text_bytes: usize,
    writer: SerializedFileWriter<AtomicFile>,
    path: PathBuf,
}

fn parquet_error(path: &Path) -> impl FnOnce(ParquetError) -> ExportError + '_ {
    move |err| io_error(path)(std::io::Error::other(err))
}

impl Table {
    fn create(path: PathBuf, name: &str, fields: Vec<Field>) -> Result<Self, ExportError> {
        let body: Vec<String> = fields.iter().map(Field::schema).collect();
        let message = format!("message {name} {{ {} }}", body.join(" "));
        let schema = Arc::new(parse_message_type(&message).map_err(parquet_error(&path))?);
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("bitextract {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let file = AtomicFile::create(&path)?;
        let writer =
            SerializedFileWriter::new(file, schema, properties).map_err(parquet_error(&path))?;
        Ok(Table {
            columns: fields.iter().map(|_| ColumnBuffer::default()).collect(),
            fields,
            rows: 0,
            values: 0,
            text_bytes: 0,
            writer,
            path,
        })
    }

    /// Adds a row, one value per field in order; writes the row group once it is full.
    fn push(&mut self, row: &[Value]) -> Result<(), ExportError> {
        for ((field, column), value) in self.fields.iter().zip(&mut self.columns).zip(row) {
            let present = |column: &mut ColumnBuffer, is_some: bool| {
                if field.optional {
                    column.definition.push(i16::from(is_some));
                }
            };
            match *value {
                Value::Text(text) => {
                    present(column, text.is_some());
                    if let Some(text) = text {
                        self.text_bytes += text.len();
                        column.texts.push(ByteArray::from(text.as_bytes().to_vec()));
                    }
                }
                Value::Double(number) => {
                    present(column, number.is_some());
                    column.doubles.extend(number);
                }
                Value::Int(number) => {
                    present(column, number.is_some());
                    column.ints.extend(number);
                }
                Value::TextList(items) => {
                    // A required list of required strings: definition level 1 for an
                    // element, 0 for an empty list; repetition 1 for a further element.
                    if items.is_empty() {
                        column.definition.push(0);
                        column.repetition.push(0);
                    }
                    for (k, item) in items.iter().enumerate() {
                        column.definition.push(1);
                        column.repetition.push(i16::from(k > 0));
                        self.text_bytes += item.len();
                        column.texts.push(ByteArray::from(item.as_bytes().to_vec()));
                    }
                }
            }
        }
        self.rows += 1;
        self.values += row
            .iter()
            .map(|value| match value {
                Value::TextList(items) => items.len().max(1),
                _ => 1,
            })
            .sum::<usize>();
        if self.values >= ROW_GROUP_VALUES || self.text_bytes >= ROW_GROUP_TEXT_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let path = self.path.clone();
        let result = (|| {
            let mut group = self.writer.next_row_group()?;
            for (field, column) in self.fields.iter().zip(&mut self.columns) {
                let Some(mut writer) = group.next_column()? else {
                    break;
                };
                let definition = (field.optional || field.kind == FieldKind::TextList)
                    .then_some(&column.definition[..]);
                let repetition =
                    (field.kind == FieldKind::TextList).then_some(&column.repetition[..]);
                match field.kind {
                    FieldKind::Text | FieldKind::TextList => {
                        writer.typed::<ByteArrayType>().write_batch(
                            &column.texts,
                            definition,
                            repetition,
                        )?;
                    }
                    FieldKind::Double => {
                        writer.typed::<DoubleType>().write_batch(
                            &column.doubles,
                            definition,
                            None,
                        )?;
                    }
                    FieldKind::Int => {
                        writer
                            .typed::<Int64Type>()
                            .write_batch(&column.ints, definition, None)?;
                    }
                }
                writer.close()?;
                *column = ColumnBuffer::default();
            }
            group.close().map(drop)
        })();
        result.map_err(parquet_error(&path))?;
        self.rows = 0;
        self.values = 0;
        self.text_bytes = 0;
        Ok(())
    }

    /// Writes the last row group and the footer, and renames the file into place.
    fn finish(mut self) -> Result<(), ExportError> {
        self.flush()?;
        let path = self.path.clone();
        self.writer
            .into_inner()
            .map_err(parquet_error(&path))?
            .commit()
    }
}

/// The fields of `segments.parquet`.
const SEGMENT_FIELDS: [Field; 11] = [
    Field::required("id", FieldKind::Text),
    Field::required("document", FieldKind::Text),
    Field::optional("section", FieldKind::Int),
    Field::required("index", FieldKind::Int),
    Field::required("segment", FieldKind::Int),
    Field::required("en", FieldKind::Text),
    Field::required("fr", FieldKind::Text),
    Field::required("confidence", FieldKind::Double),
    Field::required("count", FieldKind::Int),
    Field::required("variants", FieldKind::Int),
    Field::required("documents", FieldKind::TextList),
];

/// The fields of `notices.parquet`: the notice columns.
fn notice_fields() -> Vec<Field> {
    COLUMNS
        .iter()
        .map(|column| match column.kind {
            ColumnKind::Text => Field::optional(column.name, FieldKind::Text),
            ColumnKind::Number => Field::optional(column.name, FieldKind::Double),
            ColumnKind::Count => Field::required(column.name, FieldKind::Int),
        })
        .collect()
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The two Parquet files being written.
pub(crate) struct Parquet {
    segments: Table,
    notices: Table,
}

impl Parquet {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        Ok(Parquet {
            segments: Table::create(
                dir.join(files::SEGMENTS_PARQUET),
                "segment",
                SEGMENT_FIELDS.to_vec(),
            )?,
            notices: Table::create(dir.join(files::NOTICES_PARQUET), "notice", notice_fields())?,
        })
    }
}

impl Sink for Parquet {
    fn document(&mut self, record: &DocumentRecord) -> Result<(), ExportError> {
        let cells: Vec<Cell> = COLUMNS.iter().map(|c| c.value(record.doc)).collect();
        let row: Vec<Value> = cells
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => Value::Text(text.as_deref()),
                Cell::Number(number) => Value::Double(*number),
                Cell::Count(n) => Value::Int(Some(i64::try_from(*n).unwrap_or(i64::MAX))),
            })
            .collect();
        self.notices.push(&row)
    }

    fn segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        let seg = &record.seg;
        let id = record.id();
        self.segments.push(&[
            Value::Text(Some(&id)),
            Value::Text(Some(record.doc)),
            Value::Int(seg.section.number.map(i64::from)),
            Value::Int(Some(int(seg.section.index))),
            Value::Int(Some(int(seg.number))),
            Value::Text(Some(&seg.pair.en)),
            Value::Text(Some(&seg.pair.fr)),
            Value::Double(Some(seg.pair.confidence)),
            Value::Int(Some(i64::from(record.occurrences.count))),
            Value::Int(Some(i64::from(record.occurrences.variants))),
            Value::TextList(&record.occurrences.documents),
        ])
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        let Parquet { segments, notices } = *self;
        segments.finish()?;
        notices.finish()
    }
}
