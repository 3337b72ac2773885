//! The corpus-wide formats: one module each, every one a [`Sink`].

mod csv;
mod jsonl;
mod moses;
mod notices;
mod parquet;
mod review;
mod tmx;
mod translation;

use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use crate::ExportError;
use crate::sink::Sink;

/// A corpus-wide output format. `documents/` and `manifest.json` are always written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `sections.jsonl` and `segments.jsonl`: every distinct pair, with its duplicates and
    /// quality flags.
    Jsonl,
    /// `bitext.jsonl`: the pairs made for use in the translation layout of MT recipes.
    Translation,
    /// `bitext.tmx`.
    Tmx,
    /// `bitext.en` and `bitext.fr`.
    Moses,
    /// `segments.parquet` and `notices.parquet`.
    Parquet,
    /// `notices.csv`.
    Csv,
    /// `review.html`.
    Review,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 7] = [
        Format::Jsonl,
        Format::Translation,
        Format::Tmx,
        Format::Moses,
        Format::Parquet,
        Format::Csv,
        Format::Review,
    ];

    /// The name used on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Translation => "translation",
            Format::Tmx => "tmx",
            Format::Moses => "moses",
            Format::Parquet => "parquet",
            Format::Csv => "csv",
            Format::Review => "review",
        }
    }

    /// Opens the format's files in `dir`.
    pub(crate) fn open(self, dir: &Path) -> Result<Box<dyn Sink>, ExportError> {
        Ok(match self {
            Format::Jsonl => Box::new(jsonl::Jsonl::create(dir)?),
            Format::Translation => Box::new(translation::Translation::create(dir)?),
            Format::Tmx => Box::new(tmx::Tmx::create(dir)?),
            Format::Moses => Box::new(moses::Moses::create(dir)?),
            Format::Parquet => Box::new(parquet::Parquet::create(dir)?),
            Format::Csv => Box::new(csv::NoticesCsv::create(dir)?),
            Format::Review => Box::new(review::Review::create(dir)?),
        })
    }

    /// Parses a comma-separated list of format names; `all` stands for every format.
    pub fn parse_list(list: &str) -> Result<BTreeSet<Format>, UnknownFormat> {
        let mut formats = BTreeSet::new();
        for name in list.split(',') {
            if name.trim().eq_ignore_ascii_case("all") {
                formats.extend(Format::ALL);
            } else {
                formats.insert(name.parse()?);
            }
        }
        Ok(formats)
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format {0:?} (expected all, or some of jsonl, translation, tmx, moses, parquet, \
     csv, review)"
)]
pub struct UnknownFormat(String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_names_formats_or_all_of_them() {
        assert_eq!(
            Format::parse_list("tmx, csv").expect("known"),
            BTreeSet::from([Format::Tmx, Format::Csv])
        );
        assert_eq!(
            Format::parse_list("ALL").expect("known"),
            BTreeSet::from(Format::ALL)
        );
        let unknown = Format::parse_list("tmx,xlsx").expect_err("unknown");
        assert!(unknown.to_string().contains("\"xlsx\""), "{unknown}");
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
    }
}
