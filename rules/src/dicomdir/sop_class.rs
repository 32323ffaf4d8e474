//! `dicomdir/sop-class`: a DICOMDIR whose Media Storage SOP Class UID is not Media
//! Storage Directory Storage.

use lint_core::tag::tags;
use lint_core::transfer_syntax::trim_uid;

use super::scan::MetaInfo;
use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// In a file checked as a DICOMDIR (named `DICOMDIR`), Media Storage SOP Class UID
    /// (0002,0002) is not `1.2.840.10008.1.3.10` (Media Storage Directory Storage).
    ///
    /// ## Why
    /// Readers find the DICOMDIR by its File ID and then trust (0002,0002) to say it is a
    /// Basic Directory; one with an image's SOP Class is either a misnamed image or a
    /// directory that media readers and archives reject.
    ///
    /// ## Standard
    /// PS3.10 §8.6; PS3.11 Table D.3-1; PS3.4 Annex I.
    ///
    /// ## Example
    /// Failing: a file `DICOMDIR` with (0002,0002) `1.2.840.10008.5.1.4.1.1.2` (CT Image
    /// Storage).
    /// Passing: (0002,0002) `1.2.840.10008.1.3.10`.
    pub SOP_CLASS, "dicomdir/sop-class", Error,
        "a DICOMDIR's (0002,0002) is not Media Storage Directory Storage"
}

/// The Media Storage SOP Class of a DICOMDIR.
pub const MEDIA_STORAGE_DIRECTORY: &[u8] = b"1.2.840.10008.1.3.10";

/// [`SOP_CLASS`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &SOP_CLASS;
}

/// An absent (0002,0002) is `meta/missing-element`'s finding.
pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, meta: &MetaInfo) {
    let Some(span) = meta.sop_class else { return };
    let value = trim_uid(dir.value(span));
    if value != MEDIA_STORAGE_DIRECTORY {
        out.report(
            &SOP_CLASS,
            span,
            Some(tags::MEDIA_STORAGE_SOP_CLASS_UID),
            None,
            format_args!(
                "(0002,0002) is `{}`; a DICOMDIR's is `1.2.840.10008.1.3.10` (Media Storage Directory Storage)",
                Shown(value)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, only, replace};

    #[test]
    fn another_sop_class_fires() {
        let mut bytes = example();
        replace(
            &mut bytes,
            b"1.2.840.10008.1.3.10",
            b"1.2.840.10008.1.3.11",
            0,
        );
        let found = only(&bytes, "dicomdir/sop-class");
        assert!(found[0].message.contains("1.2.840.10008.1.3.11"));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn media_storage_directory_passes() {
        assert!(super::super::tests::hits(&example()).is_empty());
    }
}
