//! From glyphs to lines: rows by baseline, words by horizontal gaps, columns by gutters.
//!
//! A row is every glyph of a page sharing a baseline, across the whole width. Rows are where
//! page furniture is looked for ([`super::furniture`]); they are then cut into columns when
//! the page has a vertical gutter that most rows straddle and almost none cross: a layout
//! with English on the left and French on the right, section beside section, is read left
//! column first, then right column.

use super::glyphs::Glyph;

/// A gap between two glyphs wider than this share of the font size is a space.
const SPACE_GAP: f64 = 0.2;
/// Baselines closer than this share of the font size are the same row (superscripts included).
const SAME_ROW: f64 = 0.5;
/// A line is bold when this share of its visible glyphs is (a bold word inside a regular line
/// does not make a heading).
const BOLD_LINE_SHARE: f64 = 0.8;
/// Two copies of a glyph closer than this share of its width are one glyph drawn twice
/// (fake bold, shadow effects).
const DUPLICATE_OFFSET: f64 = 0.3;

/// All glyphs of a page on one baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Baseline of the row.
    pub y: f64,
    /// Visible glyphs and spaces, sorted by x.
    pub glyphs: Vec<Glyph>,
}

impl Row {
    fn visible(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.is_blank())
    }

    /// Font size of most of the row's glyphs.
    pub fn size(&self) -> f64 {
        dominant_size(self.visible())
    }

    /// The row's text, spaces rebuilt from gaps.
    pub fn text(&self) -> String {
        line_text(&self.glyphs)
    }

    /// The row as a line of running text.
    pub fn to_line(&self, page: u32) -> Option<Line> {
        let x0 = self.visible().map(|g| g.x).reduce(f64::min)?;
        let x1 = self.visible().map(Glyph::right).reduce(f64::max)?;
        let size = dominant_size(self.visible());
        let (bold, all) = self.visible().fold((0, 0), |(bold, all), g| {
            (bold + usize::from(g.bold), all + 1)
        });
        Some(Line {
            page,
            x0,
            x1,
            y: self.y,
            size,
            bold: bold as f64 >= BOLD_LINE_SHARE * all as f64,
            text: self.text(),
        })
    }
}

/// One line of text, as the paragraph builder sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based page number.
    pub page: u32,
    /// Left edge of the first visible glyph.
    pub x0: f64,
    /// Right edge of the last visible glyph.
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size of most of the line's glyphs.
    pub size: f64,
    /// Whether the line is set in bold (most of its glyphs).
    pub bold: bool,
    /// The text, words separated by single spaces.
    pub text: String,
}

/// A stretch of a page read in one go.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Lines read top to bottom.
    Flow(Vec<Line>),
    /// Two columns side by side: the left one is read before the right one.
    Columns {
        /// Lines of the left column.
        left: Vec<Line>,
        /// Lines of the right column.
        right: Vec<Line>,
    },
}

/// Groups glyphs into rows, top of the page first.
pub fn rows(glyphs: &[Glyph]) -> Vec<Row> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(Row, f64)> = Vec::new();
    for glyph in sorted {
        match rows.last_mut() {
            Some((row, size)) if row.y - glyph.y <= SAME_ROW * size.max(glyph.size) => {
                *size = size.max(glyph.size);
                row.glyphs.push(glyph.clone());
            }
            _ => rows.push((
                Row {
                    y: glyph.y,
                    glyphs: vec![glyph.clone()],
                },
                glyph.size,
            )),
        }
    }
    rows.into_iter()
        .map(|(mut row, _)| {
            row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
            // The baseline is the one most glyphs sit on, not a superscript's.
            row.y = dominant_baseline(&row.glyphs);
            row
        })
        .filter(|row| row.visible().next().is_some())
        .collect()
}

fn dominant_baseline(glyphs: &[Glyph]) -> f64 {
    most_common(glyphs.iter().filter(|g| !g.is_blank()).map(|g| g.y)).unwrap_or_default()
}

fn dominant_size<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> f64 {
    most_common(glyphs.map(|g| g.size)).unwrap_or_default()
}

/// The most frequent value, to a tenth of a point.
fn most_common(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for value in values {
        let key = (value * 10.0).round() as i64;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(key, n)| (n, key))
        .map(|(key, _)| key as f64 / 10.0)
}

/// The text of glyphs sorted by x: a space where a blank glyph or a gap separates two glyphs.
pub fn line_text(glyphs: &[Glyph]) -> String {
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    let mut pending_space = false;
    for glyph in glyphs {
        if glyph.is_blank() {
            pending_space = previous.is_some();
            continue;
        }
        if let Some(prev) = previous {
            let duplicate = prev.text == glyph.text
                && (glyph.x - prev.x).abs() < DUPLICATE_OFFSET * prev.width.max(0.5);
            if duplicate {
                continue;
            }
            let gap = glyph.x - prev.right();
            if pending_space || gap > SPACE_GAP * glyph.size.max(prev.size) {
                text.push(' ');
            }
        }
        text.push_str(&glyph.text);
        pending_space = false;
        previous = Some(glyph);
    }
    text
}

/// Share of the rows that may cross a gutter (titles, full-width headings).
const MAX_CROSSING_SHARE: f64 = 0.15;
/// Share of the rows that must have text on both sides of a gutter.
const MIN_STRADDLING_SHARE: f64 = 0.3;
/// A gutter's middle lies in this middle share of the text's width.
const GUTTER_ZONE: (f64, f64) = (0.25, 0.75);
/// Narrowest gutter, as a share of the body font size.
const MIN_GUTTER_WIDTH: f64 = 1.0;
/// Words per line, on average, on each side of a gutter: running text has many, while a
/// label/value table has short labels and is not two columns of text.
const MIN_WORDS_PER_COLUMN_LINE: f64 = 3.5;

/// Cuts a page's rows into blocks: full-width flow, and two-column stretches.
pub fn blocks(rows: &[Row], page: u32) -> Vec<Block> {
    let Some((gutter_left, gutter_right)) = find_gutter(rows) else {
        return vec![Block::Flow(
            rows.iter().filter_map(|r| r.to_line(page)).collect(),
        )];
    };
    let middle = (gutter_left + gutter_right) / 2.0;
    let mut blocks = Vec::new();
    for row in rows {
        let crosses = row
            .visible()
            .any(|g| g.x < gutter_right && g.right() > gutter_left);
        if crosses {
            let Some(line) = row.to_line(page) else {
                continue;
            };
            match blocks.last_mut() {
                Some(Block::Flow(lines)) => lines.push(line),
                _ => blocks.push(Block::Flow(vec![line])),
            }
            continue;
        }
        let (left, right): (Vec<Glyph>, Vec<Glyph>) = row
            .glyphs
            .iter()
            .cloned()
            .partition(|g| g.x + g.width / 2.0 < middle);
        let half = |glyphs: Vec<Glyph>| Row { y: row.y, glyphs }.to_line(page);
        let (left, right) = (half(left), half(right));
        if !matches!(blocks.last(), Some(Block::Columns { .. })) {
            blocks.push(Block::Columns {
                left: Vec::new(),
                right: Vec::new(),
            });
        }
        if let Some(Block::Columns { left: l, right: r }) = blocks.last_mut() {
            l.extend(left);
            r.extend(right);
        }
    }
    blocks
}

/// The x-range of a vertical gutter with running text on both sides, if the page has one.
fn find_gutter(rows: &[Row]) -> Option<(f64, f64)> {
    let x0 = rows
        .iter()
        .flat_map(Row::visible)
        .map(|g| g.x)
        .reduce(f64::min)?;
    let x1 = rows
        .iter()
        .flat_map(Row::visible)
        .map(Glyph::right)
        .reduce(f64::max)?;
    let span = x1 - x0;
    if span < 1.0 || rows.len() < 3 {
        return None;
    }
    let cells = span.ceil() as usize;
    let mut crossing = vec![0usize; cells];
    let mut straddling = vec![0usize; cells];
    for row in rows {
        let mut covered = vec![false; cells];
        for glyph in row.visible() {
            let from = ((glyph.x - x0).floor().max(0.0) as usize).min(cells - 1);
            let to = ((glyph.right() - x0).ceil().max(0.0) as usize).clamp(from + 1, cells);
            covered[from..to].fill(true);
        }
        let (Some(first), Some(last)) = (
            covered.iter().position(|&c| c),
            covered.iter().rposition(|&c| c),
        ) else {
            continue;
        };
        for (cell, &is_covered) in covered.iter().enumerate() {
            if is_covered {
                crossing[cell] += 1;
            } else if first < cell && cell < last {
                straddling[cell] += 1;
            }
        }
    }
    let n = rows.len() as f64;
    let is_gap = |cell: usize| {
        crossing[cell] as f64 <= MAX_CROSSING_SHARE * n
            && straddling[cell] as f64 >= (MIN_STRADDLING_SHARE * n).max(3.0)
    };
    let zone = GUTTER_ZONE.0 * span..=GUTTER_ZONE.1 * span;
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for cell in 0..=cells {
        match (cell < cells && is_gap(cell), start) {
            (true, None) => start = Some(cell),
            (false, Some(s)) => {
                let centred = zone.contains(&((s + cell) as f64 / 2.0));
                if centred && best.is_none_or(|(bs, be)| cell - s > be - bs) {
                    best = Some((s, cell));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (from, to) = best?;
    let body_size = dominant_size(rows.iter().flat_map(Row::visible));
    if ((to - from) as f64) < MIN_GUTTER_WIDTH * body_size {
        return None;
    }
    let gutter = (x0 + from as f64, x0 + to as f64);
    columns_hold_running_text(rows, gutter).then_some(gutter)
}

/// Whether both sides of a gutter hold lines of several words, as wrapped text does.
fn columns_hold_running_text(rows: &[Row], gutter: (f64, f64)) -> bool {
    let mut words = (0usize, 0usize);
    let mut lines = (0usize, 0usize);
    for row in rows {
        let side = |keep: &dyn Fn(&Glyph) -> bool| {
            let glyphs: Vec<Glyph> = row.glyphs.iter().filter(|g| keep(g)).cloned().collect();
            line_text(&glyphs).split_whitespace().count()
        };
        let left = side(&|g| g.right() <= gutter.0);
        let right = side(&|g| g.x >= gutter.1);
        if left > 0 {
            words.0 += left;
            lines.0 += 1;
        }
        if right > 0 {
            words.1 += right;
            lines.1 += 1;
        }
    }
    let average = |words: usize, lines: usize| words as f64 / lines.max(1) as f64;
    lines.0 > 0
        && lines.1 > 0
        && average(words.0, lines.0) >= MIN_WORDS_PER_COLUMN_LINE
        && average(words.1, lines.1) >= MIN_WORDS_PER_COLUMN_LINE
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Glyphs for a word set in a 10-point font with 5-point wide letters.
    pub(crate) fn word(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + 5.0 * i as f64,
                y,
                width: 5.0,
                size: 10.0,
                text: c.to_string(),
                bold: false,
            })
            .collect()
    }

    #[test]
    fn spaces_come_from_gaps_and_blank_glyphs() {
        let mut glyphs = word("Grade", 0.0, 700.0);
        glyphs.extend(word("G20", 28.0, 700.0));
        glyphs.extend(word(" A", 43.0, 700.0));
        assert_eq!(line_text(&glyphs), "Grade G20 A");
    }

    #[test]
    fn a_glyph_drawn_twice_counts_once() {
        let mut glyphs = word("AB", 0.0, 700.0);
        glyphs.insert(
            1,
            Glyph {
                x: 0.4,
                ..glyphs[0].clone()
            },
        );
        assert_eq!(line_text(&glyphs), "AB");
    }

    #[test]
    fn rows_follow_baselines_and_keep_superscripts() {
        let mut glyphs = word("second", 0.0, 680.0);
        glyphs.extend(word("first", 0.0, 700.0));
        glyphs.extend(word("er", 25.0, 703.0));
        let rows = rows(&glyphs);
        let texts: Vec<String> = rows.iter().map(Row::text).collect();
        assert_eq!(texts, ["firster", "second"]);
        assert_eq!(rows[0].y, 700.0);
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut glyphs = word("TITLE SPANNING THE WHOLE PAGE WIDTH NOW", 0.0, 800.0);
        for i in 0..6 {
            let y = 760.0 - 14.0 * i as f64;
            glyphs.extend(word(&format!("english line {i} text"), 0.0, y));
            glyphs.extend(word(&format!("ligne {i} en français"), 120.0, y));
        }
        let blocks = blocks(&rows(&glyphs), 1);
        assert_eq!(blocks.len(), 2);
        let Block::Columns { left, right } = &blocks[1] else {
            panic!("no columns: {blocks:?}")
        };
        assert_eq!(left[0].text, "english line 0 text");
        assert_eq!(right[5].text, "ligne 5 en français");
    }

    #[test]
    fn a_label_value_table_is_not_two_columns() {
        let mut glyphs = Vec::new();
        for i in 0..6 {
            let y = 760.0 - 14.0 * i as f64;
            glyphs.extend(word("Grade:", 0.0, y));
            glyphs.extend(word("a long value that fills the column", 120.0, y));
        }
        assert!(matches!(blocks(&rows(&glyphs), 1)[..], [Block::Flow(_)]));
    }
}
