//! `bitext.tmx`: the segment pairs as a TMX 1.4b translation memory.
//!
//! The header carries no creation date, so that the same documents give the same bytes.

use std::io;
use std::path::Path;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::atomic::AtomicFile;
use crate::pairs::SegmentRef;
use crate::sink::{SegmentRecord, Sink};
use crate::text::xml_safe;
use crate::{ExportError, files, io_error};

/// A translation memory being written.
pub(crate) struct Tmx {
    xml: Writer<AtomicFile>,
}

impl Tmx {
    /// Opens `bitext.tmx` in `dir`: the XML declaration, the header, the body.
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        let path = dir.join(files::TMX);
        Self::start(AtomicFile::create(&path)?).map_err(io_error(&path))
    }

    /// Writes the XML declaration, the header and opens the body.
    fn start(file: AtomicFile) -> io::Result<Self> {
        let mut xml = Writer::new_with_indent(file, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        xml.write_event(Event::Start(
            BytesStart::new("tmx").with_attributes([("version", "1.4")]),
        ))?;
        xml.create_element("header")
            .with_attributes([
                ("creationtool", "bitextract"),
                ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                ("datatype", "plaintext"),
                ("segtype", "sentence"),
                ("adminlang", "en"),
                ("srclang", "en"),
                ("o-tmf", "bitextract"),
            ])
            .write_empty()?;
        xml.write_event(Event::Start(BytesStart::new("body")))?;
        Ok(Tmx { xml })
    }

    /// Writes one translation unit.
    fn write_unit(&mut self, doc: &str, seg: &SegmentRef) -> io::Result<()> {
        let tuid = seg.id(doc);
        let section = seg.section.number.map(|n| n.to_string());
        let confidence = seg.pair.confidence.to_string();
        self.xml
            .create_element("tu")
            .with_attribute(("tuid", xml_safe(&tuid).as_ref()))
            .write_inner_content(|xml| {
                let mut props = vec![("x-document", doc)];
                if let Some(section) = &section {
                    props.push(("x-section", section));
                }
                props.push(("x-confidence", &confidence));
                for (kind, value) in props {
                    xml.create_element("prop")
                        .with_attribute(("type", kind))
                        .write_text_content(text_node(value))?;
                }
                for (lang, text) in [("en", &seg.pair.en), ("fr", &seg.pair.fr)] {
                    xml.create_element("tuv")
                        .with_attribute(("xml:lang", lang))
                        .write_inner_content(|xml| {
                            xml.create_element("seg")
                                .write_text_content(text_node(text))?;
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
        Ok(())
    }

    /// Closes the body and the document and hands back the file to commit.
    fn end(mut self) -> io::Result<AtomicFile> {
        self.xml.write_event(Event::End(BytesEnd::new("body")))?;
        self.xml.write_event(Event::End(BytesEnd::new("tmx")))?;
        let mut file = self.xml.into_inner();
        io::Write::write_all(&mut file, b"\n")?;
        Ok(file)
    }
}

impl Sink for Tmx {
    fn segment(&mut self, record: &SegmentRecord) -> Result<(), ExportError> {
        let path = self.xml.get_ref().path().to_owned();
        self.write_unit(record.doc, &record.seg)
            .map_err(io_error(&path))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        let path = self.xml.get_ref().path().to_owned();
        self.end().map_err(io_error(&path))?.commit()
    }
}

/// Element text: XML-forbidden characters dropped, and only `&`, `<` and `>` escaped, so
/// apostrophes and quotes stay readable in the file.
fn text_node(text: &str) -> BytesText<'static> {
    BytesText::from_escaped(partial_escape(xml_safe(text).into_owned()).into_owned())
}
