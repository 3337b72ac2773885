//! Pages per second for PDF ingest and bytes per second for text ingest, on the bundled
//! corpus (`corpus/pdf`, `corpus/text` at the workspace root); the time to read a 150 KB
//! job page in HTML, in two shapes made here: a job board's page (inline scripts, a site
//! frame of navigation links, and a notice of some 250 elements, in the proportions of
//! scraped job-board pages) and a content-dense page (nothing but headings, paragraphs,
//! nested lists and tables: the worst shape per byte).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use model::SourceFormat;

fn corpus_files(subdir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(subdir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the bundled corpus is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                name,
                std::fs::read(&path).expect("a corpus file is readable"),
            )
        })
        .collect()
}

/// Size of the HTML page read, the size of the job sites' pages as scraped.
const PAGE_BYTES: usize = 150 * 1024;

/// Shares of a job board's page, measured on six scraped pages of a national job board
/// (108–119 KB each): 60–65% of the bytes are inline scripts, about 4 elements per KB, and
/// 7–21 KB of text in the notice itself.
const SCRIPT_SHARE: f64 = 0.62;
const NOTICE_SECTIONS: usize = 18;

/// A job board's page of about [`PAGE_BYTES`]: inline scripts, a site frame of navigation
/// links, header and footer, around a `<main>` notice of [`NOTICE_SECTIONS`] sections.
fn job_board_page() -> String {
    let script_bytes = (PAGE_BYTES as f64 * SCRIPT_SHARE) as usize;
    let mut script = String::from("window.siteConfig = {");
    let mut key = 0;
    while script.len() < script_bytes {
        key += 1;
        script.push_str(&format!(
            "\"menu{key}\": {{\"label\": \"Item {key}\", \"href\": \"/en/services/item-{key}.html\", \"visible\": true}}, "
        ));
    }
    script.push_str("};");
    let mut page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Policy Analyst - Job board</title><script>{script}</script></head><body>\
         <header class=\"site-header\"><nav class=\"gcweb-menu\"><ul role=\"menubar\">"
    );
    for link in 0..60 {
        page.push_str(&format!(
            "<li role=\"presentation\"><a role=\"menuitem\" class=\"item\" href=\"/en/topic-{link}.html\">Topic {link}</a></li>"
        ));
    }
    page.push_str(
        "</ul></nav></header><main property=\"mainContentOfPage\" class=\"container\">\
         <h1>Policy Analyst</h1><p><b>Reference number:</b> ABC-123<br><b>Selection process number:</b> 26-ABC-123<br>\
         <b>Closing date:</b> 14 May 2026 - 23:59, Pacific Time</p>",
    );
    for section in 1..=NOTICE_SECTIONS {
        page.push_str(&format!(
            "<h2>Section {section}</h2>\
             <p>The incumbent drafts <strong>briefing notes</strong>, analyses programme data and advises \
             senior management on policy options. Candidates must meet the essential qualifications \
             to be appointed to the position.</p>\
             <ul><li>A degree in economics, public administration or a related field</li>\
             <li>Experience in policy analysis and in preparing briefing material</li>\
             <li>Experience in providing strategic advice to senior management</li></ul>"
        ));
    }
    page.push_str("</main><footer class=\"site-footer\"><nav><ul>");
    while page.len() < PAGE_BYTES - 100 {
        page.push_str(
            "<li class=\"list-inline-item\"><a href=\"/en/transparency/terms-and-conditions.html\" \
             title=\"Terms and conditions of use of this site\">Terms and conditions</a></li>",
        );
    }
    page.push_str("</ul></nav></footer></body></html>");
    page
}

/// A content-dense page of about [`PAGE_BYTES`]: navigation, header and footer around a
/// `<main>` of some 200 sections of headings, paragraphs, nested lists, bold labels and
/// two-cell tables (about ten times the elements per KB of a job board's page).
fn dense_page() -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Job</title>\
         <script>var site = {menu: []};</script></head><body>\
         <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/jobs\">Jobs</a></li></ul></nav></header>\
         <main><h1>Policy Analyst</h1><dl><dt>Reference number</dt><dd>ABC-123</dd>\
         <dt>Location</dt><dd>Ottawa (Ontario)</dd></dl>\
         <h2>On this page</h2><ul><li><a href=\"#s1\">Duties</a></li><li><a href=\"#s2\">Apply</a></li></ul>",
    );
    let mut section = 0;
    while page.len() < PAGE_BYTES {
        section += 1;
        page.push_str(&format!(
            "<h2 id=\"s{section}\">Section {section}</h2>\
             <p>The incumbent drafts <strong>briefing notes</strong>, analyses programme data and \
             advises senior management on <a href=\"/p\">policy options</a>.<br>Second line.</p>\
             <p><b>Essential qualifications:</b></p><ul><li>A degree in economics<ul>\
             <li>or an acceptable combination of education and experience</li></ul></li>\
             <li>Experience in policy analysis</li></ul>\
             <table><tr><th>Salary</th><td>$85,000 to $95,000</td></tr>\
             <tr><th>Closing date</th><td>14 May 2026</td></tr></table>\
             <div class=\"wb-share\"><a href=\"/share\">Share this page</a></div>"
        ));
    }
    page.push_str("</main><footer><p>Terms and conditions</p></footer></body></html>");
    page
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    for (name, bytes) in corpus_files("pdf") {
        let pages = ingest::ingest(SourceFormat::Pdf, &bytes)
            .ok()
            .and_then(|e| e.pages)
            .unwrap_or(1);
        group.throughput(Throughput::Elements(u64::from(pages)));
        group.bench_function(format!("pdf {name} (pages)"), |b| {
            b.iter(|| ingest::ingest(SourceFormat::Pdf, black_box(&bytes)))
        });
    }
    let texts = corpus_files("text");
    let total: usize = texts.iter().map(|(_, bytes)| bytes.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("text, whole corpus (bytes)", |b| {
        b.iter(|| {
            for (_, bytes) in &texts {
                black_box(ingest::ingest(SourceFormat::Text, black_box(bytes)).ok());
            }
        })
    });
    for (name, page) in [
        ("html, a 150 KB job board's page (bytes)", job_board_page()),
        ("html, a 150 KB content-dense page (bytes)", dense_page()),
    ] {
        assert!(
            ingest::ingest(SourceFormat::Html, page.as_bytes()).is_ok(),
            "the bench page {name} reads"
        );
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| ingest::ingest(SourceFormat::Html, black_box(page.as_bytes())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
