//! `parse/duplicate-tag`: the same tag twice in a row in one data set.

use lint_core::parser::Event;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A data element whose tag equals the previous element's tag in the same data set.
    /// (A repeat further away shows up as `parse/tag-order`, since tags must ascend.)
    ///
    /// ## Why
    /// A data set holds each attribute once. With two, readers keep the first or the last
    /// at whim, so two viewers can show two different patient names.
    ///
    /// ## Standard
    /// PS3.5 §7.1 (a data set holds each Data Element Tag at most once, in ascending order).
    ///
    /// ## Example
    /// Failing: `(0010,0020) LO PAT1` followed by `(0010,0020) LO PAT2`.
    /// Passing: one `(0010,0020)`.
    pub DUPLICATE_TAG, "parse/duplicate-tag", Error, "a data set holds the same tag twice"
}

/// The check of [`DUPLICATE_TAG`].
#[derive(Debug, Default)]
pub struct DuplicateTag;

impl Rule for DuplicateTag {
    const META: &'static RuleMeta = &DUPLICATE_TAG;
    const EVENTS: u8 = events::ELEMENTS | events::STRUCTURE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let (header, previous) = match event {
            Event::Element(element) => (element.header, element.previous),
            Event::SequenceStart(start) | Event::FragmentsStart(start) => {
                (start.header, start.previous)
            }
            _ => return,
        };
        if previous == Some(header.tag) {
            cx.report(
                &DUPLICATE_TAG,
                Some(header.span),
                Some(header.tag),
                format_args!("{} appears twice in the same data set", header.tag),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "parse/duplicate-tag",
            include_bytes!("../../../corpus/files/parse/duplicate-tag.dcm"),
        );
    }
}
