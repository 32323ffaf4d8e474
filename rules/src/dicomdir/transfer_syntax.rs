//! `dicomdir/transfer-syntax`: a DICOMDIR not in Explicit VR Little Endian.

use lint_core::tag::tags;
use lint_core::transfer_syntax::trim_uid;

use super::scan::MetaInfo;
use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A DICOMDIR's Transfer Syntax UID (0002,0010) is not `1.2.840.10008.1.2.1`
    /// (Explicit VR Little Endian): implicit VR, big endian and deflated DICOMDIRs are
    /// all wrong.
    ///
    /// ## Why
    /// Every media application profile writes the Basic Directory in Explicit VR Little
    /// Endian, and readers of media (viewers on the disc, import stations) may read it
    /// no other way. The record offsets are byte positions, so a reader cannot even
    /// re-encode the file to fix it without recomputing them.
    ///
    /// ## Standard
    /// PS3.10 §8.6; PS3.11 Table D.3-1 (STD-GEN-*).
    ///
    /// ## Example
    /// Failing: (0002,0010) `1.2.840.10008.1.2` (Implicit VR Little Endian), as in
    /// pydicom's `DICOMDIR-implicit`.
    /// Passing: (0002,0010) `1.2.840.10008.1.2.1`.
    pub TRANSFER_SYNTAX, "dicomdir/transfer-syntax", Error,
        "a DICOMDIR is not in Explicit VR Little Endian"
}

const EXPLICIT_VR_LITTLE_ENDIAN: &[u8] = b"1.2.840.10008.1.2.1";

/// [`TRANSFER_SYNTAX`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &TRANSFER_SYNTAX;
}

/// An absent (0002,0010) is `meta/missing-element`'s finding.
pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, meta: &MetaInfo) {
    let Some(span) = meta.transfer_syntax else {
        return;
    };
    let value = trim_uid(dir.value(span));
    if value != EXPLICIT_VR_LITTLE_ENDIAN {
        let name = lint_core::transfer_syntax::lookup(value)
            .map_or("an unknown transfer syntax", |ts| ts.name);
        out.report(
            &TRANSFER_SYNTAX,
            span,
            Some(tags::TRANSFER_SYNTAX_UID),
            None,
            format_args!(
                "the DICOMDIR is in `{}` ({name}); it must be in Explicit VR Little Endian `1.2.840.10008.1.2.1`",
                Shown(value)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::ts;
    use dcmlint_corpus::dicomdir::{DicomDir, example_patients};

    use super::super::tests::{example, hits, only};

    #[test]
    fn implicit_and_big_endian_fire() {
        for syntax in [ts::IMPLICIT_LE, ts::EXPLICIT_BE] {
            let bytes = DicomDir::new("EXAMPLE", "1.2.3", &example_patients())
                .transfer_syntax(syntax)
                .build();
            let found = only(&bytes, "dicomdir/transfer-syntax");
            assert_eq!(found.len(), 1);
            assert!(found[0].message.contains(syntax), "{found:?}");
        }
    }

    #[test]
    fn explicit_little_endian_passes() {
        assert!(hits(&example()).is_empty());
    }
}
