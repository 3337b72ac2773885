//! Per-document limits in the units people give them, on the command line and as Python
//! keywords: megabytes and seconds.

use std::time::Duration;

/// Bytes in a megabyte, as the limits count them.
const MB: usize = 1024 * 1024;

/// The limits on the work spent on one document, as people give them; [`Self::limits`]
/// turns them into the pipeline's. Read from keywords (serde), a limit not given keeps
/// its default and an unknown one is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitSettings {
    /// Pages read per PDF at most.
    pub max_pages: usize,
    /// Seconds spent reading one PDF at most.
    pub max_seconds: u64,
    /// Megabytes decompressed per PDF or DOCX at most.
    pub max_decompressed_mb: usize,
    /// Megabytes per text file at most.
    pub max_text_mb: usize,
    /// Megabytes per PDF file at most.
    pub max_pdf_mb: usize,
    /// Megabytes per HTML or Markdown file at most.
    pub max_markup_mb: usize,
    /// Megabytes per DOCX file at most.
    pub max_docx_mb: usize,
}

impl LimitSettings {
    /// The pipeline's default limits (`pipeline::Limits::default()`), in these units.
    pub const DEFAULT: LimitSettings = LimitSettings {
        max_pages: 2_000,
        max_seconds: 60,
        max_decompressed_mb: 256,
        max_text_mb: 64,
        max_pdf_mb: 512,
        max_markup_mb: 64,
        max_docx_mb: 128,
    };

    /// The pipeline's limits; those people do not give keep their defaults.
    pub fn limits(&self) -> pipeline::Limits {
        pipeline::Limits {
            max_pages: self.max_pages,
            max_decompressed_bytes: self.max_decompressed_mb.saturating_mul(MB),
            max_duration: Duration::from_secs(self.max_seconds),
            max_text_bytes: self.max_text_mb.saturating_mul(MB),
            max_pdf_bytes: self.max_pdf_mb.saturating_mul(MB),
            max_markup_bytes: self.max_markup_mb.saturating_mul(MB),
            max_docx_bytes: self.max_docx_mb.saturating_mul(MB),
            ..pipeline::Limits::default()
        }
    }
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_pipelines() {
        assert_eq!(LimitSettings::DEFAULT.limits(), pipeline::Limits::default());
    }

    #[test]
    fn megabytes_and_seconds_become_bytes_and_durations() {
        let limits = LimitSettings {
            max_text_mb: 2,
            max_seconds: 5,
            ..LimitSettings::DEFAULT
        }
        .limits();
        assert_eq!(limits.max_text_bytes, 2 * 1024 * 1024);
        assert_eq!(limits.max_duration, Duration::from_secs(5));
        let huge = LimitSettings {
            max_pdf_mb: usize::MAX,
            ..LimitSettings::DEFAULT
        };
        assert_eq!(huge.limits().max_pdf_bytes, usize::MAX);
    }
}
