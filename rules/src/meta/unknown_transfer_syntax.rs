//! `meta/unknown-transfer-syntax`: (0002,0010) names no transfer syntax of PS3.6.

use lint_core::ByteSpan;
use lint_core::parser::{Event, Section};
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::UidBuf;

declare_rule! {
    /// ## What it checks
    /// Transfer Syntax UID (0002,0010) is one of the transfer syntaxes of PS3.6 Table A-1
    /// (retired ones included).
    ///
    /// ## Why
    /// A reader that does not know the transfer syntax cannot decode the data set: most
    /// refuse the file. dcmlint guesses the encoding from the first element and goes on.
    /// A private transfer syntax is legal between consenting applications but not on
    /// interchange media, which is what dcmlint checks.
    ///
    /// ## Standard
    /// PS3.10 §7.1, PS3.5 §10, PS3.6 Table A-1.
    ///
    /// ## Example
    /// Failing: `(0002,0010) UI 1.2.3.4`.
    /// Passing: `(0002,0010) UI 1.2.840.10008.1.2.1`.
    pub UNKNOWN_TRANSFER_SYNTAX, "meta/unknown-transfer-syntax", Error, "the transfer syntax UID is not one of PS3.6"
}

/// The check of [`UNKNOWN_TRANSFER_SYNTAX`].
#[derive(Debug, Default)]
pub struct UnknownTransferSyntax {
    uid: Option<(UidBuf, ByteSpan)>,
}

impl Rule for UnknownTransferSyntax {
    const META: &'static RuleMeta = &UNKNOWN_TRANSFER_SYNTAX;
    const EVENTS: u8 = events::META | events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        match event {
            Event::Element(element)
                if element.section == Section::FileMeta
                    && element.header.tag == tags::TRANSFER_SYNTAX_UID =>
            {
                self.uid = Some((
                    UidBuf::new(element.value.unwrap_or(&[])),
                    element.value_span,
                ));
            }
            Event::FileMetaEnd(end)
                if end.transfer_syntax_present && end.transfer_syntax.is_none() =>
            {
                if let Some((uid, span)) = self.uid {
                    cx.report(
                        &UNKNOWN_TRANSFER_SYNTAX,
                        Some(span),
                        Some(tags::TRANSFER_SYNTAX_UID),
                        format_args!(
                            "transfer syntax \"{uid}\" is not in PS3.6 Table A-1; the data set was read as the bytes suggest"
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/unknown-transfer-syntax",
            include_bytes!("../../../corpus/files/meta/unknown-transfer-syntax.dcm"),
        );
    }
}
