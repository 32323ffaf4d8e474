//! `dicomdir/orphan`: a directory record that no offset reaches.

use lint_core::dicomdir::WalkIssue;
use lint_core::tag::tags;

use super::{Directory, Reporter, offset_of};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// An item of the Directory Record Sequence (0004,1220) that is on no chain: neither
    /// (0004,1200) nor any record's (0004,1400) or (0004,1420) leads to it. Orphans come
    /// in groups (a lost PATIENT record takes its studies, series and images with it): one
    /// finding names the group's head, the orphan no other orphan leads to, and counts
    /// the records its own offsets reach; a group that loops on itself is reported at its
    /// first record.
    ///
    /// ## Why
    /// Readers find records by their offsets, never by item order, so an orphan and the
    /// files it references are invisible: the images are on the disc but not in the
    /// viewer. Usually a writer removed a record from its chain without removing it, or
    /// its parent's offset went stale.
    ///
    /// ## Standard
    /// PS3.3 F.2.1 ("every record belongs to a single entity").
    ///
    /// ## Example
    /// Failing: a SERIES record whose (0004,1420) skips its first IMAGE record.
    /// Passing: it points at the first IMAGE record, whose (0004,1400) leads on.
    pub ORPHAN, "dicomdir/orphan", Error,
        "a directory record is reached by no offset"
}

/// [`ORPHAN`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ORPHAN;
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    if let WalkIssue::Unreachable { record, below, at } = *issue {
        let kind = dir
            .record(record)
            .and_then(|r| r.record_type().defined_term())
            .unwrap_or("directory");
        let offset = offset_of(dir, record);
        if below == 0 {
            out.report(
                &ORPHAN,
                at,
                Some(tags::ITEM),
                Some(record),
                format_args!(
                    "the {kind} record at offset {offset} is reached by no offset: readers never see it"
                ),
            );
        } else {
            let records = if below == 1 { "record" } else { "records" };
            out.report(
                &ORPHAN,
                at,
                Some(tags::ITEM),
                Some(record),
                format_args!(
                    "the {kind} record at offset {offset} is reached by no offset, nor are the {below} {records} its offsets lead to: readers never see them"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, record_offsets, set_ul};

    #[test]
    fn a_skipped_image_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            2,
            offsets[4],
        );
        let found = only(&bytes, "dicomdir/orphan");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, u64::from(offsets[3]));
        assert!(found[0].message.contains("IMAGE"));
    }

    #[test]
    fn a_tree_passes() {
        assert!(hits(&example()).is_empty());
    }
}
