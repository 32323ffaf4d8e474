//! `dicomdir/shared-record`: a record reached from two places.

use lint_core::dicomdir::WalkIssue;

use super::{Directory, Reporter, offset_of};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A (0004,1400) or (0004,1420) that leads to a record already reached from another
    /// chain or another parent (and not back onto the current path, which is a
    /// `dicomdir/cycle`): two series sharing images, two patients sharing a study.
    ///
    /// ## Why
    /// Every record belongs to exactly one entity and an entity is referenced by at most
    /// one record. A shared record shows the same images under two patients, and a
    /// writer updating one of them corrupts the other.
    ///
    /// ## Standard
    /// PS3.3 F.2.1.
    ///
    /// ## Example
    /// Failing: the second patient's last IMAGE record's (0004,1400) points at the first
    /// patient's first IMAGE record.
    /// Passing: it is 0.
    pub SHARED_RECORD, "dicomdir/shared-record", Error,
        "a directory record is reached from two places"
}

/// [`SHARED_RECORD`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &SHARED_RECORD;
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    if let WalkIssue::SharedChild {
        field,
        record,
        target,
        at,
    } = *issue
    {
        out.report(
            &SHARED_RECORD,
            at,
            Some(field.tag()),
            Some(record),
            format_args!(
                "{} of the record at offset {} leads to the record at offset {}, already reached from elsewhere (not followed)",
                field.tag(),
                offset_of(dir, record),
                offset_of(dir, target)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, record_offsets, set_ul};

    #[test]
    fn two_chains_joining_fire() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            9,
            offsets[3],
        );
        let found = only(&bytes, "dicomdir/shared-record");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_tree_passes() {
        assert!(hits(&example()).is_empty());
    }
}
