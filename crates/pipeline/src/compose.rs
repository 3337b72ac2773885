//! The back half of building a document, shared by a single file and by two files joined
//! into one: each language's sections are paired, the pairs aligned, the sections laid out
//! and the metadata cross-checked.

use std::collections::BTreeMap;

use model::{
    Diagnostic, Document, Kind, Lang, LanguageFit, Metadata, Section, SectionSide, SegmentPair,
    Source, Status, codes,
};
use sections::RawSection;

/// What a document is made of before its sections are paired.
pub(crate) struct Parts {
    /// The input file(s).
    pub sources: Vec<Source>,
    /// Each language's sections, in order.
    pub sections: BTreeMap<Lang, Vec<RawSection>>,
    /// Each language's fields (empty ones left out).
    pub metadata: BTreeMap<Lang, Metadata>,
    /// Warnings so far.
    pub warnings: Vec<Diagnostic>,
    /// Errors so far.
    pub errors: Vec<Diagnostic>,
}

/// Pairs and aligns the sections, cross-checks the metadata and assembles the document.
pub(crate) fn compose(id: &str, parts: Parts) -> Document {
    let Parts {
        sources,
        sections: by_lang,
        metadata,
        mut warnings,
        errors,
    } = parts;
    let kind = if by_lang.len() > 1 {
        Kind::Bilingual
    } else {
        Kind::Monolingual
    };
    let no_sections = Vec::new();
    let en = by_lang.get(&Lang::En).unwrap_or(&no_sections);
    let fr = by_lang.get(&Lang::Fr).unwrap_or(&no_sections);
    let pairings = sections::pair(en, fr);

    let side = |s: &RawSection| SectionSide {
        heading: s.heading.clone(),
        text: s.text.clone(),
    };
    // One aligner run per document, so the lexicon it learns draws on every section pair.
    let pair_texts: Vec<(&str, &str)> = pairings
        .iter()
        .filter_map(|p| Some((en[p.en?].text.as_str(), fr[p.fr?].text.as_str())))
        .collect();
    let mut aligned = align::Aligner::for_sections()
        .align_sections(&pair_texts)
        .into_iter();
    let mut sections_out = Vec::with_capacity(pairings.len());
    for (k, p) in pairings.iter().enumerate() {
        let en_sec = p.en.map(|i| &en[i]);
        let fr_sec = p.fr.map(|j| &fr[j]);
        let segments = match (en_sec, fr_sec) {
            (Some(_), Some(_)) => with_language_fit(aligned.next().unwrap_or_default()),
            _ => Vec::new(),
        };
        if kind == Kind::Bilingual
            && let Some(lonely) = en_sec.xor(fr_sec).filter(|s| !s.is_preamble())
        {
            let lang = if en_sec.is_some() { Lang::En } else { Lang::Fr };
            warnings.push(Diagnostic::new(
                codes::UNPAIRED_SECTION,
                format!(
                    "{lang} section {} \"{}\" has no counterpart",
                    lonely.number.map_or_else(String::new, |n| n.to_string()),
                    lonely.heading.as_deref().unwrap_or("")
                ),
            ));
        }
        sections_out.push(Section {
            index: k + 1,
            number: en_sec.or(fr_sec).and_then(|s| s.number),
            en: en_sec.map(side),
            fr: fr_sec.map(side),
            confidence: p.confidence,
            segments,
        });
    }

    if let (Some(en_meta), Some(fr_meta)) = (metadata.get(&Lang::En), metadata.get(&Lang::Fr)) {
        warnings.extend(meta::cross_check(en_meta, fr_meta));
    }
    let status = if errors.is_empty() {
        Status::Ok
    } else {
        Status::Partial
    };
    Document {
        id: id.to_owned(),
        sources,
        status,
        errors,
        warnings,
        kind: Some(kind),
        languages: by_lang.keys().copied().collect(),
        metadata,
        sections: sections_out,
        language_shares: Vec::new(),
        other_languages: Vec::new(),
    }
}

/// The segment pairs with what each side's words say about its language, so that a pair
/// with a side in the wrong language can be told apart downstream without the language
/// models (`lang::segment_evidence` scores French positive, English negative).
fn with_language_fit(mut segments: Vec<SegmentPair>) -> Vec<SegmentPair> {
    for pair in &mut segments {
        pair.language_fit = Some(LanguageFit {
            en: -lang::segment_evidence(&pair.en),
            fr: lang::segment_evidence(&pair.fr),
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: &str, fr: &str) -> SegmentPair {
        SegmentPair::new(en, fr, 0.9)
    }

    #[test]
    fn a_side_in_the_other_language_has_a_negative_fit() {
        let fitted = with_language_fit(vec![
            pair(
                "The candidate will lead the team and report to the director.",
                "Le candidat dirigera l'équipe et rendra compte au directeur.",
            ),
            pair(
                "Le candidat dirigera l'équipe et rendra compte au directeur.",
                "Le candidat dirigera l'équipe et rendra compte au directeur.",
            ),
            pair("https://www.nato.int", "https://www.nato.int"),
        ]);
        let fit = |k: usize| fitted[k].language_fit.expect("measured");
        assert!(fit(0).en > 0.0 && fit(0).fr > 0.0, "{:?}", fit(0));
        assert!(fit(1).en < 0.0 && fit(1).fr > 0.0, "{:?}", fit(1));
        assert_eq!((fit(2).en, fit(2).fr), (0.0, 0.0));
    }
}
