//! Where a section's aligned segments sit in its text, and the text between them that no
//! segment took: what the review page shows as left unaligned.

use std::ops::Range;

/// The section's text outside the segments, as `segments.len() + 1` gaps: the text before
/// the first segment, between each two, and after the last (each trimmed, empty when it
/// holds no letter or digit: a bullet mark or punctuation left between two segments is no
/// text). Segments are found in order, white space aside (a segment made of two sentences
/// is joined by one space whatever stood between them); a segment that cannot be found
/// leaves the gaps around it empty rather than guessed.
pub(crate) fn unaligned_gaps<'t>(text: &'t str, segments: &[&str]) -> Vec<&'t str> {
    let compact = Compact::of(text);
    let mut spans: Vec<Option<Range<usize>>> = Vec::with_capacity(segments.len());
    let mut cursor = 0;
    for segment in segments {
        let span = compact.find(segment, cursor);
        if let Some(span) = &span {
            cursor = span.end;
        }
        spans.push(span);
    }
    let mut gaps = Vec::with_capacity(segments.len() + 1);
    let mut start = Some(0);
    for span in &spans {
        let gap = match (start, span) {
            (Some(from), Some(span)) => text.get(from..span.start).unwrap_or_default(),
            _ => "",
        };
        gaps.push(meaningful(gap));
        start = span.as_ref().map(|s| s.end);
    }
    let tail = start.and_then(|from| text.get(from..)).unwrap_or_default();
    gaps.push(meaningful(tail));
    gaps
}

/// The text trimmed, or nothing when it holds no letter or digit.
fn meaningful(text: &str) -> &str {
    let text = text.trim();
    if text.chars().any(char::is_alphanumeric) {
        text
    } else {
        ""
    }
}

/// A text without its white space, with the byte offset in the text of each of its bytes.
struct Compact {
    chars: String,
    offsets: Vec<usize>,
}

impl Compact {
    fn of(text: &str) -> Self {
        let mut compact = Compact {
            chars: String::with_capacity(text.len()),
            offsets: Vec::with_capacity(text.len()),
        };
        for (offset, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
            compact.chars.push(c);
            compact
                .offsets
                .extend(std::iter::repeat_n(offset, c.len_utf8()));
        }
        compact
    }

    /// Where `needle` (white space aside) first occurs in the text at or after byte `from`.
    fn find(&self, needle: &str, from: usize) -> Option<Range<usize>> {
        let needle: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
        if needle.is_empty() {
            return None;
        }
        let start_compact = self.offsets.partition_point(|&o| o < from);
        let found = start_compact + self.chars.get(start_compact..)?.find(&needle)?;
        let last = found + needle.len() - 1;
        let start = self.offsets[found];
        let last_offset = self.offsets[last];
        let last_len = self.chars[..=last]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        Some(start..last_offset + last_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_between_and_around_segments_is_unaligned() {
        let text = "Intro line.\nFirst sentence. Skipped one. Second\n  sentence.\nTail text.";
        let gaps = unaligned_gaps(text, &["First sentence.", "Second sentence."]);
        assert_eq!(gaps, ["Intro line.", "Skipped one.", "Tail text."]);
    }

    #[test]
    fn bullet_marks_and_punctuation_alone_are_no_gap() {
        let text = "- One.\n- Two.";
        assert_eq!(unaligned_gaps(text, &["One.", "Two."]), ["", "", ""]);
    }

    #[test]
    fn a_segment_not_found_leaves_its_gaps_empty() {
        let text = "Alpha. Beta. Gamma. Delta.";
        let gaps = unaligned_gaps(text, &["Alpha.", "Omega.", "Delta."]);
        assert_eq!(gaps, ["", "", "", ""]);
        let gaps = unaligned_gaps(text, &["Beta.", "Omega."]);
        assert_eq!(gaps, ["Alpha.", "", ""]);
    }

    #[test]
    fn multi_byte_text_is_cut_on_character_boundaries() {
        let text = "Résumé : « café ». Fin égale.";
        assert_eq!(
            unaligned_gaps(text, &["Résumé : « café »."]),
            ["", "Fin égale."]
        );
    }
}
