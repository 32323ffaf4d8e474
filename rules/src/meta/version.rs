//! `meta/version`: File Meta Information Version is not `00 01`.

use lint_core::parser::{Event, Section};
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// (0002,0001) File Meta Information Version is the two bytes `00 01`.
    ///
    /// ## Why
    /// It is the version of the File Meta group's own layout; PS3.10 fixes its value. A
    /// different value tells a strict reader the group follows some other layout.
    ///
    /// ## Standard
    /// PS3.10 §7.1, Table 7.1-1 ("This two byte field … shall be 00H followed by 01H").
    ///
    /// ## Example
    /// Failing: `(0002,0001) OB 00 02`.
    /// Passing: `(0002,0001) OB 00 01`.
    pub VERSION, "meta/version", Error, "File Meta Information Version is not 00 01"
}

/// The check of [`VERSION`].
#[derive(Debug, Default)]
pub struct Version;

impl Rule for Version {
    const META: &'static RuleMeta = &VERSION;
    const EVENTS: u8 = events::META;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Event::Element(element) = event else {
            return;
        };
        if element.section != Section::FileMeta
            || element.header.tag != tags::FILE_META_INFORMATION_VERSION
        {
            return;
        }
        let value = element.value.unwrap_or(&[]);
        if value != [0x00, 0x01] {
            cx.report(
                &VERSION,
                Some(element.value_span),
                Some(element.header.tag),
                format_args!("File Meta Information Version is {value:02X?}; it must be [00, 01]"),
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
            "meta/version",
            include_bytes!("../../../corpus/files/meta/wrong-version.dcm"),
        );
    }
}
