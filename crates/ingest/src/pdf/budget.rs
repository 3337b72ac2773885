//! The work one document may still do: bytes to decompress, operators to interpret, glyphs to
//! record, and a deadline. Every reader charges the same budget, inside pages as well as
//! between them, so that no single page (a form drawn a billion times, a million text
//! operators) can outlast the document's limits.

use std::fmt;
use std::time::{Duration, Instant};

use crate::Limits;

/// How many operators are interpreted between two looks at the clock: reading the clock costs
/// about as much as interpreting one operator, and 1,024 operators take well under a
/// millisecond, so the deadline is overrun by at most that much.
const OPERATORS_PER_CLOCK_CHECK: u64 = 1024;

/// What is left of a document's limits.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Bytes that may still be decompressed (page content, forms, fonts).
    pub decompressed: usize,
    operators: u64,
    glyphs: u64,
    started: Instant,
    limits: Limits,
}

/// Which limit ran out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exhausted {
    /// [`Limits::max_operators`].
    Operators(u64),
    /// [`Limits::max_glyphs`].
    Glyphs(u64),
    /// [`Limits::max_duration`].
    Time(Duration),
    /// [`Limits::max_decompressed_bytes`].
    Decompressed(usize),
}

impl fmt::Display for Exhausted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exhausted::Operators(limit) => write!(f, "more than {limit} operators interpreted"),
            Exhausted::Glyphs(limit) => write!(f, "more than {limit} glyphs drawn"),
            Exhausted::Time(limit) => write!(f, "time limit of {limit:?} reached"),
            Exhausted::Decompressed(limit) => write!(f, "more than {limit} bytes decompressed"),
        }
    }
}

impl Budget {
    /// The whole budget of a document whose reading started at `started`.
    pub fn new(limits: &Limits, started: Instant) -> Self {
        Budget {
            decompressed: limits.max_decompressed_bytes,
            operators: limits.max_operators,
            glyphs: limits.max_glyphs,
            started,
            limits: limits.clone(),
        }
    }

    /// The limits this budget was made from.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Charges one interpreted operator, and looks at the clock every
    /// [`OPERATORS_PER_CLOCK_CHECK`] operators.
    pub fn operator(&mut self) -> Result<(), Exhausted> {
        self.operators(1)
    }

    /// Charges `count` operators at once (a form counted before it is handed over).
    pub fn operators(&mut self, count: u64) -> Result<(), Exhausted> {
        let before = self.operators;
        self.operators = before
            .checked_sub(count)
            .ok_or(Exhausted::Operators(self.limits.max_operators))?;
        if before / OPERATORS_PER_CLOCK_CHECK != self.operators / OPERATORS_PER_CLOCK_CHECK {
            self.time()?;
        }
        Ok(())
    }

    /// Operators that may still be interpreted.
    pub fn operators_left(&self) -> u64 {
        self.operators
    }

    /// Charges one recorded glyph.
    pub fn glyph(&mut self) -> Result<(), Exhausted> {
        self.glyphs = self
            .glyphs
            .checked_sub(1)
            .ok_or(Exhausted::Glyphs(self.limits.max_glyphs))?;
        Ok(())
    }

    /// Fails once the document's time is up.
    pub fn time(&self) -> Result<(), Exhausted> {
        if self.started.elapsed() > self.limits.max_duration {
            return Err(Exhausted::Time(self.limits.max_duration));
        }
        Ok(())
    }

    /// Charges `bytes` decompressed bytes (what remains never goes below zero: the caller
    /// decompressed them within [`Budget::decompressed`]).
    pub fn decompressed(&mut self, bytes: usize) {
        self.decompressed = self.decompressed.saturating_sub(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_counter_runs_out_on_its_own() {
        let limits = Limits {
            max_operators: 3,
            max_glyphs: 1,
            ..Limits::default()
        };
        let mut budget = Budget::new(&limits, Instant::now());
        assert_eq!(budget.operators(3), Ok(()));
        assert_eq!(budget.operator(), Err(Exhausted::Operators(3)));
        assert_eq!(budget.glyph(), Ok(()));
        assert_eq!(budget.glyph(), Err(Exhausted::Glyphs(1)));
    }

    #[test]
    fn the_clock_is_read_while_operators_are_charged() {
        let limits = Limits {
            max_duration: Duration::ZERO,
            ..Limits::default()
        };
        let mut budget = Budget::new(&limits, Instant::now() - Duration::from_millis(1));
        let first_failure = (0..=OPERATORS_PER_CLOCK_CHECK).find_map(|_| budget.operator().err());
        assert_eq!(first_failure, Some(Exhausted::Time(Duration::ZERO)));
    }
}
