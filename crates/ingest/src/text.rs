//! Plain-text input: decoding and normalisation.
//!
//! Encodings are recognised in this order: a byte-order mark (UTF-8, UTF-16 LE/BE), valid
//! UTF-8, UTF-16 without a mark (recognised by its NUL bytes), then Windows-1252. A file
//! that is UTF-8 but for a few bad bytes keeps its UTF-8 and has those bytes replaced, with
//! a warning, rather than turning every accented letter into mojibake. Bytes that are none
//! of these and hold NULs or control bytes are binary data (`unsupported-encoding`), not
//! Windows-1252 text.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use model::{Diagnostic, Extracted, SourceFormat, codes};
use unicode_normalization::UnicodeNormalization;

use crate::IngestError;

/// Share of NUL bytes above which a file without a UTF-16 shape is taken for binary data.
const MAX_NUL_SHARE: f64 = 0.01;

/// Share of control bytes (other than whitespace) above which a file that is not UTF-8 is
/// taken for binary data rather than Windows-1252 text: text has almost none, random bytes
/// about one in nine.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Decodes and normalises a text file.
pub fn extract(bytes: &[u8]) -> Result<Extracted, IngestError> {
    let (decoded, mut warnings) = decode(bytes)?;
    let text = normalize(&decoded);
    if text.trim().is_empty() {
        return Err(IngestError::Empty("no text once decoded".to_owned()));
    }
    if decoded.contains('\0') {
        warnings.push(Diagnostic::new(
            codes::ENCODING_FALLBACK,
            "NUL characters removed from the text",
        ));
    }
    Ok(Extracted {
        format: SourceFormat::Text,
        blocks: crate::structure::text_blocks(&text),
        text,
        pages: None,
        warnings,
        errors: Vec::new(),
    })
}

/// Decodes bytes to a string, saying in warnings what was not plain UTF-8.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), IngestError> {
    let mut warnings = Vec::new();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((utf8_lossy(rest, &mut warnings), warnings));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((utf16(rest, Utf16::Le, &mut warnings), warnings));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((utf16(rest, Utf16::Be, &mut warnings), warnings));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if share(bytes, |b| b == 0) <= MAX_NUL_SHARE {
            return Ok((text.to_owned(), warnings));
        }
    }
    if let Some(order) = utf16_without_bom(bytes) {
        warnings.push(Diagnostic::new(
            codes::ENCODING_FALLBACK,
            "decoded as UTF-16 without a byte-order mark",
        ));
        return Ok((utf16(bytes, order, &mut warnings), warnings));
    }
    if share(bytes, |b| b == 0) > MAX_NUL_SHARE {
        return Err(IngestError::UnsupportedEncoding(
            "binary data (NUL bytes) in a text file".to_owned(),
        ));
    }
    let invalid = invalid_utf8_sequences(bytes);
    let multibyte = bytes
        .iter()
        .filter(|&&b| (0xC2..=0xF4).contains(&b))
        .count();
    if invalid * 4 < multibyte.saturating_sub(invalid) {
        // Mostly well-formed UTF-8 with a few damaged bytes.
        return Ok((utf8_lossy(bytes, &mut warnings), warnings));
    }
    if share(bytes, is_control) > MAX_CONTROL_SHARE {
        return Err(IngestError::UnsupportedEncoding(
            "binary data (control bytes) in a text file".to_owned(),
        ));
    }
    let (text, _, had_errors) = WINDOWS_1252.decode(bytes);
    if had_errors {
        return Err(IngestError::UnsupportedEncoding(
            "neither UTF-8, UTF-16 nor Windows-1252".to_owned(),
        ));
    }
    warnings.push(Diagnostic::new(
        codes::ENCODING_FALLBACK,
        "not UTF-8: decoded as Windows-1252",
    ));
    Ok((text.into_owned(), warnings))
}

/// Line ends to `\n`, control characters out (a form feed becomes a line break), trailing
/// spaces trimmed, Unicode NFC.
pub fn normalize(text: &str) -> String {
    let unified = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{c}', '\u{2028}', '\u{2029}'], "\n");
    let mut out = String::with_capacity(unified.len());
    for line in unified.split('\n') {
        let clean: String = line
            .chars()
            .filter(|&c| c == '\t' || !c.is_control())
            .nfc()
            .collect();
        out.push_str(clean.trim_end());
        out.push('\n');
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out
}

#[derive(Clone, Copy)]
enum Utf16 {
    Le,
    Be,
}

fn utf16(bytes: &[u8], order: Utf16, warnings: &mut Vec<Diagnostic>) -> String {
    let encoding = match order {
        Utf16::Le => UTF_16LE,
        Utf16::Be => UTF_16BE,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(Diagnostic::new(
            codes::ENCODING_FALLBACK,
            "malformed UTF-16 sequences replaced with U+FFFD",
        ));
    }
    text.into_owned()
}

fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<Diagnostic>) -> String {
    let text = String::from_utf8_lossy(bytes);
    let bad = invalid_utf8_sequences(bytes);
    if bad > 0 {
        warnings.push(Diagnostic::new(
            codes::ENCODING_FALLBACK,
            format!("{bad} invalid UTF-8 sequence(s) replaced with U+FFFD"),
        ));
    }
    text.into_owned()
}

fn invalid_utf8_sequences(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return count,
            Err(e) => {
                count += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

/// Share of the bytes that `matches`.
fn share(bytes: &[u8], matches: impl Fn(u8) -> bool) -> f64 {
    bytes.iter().filter(|&&b| matches(b)).count() as f64 / bytes.len().max(1) as f64
}

/// C0 control bytes and DEL, leaving out whitespace and the DOS end-of-file mark.
fn is_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A)) || byte == 0x7F
}

/// UTF-16 text without a BOM has NULs in almost every other byte (for Latin script).
fn utf16_without_bom(bytes: &[u8]) -> Option<Utf16> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nuls = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd_nuls) && rarely(even_nuls) {
        Some(Utf16::Le)
    } else if mostly(even_nuls) && rarely(odd_nuls) {
        Some(Utf16::Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        extract(bytes).expect("decodes").text
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text_of("Résumé\n".as_bytes()), "Résumé");
        assert_eq!(text_of(b"\xEF\xBB\xBFR\xC3\xA9sum\xC3\xA9"), "Résumé");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Salaire : 9 253,21 €"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(
                "Salaire : 9 253,21 €"
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes),
            )
            .collect();
        assert_eq!(text_of(&le), "Salaire : 9 253,21 €");
        assert_eq!(text_of(&be), "Salaire : 9 253,21 €");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Grade G20\nNiveau"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let extracted = extract(&le).expect("decodes");
        assert_eq!(extracted.text, "Grade G20\nNiveau");
        assert_eq!(extracted.warnings[0].code, codes::ENCODING_FALLBACK);
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let extracted = extract(b"Date de retrait : 4 f\xE9vrier \x80 100").expect("decodes");
        assert_eq!(extracted.text, "Date de retrait : 4 février € 100");
        assert_eq!(extracted.warnings[0].code, codes::ENCODING_FALLBACK);
    }

    #[test]
    fn a_stray_bad_byte_in_utf8_keeps_utf8() {
        let bytes = b"R\xC3\xA9sum\xC3\xA9 \xFF d\xC3\xA9fense \xC3\xA0 l'\xC3\xA9t\xC3\xA9";
        let extracted = extract(bytes).expect("decodes");
        assert_eq!(extracted.text, "Résumé \u{FFFD} défense à l'été");
        assert!(extracted.warnings[0].message.contains("1 invalid"));
    }

    #[test]
    fn crlf_cr_and_form_feed_become_line_feeds() {
        assert_eq!(text_of(b"a\r\nb\rc\x0cd  \r\n"), "a\nb\nc\nd");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(text_of("Re\u{301}sume\u{301}".as_bytes()), "Résumé");
    }

    #[test]
    fn binary_and_blank_inputs_are_errors() {
        let binary = [0u8, 1, 2, 0, 0, 7, 0, 200, 0, 0, 13, 0, 0, 5, 0];
        assert_eq!(
            extract(&binary).unwrap_err().code(),
            codes::UNSUPPORTED_ENCODING
        );
        assert_eq!(extract(b" \r\n\t \n").unwrap_err().code(), codes::EMPTY);
    }

    #[test]
    fn random_bytes_are_binary_not_windows_1252() {
        // A linear congruential generator: the same bytes every run, no NULs kept.
        let mut state = 12_345_u32;
        let noise: Vec<u8> = std::iter::repeat_with(|| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            state.to_be_bytes()[1]
        })
        .filter(|&b| b != 0)
        .take(10_000)
        .collect();
        assert_eq!(
            extract(&noise).unwrap_err().code(),
            codes::UNSUPPORTED_ENCODING
        );
    }

    #[test]
    fn a_few_stray_control_bytes_keep_windows_1252() {
        let mut bytes = b"Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e.\n".repeat(20);
        bytes.extend_from_slice(b"\x1b\x07\x1a");
        let text = text_of(&bytes);
        assert!(text.starts_with("Café au lait, crème brûlée."));
    }
}
