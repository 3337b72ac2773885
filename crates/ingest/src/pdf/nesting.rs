//! How deeply PDF objects nest, measured before any parser sees them.
//!
//! lopdf and pdf-extract parse arrays and dictionaries recursively, so a file of a few
//! megabytes of `[[[[…` overflows any thread's stack, and a stack overflow aborts the whole
//! process rather than panicking. Real documents nest a handful of levels; a file nesting
//! deeper than [`MAX_NESTING`] is refused before it is parsed.

/// The deepest nesting of arrays and dictionaries accepted.
pub const MAX_NESTING: usize = 512;

/// Whether arrays and dictionaries in `bytes` (PDF syntax: a file, or a content stream) nest
/// deeper than `max` anywhere.
///
/// Literal strings, hex strings, comments and the data of streams are skipped, since
/// brackets in them are not syntax. The scan is linear and tolerant: unbalanced closers are
/// ignored, so broken files are left for the parser to judge.
pub fn nests_deeper_than(bytes: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'[' => depth += 1,
            b'<' if bytes.get(at) == Some(&b'<') => {
                at += 1;
                depth += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(at) == Some(&b'>') => {
                at += 1;
                depth = depth.saturating_sub(1);
            }
            b'<' => at = skip_past(bytes, at, b'>'),
            b'(' => at = skip_literal_string(bytes, at),
            b'%' => at = skip_past_line_end(bytes, at),
            b's' if is_stream_keyword(bytes, at - 1) => at = skip_stream_data(bytes, at),
            _ => {}
        }
        if depth > max {
            return true;
        }
    }
    false
}

fn skip_past(bytes: &[u8], from: usize, end: u8) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == end)
        .map_or(bytes.len(), |i| from + i + 1)
}

fn skip_past_line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |i| from + i + 1)
}

/// Past the `)` closing a literal string whose `(` is just before `from`; strings hold
/// balanced parentheses and backslash escapes.
fn skip_literal_string(bytes: &[u8], from: usize) -> usize {
    let mut open = 1usize;
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'\\' => at += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

const STREAM: &[u8] = b"stream";
const END_STREAM: &[u8] = b"endstream";

/// Whether the `stream` keyword starts at `at`, followed by its end of line.
fn is_stream_keyword(bytes: &[u8], at: usize) -> bool {
    let preceded_by_word = at
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(u8::is_ascii_alphanumeric);
    !preceded_by_word
        && bytes[at..].starts_with(STREAM)
        && matches!(bytes.get(at + STREAM.len()), Some(b'\r' | b'\n'))
}

/// Past the `endstream` ending the data of a stream whose keyword starts just before `from`.
fn skip_stream_data(bytes: &[u8], from: usize) -> usize {
    let data = from - 1 + STREAM.len();
    bytes[data..]
        .windows(END_STREAM.len())
        .position(|w| w == END_STREAM)
        .map_or(bytes.len(), |i| data + i + END_STREAM.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_arrays_and_dictionaries_together() {
        assert!(!nests_deeper_than(b"<< /A [1 [2 << /B 3 >>]] >>", 4));
        assert!(nests_deeper_than(b"<< /A [1 [2 << /B 3 >>]] >>", 3));
        assert!(!nests_deeper_than(b"[] [] [] [] []", 1));
    }

    #[test]
    fn brackets_in_strings_comments_and_streams_are_not_syntax() {
        let tricky = b"(a [[[ \\) (( ]]] )) <5B5B> % [[[[\n\
            << /Length 4 >>\nstream\n[[[[\nendstream [1]";
        assert!(!nests_deeper_than(tricky, 1));
        assert!(nests_deeper_than(b"[[(x)]]", 1));
    }

    #[test]
    fn a_deep_bomb_is_caught_in_linear_time() {
        let depth = 1_000_000;
        let mut bomb = b"[".repeat(depth);
        bomb.extend(b"]".repeat(depth));
        assert!(nests_deeper_than(&bomb, MAX_NESTING));
        assert!(nests_deeper_than(&b"<<".repeat(depth), MAX_NESTING));
    }

    #[test]
    fn unbalanced_closers_and_truncation_are_tolerated() {
        assert!(!nests_deeper_than(b"]]]>>>> [ (unterminated", 1));
        assert!(!nests_deeper_than(b"stream\n[[[[ no end", 1));
    }
}
