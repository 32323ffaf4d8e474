//! `dicomdir/in-use-reserved`: Record In-use Flag (0004,1410) neither FFFFH nor 0000H.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A directory record's Record In-use Flag (0004,1410) is neither FFFFH (the only
    /// Enumerated Value) nor 0000H (`dicomdir/in-use-flag`), or is not a 2-byte US.
    ///
    /// ## Why
    /// Other values are reserved and readers are told to treat them as FFFFH, so the
    /// record is read; but a writer that puts, say, 0001H there probably meant something
    /// the standard does not say. A warning, since nothing is lost.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: (0004,1410) `01 00`.
    /// Passing: (0004,1410) `FF FF`.
    pub IN_USE_RESERVED, "dicomdir/in-use-reserved", Warning,
        "a record's In-use Flag has a reserved value"
}

/// [`IN_USE_RESERVED`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &IN_USE_RESERVED;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let Some(flag) = record.record_in_use_flag() else {
        return;
    };
    let tag = Some(tags::RECORD_IN_USE_FLAG);
    match flag.value {
        Some(0 | 0xFFFF) => {}
        Some(value) => out.report(
            &IN_USE_RESERVED,
            flag.span,
            tag,
            Some(index),
            format_args!(
                "(0004,1410) is {value:04X}H, a reserved value (read as FFFFH); write FFFFH"
            ),
        ),
        // An empty flag is `dicomdir/missing-attribute`'s.
        None if flag.span.is_empty() => {}
        None => out.report(
            &IN_USE_RESERVED,
            flag.span,
            tag,
            Some(index),
            format_args!(
                "(0004,1410) has {} bytes; it is one US (2 bytes), FFFFH",
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
    fn one_fires() {
        let mut bytes = example();
        set_us(&mut bytes, tags::RECORD_IN_USE_FLAG, 2, 1);
        let found = only(&bytes, "dicomdir/in-use-reserved");
        assert!(found[0].message.contains("0001H"));
    }

    #[test]
    fn ffff_passes() {
        assert!(hits(&example()).is_empty());
    }
}
