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
