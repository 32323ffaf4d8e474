//! `dicomdir/placement`: a record type not allowed where it sits in the tree.

use lint_core::dicomdir::{Parent, Placement, placement};
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record whose type PS3.3 Table F.4-1 does not allow in its parent's lower-level
    /// entity (or in the root entity): a `STUDY` in the root, a `SERIES` directly below
    /// a `PATIENT`, an `IMAGE` below an `IMAGE`. The parent is the record whose
    /// (0004,1420) chain holds it, as the offsets say, not as the items are ordered.
    /// Pairs of the retired hierarchy (a `FILM SESSION` below a `STUDY`…) are accepted,
    /// as are `SURFACE SCAN` and `WF PRESENTATION` below a `SERIES` and anything below a
    /// `PRIVATE` record; unknown types are `dicomdir/unknown-record-type`'s.
    ///
    /// ## Why
    /// Viewers build their patient/study/series lists from the levels; a record at the
    /// wrong level is shown in the wrong place or not at all.
    ///
    /// ## Standard
    /// PS3.3 F.4, Table F.4-1.
    ///
    /// ## Example
    /// Failing: a `STUDY` record in the root directory entity.
    /// Passing: the `STUDY` record below its `PATIENT`.
    pub PLACEMENT, "dicomdir/placement", Error,
        "a record type is not allowed at its place in the directory tree"
}

/// [`PLACEMENT`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &PLACEMENT;
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, parent: Option<u32>) {
    let Some(record) = dir.record(index) else {
        return;
    };
    let up = match parent {
        None => Parent::Root,
        Some(p) => match dir.record(p) {
            Some(p) => Parent::Record(p.record_type()),
            None => return,
        },
    };
    let child = record.record_type();
    if placement(up, child) != Placement::NotAllowed {
        return;
    }
    let span = record
        .directory_record_type()
        .map_or(record.header(), |t| t.span);
    let term = child.defined_term().unwrap_or("");
    match up {
        Parent::Root => out.report(
            &PLACEMENT,
            span,
            Some(tags::DIRECTORY_RECORD_TYPE),
            Some(index),
            format_args!(
                "{} {term} record is not allowed in the root directory entity",
                super::article(term)
            ),
        ),
        Parent::Record(kind) => out.report(
            &PLACEMENT,
            span,
            Some(tags::DIRECTORY_RECORD_TYPE),
            Some(index),
            format_args!(
                "{} {term} record is not allowed below {} {} record",
                super::article(term),
                super::article(kind.defined_term().unwrap_or("")),
                kind.defined_term().unwrap_or("")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::DataSet;
    use dcmlint_corpus::dicomdir::{Image, Record};
    use lint_core::Vr;
    use lint_core::tag::tags;

    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn a_study_in_the_root_fires() {
        let mut records = example_records();
        let root = records.len();
        records.extend([Record::new(
            "STUDY",
            DataSet::new()
                .el(tags::STUDY_DATE, Vr::DA, "20240131")
                .el(tags::STUDY_TIME, Vr::TM, "093000")
                .el(tags::ACCESSION_NUMBER, Vr::SH, "")
                .el(tags::STUDY_DESCRIPTION, Vr::LO, "")
                .el(tags::STUDY_INSTANCE_UID, Vr::UI, "1.2.3.77")
                .el(tags::STUDY_ID, Vr::SH, "9"),
            None,
        )]);
        records.extend([Record::new(
            "SERIES",
            DataSet::new()
                .el(tags::MODALITY, Vr::CS, "CT")
                .el(tags::SERIES_INSTANCE_UID, Vr::UI, "1.2.3.78")
                .el(tags::SERIES_NUMBER, Vr::IS, "1"),
            Some(root),
        )]);
        let mut image = Record::new(
            "IMAGE",
            DataSet::new().el(tags::INSTANCE_NUMBER, Vr::IS, "1"),
            Some(root + 1),
        );
        image.image = Some(Image::ct(
            dcmlint_corpus::dicomdir::file_id(&["DICOM", "X"]),
            "1.2.3.79".into(),
            1,
        ));
        records.extend([image]);
        let found = only(&build(records), "dicomdir/placement");
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("a STUDY record is not allowed in the root")
        );
    }

    #[test]
    fn the_standard_hierarchy_passes() {
        assert!(hits(&example()).is_empty());
    }
}
