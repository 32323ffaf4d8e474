//! `dicomdir/duplicate-patient-id`: two `PATIENT` records with the same Patient ID (0010,0020).

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Two `PATIENT` records with the same Patient ID (0010,0020) (padding ignored).
    ///
    /// ## Why
    /// Patient ID is the key of the patient level and unique within a File-set: a viewer
    /// merges or hides one of the two patients, and a writer adding images picks either.
    /// Usually one patient's studies were exported in two sessions and the second added a
    /// new PATIENT record instead of using the existing one.
    ///
    /// ## Standard
    /// PS3.3 F.5.1; PS3.11 D.3.3.
    ///
    /// ## Example
    /// Failing: two PATIENT records with Patient ID `PID1`.
    /// Passing: one PATIENT record with both studies below it.
    pub DUPLICATE_PATIENT_ID, "dicomdir/duplicate-patient-id", Error,
        "two PATIENT records have the same Patient ID"
}

/// [`DUPLICATE_PATIENT_ID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DUPLICATE_PATIENT_ID;
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, hits, only, record_offsets, replace, text};

    #[test]
    fn a_repeated_value_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        replace(&mut bytes, b"PID2", b"PID1", 0);
        let found = only(&bytes, "dicomdir/duplicate-patient-id");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].path.starts_with("(0004,1220)[5]/"), "{found:?}");
        assert!(
            found[0]
                .message
                .contains(text(format_args!("record at offset {}", offsets[0])).as_str())
        );
    }

    #[test]
    fn distinct_values_pass() {
        assert!(hits(&example()).is_empty());
    }
}
