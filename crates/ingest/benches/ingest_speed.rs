//! Pages per second for PDF ingest and bytes per second for text ingest, on the bundled
//! corpus (`corpus/pdf`, `corpus/text` at the workspace root); the time to read a 150 KB
//! job page in HTML (made here: site chrome around a notice of headings, paragraphs, lists,
//! a definition list and a table, the shape of the job sites' pages).

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

/// A job page of about [`PAGE_BYTES`]: navigation, header and footer around a `<main>`.
fn job_page() -> String {
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
    let page = job_page();
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html, one 150 KB job page (bytes)", |b| {
        b.iter(|| ingest::ingest(SourceFormat::Html, black_box(page.as_bytes())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
