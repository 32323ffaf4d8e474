//! `dicomdir/duplicate-series-uid`: two `SERIES` records with the same Series Instance UID (0020,000E).

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Two `SERIES` records with the same Series Instance UID (0020,000E).
    ///
    /// ## Why
    /// A series is one entity of the File-set; two records for it split its instances,
    /// and readers that key series by UID merge them or drop one.
    ///
    /// ## Standard
    /// PS3.3 F.5.3, F.2.1.
    ///
    /// ## Example
    /// Failing: two SERIES records with Series Instance UID `1.2.3.4.5`.
    /// Passing: one SERIES record with all the images below it.
    pub DUPLICATE_SERIES_UID, "dicomdir/duplicate-series-uid", Error,
        "two SERIES records have the same Series Instance UID"
}

/// [`DUPLICATE_SERIES_UID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DUPLICATE_SERIES_UID;
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
            b"1.2.826.0.1.3680043.10.1234.9.3.2",
            b"1.2.826.0.1.3680043.10.1234.9.3.1",
            0,
        );
        let found = only(&bytes, "dicomdir/duplicate-series-uid");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].path.starts_with("(0004,1220)[7]/"), "{found:?}");
        assert!(
            found[0]
                .message
                .contains(text(format_args!("record at offset {}", offsets[2])).as_str())
        );
    }

    #[test]
    fn distinct_values_pass() {
        assert!(hits(&example()).is_empty());
    }
}
