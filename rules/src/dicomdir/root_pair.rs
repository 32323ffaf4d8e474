//! `dicomdir/root-pair`: (0004,1200) and (0004,1202) disagree on whether the root
//! directory entity is empty.

use lint_core::dicomdir::WalkIssue;
use lint_core::tag::tags;

use super::Reporter;
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// One of (0004,1200) Offset of the First Directory Record of the Root Directory
    /// Entity and (0004,1202) Offset of the Last … is 0 and the other is not.
    ///
    /// ## Why
    /// 0 in both says the root entity is empty; a record in one says it is not. A reader
    /// that starts from (0004,1200) and one that checks (0004,1202) see different
    /// directories; usually a writer forgot to update one of the two.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: (0004,1200) = 386, (0004,1202) = 0.
    /// Passing: (0004,1200) = 386, (0004,1202) = the offset of the last PATIENT record.
    pub ROOT_PAIR, "dicomdir/root-pair", Error,
        "(0004,1200) and (0004,1202) disagree on whether the root entity is empty"
}

/// [`ROOT_PAIR`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ROOT_PAIR;
}

pub(super) fn report(out: &mut Reporter<'_>, issue: &WalkIssue) {
    if let WalkIssue::RootPair { first, last, at } = *issue {
        let tag = if first == 0 {
            tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY
        } else {
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY
        };
        out.report(
            &ROOT_PAIR,
            at,
            Some(tag),
            None,
            format_args!(
                "(0004,1200) = {first} and (0004,1202) = {last}: both are 0 for an empty root entity, or neither"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, set_ul};

    #[test]
    fn a_zero_last_fires() {
        let mut bytes = example();
        set_ul(
            &mut bytes,
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            0,
            0,
        );
        let found = only(&bytes, "dicomdir/root-pair");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn both_set_pass() {
        assert!(hits(&example()).is_empty());
    }
}
