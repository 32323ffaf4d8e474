//! `meta/group2-in-data-set`: a File Meta (group 0002) element inside the data set.

use lint_core::parser::{Event, Section};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// No element of group 0002 appears after the File Meta group has ended (in the data
    /// set or in any item of it).
    ///
    /// ## Why
    /// Group 0002 belongs to the File Meta Information only; in the data set it is
    /// encoded in the data set's transfer syntax, which readers do not expect, and it is
    /// lost or duplicated when the file is sent over the network.
    ///
    /// ## Standard
    /// PS3.10 §7.1 ("the File Meta Elements … shall not be present in the Data Set"),
    /// PS3.5 §7.1.
    ///
    /// ## Example
    /// Failing: `(0002,0013) SH` after `(0008,0016)`.
    /// Passing: `(0002,0013)` inside the File Meta group.
    pub GROUP2_IN_DATA_SET, "meta/group2-in-data-set", Error, "a group 0002 element appears inside the data set"
}

/// The check of [`GROUP2_IN_DATA_SET`].
#[derive(Debug, Default)]
pub struct Group2InDataSet;

impl Rule for Group2InDataSet {
    const META: &'static RuleMeta = &GROUP2_IN_DATA_SET;
    const EVENTS: u8 = events::ELEMENT | events::CHARSET | events::STRUCTURE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let header = match event {
            Event::Element(element) if element.section == Section::DataSet => element.header,
            Event::SequenceStart(start) => start.header,
            _ => return,
        };
        if header.tag.group == 0x0002 {
            cx.report(
                &GROUP2_IN_DATA_SET,
                Some(header.span),
                Some(header.tag),
                format_args!(
                    "{} is a File Meta element but appears inside the data set",
                    header.tag
                ),
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
            "meta/group2-in-data-set",
            include_bytes!("../../../corpus/files/meta/group2-in-dataset.dcm"),
        );
    }
}
