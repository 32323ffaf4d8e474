//! `dicomdir/unknown-record-type`: a Directory Record Type (0004,1430) that is no
//! Enumerated Value.

use lint_core::dicomdir::{RecordSlot, RecordType};
use lint_core::tag::tags;

use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record's Directory Record Type (0004,1430) is none of the Enumerated Values of
    /// PS3.3 Table F.3-3 (current or retired): lower case, misspelt, vendor-made, empty.
    /// Surrounding spaces are padding and do not count.
    ///
    /// ## Why
    /// Readers place and show records by their type; an unknown one is skipped with
    /// everything below it, so its images vanish from the disc's index. Vendor records
    /// must be `PRIVATE` with a Private Record UID.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3, F.4.
    ///
    /// ## Example
    /// Failing: (0004,1430) `image`; `PATIENTS`.
    /// Passing: (0004,1430) `IMAGE`.
    pub UNKNOWN_RECORD_TYPE, "dicomdir/unknown-record-type", Error,
        "a Directory Record Type is not an Enumerated Value"
}

/// [`UNKNOWN_RECORD_TYPE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UNKNOWN_RECORD_TYPE;
}

/// An absent or empty type is `dicomdir/missing-attribute`'s finding.
pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let Some(field) = record.directory_record_type() else {
        return;
    };
    if field.record_type != RecordType::Unknown || field.span.is_empty() {
        return;
    }
    let value = super::trim(dir.value(field.span));
    out.report(
        &UNKNOWN_RECORD_TYPE,
        field.span,
        Some(tags::DIRECTORY_RECORD_TYPE),
        Some(index),
        format_args!(
            "Directory Record Type `{}` is not an Enumerated Value (a vendor record is `PRIVATE`)",
            Shown(value)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, hits, only, replace};

    #[test]
    fn lower_case_fires() {
        let mut bytes = example();
        replace(&mut bytes, b"SERIES", b"series", 1);
        let found = only(&bytes, "dicomdir/unknown-record-type");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`series`"));
    }

    #[test]
    fn enumerated_values_pass() {
        assert!(hits(&example()).is_empty());
    }
}
