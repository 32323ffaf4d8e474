//! `dicomdir/empty-entity`: a PATIENT, STUDY or SERIES record with nothing below it.

use lint_core::dicomdir::{RecordSlot, RecordType};
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A `PATIENT` record with no lower-level entity (no STUDY), a `STUDY` with no SERIES
    /// or a `SERIES` with no instance: its (0004,1420) is 0.
    ///
    /// ## Why
    /// The IOD does not forbid it, but the media profiles put the patient, study and
    /// series levels there to index instances; an empty level is left over from deleted
    /// files or a writer that failed midway, and viewers show a patient with nothing to
    /// open. A warning.
    ///
    /// ## Standard
    /// PS3.11 D.3.3 (STD-GEN); PS3.3 F.4.
    ///
    /// ## Example
    /// Failing: a `PATIENT` record whose (0004,1420) is 0.
    /// Passing: the `PATIENT` record pointing at its first `STUDY`.
    pub EMPTY_ENTITY, "dicomdir/empty-entity", Warning,
        "a PATIENT, STUDY or SERIES record has no lower-level records"
}

/// [`EMPTY_ENTITY`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &EMPTY_ENTITY;
}

/// An absent (0004,1420) is `dicomdir/missing-attribute`'s.
pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let below = match record.record_type() {
        RecordType::Patient => "STUDY",
        RecordType::Study => "SERIES",
        RecordType::Series => "instance",
        _ => return,
    };
    let Some(lower) = record.lower_offset() else {
        return;
    };
    if lower.value == Some(0) {
        out.report(
            &EMPTY_ENTITY,
            lower.span,
            Some(tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY),
            Some(index),
            format_args!(
                "the {} record at offset {} has no {below} record below it",
                record.record_type().defined_term().unwrap_or(""),
                record.offset()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::DataSet;
    use dcmlint_corpus::dicomdir::Record;
    use lint_core::Vr;
    use lint_core::tag::tags;

    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn a_patient_without_studies_fires() {
        let mut records = example_records();
        records.extend([Record::new(
            "PATIENT",
            DataSet::new()
                .el(tags::PATIENT_NAME, Vr::PN, "Doe^Empty")
                .el(tags::PATIENT_ID, Vr::LO, "PID3"),
            None,
        )]);
        let found = only(&build(records), "dicomdir/empty-entity");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("no STUDY"));
    }

    #[test]
    fn full_entities_pass() {
        assert!(hits(&example()).is_empty());
    }
}
