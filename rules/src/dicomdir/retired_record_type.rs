//! `dicomdir/retired-record-type`: a retired Directory Record Type.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record's Directory Record Type (0004,1430) is one of the retired Enumerated
    /// Values: `PRINT QUEUE`, `FILM SESSION`, `FILM BOX`, `IMAGE BOX`, `OVERLAY`,
    /// `MODALITY LUT`, `VOI LUT`, `CURVE`, `TOPIC`, `VISIT`, `RESULTS`,
    /// `INTERPRETATION`, `STUDY COMPONENT`, `STORED PRINT`, `MRDR`, `HL7 STRUC DOC`.
    ///
    /// ## Why
    /// Old media may carry them and they are still understood, but a File-set Creator no
    /// longer writes them and current readers may skip them. A warning: the data is not
    /// wrong for its time. (`dicomdir/placement` accepts them where the retired
    /// hierarchy put them.)
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 and the notes of F.4.
    ///
    /// ## Example
    /// Failing: a `TOPIC` record in the root directory entity.
    /// Passing: a `PATIENT` record there.
    pub RETIRED_RECORD_TYPE, "dicomdir/retired-record-type", Warning,
        "a Directory Record Type is retired"
}

/// [`RETIRED_RECORD_TYPE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &RETIRED_RECORD_TYPE;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let Some(field) = record.directory_record_type() else {
        return;
    };
    if !field.record_type.is_retired() {
        return;
    }
    out.report(
        &RETIRED_RECORD_TYPE,
        field.span,
        Some(tags::DIRECTORY_RECORD_TYPE),
        Some(index),
        format_args!(
            "Directory Record Type `{}` is retired: readers may skip the record",
            field.record_type.defined_term().unwrap_or("")
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, hits, only, replace};

    #[test]
    fn a_curve_under_a_series_fires() {
        let mut bytes = example();
        // `IMAGE ` and `CURVE ` are both 6 bytes padded; CURVE is a retired SERIES child.
        replace(&mut bytes, b"IMAGE ", b"CURVE ", 0);
        let found = only(&bytes, "dicomdir/retired-record-type");
        assert!(found[0].message.contains("`CURVE`"));
    }

    #[test]
    fn current_types_pass() {
        assert!(hits(&example()).is_empty());
    }
}
