//! `parse/not-dicom`: the input is not a DICOM data set in any encoding.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// The input has neither a File Meta group nor a first data element header in any
    /// transfer syntax.
    ///
    /// ## Why
    /// A file handed to dcmlint as DICOM (or referenced from a DICOMDIR) that is not DICOM.
    ///
    /// ## Standard
    /// PS3.10 §7.1.
    ///
    /// ## Example
    /// Failing: a text file.
    /// Passing: any Part 10 file.
    pub NOT_DICOM, "parse/not-dicom", Error, "the input is not a DICOM data set in any encoding"
}

/// The check of [`NOT_DICOM`].
#[derive(Debug, Default)]
pub struct NotDicom;

impl Rule for NotDicom {
    const META: &'static RuleMeta = &NOT_DICOM;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::NotDicom = error.kind {
            cx.report(
                &NOT_DICOM,
                Some(error.at),
                None,
                format_args!("{}", error.kind),
            );
        }
    }
}
#[cfg(test)]
mod tests {
    use crate::testing::{CLEAN, findings_of};

    #[test]
    fn fires_on_text_only() {
        let found = findings_of(b"This is a text file, not a DICOM data set.\n");
        assert!(found.has("parse/not-dicom"), "{found:?}");
        for clean in CLEAN {
            assert!(!findings_of(clean).has("parse/not-dicom"));
        }
    }
}
