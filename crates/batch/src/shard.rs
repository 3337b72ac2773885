//! Splitting a corpus across machines: `--shard I/N` keeps the files whose stable hash of
//! their key is I modulo N, so N runs with I = 0..N cover every file exactly once, whatever
//! machine, platform or tool version runs them. The key is the pair's key for a file whose
//! name marks a language (`pipeline::join::shard_key`), so that both files of a pair land in
//! one shard, and the path for any other file. `merge` takes only a complete set of shards
//! ([`check_complete`]).

use std::fmt;
use std::str::FromStr;

/// One part of a corpus split into `count` parts, numbered from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// True when a file of this key belongs here.
    pub fn holds(self, key: &str) -> bool {
        pipeline::fnv1a(key.as_bytes()) % self.count == self.index
    }
}

/// Text that is not `I/N` with `0 <= I < N`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected I/N with 0 <= I < N, e.g. 0/4, got {0:?}")]
pub struct BadShard(String);

/// Why a set of shards cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardSetError {
    /// An output made by a run over the whole corpus.
    #[error("{name} is not the output of a sharded run (extract --shard I/N)")]
    NotSharded {
        /// The output, as named by the caller.
        name: String,
    },
    /// A manifest whose shard cannot be read.
    #[error("{name}: the manifest's shard: {source}")]
    Unreadable {
        /// The output.
        name: String,
        /// What is wrong with it.
        source: BadShard,
    },
    /// Shards of splits into different numbers of parts.
    #[error(
        "the shards come from different splits: {first_name} is shard {first}, {name} is shard {shard}"
    )]
    DifferentSplits {
        /// The first output.
        first_name: String,
        /// Its shard.
        first: Shard,
        /// An output of another split.
        name: String,
        /// Its shard.
        shard: Shard,
    },
    /// One shard given twice.
    #[error("shard {shard} is given twice: {first_name} and {name}")]
    Twice {
        /// The shard.
        shard: Shard,
        /// One output holding it.
        first_name: String,
        /// The other.
        name: String,
    },
    /// No output at all.
    #[error("no shards to merge")]
    Empty,
    /// Some parts of the split are not given.
    #[error(
        "incomplete set of shards: {} missing (all of 0/{count} to {}/{count} are needed)",
        missing.join(", "),
        count - 1
    )]
    Incomplete {
        /// The missing parts, `I/N`.
        missing: Vec<String>,
        /// N.
        count: u64,
    },
}

/// Checks that the shards of outputs (named for messages, each with the shard its manifest
/// records) are the N parts of one split, each once.
pub fn check_complete(shards: &[(String, Option<String>)]) -> Result<(), ShardSetError> {
    let mut parts: Vec<(Shard, &str)> = Vec::with_capacity(shards.len());
    for (name, shard) in shards {
        let Some(shard) = shard else {
            return Err(ShardSetError::NotSharded { name: name.clone() });
        };
        let shard: Shard = shard.parse().map_err(|source| ShardSetError::Unreadable {
            name: name.clone(),
            source,
        })?;
        if let Some((first, first_name)) = parts.first()
            && first.count != shard.count
        {
            return Err(ShardSetError::DifferentSplits {
                first_name: (*first_name).to_owned(),
                first: *first,
                name: name.clone(),
                shard,
            });
        }
        if let Some((_, other)) = parts.iter().find(|(s, _)| *s == shard) {
            return Err(ShardSetError::Twice {
                shard,
                first_name: (*other).to_owned(),
                name: name.clone(),
            });
        }
        parts.push((shard, name));
    }
    let Some(&(first, _)) = parts.first() else {
        return Err(ShardSetError::Empty);
    };
    let missing: Vec<String> = (0..first.count)
        .filter(|&index| parts.iter().all(|(s, _)| s.index != index))
        .map(|index| Shard { index, ..first }.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(ShardSetError::Incomplete {
            missing,
            count: first.count,
        });
    }
    Ok(())
}

impl FromStr for Shard {
    type Err = BadShard;

    fn from_str(text: &str) -> Result<Self, BadShard> {
        let parsed = text
            .split_once('/')
            .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
        match parsed {
            Some((index, count)) if index < count => Ok(Shard { index, count }),
            _ => Err(BadShard(text.to_owned())),
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
    fn only_a_complete_set_of_one_split_merges() {
        let set = |shards: &[Option<&str>]| -> Vec<(String, Option<String>)> {
            shards
                .iter()
                .enumerate()
                .map(|(k, s)| (format!("out{k}"), s.map(str::to_owned)))
                .collect()
        };
        assert!(check_complete(&set(&[Some("1/3"), Some("0/3"), Some("2/3")])).is_ok());
        let error = |shards: &[Option<&str>]| {
            check_complete(&set(shards))
                .expect_err("refused")
                .to_string()
        };
        assert!(
            error(&[Some("0/3"), Some("2/3")]).contains("incomplete set of shards: 1/3 missing")
        );
        assert!(error(&[Some("0/2"), Some("1/3")]).contains("different splits"));
        assert!(error(&[Some("0/2"), Some("0/2")]).contains("given twice"));
        assert!(error(&[Some("0/1"), None]).contains("out1 is not the output of a sharded run"));
        assert!(error(&[]).contains("no shards"));
    }

    #[test]
    fn placement_is_fixed_across_versions() {
        // FNV-1a of "a.txt" is 0x7ed5_82b5_571b_bd5a: 0 modulo 2, 2 modulo 3.
        assert_eq!(pipeline::fnv1a(b"a.txt"), 0x7ed5_82b5_571b_bd5a);
        assert!(Shard { index: 0, count: 2 }.holds("a.txt"));
        assert!(Shard { index: 2, count: 3 }.holds("a.txt"));
    }
}
