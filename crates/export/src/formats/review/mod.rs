//! `review.html`: one static page to read the dataset before using it, offline and without a
//! server.
//!
//! The page opens on the list of documents (status, kind, title in both languages,
//! reference, grade, deadline, how many pairs went to the files made for use). Each document
//! has its own view, shown when its address fragment is targeted (`review.html#doc-<id>`,
//! CSS `:target`): its fields side by side, its errors and warnings, then each section with
//! the English and the French side by side, one row per aligned pair coloured by confidence
//! (green: 90% or more, amber: 50–90%, red: below), with its quality flags and whether it
//! went to the TMX, was set aside or folded into a duplicate; the text no pair took is shown
//! on a hatched row as left unaligned, and a section found in one language only shows
//! its one side.
//!
//! The page holds no script at all, and its content security policy forbids any: every piece
//! of document text is escaped, so markup in a notice is shown as text. It is written as a
//! stream: the list goes to the page as each document comes, the documents' views to a
//! scratch file beside it, appended at the end.

mod gaps;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use model::{Diagnostic, Document, Lang, Metadata, Salary, Section, SegmentPair, Status};

use crate::atomic::AtomicFile;
use crate::pairs::segment_id;
use crate::sink::{DocumentRecord, Outcome, PairOutcome, Sink};
use crate::text::xml_safe;
use crate::{ExportError, files, io_error};

/// Links at or above this confidence are shown green: the aligner's calibrated confidence
/// says nine in ten of them are right.
const HIGH_CONFIDENCE: f64 = 0.9;
/// Links below this are shown red: more likely wrong than right (the `low-confidence` flag's
/// threshold too).
const LOW_CONFIDENCE: f64 = 0.5;

const STYLE: &str = include_str!("style.css");

/// `review.html` being written.
pub(crate) struct Review {
    page: AtomicFile,
    views: Scratch,
    totals: Totals,
}

/// What the page's summary line counts.
#[derive(Default)]
struct Totals {
    documents: usize,
    pairs: usize,
    exported: usize,
    set_aside: usize,
    duplicates: usize,
}

impl Review {
    pub(crate) fn create(dir: &Path) -> Result<Self, ExportError> {
        let path = dir.join(files::REVIEW);
        let mut page = AtomicFile::create(&path)?;
        page.write_all(page_head().as_bytes())
            .map_err(io_error(&path))?;
        Ok(Review {
            page,
            views: Scratch::create(&path)?,
            totals: Totals::default(),
        })
    }
}

impl Sink for Review {
    fn document(&mut self, record: &DocumentRecord) -> Result<(), ExportError> {
        let counts = PairCounts::of(record);
        self.totals.documents += 1;
        self.totals.pairs += counts.pairs;
        self.totals.exported += counts.exported;
        self.totals.set_aside += counts.set_aside;
        self.totals.duplicates += counts.duplicates;
        let row = list_row(record.doc, &counts);
        self.page
            .write_all(row.as_bytes())
            .map_err(io_error(self.page.path()))?;
        let view = document_view(record, &counts);
        self.views
            .file
            .write_all(view.as_bytes())
            .map_err(io_error(&self.views.path))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        let Review {
            mut page,
            views,
            totals,
        } = *self;
        let path = page.path().to_owned();
        page.write_all(list_end(&totals).as_bytes())
            .map_err(io_error(&path))?;
        views.append_to(&mut page)?;
        page.write_all(PAGE_END.as_bytes())
            .map_err(io_error(&path))?;
        page.commit()
    }
}

/// A file beside the page that holds the documents' views until the list is complete;
/// removed once copied, or when dropped.
struct Scratch {
    path: PathBuf,
    file: BufWriter<File>,
}

impl Scratch {
    fn create(page: &Path) -> Result<Self, ExportError> {
        let mut name = page.file_name().unwrap_or_default().to_owned();
        name.push(format!(".views-{}.tmp", std::process::id()));
        let path = page.with_file_name(name);
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(io_error(&path))?;
        Ok(Scratch {
            path,
            file: BufWriter::new(file),
        })
    }

    fn append_to(mut self, page: &mut AtomicFile) -> Result<(), ExportError> {
        let path = self.path.clone();
        let copy = (|| {
            self.file.flush()?;
            let file = self.file.get_mut();
            file.rewind()?;
            io::copy(file, page).map(drop)
        })();
        copy.map_err(io_error(&path))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A scratch file is never part of the output, whether or not it was copied.
        let _ = fs::remove_file(&self.path);
    }
}

/// Escapes text for HTML element content and attribute values; characters XML cannot hold
/// (control characters) are dropped.
fn escape(text: &str) -> Cow<'_, str> {
    let text = xml_safe(text);
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A confidence as a whole percentage, rounded down so that the figure shown agrees with the
/// colour: 0.8996 is "89%", amber, not "90%". The product is nudged up by far less than a
/// unit in the last place shown, so that 0.29 (28.999… in binary) is "29%".
fn percent(confidence: f64) -> f64 {
    (confidence * 100.0 + 1e-9).floor()
}

/// Text as HTML paragraphs: a blank line ends a paragraph, a line break inside one is kept.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str("<p>");
        for (k, line) in paragraph.lines().enumerate() {
            if k > 0 {
                out.push_str("<br>");
            }
            out.push_str(&escape(line.trim()));
        }
        out.push_str("</p>");
    }
    out
}

/// The element id of a document's view.
fn view_id(doc: &str) -> String {
    format!("doc-{doc}")
}

/// The element id of a segment pair's row.
fn pair_element_id(pair: &str) -> String {
    format!("pair-{pair}")
}

/// A link to a document's view.
fn view_href(doc: &str) -> String {
    href(&view_id(doc))
}

/// A link to an element: its id percent-encoded as a URL fragment.
fn href(element_id: &str) -> String {
    let mut href = String::from("#");
    for byte in element_id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            href.push(char::from(byte));
        } else {
            let _ = write!(href, "%{byte:02X}");
        }
    }
    href
}

fn page_head() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"bitextract {version}\">\n\
         <title>bitextract review</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"top\"><a class=\"brand\" href=\"#\">bitextract review</a>\
         <span class=\"legend\" aria-label=\"legend\">\
         <span><i class=\"k-high\"></i>90% sure or more</span>\
         <span><i class=\"k-mid\"></i>50–90%</span>\
         <span><i class=\"k-low\"></i>under 50%</span>\
         <span><i class=\"k-gap\"></i>not aligned</span>\
         <span><i class=\"k-dup\"></i>duplicate</span></span></header>\n\
         <main>\n<section class=\"home\" id=\"documents\">\n<h1>Documents</h1>\n\
         <p class=\"intro\">Choose a document to read its English and French side by side, \
         pair by pair, before using the translation memory.</p>\n\
         <table class=\"documents\">\n<thead><tr><th>Document</th><th>Status</th>\
         <th>Reference</th><th>Grade</th><th>Deadline</th><th class=\"num\">Pairs exported</th>\
         <th>Flags</th></tr></thead>\n<tbody>\n",
        version = env!("CARGO_PKG_VERSION"),
    )
}

const PAGE_END: &str = "</main>\n<footer>Made by bitextract. Rows are coloured by the \
    aligner's confidence, the estimated probability that a pair is right. Pairs set aside or \
    folded into a duplicate are not in the TMX, Moses, translation-layout or Parquet files; \
    segments.jsonl lists every distinct pair with its flags.</footer>\n</body>\n</html>\n";

/// How a document's segment pairs fared.
#[derive(Default)]
struct PairCounts {
    pairs: usize,
    exported: usize,
    set_aside: usize,
    duplicates: usize,
    below_threshold: usize,
    flagged: Vec<(&'static str, usize)>,
}

impl PairCounts {
    fn of(record: &DocumentRecord) -> Self {
        let mut counts = PairCounts::default();
        for outcome in record.outcomes.iter().flatten() {
            counts.pairs += 1;
            match outcome.outcome {
                Outcome::Exported { .. } => counts.exported += 1,
                Outcome::SetAside => counts.set_aside += 1,
                Outcome::Duplicate { .. } => counts.duplicates += 1,
                Outcome::BelowThreshold => counts.below_threshold += 1,
            }
            for flag in outcome.flags.iter() {
                match counts
                    .flagged
                    .iter_mut()
                    .find(|(name, _)| *name == flag.name())
                {
                    Some((_, n)) => *n += 1,
                    None => counts.flagged.push((flag.name(), 1)),
                }
            }
        }
        counts
    }
}

fn status_badge(status: Status) -> &'static str {
    match status {
        Status::Ok => "<span class=\"badge ok\">ok</span>",
        Status::Partial => "<span class=\"badge partial\">partial</span>",
        Status::Failed => "<span class=\"badge failed\">failed</span>",
    }
}

fn title(doc: &Document, lang: Lang) -> Option<&str> {
    doc.metadata.get(&lang).and_then(|m| m.title.as_deref())
}

/// A field that reads the same in both languages: the English value, else the French.
fn shared<'a>(doc: &'a Document, field: impl Fn(&'a Metadata) -> Option<&'a str>) -> &'a str {
    Lang::ALL
        .into_iter()
        .find_map(|lang| doc.metadata.get(&lang).and_then(&field))
        .unwrap_or_default()
}

/// One row of the document list.
fn list_row(doc: &Document, counts: &PairCounts) -> String {
    let mut row = String::new();
    let en_title = title(doc, Lang::En).or(title(doc, Lang::Fr));
    let fr_title = title(doc, Lang::Fr).filter(|_| title(doc, Lang::En).is_some());
    let _ = write!(
        row,
        "<tr><td class=\"title\"><a href=\"{href}\">{main}</a>",
        href = view_href(&doc.id),
        main = escape(en_title.unwrap_or(&doc.id)),
    );
    if let Some(fr) = fr_title {
        let _ = write!(row, "<span class=\"fr\" lang=\"fr\">{}</span>", escape(fr));
    }
    let what = if doc.errors.is_empty() {
        doc.kind.map_or("unread", kind_name).to_owned()
    } else {
        let codes: Vec<String> = doc
            .errors
            .iter()
            .map(|e| escape(&e.code).into_owned())
            .collect();
        codes.join(" ")
    };
    let _ = write!(
        row,
        "<span class=\"id\">{id}</span></td><td class=\"status\">{status} <span class=\"badge\">{what}</span></td>\
         <td>{reference}</td><td>{grade}</td><td class=\"date\">{deadline}</td>",
        id = escape(&doc.id),
        status = status_badge(doc.status),
        reference = escape(shared(doc, |m| m.reference.as_deref())),
        grade = escape(shared(doc, |m| m.grade.as_deref())),
        deadline = escape(shared(doc, |m| m.deadline.as_deref())),
    );
    let share = if counts.pairs == 0 {
        0.0
    } else {
        counts.exported as f64 / counts.pairs as f64
    };
    let _ = write!(
        row,
        "<td class=\"num\">{} / {}<span class=\"meter\"><b style=\"width:{:.0}%\"></b></span></td><td>",
        counts.exported,
        counts.pairs,
        share * 100.0
    );
    for (name, n) in &counts.flagged {
        let _ = write!(row, "<span class=\"badge flag\">{name} {n}</span> ");
    }
    row.push_str("</td></tr>\n");
    row
}

fn kind_name(kind: model::Kind) -> &'static str {
    match kind {
        model::Kind::Bilingual => "bilingual",
        model::Kind::Monolingual => "monolingual",
        model::Kind::Empty => "empty",
    }
}

fn list_end(totals: &Totals) -> String {
    format!(
        "</tbody>\n</table>\n<p class=\"summary-line\">{} documents · {} segment pairs · \
         {} exported to the translation memory · {} set aside by a quality flag · {} folded \
         into a duplicate</p>\n</section>\n",
        totals.documents, totals.pairs, totals.exported, totals.set_aside, totals.duplicates
    )
}

/// A document's view: its head, then its sections.
fn document_view(record: &DocumentRecord, counts: &PairCounts) -> String {
    let doc = record.doc;
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"doc\" id=\"{id}\">\n<nav class=\"crumbs\"><a href=\"#\">← All documents</a></nav>\n\
         <header class=\"doc-head\">\n<h2>{main}",
        id = escape(&view_id(&doc.id)),
        main = escape(
            title(doc, Lang::En)
                .or(title(doc, Lang::Fr))
                .unwrap_or(&doc.id)
        ),
    );
    if let (Some(_), Some(fr)) = (title(doc, Lang::En), title(doc, Lang::Fr)) {
        let _ = write!(out, "<span class=\"fr\" lang=\"fr\">{}</span>", escape(fr));
    }
    out.push_str("</h2>\n<div class=\"facts\">");
    out.push_str(status_badge(doc.status));
    let _ = write!(
        out,
        " <span class=\"badge\">{}</span>",
        doc.kind.map_or("unread", kind_name)
    );
    for source in &doc.sources {
        let _ = write!(out, " <code>{}</code>", escape(&source.path));
    }
    out.push_str("</div>\n");
    fields_table(&mut out, doc);
    problems(&mut out, &doc.errors, &doc.warnings);
    let _ = writeln!(
        out,
        "<p class=\"stats\">{} segment pairs: {} exported, {} set aside, {} duplicates{}.</p>\n</header>",
        counts.pairs,
        counts.exported,
        counts.set_aside,
        counts.duplicates,
        if counts.below_threshold > 0 {
            format!(
                ", {} below the confidence threshold",
                counts.below_threshold
            )
        } else {
            String::new()
        }
    );
    let mut sections = record.sections().peekable();
    while let Some((section, outcomes)) = sections.next() {
        let counterpart = sections
            .next_if(|(next, _)| complements(section, next))
            .map(|(next, _)| next);
        match counterpart {
            Some(next) => unpaired_view(&mut out, section, next),
            None => section_view(&mut out, &doc.id, section, outcomes),
        }
    }
    out.push_str("</article>\n");
    out
}

fn salary_text(salary: &Salary) -> String {
    let mut text = salary.amount.to_string();
    if let Some(max) = salary.max {
        let _ = write!(text, " – {max}");
    }
    for part in [&salary.currency, &salary.period].into_iter().flatten() {
        text.push(' ');
        text.push_str(part);
    }
    text
}

/// The notice's fields, English and French side by side; a field that reads the same in
/// both spans both columns.
fn fields_table(out: &mut String, doc: &Document) {
    type Field = (&'static str, fn(&Metadata) -> Option<String>);
    const FIELDS: &[Field] = &[
        ("Title", |m| m.title.clone()),
        ("Reference", |m| m.reference.clone()),
        ("Location", |m| m.location.clone()),
        ("Organisation", |m| m.organisation.clone()),
        ("Schedule", |m| m.schedule.clone()),
        ("Contract", |m| m.contract_type.clone()),
        ("Grade", |m| m.grade.clone()),
        ("Salary", |m| m.salary.as_ref().map(salary_text)),
        ("Deadline", |m| {
            m.deadline.as_ref().map(|d| {
                [Some(d.as_str()), m.deadline_time.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        }),
        ("Start date", |m| m.start_date.clone()),
        ("Clearance", |m| m.clearance.clone()),
    ];
    let en = doc.metadata.get(&Lang::En);
    let fr = doc.metadata.get(&Lang::Fr);
    if en.is_none() && fr.is_none() {
        return;
    }
    out.push_str(
        "<table class=\"fields\"><thead><tr><th></th><th>English</th><th>French</th></tr></thead><tbody>\n",
    );
    for (label, read) in FIELDS {
        let values = (en.and_then(read), fr.and_then(read));
        let cells = match &values {
            (None, None) => continue,
            (Some(a), Some(b)) if a == b => format!(
                "<td colspan=\"2\">{} <span class=\"both\">same in both</span></td>",
                escape(a)
            ),
            (a, b) => format!(
                "<td lang=\"en\">{}</td><td lang=\"fr\">{}</td>",
                a.as_deref()
                    .map_or(Cow::Borrowed("<span class=\"missing\">—</span>"), escape),
                b.as_deref()
                    .map_or(Cow::Borrowed("<span class=\"missing\">—</span>"), escape),
            ),
        };
        let _ = writeln!(out, "<tr><th>{label}</th>{cells}</tr>");
    }
    out.push_str("</tbody></table>\n");
}

fn problems(out: &mut String, errors: &[Diagnostic], warnings: &[Diagnostic]) {
    if errors.is_empty() && warnings.is_empty() {
        return;
    }
    out.push_str("<ul class=\"problems\">");
    for (class, diagnostic) in errors
        .iter()
        .map(|d| ("error", d))
        .chain(warnings.iter().map(|d| ("warning", d)))
    {
        let _ = write!(
            out,
            "<li class=\"{class}\"><code>{}</code> {}</li>",
            escape(&diagnostic.code),
            escape(&diagnostic.message)
        );
    }
    out.push_str("</ul>\n");
}

/// A side's heading cell of a section.
fn heading_cell(out: &mut String, section: &Section, lang: Lang) {
    match section.side(lang) {
        Some(side) => {
            out.push_str("<span>");
            if let Some(number) = section.number {
                let _ = write!(out, "<span class=\"no\">{number}.</span>");
            }
            let heading = side.heading.as_deref().unwrap_or("Preamble");
            let _ = write!(out, "{}</span>", escape(heading));
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"side-missing\">no {} counterpart</span>",
                if lang == Lang::En {
                    "English"
                } else {
                    "French"
                }
            );
        }
    }
}

/// Whether two neighbouring sections are each in one language, not the same: shown side by
/// side, so that an English preamble faces the French one even though they were not paired.
fn complements(a: &Section, b: &Section) -> bool {
    let one_sided = |s: &Section| s.en.is_some() != s.fr.is_some();
    one_sided(a) && one_sided(b) && a.en.is_some() != b.en.is_some()
}

/// Two one-sided sections of opposite languages, side by side.
fn unpaired_view(out: &mut String, a: &Section, b: &Section) {
    let side = |lang: Lang| [a, b].into_iter().find(|s| s.side(lang).is_some());
    out.push_str("<section class=\"sec\">\n<h3>");
    for lang in Lang::ALL {
        match side(lang) {
            Some(section) => heading_cell(out, section, lang),
            None => out.push_str("<span></span>"),
        }
    }
    out.push_str("<span class=\"conf\">not paired</span></h3>\n<div class=\"row lonely\">");
    for lang in Lang::ALL {
        let text = side(lang)
            .and_then(|s| s.side(lang))
            .map_or("", |s| s.text.as_str());
        let _ = write!(
            out,
            "<div class=\"t\" lang=\"{lang}\">{}</div>",
            paragraphs(text)
        );
    }
    out.push_str("<div class=\"m\">each side a section of its own</div></div>\n</section>\n");
}

fn section_view(out: &mut String, doc: &str, section: &Section, outcomes: &[PairOutcome]) {
    out.push_str("<section class=\"sec\">\n<h3>");
    heading_cell(out, section, Lang::En);
    heading_cell(out, section, Lang::Fr);
    if section.en.is_some() && section.fr.is_some() {
        let _ = write!(
            out,
            "<span class=\"conf\">section {:.0}%</span>",
            percent(section.confidence)
        );
    } else {
        out.push_str("<span class=\"conf\">one language</span>");
    }
    out.push_str("</h3>\n");
    match (&section.en, &section.fr) {
        (Some(en), Some(fr)) => {
            let en_segments: Vec<&str> = section.segments.iter().map(|p| p.en.as_str()).collect();
            let fr_segments: Vec<&str> = section.segments.iter().map(|p| p.fr.as_str()).collect();
            let en_gaps = gaps::unaligned_gaps(&en.text, &en_segments);
            let fr_gaps = gaps::unaligned_gaps(&fr.text, &fr_segments);
            for (k, pair) in section.segments.iter().enumerate() {
                gap_row(out, en_gaps[k], fr_gaps[k]);
                let outcome = outcomes.get(k);
                pair_row(out, &segment_id(doc, section.index, k + 1), pair, outcome);
            }
            let last = section.segments.len();
            gap_row(out, en_gaps[last], fr_gaps[last]);
        }
        (en, fr) => {
            let cell = |side: Option<&model::SectionSide>, lang: &str| match side {
                Some(side) => format!(
                    "<div class=\"t\" lang=\"{lang}\">{}</div>",
                    escape(&side.text)
                ),
                None => "<div class=\"t missing\">no counterpart</div>".to_owned(),
            };
            let _ = writeln!(
                out,
                "<div class=\"row lonely\">{}{}<div class=\"m\">not paired</div></div>",
                cell(en.as_ref(), "en"),
                cell(fr.as_ref(), "fr")
            );
        }
    }
    out.push_str("</section>\n");
}

/// A row of text no pair took, when either side has some.
fn gap_row(out: &mut String, en: &str, fr: &str) {
    if en.is_empty() && fr.is_empty() {
        return;
    }
    let cell = |text: &str, lang: &str| {
        if text.is_empty() {
            "<div class=\"t empty\"></div>".to_owned()
        } else {
            format!(
                "<div class=\"t\" lang=\"{lang}\">{}</div>",
                paragraphs(text)
            )
        }
    };
    let _ = writeln!(
        out,
        "<div class=\"row gap\">{}{}<div class=\"m\">not aligned</div></div>",
        cell(en, "en"),
        cell(fr, "fr")
    );
}

fn pair_row(out: &mut String, id: &str, pair: &SegmentPair, outcome: Option<&PairOutcome>) {
    let confidence = pair.confidence;
    let band = if confidence >= HIGH_CONFIDENCE {
        "high"
    } else if confidence >= LOW_CONFIDENCE {
        "mid"
    } else {
        "low"
    };
    let (state, note) = match outcome.map(|o| &o.outcome) {
        Some(Outcome::Exported { count }) if *count > 1 => (
            "exported",
            format!("exported <span title=\"{count} occurrences in the corpus\">×{count}</span>"),
        ),
        Some(Outcome::Exported { .. }) | None => ("exported", "exported".to_owned()),
        Some(Outcome::SetAside) => ("set-aside", "set aside".to_owned()),
        Some(Outcome::Duplicate { of }) => (
            "duplicate",
            format!(
                "duplicate<a class=\"kept\" href=\"{}\" title=\"{}\">go to the pair kept</a>",
                href(&pair_element_id(of)),
                escape(of)
            ),
        ),
        Some(Outcome::BelowThreshold) => ("below", "below the threshold".to_owned()),
    };
    let _ = write!(
        out,
        "<div class=\"row {band} {state}\" id=\"{}\"><div class=\"t\" lang=\"en\">{}</div>\
         <div class=\"t\" lang=\"fr\">{}</div><div class=\"m\"><span class=\"pct\">{:.0}%</span>{note}",
        escape(&pair_element_id(id)),
        escape(&pair.en),
        escape(&pair.fr),
        percent(confidence)
    );
    for flag in outcome.into_iter().flat_map(|o| o.flags.iter()) {
        let _ = write!(
            out,
            " <span class=\"badge flag\" title=\"{}\">{}</span>",
            flag.explanation(),
            flag.name()
        );
    }
    out.push_str("</div></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert!(matches!(escape("plain « é »"), Cow::Borrowed(_)));
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn neighbouring_sections_of_one_language_each_are_shown_side_by_side() {
        let one = |lang: Lang| Section {
            index: 1,
            number: None,
            en: (lang == Lang::En).then(|| model::SectionSide {
                heading: None,
                text: "Officer".to_owned(),
            }),
            fr: (lang == Lang::Fr).then(|| model::SectionSide {
                heading: None,
                text: "Administrateur".to_owned(),
            }),
            confidence: 0.0,
            segments: Vec::new(),
        };
        assert!(complements(&one(Lang::En), &one(Lang::Fr)));
        assert!(complements(&one(Lang::Fr), &one(Lang::En)));
        assert!(!complements(&one(Lang::En), &one(Lang::En)));
        let mut paired = one(Lang::En);
        paired.fr = one(Lang::Fr).fr;
        assert!(!complements(&paired, &one(Lang::Fr)));
        let mut out = String::new();
        unpaired_view(&mut out, &one(Lang::Fr), &one(Lang::En));
        let en = out.find("Officer").expect("English text");
        assert!(
            en < out.find("Administrateur").expect("French text"),
            "English first"
        );
    }

    #[test]
    fn percentages_round_down_to_agree_with_the_colour_bands() {
        assert_eq!(percent(0.8996), 89.0);
        assert_eq!(percent(0.9), 90.0);
        assert_eq!(percent(1.0), 100.0);
        assert_eq!(percent(0.29), 29.0);
    }

    #[test]
    fn text_becomes_paragraphs_and_lines() {
        assert_eq!(
            paragraphs("One <b>\nline two\n\n\nTwo"),
            "<p>One &lt;b&gt;<br>line two</p><p>Two</p>"
        );
    }

    #[test]
    fn view_links_encode_what_a_fragment_cannot_hold() {
        assert_eq!(view_href("text-001"), "#doc-text-001");
        assert_eq!(view_href("a b#c"), "#doc-a%20b%23c");
    }
}
