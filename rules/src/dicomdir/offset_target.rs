//! `dicomdir/offset-target`: an offset that does not land on the item tag of a directory
//! record.

use lint_core::dicomdir::WalkIssue;

use super::{Directory, Reporter, offset_of};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A non-zero (0004,1200), (0004,1202), (0004,1400), (0004,1420) or (0004,1504)
    /// that is not the offset of the Item tag (`FE FF 00 E0`) of a direct item of the
    /// Directory Record Sequence (0004,1220): it points into the middle of an item,
    /// between items, outside the sequence, or past the end of the file. Also an offset
    /// whose value is not a 4-byte UL.
    ///
    /// ## Why
    /// Readers seek to the offset and parse a record there. Offsets count from the first
    /// byte of the file, preamble included; the usual cause is a rewrite that changed
    /// lengths (a key edited, the preamble dropped, lengths made undefined) without
    /// recomputing them, after which every record behind the change is lost or misread.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 (and its notes on offsets).
    ///
    /// ## Example
    /// Failing: (0004,1400) = 1234 where the next record's item tag is at 1226.
    /// Passing: (0004,1400) = 1226.
    pub OFFSET_TARGET, "dicomdir/offset-target", Error,
        "an offset does not point at a directory record"
}

/// [`OFFSET_TARGET`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &OFFSET_TARGET;
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    match *issue {
        WalkIssue::UnreadableOffset { field, record, at } => out.report(
            &OFFSET_TARGET,
            at,
            Some(field.tag()),
            record,
            format_args!(
                "{} has {} bytes, not one 4-byte UL: read as 0, so the chain ends here",
                field.tag(),
                at.len()
            ),
        ),
        WalkIssue::OffsetNotOnItem {
            field,
            record,
            offset,
            inside,
            at,
        } => match inside {
            Some(inside) => out.report(
                &OFFSET_TARGET,
                at,
                Some(field.tag()),
                record,
                format_args!(
                    "{} = {offset} points into the middle of the record at offset {} ({} bytes in), not at an item tag",
                    field.tag(),
                    offset_of(dir, inside),
                    u64::from(offset).saturating_sub(offset_of(dir, inside))
                ),
            ),
            None => out.report(
                &OFFSET_TARGET,
                at,
                Some(field.tag()),
                record,
                format_args!(
                    "{} = {offset} is not the offset of a directory record's item tag",
                    field.tag()
                ),
            ),
        },
        WalkIssue::OffsetPastEnd {
            field,
            record,
            offset,
            at,
        } => out.report(
            &OFFSET_TARGET,
            at,
            Some(field.tag()),
            record,
            format_args!(
                "{} = {offset} points past the end of the file ({} bytes)",
                field.tag(),
                dir.index.end()
            ),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, record_offsets, set_ul};

    #[test]
    fn into_an_item_and_past_the_end_fire() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            9,
            offsets[9] + 8,
        );
        let found = only(&bytes, "dicomdir/offset-target");
        assert!(found[0].message.contains("middle"), "{found:?}");
        assert_eq!(found[0].path, "(0004,1220)[9]/(0004,1400)");
        assert_eq!(found[0].span.len(), 4);

        let mut bytes = example();
        let end = bytes.len() as u32;
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            9,
            end + 100,
        );
        let found = only(&bytes, "dicomdir/offset-target");
        assert!(found[0].message.contains("past the end"), "{found:?}");
    }

    #[test]
    fn offsets_on_item_tags_pass() {
        assert!(hits(&example()).is_empty());
    }
}
