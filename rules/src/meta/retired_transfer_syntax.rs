//! `meta/retired-transfer-syntax`: the file uses a retired transfer syntax.

use lint_core::ByteSpan;
use lint_core::parser::{Event, Section};
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// The transfer syntax named by (0002,0010) is retired in PS3.6 Table A-1 (Explicit VR
    /// Big Endian, the retired JPEG processes, …).
    ///
    /// ## Why
    /// Retired transfer syntaxes may no longer be supported by current readers; Explicit
    /// VR Big Endian in particular is missing from many viewers. It is a warning: old
    /// media legitimately contain such files.
    ///
    /// ## Standard
    /// PS3.5 §A.3 (retired Explicit VR Big Endian), PS3.6 Table A-1.
    ///
    /// ## Example
    /// Failing: `(0002,0010) UI 1.2.840.10008.1.2.2`.
    /// Passing: `(0002,0010) UI 1.2.840.10008.1.2.1`.
    pub RETIRED_TRANSFER_SYNTAX, "meta/retired-transfer-syntax", Warning, "the transfer syntax is retired"
}

/// The check of [`RETIRED_TRANSFER_SYNTAX`].
#[derive(Debug, Default)]
pub struct RetiredTransferSyntax {
    /// Where (0002,0010)'s value is.
    value: Option<ByteSpan>,
}

impl Rule for RetiredTransferSyntax {
    const META: &'static RuleMeta = &RETIRED_TRANSFER_SYNTAX;
    const EVENTS: u8 = events::META | events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        if let Event::Element(element) = event {
            if element.section == Section::FileMeta
                && element.header.tag == tags::TRANSFER_SYNTAX_UID
            {
                self.value = Some(element.value_span);
            }
        }
        if let Event::FileMetaEnd(end) = event {
            if let Some(ts) = end.transfer_syntax.filter(|ts| ts.retired) {
                cx.report(
                    &RETIRED_TRANSFER_SYNTAX,
                    Some(self.value.unwrap_or(end.span)),
                    Some(tags::TRANSFER_SYNTAX_UID),
                    format_args!(
                        "{} ({}) is retired; current readers may not support it",
                        ts.name, ts.uid
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    #[test]
    fn fires_on_big_endian_only() {
        let found = findings_of(include_bytes!(
            "../../../corpus/files/clean/ct-explicit-be.dcm"
        ));
        assert!(found.has("meta/retired-transfer-syntax"), "{found:?}");
        let found = findings_of(include_bytes!(
            "../../../corpus/files/clean/ct-explicit-le.dcm"
        ));
        assert!(!found.has("meta/retired-transfer-syntax"));
    }
}
