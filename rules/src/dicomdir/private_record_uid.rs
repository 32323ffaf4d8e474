//! `dicomdir/private-record-uid`: a PRIVATE record without Private Record UID (0004,1432).

use lint_core::dicomdir::{RecordSlot, RecordType};
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record of type `PRIVATE` has no Private Record UID (0004,1432), or an empty one.
    ///
    /// ## Why
    /// The UID is the only thing that says whose private record it is and how to read
    /// its keys; without it no reader can tell one vendor's `PRIVATE` record from
    /// another's. It is Type 1C, required for `PRIVATE` records.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3, F.6.1.
    ///
    /// ## Example
    /// Failing: a `PRIVATE` record with keys but no (0004,1432).
    /// Passing: the same with (0004,1432) `1.2.826.0.1.3680043.10.1234.77`.
    pub PRIVATE_RECORD_UID, "dicomdir/private-record-uid", Error,
        "a PRIVATE record has no Private Record UID"
}

/// [`PRIVATE_RECORD_UID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &PRIVATE_RECORD_UID;
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    if record.record_type() != RecordType::Private {
        return;
    }
    let tag = Some(tags::PRIVATE_RECORD_UID);
    match record.private_record_uid() {
        None => out.report(
            &PRIVATE_RECORD_UID,
            record
                .directory_record_type()
                .map_or(record.header(), |t| t.span),
            tag,
            Some(index),
            format_args!(
                "the PRIVATE record at offset {} has no Private Record UID (0004,1432)",
                record.offset()
            ),
        ),
        Some(span) if super::trim(dir.value(span)).is_empty() => out.report(
            &PRIVATE_RECORD_UID,
            span,
            tag,
            Some(index),
            format_args!("Private Record UID (0004,1432) is empty"),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::DataSet;
    use dcmlint_corpus::dicomdir::Record;
    use lint_core::Vr;
    use lint_core::tag::tags;

    use super::super::tests::{build, example_records, hits, only};

    fn with_private(uid: Option<&str>) -> impl core::ops::Deref<Target = [u8]> {
        let mut records = example_records();
        let keys = uid.map_or_else(DataSet::new, |uid| {
            DataSet::new().el(tags::PRIVATE_RECORD_UID, Vr::UI, uid)
        });
        // Below the first SERIES (record 2): PRIVATE is allowed under every level.
        records.extend([Record::new("PRIVATE", keys, Some(2))]);
        build(records)
    }

    #[test]
    fn without_uid_fires() {
        let found = only(&with_private(None), "dicomdir/private-record-uid");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn with_uid_passes() {
        let bytes = with_private(Some("1.2.826.0.1.3680043.10.1234.77"));
        assert!(hits(&bytes).is_empty(), "{:?}", hits(&bytes));
    }
}
