//! `dicomdir/reference-group`: (0004,1500), (0004,1510), (0004,1511), (0004,1512) not
//! present together.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;
use lint_core::{ByteSpan, Tag};

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record has some but not all of Referenced File ID (0004,1500), Referenced SOP
    /// Class UID in File (0004,1510), Referenced SOP Instance UID in File (0004,1511) and
    /// Referenced Transfer Syntax UID in File (0004,1512).
    ///
    /// ## Why
    /// The four are Type 1C on one condition, "the record references a SOP Instance":
    /// either all are there or none. A reader that finds the file but not its SOP Class
    /// or transfer syntax cannot tell whether it can open it before reading it, and a
    /// SOP Instance UID without a File ID points nowhere.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: an IMAGE record with (0004,1500), (0004,1510) and (0004,1511) but no
    /// (0004,1512).
    /// Passing: all four.
    pub REFERENCE_GROUP, "dicomdir/reference-group", Error,
        "a record has only part of (0004,1500)/(0004,1510)/(0004,1511)/(0004,1512)"
}

/// [`REFERENCE_GROUP`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &REFERENCE_GROUP;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let group: [(Tag, Option<ByteSpan>); 4] = [
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
    ];
    let present = group.iter().filter(|(_, span)| span.is_some()).count();
    if present == 0 || present == group.len() {
        return;
    }
    // Reported at the first member present, naming the first one missing.
    let (Some(at), Some(missing)) = (
        group.iter().find_map(|(_, span)| *span),
        group
            .iter()
            .find(|(_, span)| span.is_none())
            .map(|(tag, _)| *tag),
    ) else {
        return;
    };
    out.report(
        &REFERENCE_GROUP,
        at,
        Some(missing),
        Some(index),
        format_args!(
            "the record has {present} of (0004,1500), (0004,1510), (0004,1511), (0004,1512) but not {missing}: all four or none"
        ),
    );
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn a_missing_transfer_syntax_fires() {
        let mut records = example_records();
        records[4]
            .omit
            .push(tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE);
        let found = only(&build(records), "dicomdir/reference-group");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "(0004,1220)[4]/(0004,1512)");
    }

    #[test]
    fn all_four_pass() {
        assert!(hits(&example()).is_empty());
    }
}
