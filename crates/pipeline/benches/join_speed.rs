//! Time of the join's planning over 1,000 and 10,000 monolingual documents (half English,
//! half French; two thirds of the pairs tied by their names, one third by content only, all
//! of one template), to show it grows about linearly: the candidates come from an index,
//! not from all pairs.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use model::{Document, Kind, Lang, Metadata, Section, SectionSide, Source, SourceFormat, Status};
use pipeline::join::{self, Profile, Scope};

/// One monolingual document of post `seed`: a template with the post's own numbers.
fn document(path: &str, lang: Lang, seed: u32) -> Document {
    let (reference, offices, households) = (240_100 + seed, 10 + seed % 90, 5_000 + seed * 7);
    let texts = match lang {
        Lang::En => [
            format!(
                "Policy Analyst - {reference}\n\nClosing date: {} March 2026",
                1 + seed % 27
            ),
            format!(
                "The Agency supports {offices} offices and reviews the survey of {households} households. Write to careers@nsa.example.org."
            ),
            format!(
                "At least {} years of experience in data analysis, and a degree.",
                2 + seed % 5
            ),
        ],
        Lang::Fr => [
            format!(
                "Analyste des politiques - {reference}\n\nDate de clôture : {} mars 2026",
                1 + seed % 27
            ),
            format!(
                "L'Agence appuie {offices} bureaux et examine l'enquête auprès de {households} ménages. Écrivez à careers@nsa.example.org."
            ),
            format!(
                "Au moins {} années d'expérience en analyse de données, et un diplôme.",
                2 + seed % 5
            ),
        ],
    };
    let sections = texts
        .into_iter()
        .enumerate()
        .map(|(k, text)| {
            let side = SectionSide {
                heading: (k > 0).then(|| format!("HEADING {k}")),
                text,
            };
            Section {
                index: k + 1,
                number: (k > 0).then_some(k as u32),
                en: (lang == Lang::En).then(|| side.clone()),
                fr: (lang == Lang::Fr).then_some(side),
                confidence: 0.0,
                segments: Vec::new(),
            }
        })
        .collect();
    Document {
        id: pipeline::slug(path),
        sources: vec![Source {
            path: path.to_owned(),
            format: SourceFormat::Text,
            sha256: String::new(),
            bytes: 0,
            pages: None,
            languages: vec![lang],
        }],
        status: Status::Ok,
        errors: Vec::new(),
        warnings: Vec::new(),
        kind: Some(Kind::Monolingual),
        languages: vec![lang],
        metadata: BTreeMap::from([(lang, Metadata::default())]),
        sections,
        language_shares: Vec::new(),
        other_languages: Vec::new(),
    }
}

/// `n` documents: `n / 2` pairs, every third one with names that say nothing.
fn corpus(n: u32) -> Vec<Profile> {
    (0..n / 2)
        .flat_map(|k| {
            let (en, fr) = if k % 3 == 0 {
                (format!("mixed/a{k}.txt"), format!("mixed/b{k}.txt"))
            } else {
                let folder = k % 50;
                (
                    format!("d{folder}/n{k}_en.txt"),
                    format!("d{folder}/n{k}_fr.txt"),
                )
            };
            [document(&en, Lang::En, k), document(&fr, Lang::Fr, k)]
        })
        .filter_map(|doc| Profile::of(&doc))
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("join");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let profiles = corpus(n);
        let plan = join::plan(&profiles, Scope::Corpus);
        eprintln!(
            "join plan, {n} documents: {} pairs joined",
            plan.pairs.len()
        );
        group.throughput(Throughput::Elements(u64::from(n)));
        group.bench_with_input(
            BenchmarkId::new("plan (documents)", n),
            &profiles,
            |b, p| b.iter(|| black_box(join::plan(black_box(p), Scope::Corpus))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
