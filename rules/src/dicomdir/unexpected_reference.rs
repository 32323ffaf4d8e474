//! `dicomdir/unexpected-reference`: a PATIENT, STUDY or SERIES record that references a
//! file.

use lint_core::dicomdir::{RecordSlot, RecordType};
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A `PATIENT`, `STUDY` or `SERIES` record has Referenced File ID (0004,1500) or
    /// another element of its group ((0004,1510), (0004,1511), (0004,1512)).
    ///
    /// ## Why
    /// The group is present "only if the Directory Record references a SOP Instance";
    /// the entity levels reference none. A reader that follows the reference opens an
    /// instance as if it were the patient, and the instance is then referenced twice
    /// (once more by its own record), which a File-set may not do.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3, F.2.1, F.5.1–F.5.3.
    ///
    /// ## Example
    /// Failing: a `SERIES` record with (0004,1500) `DICOM\P1\IM1`.
    /// Passing: the reference on the `IMAGE` record below it.
    pub UNEXPECTED_REFERENCE, "dicomdir/unexpected-reference", Error,
        "a PATIENT, STUDY or SERIES record references a file"
}

/// [`UNEXPECTED_REFERENCE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UNEXPECTED_REFERENCE;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let kind = record.record_type();
    if !matches!(
        kind,
        RecordType::Patient | RecordType::Study | RecordType::Series
    ) {
        return;
    }
    let found = [
        (tags::REFERENCED_FILE_ID, record.referenced_file_id()),
        (
            tags::REFERENCED_SOP_CLASS_UID_IN_FILE,
            record.referenced_sop_class_uid(),
        ),
        (
            tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE,
            record.referenced_sop_instance_uid(),
        ),
        (
            tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE,
            record.referenced_transfer_syntax_uid(),
        ),
    ]
    .into_iter()
    .find_map(|(tag, span)| span.map(|span| (tag, span)));
    if let Some((tag, span)) = found {
        out.report(
            &UNEXPECTED_REFERENCE,
            span,
            Some(tag),
            Some(index),
            format_args!(
                "{} {} record references no SOP Instance, but has {tag}",
                super::article(kind.defined_term().unwrap_or("")),
                kind.defined_term().unwrap_or("")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::dicomdir::Image;

    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn a_series_with_a_file_fires() {
        let mut records = example_records();
        records[2].image = Some(Image::ct(
            dcmlint_corpus::dicomdir::file_id(&["DICOM", "SERIES1"]),
            "1.2.826.0.1.3680043.10.1234.9.6".into(),
            1,
        ));
        let found = only(&build(records), "dicomdir/unexpected-reference");
        assert_eq!(found[0].path, "(0004,1220)[2]/(0004,1500)");
    }

    #[test]
    fn entity_records_without_files_pass() {
        assert!(hits(&example()).is_empty());
    }
}
