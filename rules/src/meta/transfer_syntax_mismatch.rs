//! `meta/transfer-syntax-mismatch`: the data set is not encoded as (0002,0010) says.

use lint_core::parser::Event;
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// The first data element after the File Meta group is encoded the way the Transfer
    /// Syntax UID (0002,0010) says: explicit or implicit VR, little or big endian.
    ///
    /// ## Why
    /// A file labelled explicit VR but written implicit (or the reverse) is misread by
    /// every reader that trusts the label. DCMTK and pydicom guess and carry on silently;
    /// dcmlint reads it as the bytes show, so the rest is still checked, and says so.
    ///
    /// ## Standard
    /// PS3.10 §7.1 (Transfer Syntax UID), PS3.5 §7.1.
    ///
    /// ## Example
    /// Failing: `(0002,0010) 1.2.840.10008.1.2.1` followed by `08 00 05 00 0A 00 00 00 …`
    /// (an implicit VR header).
    /// Passing: the same element written `08 00 05 00 43 53 0A 00 …`.
    pub TRANSFER_SYNTAX_MISMATCH, "meta/transfer-syntax-mismatch", Error, "the data set is not encoded as its transfer syntax says"
}

/// The check of [`TRANSFER_SYNTAX_MISMATCH`].
#[derive(Debug, Default)]
pub struct TransferSyntaxMismatch;

impl Rule for TransferSyntaxMismatch {
    const META: &'static RuleMeta = &TRANSFER_SYNTAX_MISMATCH;
    const EVENTS: u8 = events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        if let Event::DataSetStart(start) = event {
            if let Some(declared) = start.declared.filter(|&declared| declared != start.used) {
                cx.report(
                    &TRANSFER_SYNTAX_MISMATCH,
                    Some(start.at),
                    Some(tags::TRANSFER_SYNTAX_UID),
                    format_args!(
                        "the transfer syntax says {declared} but the data set is written in {}; read as {}",
                        start.used, start.used
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{CLEAN, findings_of};

    #[test]
    fn passes_clean_files() {
        for clean in CLEAN {
            assert!(!findings_of(clean).has("meta/transfer-syntax-mismatch"));
        }
    }
}
