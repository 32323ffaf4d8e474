//! `dicomdir/in-use-flag`: Record In-use Flag (0004,1410) 0000H.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A directory record's Record In-use Flag (0004,1410) is 0000H.
    ///
    /// ## Why
    /// 0000H once marked an inactive (deleted) record that readers were to skip; the
    /// meaning is retired and the value "shall never be present". Current readers do not
    /// skip such records, so a record the writer meant as deleted shows up as live, with
    /// a file that may be gone. Legacy media from before the retirement may carry them.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: (0004,1410) `00 00`.
    /// Passing: (0004,1410) `FF FF`.
    pub IN_USE_FLAG, "dicomdir/in-use-flag", Error,
        "a record's In-use Flag is 0000H (inactive, retired)"
}

/// [`IN_USE_FLAG`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &IN_USE_FLAG;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let Some(flag) = record.record_in_use_flag() else {
        return;
    };
    if flag.value == Some(0) {
        out.report(
            &IN_USE_FLAG,
            flag.span,
            Some(tags::RECORD_IN_USE_FLAG),
            Some(index),
            format_args!(
                "(0004,1410) is 0000H, which shall never be present (the \"inactive record\" meaning is retired); write FFFFH or remove the record"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, set_us};

    #[test]
    fn zero_fires() {
        let mut bytes = example();
        set_us(&mut bytes, tags::RECORD_IN_USE_FLAG, 1, 0);
        let found = only(&bytes, "dicomdir/in-use-flag");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "(0004,1220)[1]/(0004,1410)");
    }

    #[test]
    fn ffff_passes() {
        assert!(hits(&example()).is_empty());
    }
}
