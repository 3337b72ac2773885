//! Structure-aware fuzzing of the PDF readers: the input is not PDF bytes but an object graph
//! (a page tree that may loop through `/Kids` or `/Parent`, pages, Form XObjects drawing each
//! other, simple and Type0 fonts with ToUnicode CMaps), written out as a well-formed PDF. Byte
//! mutation rarely gets past the parser to such graphs; here every input is one. Any graph
//! must give text or a typed error within the limits, and never abort, overflow the stack
//! or hang.
#![no_main]

use std::fmt::Write as _;
use std::time::Duration;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use model::SourceFormat;

/// Small limits, so that each input is quick: a hang shows as a timeout, not as slowness.
fn limits() -> ingest::Limits {
    ingest::Limits {
        max_operators: 200_000,
        max_glyphs: 50_000,
        max_duration: Duration::from_secs(5),
        max_decompressed_bytes: 16 * 1024 * 1024,
        max_page_content_bytes: 256 * 1024,
        ..ingest::Limits::default()
    }
}

#[derive(Arbitrary, Debug)]
struct Graph {
    /// Page-tree nodes after the root (node 0); each names a parent and may list extra kids.
    nodes: Vec<Node>,
    pages: Vec<Page>,
    forms: Vec<Form>,
    fonts: Vec<Font>,
}

#[derive(Arbitrary, Debug)]
struct Node {
    parent: u8,
    /// Extra `/Kids` entries by object index: loops, repeats, pages of other nodes.
    extra_kids: Vec<u8>,
    has_resources: bool,
}

#[derive(Arbitrary, Debug)]
struct Page {
    /// The node listing the page (and named as its `/Parent`).
    node: u8,
    /// A `/Parent` other than its node (a loop, a page, nothing).
    other_parent: Option<u8>,
    has_resources: bool,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
struct Form {
    /// Forms this form's own resources name; `None`: it uses its caller's.
    draws: Option<Vec<u8>>,
    matrix: Option<[i8; 6]>,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
enum Font {
    /// One byte per code, with widths and an encoding.
    Simple { first_char: u8, widths: Vec<u16>, to_unicode: Option<CMap> },
    /// A standard font without widths (our drawer declines it).
    Standard,
    /// Two bytes per code, Identity-H, widths in a W array.
    Type0 { default_width: u16, w: Vec<(u16, u16, u16)>, to_unicode: Option<CMap> },
}

#[derive(Arbitrary, Debug)]
struct CMap {
    /// Bytes per source code (1 to 8: beyond 4 is malformed).
    code_bytes: u8,
    chars: Vec<(u32, u16)>,
    ranges: Vec<(u32, u32, u16)>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Text(String),
    Hex(Vec<u8>),
    Kerned(Vec<(String, i16)>),
    Font(u8, i8),
    Move(i16, i16),
    Matrix([i8; 6]),
    Concat([i8; 6]),
    Save,
    Restore,
    Spacing(i8, i8, i8, i8),
    NextLine,
    Draw(u8),
    DrawRepeated(u8, u8),
    Raw(Vec<u8>),
}

/// A PDF under construction: object bodies numbered from 1.
struct Writer {
    objects: Vec<Vec<u8>>,
}

impl Writer {
    fn reserve(&mut self) -> usize {
        self.objects.push(Vec::new());
        self.objects.len()
    }

    fn set(&mut self, id: usize, body: Vec<u8>) {
        self.objects[id - 1] = body;
    }

    fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut body = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        body
    }

    fn finish(self, root: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (at, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n", at + 1).bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            self.objects.len() + 1
        );
        out.extend(table.bytes());
        out
    }
}

fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars().filter(char::is_ascii) {
        if matches!(c, '(' | ')' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(')');
    out
}

fn numbers(values: &[i8]) -> String {
    values.iter().map(|v| format!("{v} ")).collect()
}

fn content(ops: &[Op], fonts: usize, forms: usize) -> Vec<u8> {
    let mut out = String::new();
    let mut raw: Vec<u8> = Vec::new();
    for op in ops.iter().take(200) {
        let _ = match op {
            Op::Text(text) => writeln!(out, "BT {} Tj ET", literal(text)),
            Op::Hex(bytes) => {
                let hex: String = bytes.iter().take(64).map(|b| format!("{b:02X}")).collect();
                writeln!(out, "<{hex}> Tj")
            }
            Op::Kerned(items) => {
                let items: String = items
                    .iter()
                    .take(16)
                    .map(|(text, kern)| format!("{} {kern} ", literal(text)))
                    .collect();
                writeln!(out, "[{items}] TJ")
            }
            Op::Font(font, size) => writeln!(out, "/F{} {size} Tf", usize::from(*font) % fonts.max(1)),
            Op::Move(x, y) => writeln!(out, "{x} {y} Td"),
            Op::Matrix(m) => writeln!(out, "{}Tm", numbers(m)),
            Op::Concat(m) => writeln!(out, "{}cm", numbers(m)),
            Op::Save => writeln!(out, "q"),
            Op::Restore => writeln!(out, "Q"),
            Op::Spacing(c, w, z, l) => writeln!(out, "{c} Tc {w} Tw {z} Tz {l} TL"),
            Op::NextLine => writeln!(out, "T* (x) '"),
            Op::Draw(form) => writeln!(out, "/X{} Do", usize::from(*form) % forms.max(1)),
            Op::DrawRepeated(form, times) => {
                let name = usize::from(*form) % forms.max(1);
                writeln!(out, "{}", format!("/X{name} Do ").repeat(usize::from(*times)))
            }
            Op::Raw(bytes) => {
                raw.extend(bytes.iter().take(64));
                Ok(())
            }
        };
    }
    let mut bytes = out.into_bytes();
    bytes.extend(raw);
    bytes
}

fn cmap(map: &CMap) -> Vec<u8> {
    let width = usize::from(map.code_bytes % 8 + 1) * 2;
    let code = |c: u32| format!("<{:0width$X}>", u64::from(c) & ((1u64 << (width * 4).min(63)) - 1));
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Fuzz def /CMapType 2 def\n",
    );
    let _ = writeln!(out, "1 begincodespacerange {} {} endcodespacerange", code(0), code(u32::MAX));
    let chars: Vec<_> = map.chars.iter().take(32).collect();
    let _ = writeln!(out, "{} beginbfchar", chars.len());
    for (source, target) in chars {
        let _ = writeln!(out, "{} <{target:04X}>", code(*source));
    }
    let ranges: Vec<_> = map.ranges.iter().take(8).collect();
    let _ = writeln!(out, "endbfchar\n{} beginbfrange", ranges.len());
    for (low, high, target) in ranges {
        let _ = writeln!(out, "{} {} <{target:04X}>", code(*low), code(*high));
    }
    out.push_str("endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end");
    out.into_bytes()
}

fn build(graph: &Graph) -> Vec<u8> {
    let mut w = Writer { objects: Vec::new() };
    let catalog = w.reserve();
    let nodes: Vec<usize> = std::iter::once(())
        .chain(graph.nodes.iter().take(8).map(|_| ()))
        .map(|()| w.reserve())
        .collect();
    let fonts: Vec<usize> = graph.fonts.iter().take(4).map(|_| w.reserve()).collect();
    let forms: Vec<usize> = graph.forms.iter().take(8).map(|_| w.reserve()).collect();
    let pages: Vec<usize> = graph.pages.iter().take(8).map(|_| w.reserve()).collect();
    let total = w.objects.len();
    let object = |index: u8| usize::from(index) % total + 1;
    let font_names: String =
        fonts.iter().enumerate().map(|(n, id)| format!("/F{n} {id} 0 R ")).collect();
    let form_names = |indices: &[u8]| -> String {
        indices
            .iter()
            .take(8)
            .map(|&i| {
                let n = usize::from(i) % forms.len().max(1);
                forms.get(n).map_or(String::new(), |id| format!("/X{n} {id} 0 R "))
            })
            .collect()
    };
    let all_forms: Vec<u8> = (0..forms.len()).filter_map(|n| u8::try_from(n).ok()).collect();
    let resources = |indices: &[u8]| {
        format!("<< /Font << {font_names}>> /XObject << {} >> >>", form_names(indices))
    };
    w.set(catalog, format!("<< /Type /Catalog /Pages {} 0 R >>", nodes[0]).into_bytes());

    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (page, &id) in graph.pages.iter().zip(&pages) {
        kids[usize::from(page.node) % nodes.len()].push(id);
    }
    for (at, node) in graph.nodes.iter().take(8).enumerate() {
        kids[usize::from(node.parent) % nodes.len()].push(nodes[at + 1]);
    }
    for (at, &id) in nodes.iter().enumerate() {
        let mut body = format!("<< /Type /Pages /MediaBox [0 0 612 792] /Kids [");
        let spec = at.checked_sub(1).and_then(|i| graph.nodes.get(i));
        let extra = spec.map_or(&[][..], |n| n.extra_kids.as_slice());
        for kid in kids[at].iter().copied().chain(extra.iter().take(4).map(|&k| object(k))) {
            let _ = write!(body, "{kid} 0 R ");
        }
        let _ = write!(body, "] /Count {}", kids[at].len());
        if let Some(spec) = spec {
            let _ = write!(body, " /Parent {} 0 R", nodes[usize::from(spec.parent) % nodes.len()]);
            if spec.has_resources {
                let _ = write!(body, " /Resources {}", resources(&all_forms));
            }
        } else {
            let _ = write!(body, " /Resources {}", resources(&all_forms));
        }
        body.push_str(" >>");
        w.set(id, body.into_bytes());
    }
    for (font, &id) in graph.fonts.iter().zip(&fonts) {
        let body = match font {
            Font::Simple { first_char, widths, to_unicode } => {
                let widths: String = widths.iter().take(256).map(|w| format!("{w} ")).collect();
                let mut dict = format!(
                    "<< /Type /Font /Subtype /TrueType /BaseFont /Fuzz /Encoding /WinAnsiEncoding \
                     /FirstChar {first_char} /Widths [{widths}]"
                );
                if let Some(map) = to_unicode {
                    let cmap_id = w.reserve();
                    w.set(cmap_id, Writer::stream("", &cmap(map)));
                    let _ = write!(dict, " /ToUnicode {cmap_id} 0 R");
                }
                dict + " >>"
            }
            Font::Standard => {
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                    .to_owned()
            }
            Font::Type0 { default_width, w: widths, to_unicode } => {
                let widths: String = widths
                    .iter()
                    .take(16)
                    .map(|(first, last, width)| format!("{first} {last} {width} "))
                    .collect();
                let descendant = w.reserve();
                w.set(
                    descendant,
                    format!(
                        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz \
                         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                         /DW {default_width} /W [{widths}] >>"
                    )
                    .into_bytes(),
                );
                let mut dict = format!(
                    "<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H \
                     /DescendantFonts [{descendant} 0 R]"
                );
                if let Some(map) = to_unicode {
                    let cmap_id = w.reserve();
                    w.set(cmap_id, Writer::stream("", &cmap(map)));
                    let _ = write!(dict, " /ToUnicode {cmap_id} 0 R");
                }
                dict + " >>"
            }
        };
        w.set(id, body.into_bytes());
    }
    for (form, &id) in graph.forms.iter().zip(&forms) {
        let mut dict = String::from("/Type /XObject /Subtype /Form /BBox [0 0 612 792]");
        if let Some(draws) = &form.draws {
            let _ = write!(dict, " /Resources {}", resources(draws));
        }
        if let Some(m) = form.matrix {
            let _ = write!(dict, " /Matrix [{}]", numbers(&m));
        }
        w.set(id, Writer::stream(&dict, &content(&form.ops, fonts.len(), forms.len())));
    }
    for (page, &id) in graph.pages.iter().zip(&pages) {
        let node = nodes[usize::from(page.node) % nodes.len()];
        let parent = page.other_parent.map_or(node, object);
        let stream = w.reserve();
        w.set(stream, Writer::stream("", &content(&page.ops, fonts.len(), forms.len())));
        let mut body = format!("<< /Type /Page /Parent {parent} 0 R /Contents {stream} 0 R");
        if page.has_resources {
            let _ = write!(body, " /Resources {}", resources(&all_forms));
        }
        body.push_str(" >>");
        w.set(id, body.into_bytes());
    }
    w.finish(catalog)
}

fuzz_target!(
    init: {
        // pdf-extract panics on malformed input by design and the pipeline catches those
        // panics; libFuzzer's hook would turn each into a finding, so it is replaced.
        std::panic::set_hook(Box::new(|_| {}));
    },
    |graph: Graph| {
        let bytes = build(&graph);
        let _ = std::panic::catch_unwind(|| {
            ingest::ingest_with_limits(SourceFormat::Pdf, &bytes, &limits())
        });
    }
);
