//! `dicomdir/cycle`: offsets that lead back to a record already on the way.

use lint_core::dicomdir::WalkIssue;

use super::{Directory, Reporter, offset_of};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A (0004,1400) or (0004,1420) that leads back to a record on the current path:
    /// an earlier sibling in the same chain, the record itself, or one of its parents.
    ///
    /// ## Why
    /// The directory is a strict tree. A reader that follows the offsets without
    /// remembering where it has been loops forever (a hung import station); one that
    /// does remember shows a truncated directory. dcmlint stops at the loop and reports
    /// it once, in time linear in the records.
    ///
    /// ## Standard
    /// PS3.3 F.2.1 (the strict hierarchy), Table F.3-3.
    ///
    /// ## Example
    /// Failing: the last IMAGE record's (0004,1400) points at the first IMAGE record of
    /// its series.
    /// Passing: the last record of a chain has (0004,1400) = 0.
    pub CYCLE, "dicomdir/cycle", Error,
        "directory record offsets form a cycle"
}

/// [`CYCLE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &CYCLE;
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    if let WalkIssue::Cycle {
        field,
        record,
        target,
        at,
    } = *issue
    {
        out.report(
            &CYCLE,
            at,
            Some(field.tag()),
            Some(record),
            format_args!(
                "{} of the record at offset {} leads back to the record at offset {}: a cycle (not followed)",
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
    fn a_chain_back_to_its_start_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            4,
            offsets[3],
        );
        let found = only(&bytes, "dicomdir/cycle");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "(0004,1220)[4]/(0004,1400)");
    }

    #[test]
    fn a_child_pointing_at_its_parent_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            3,
            offsets[0],
        );
        only(&bytes, "dicomdir/cycle");
    }

    #[test]
    fn a_tree_passes() {
        assert!(hits(&example()).is_empty());
    }
}
