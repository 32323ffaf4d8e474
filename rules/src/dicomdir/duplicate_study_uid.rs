//! `dicomdir/duplicate-study-uid`: two `STUDY` records with the same Study Instance UID (0020,000D).

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Two `STUDY` records with the same Study Instance UID (0020,000D).
    ///
    /// ## Why
    /// A study is one entity of the File-set; two records for it split its series
    /// between two entries (often under two patients), and a reader that looks the study
    /// up by UID finds only one of them.
    ///
    /// ## Standard
    /// PS3.3 F.5.2, F.2.1.
    ///
    /// ## Example
    /// Failing: two STUDY records with Study Instance UID `1.2.3.4`.
    /// Passing: one STUDY record with both series below it.
    pub DUPLICATE_STUDY_UID, "dicomdir/duplicate-study-uid", Error,
        "two STUDY records have the same Study Instance UID"
}

/// [`DUPLICATE_STUDY_UID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DUPLICATE_STUDY_UID;
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, hits, only, record_offsets, replace, text};

    #[test]
    fn a_repeated_value_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        replace(
            &mut bytes,
            b"1.2.826.0.1.3680043.10.1234.9.2.2",
            b"1.2.826.0.1.3680043.10.1234.9.2.1",
            0,
        );
        let found = only(&bytes, "dicomdir/duplicate-study-uid");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].path.starts_with("(0004,1220)[6]/"), "{found:?}");
        assert!(
            found[0]
                .message
                .contains(text(format_args!("record at offset {}", offsets[1])).as_str())
        );
    }

    #[test]
    fn distinct_values_pass() {
        assert!(hits(&example()).is_empty());
    }
}
