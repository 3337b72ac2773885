//! Splitting a corpus across machines: `--shard I/N` keeps the files whose stable hash of
//! their relative path is I modulo N, so N runs with I = 0..N cover every file exactly once,
//! whatever machine, platform or tool version runs them.

use std::fmt;
use std::str::FromStr;

/// One part of a corpus split into `count` parts, numbered from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// True when the file at `relative` (path relative to the corpus root) belongs here.
    pub fn holds(self, relative: &str) -> bool {
        pipeline::fnv1a(relative.as_bytes()) % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let parsed = text
            .split_once('/')
            .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
        match parsed {
            Some((index, count)) if index < count => Ok(Shard { index, count }),
            _ => Err(format!(
                "expected I/N with 0 <= I < N, e.g. 0/4, got {text:?}"
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_index_over_count() {
        let shard: Shard = "2/5".parse().expect("a valid shard");
        assert_eq!(shard, Shard { index: 2, count: 5 });
        assert_eq!(shard.to_string(), "2/5");
        for bad in ["5/5", "1/0", "1", "a/3", "-1/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_path_is_in_exactly_one_shard() {
        let paths: Vec<String> = (0..200)
            .map(|i| format!("dir{}/notice-{i}.pdf", i % 7))
            .collect();
        let shards: Vec<Shard> = (0..3).map(|index| Shard { index, count: 3 }).collect();
        for path in &paths {
            assert_eq!(shards.iter().filter(|s| s.holds(path)).count(), 1, "{path}");
        }
        // Not all in one shard: the hash spreads them.
        for shard in &shards {
            assert!(paths.iter().filter(|p| shard.holds(p)).count() > 30);
        }
    }

    #[test]
    fn placement_is_fixed_across_versions() {
        // FNV-1a of "a.txt" is 0x7ed5_82b5_571b_bd5a: 0 modulo 2, 2 modulo 3.
        assert_eq!(pipeline::fnv1a(b"a.txt"), 0x7ed5_82b5_571b_bd5a);
        assert!(Shard { index: 0, count: 2 }.holds("a.txt"));
        assert!(Shard { index: 2, count: 3 }.holds("a.txt"));
    }
}
