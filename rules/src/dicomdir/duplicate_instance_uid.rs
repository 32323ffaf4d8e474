//! `dicomdir/duplicate-instance-uid`: two instance records with the same Referenced SOP Instance UID in File (0004,1511).

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Two records that reference an instance (IMAGE, SR DOCUMENT, …) with the same
    /// Referenced SOP Instance UID in File (0004,1511).
    ///
    /// ## Why
    /// Each SOP Instance is one file and each file is referenced by one record; two
    /// records for one instance mean either two files with the same SOP Instance UID (a
    /// copy, which archives reject as a conflict) or one file listed twice.
    ///
    /// ## Standard
    /// PS3.3 F.2.1, Table F.3-3.
    ///
    /// ## Example
    /// Failing: two IMAGE records with (0004,1511) `1.2.3.4.5.6`.
    /// Passing: one record per instance.
    pub DUPLICATE_INSTANCE_UID, "dicomdir/duplicate-instance-uid", Error,
        "two records reference the same SOP Instance UID"
}

/// [`DUPLICATE_INSTANCE_UID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DUPLICATE_INSTANCE_UID;
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
            b"1.2.826.0.1.3680043.10.1234.9.4.2.2",
            b"1.2.826.0.1.3680043.10.1234.9.4.2.1",
            0,
        );
        let found = only(&bytes, "dicomdir/duplicate-instance-uid");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].path.starts_with("(0004,1220)[9]/"), "{found:?}");
        assert!(
            found[0]
                .message
                .contains(text(format_args!("record at offset {}", offsets[8])).as_str())
        );
    }

    #[test]
    fn distinct_values_pass() {
        assert!(hits(&example()).is_empty());
    }
}
