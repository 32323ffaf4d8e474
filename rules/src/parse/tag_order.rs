//! `parse/tag-order`: data elements not in ascending tag order.

use lint_core::parser::Event;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// Within one data set (the top level, the File Meta group, or one item), each data
    /// element's tag is greater than the previous one's.
    ///
    /// ## Why
    /// Readers that look attributes up by binary search, or stop reading at a tag (for
    /// example at Pixel Data), miss elements that come out of order.
    ///
    /// ## Standard
    /// PS3.5 §7.1 ("Data Elements … shall occur in increasing numerical order").
    ///
    /// ## Example
    /// Failing: `(0010,0010)` followed by `(0008,0005)`.
    /// Passing: `(0008,0005)` followed by `(0010,0010)`.
    pub TAG_ORDER, "parse/tag-order", Error, "data elements are not in ascending tag order"
}

/// The check of [`TAG_ORDER`].
#[derive(Debug, Default)]
pub struct TagOrder;

impl Rule for TagOrder {
    const META: &'static RuleMeta = &TAG_ORDER;
    const EVENTS: u8 = events::ELEMENTS | events::STRUCTURE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let (header, previous) = match event {
            Event::Element(element) => (element.header, element.previous),
            Event::SequenceStart(start) | Event::FragmentsStart(start) => {
                (start.header, start.previous)
            }
            _ => return,
        };
        if let Some(previous) = previous.filter(|&previous| previous > header.tag) {
            cx.report(
                &TAG_ORDER,
                Some(header.span),
                Some(header.tag),
                format_args!("{} comes after {previous}; tags must ascend", header.tag),
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
            "parse/tag-order",
            include_bytes!("../../../corpus/files/parse/tags-out-of-order.dcm"),
        );
    }
}
