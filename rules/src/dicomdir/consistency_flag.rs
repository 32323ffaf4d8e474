//! `dicomdir/consistency-flag`: File-set Consistency Flag (0004,1212) other than 0000H.

use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// File-set Consistency Flag (0004,1212) is not 0000H, or not a 2-byte US.
    ///
    /// ## Why
    /// 0000H is the only Enumerated Value. FFFFH once meant "the File-set is being
    /// updated, do not trust it"; the meaning is retired and the value "shall never be
    /// present", so a DICOMDIR carrying it was left half-written or was made by an old
    /// writer — either way readers may refuse it.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: (0004,1212) `FF FF`.
    /// Passing: (0004,1212) `00 00`.
    pub CONSISTENCY_FLAG, "dicomdir/consistency-flag", Error,
        "the File-set Consistency Flag is not 0000H"
}

/// [`CONSISTENCY_FLAG`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &CONSISTENCY_FLAG;
}

/// An absent or empty flag is `dicomdir/missing-attribute`'s finding.
pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>) {
    let Some(flag) = dir.index.info().consistency_flag else {
        return;
    };
    let tag = Some(tags::FILE_SET_CONSISTENCY_FLAG);
    match flag.value {
        Some(0) => {}
        Some(0xFFFF) => out.report(
            &CONSISTENCY_FLAG,
            flag.span,
            tag,
            None,
            format_args!(
                "(0004,1212) is FFFFH, which shall never be present (its \"inconsistent\" meaning is retired); write 0000H"
            ),
        ),
        Some(value) => out.report(
            &CONSISTENCY_FLAG,
            flag.span,
            tag,
            None,
            format_args!("(0004,1212) is {value:04X}H; its only value is 0000H"),
        ),
        None if flag.span.is_empty() => {}
        None => out.report(
            &CONSISTENCY_FLAG,
            flag.span,
            tag,
            None,
            format_args!(
                "(0004,1212) has {} bytes; it is one US (2 bytes) of value 0000H",
                flag.span.len()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only, set_us};

    #[test]
    fn ffff_fires() {
        let mut bytes = example();
        set_us(&mut bytes, tags::FILE_SET_CONSISTENCY_FLAG, 0, 0xFFFF);
        let found = only(&bytes, "dicomdir/consistency-flag");
        assert!(found[0].message.contains("FFFFH"));
        assert_eq!(found[0].span.len(), 2);
    }

    #[test]
    fn zero_passes() {
        assert!(hits(&example()).is_empty());
    }
}
