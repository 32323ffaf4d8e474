//! `dicomdir/root-last`: (0004,1202) does not name the record that ends the root chain.

use lint_core::dicomdir::WalkIssue;
use lint_core::tag::tags;

use super::{Directory, Reporter, offset_of};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Following (0004,1400) from the record at (0004,1200) ends (next offset 0) at a
    /// record other than the one (0004,1202) names.
    ///
    /// ## Why
    /// Writers that append a patient use (0004,1202) to find the end of the root chain;
    /// when it is stale they link the new record to the wrong place and records get lost.
    /// Readers that walk backwards from it see a different directory.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: (0004,1202) names the first of two PATIENT records.
    /// Passing: it names the second, whose (0004,1400) is 0.
    pub ROOT_LAST, "dicomdir/root-last", Error,
        "(0004,1202) does not name the last record of the root chain"
}

/// [`ROOT_LAST`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ROOT_LAST;
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    if let WalkIssue::LastRecordMismatch { last, actual, at } = *issue {
        let tag = Some(tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY);
        match actual {
            Some(record) => out.report(
                &ROOT_LAST,
                at,
                tag,
                None,
                format_args!(
                    "(0004,1202) = {last}, but the root chain ends at the record at offset {}",
                    offset_of(dir, record)
                ),
            ),
            None => out.report(
                &ROOT_LAST,
                at,
                tag,
                None,
                format_args!("(0004,1202) = {last}, but the root chain is empty"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, record_offsets, set_ul, text};

    #[test]
    fn the_first_patient_as_last_fires() {
        let mut bytes = example();
        let offsets = record_offsets(&bytes);
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            0,
            offsets[0],
        );
        let found = only(&bytes, "dicomdir/root-last");
        assert!(
            found[0].message.contains(
                text(format_args!("ends at the record at offset {}", offsets[5])).as_str()
            )
        );
    }

    #[test]
    fn the_last_patient_passes() {
        assert!(hits(&example()).is_empty());
    }
}
