//! `meta/group-length`: (0002,0000) missing or not the length of the group.

use lint_core::parser::Event;
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// File Meta Information Group Length (0002,0000) is present, is a 4-byte UL, and
    /// equals the number of bytes of the group elements after it (up to the first element
    /// of another group).
    ///
    /// ## Why
    /// Many readers skip the File Meta group by this length rather than by looking at the
    /// tags: a wrong value makes them start the data set in the middle of an element.
    /// dcmlint finds the end of the group by its tags and reports the difference.
    ///
    /// ## Standard
    /// PS3.10 §7.1, Table 7.1-1 ((0002,0000) Type 1).
    ///
    /// ## Example
    /// Failing: `(0002,0000) UL 190` when the group's other elements take 196 bytes.
    /// Passing: `(0002,0000) UL 196`.
    pub GROUP_LENGTH, "meta/group-length", Error, "File Meta Information Group Length is missing or wrong"
}

/// The check of [`GROUP_LENGTH`].
#[derive(Debug, Default)]
pub struct GroupLength;

impl Rule for GroupLength {
    const META: &'static RuleMeta = &GROUP_LENGTH;
    const EVENTS: u8 = events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Event::FileMetaEnd(end) = event else {
            return;
        };
        let tag = Some(tags::FILE_META_INFORMATION_GROUP_LENGTH);
        match end.group_length {
            None => cx.report(
                &GROUP_LENGTH,
                Some(end.span),
                tag,
                format_args!(
                    "(0002,0000) File Meta Information Group Length is missing or not 4 bytes; the group takes {} bytes",
                    end.counted.len()
                ),
            ),
            Some((declared, span)) if u64::from(declared) != end.counted.len() => cx.report(
                &GROUP_LENGTH,
                Some(span),
                tag,
                format_args!(
                    "(0002,0000) says {declared} bytes but the group elements after it take {} bytes (they end at offset {})",
                    end.counted.len(),
                    end.counted.end
                ),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/group-length",
            include_bytes!("../../../corpus/files/meta/group-length-wrong.dcm"),
        );
    }
}
