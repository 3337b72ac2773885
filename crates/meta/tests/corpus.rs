//! Runs `extract` on the development corpus' text notices, one language part at a time, and
//! compares every field with the hand-made gold values.

use std::path::PathBuf;

use model::{Lang, Metadata, Salary};
use serde_json::{Value, json};

fn corpus_text(stem: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/text")
        .join(format!("{stem}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Splits an English-then-French notice at the French header block: the title line just
/// above the first French field line.
fn split_languages(text: &str) -> (&str, &str) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let first_field = lines
        .iter()
        .position(|line| line.trim_start().starts_with("Emplacement principal"))
        .expect("a French header block");
    let title = (0..first_field)
        .rev()
        .find(|&k| !lines[k].trim().is_empty())
        .expect("a French title line");
    let cut: usize = lines[..title].iter().map(|line| line.len()).sum();
    text.split_at(cut)
}

fn as_json(metadata: &Metadata) -> Value {
    serde_json::to_value(metadata).expect("serialisable")
}

/// Compares like score.py: strings by their lower-cased words, amounts within 0.005.
fn same(gold: &Value, got: &Value) -> bool {
    match (gold, got) {
        (Value::Object(gold), Value::Object(got)) => gold
            .iter()
            .all(|(k, g)| got.get(k).is_some_and(|v| same(g, v))),
        (Value::Number(g), Value::Number(v)) => {
            (g.as_f64().unwrap_or(f64::NAN) - v.as_f64().unwrap_or(f64::NAN)).abs() < 0.005
        }
        (Value::String(g), Value::String(v)) => words(g) == words(v),
        (Value::Array(g), Value::Array(v)) => {
            g.len() == v.len() && g.iter().zip(v).all(|(g, v)| same(g, v))
        }
        _ => gold == got,
    }
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Fields that differ from the gold, as "lang.field: want …, got …".
fn misses(lang: Lang, gold: Value, got: &Metadata) -> Vec<String> {
    let got = as_json(got);
    let Value::Object(gold) = gold else {
        panic!("gold is an object")
    };
    gold.into_iter()
        .filter(|(field, value)| !got.get(field).is_some_and(|v| same(value, v)))
        .map(|(field, value)| format!("{lang}.{field}: want {value}, got {:?}", got.get(&field)))
        .collect()
}

fn monthly_eur(amount: f64) -> Value {
    serde_json::to_value(Salary {
        amount,
        max: None,
        currency: Some("EUR".to_owned()),
        period: Some("monthly".to_owned()),
    })
    .expect("serialisable")
}

fn nato_is(en: Value, fr: Value, stem: &str) -> Vec<String> {
    let text = corpus_text(stem);
    let (english, french) = split_languages(&text);
    let mut found = misses(Lang::En, en, &meta::extract(english, &[], Lang::En));
    found.extend(misses(Lang::Fr, fr, &meta::extract(french, &[], Lang::Fr)));
    found
}

#[test]
fn notice_001_labelled_header_without_separators() {
    let misses = nato_is(
        json!({"title": "Officer, Defence Policy", "reference": "251836", "location": "Belgium-Brussels",
               "organisation": "NATO International Staff (NATO IS)", "schedule": "Full-time",
               "deadline": "2026-01-04", "salary": monthly_eur(9253.21), "grade": "G20", "clearance": "NS"}),
        json!({"title": "Administratrice/Administrateur, Politique de défense", "reference": "251836",
               "location": "Belgique-Bruxelles", "organisation": "OTAN SI", "schedule": "Temps plein",
               "deadline": "2026-01-04", "salary": monthly_eur(9253.21), "grade": "G20", "clearance": "NS"}),
        "001_ca6471f58fe47377",
    );
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn notice_002_other_locations_and_12_hour_time() {
    let misses = nato_is(
        json!({"title": "Comprehensive Assistance Package Project Manager (+ Reserve list)", "reference": "260066",
               "location": "Ukraine-Kyiv", "other_locations": ["Belgium-Brussels"],
               "organisation": "NATO International Staff (NATO IS)", "schedule": "Full-time",
               "deadline": "2026-03-03", "deadline_time": "00:59", "salary": monthly_eur(8419.86), "grade": "G17"}),
        json!({"title": "Gestionnaire de projet CAP", "reference": "260066", "location": "Ukraine-Kiev",
               "other_locations": ["Belgique-Bruxelles"], "organisation": "OTAN SI", "schedule": "Temps plein",
               "deadline": "2026-03-03", "deadline_time": "00:59", "salary": monthly_eur(8419.86), "grade": "G17"}),
        "002_fdb992f5b67e8e86",
    );
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn notice_003_french_decimal_comma() {
    let misses = nato_is(
        json!({"title": "Officer, NATO Industrial Advisory Group (NIAG) and Life Cycle Management",
               "reference": "250885", "location": "Belgium-Brussels",
               "organisation": "NATO International Staff (NATO IS)", "schedule": "Full-time",
               "deadline": "2025-07-06", "deadline_time": "23:59", "salary": monthly_eur(9253.21), "grade": "G20"}),
        json!({"title": "Administratrice/Administrateur (Groupe consultatif industriel OTAN (NIAG) et gestion du cycle de vie)",
               "reference": "250885", "location": "Belgique-Bruxelles", "organisation": "OTAN SI",
               "schedule": "Temps plein", "deadline": "2025-07-06", "deadline_time": "23:59",
               "salary": monthly_eur(9253.21), "grade": "G20"}),
        "003_540736ffb9c9d54b",
    );
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn notice_000_prose_only() {
    let found = meta::extract(&corpus_text("000_11e48e0a6d3966e8"), &[], Lang::En);
    let misses = misses(
        Lang::En,
        json!({"organisation": "OCCAR", "location": "Paris, France", "deadline": "2026-06-08",
               "start_date": "2026-10-01", "clearance": "OCCAR Secret"}),
        &found,
    );
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn notice_004_prose_with_thousands_dot() {
    let found = meta::extract(&corpus_text("004_48d5bf37fcf2d969"), &[], Lang::En);
    let misses = misses(
        Lang::En,
        json!({"title": "CSO Director", "location": "Paris, France", "salary": monthly_eur(14606.0),
               "grade": "G23", "clearance": "COSMIC TOP SECRET"}),
        &found,
    );
    assert!(misses.is_empty(), "{misses:#?}");
    assert_eq!(found.deadline, None, "an interview week is no deadline");
}

#[test]
fn the_two_sides_of_each_bilingual_notice_agree() {
    for stem in [
        "001_ca6471f58fe47377",
        "002_fdb992f5b67e8e86",
        "003_540736ffb9c9d54b",
    ] {
        let text = corpus_text(stem);
        let (english, french) = split_languages(&text);
        let warnings = meta::cross_check(
            &meta::extract(english, &[], Lang::En),
            &meta::extract(french, &[], Lang::Fr),
        );
        assert_eq!(warnings, [], "{stem}");
    }
}
