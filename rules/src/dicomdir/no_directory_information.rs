//! `dicomdir/no-directory-information`: a DICOMDIR without the Directory Information
//! Module.

use lint_core::ByteSpan;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A DICOMDIR with none of the Directory Information Module's elements: no
    /// (0004,1200), (0004,1202), (0004,1212) nor Directory Record Sequence (0004,1220).
    ///
    /// ## Why
    /// The Basic Directory IOD makes the module optional ("should be present in all but
    /// primitive environments"), so this is not an error of the IOD; but every STD-GEN
    /// application profile forbids a DICOMDIR with no directory information, and such a
    /// disc shows up empty in viewers. Reported as information so a profile can raise it.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-1; PS3.11 D.3.3.
    ///
    /// ## Example
    /// Failing: a DICOMDIR holding only (0004,1130) File-set ID.
    /// Passing: the same with the offsets, the consistency flag and the records.
    pub NO_DIRECTORY_INFORMATION, "dicomdir/no-directory-information", Info,
        "a DICOMDIR has no Directory Information Module"
}

/// [`NO_DIRECTORY_INFORMATION`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NO_DIRECTORY_INFORMATION;
}

/// Whether any element of the Directory Information Module is present.
pub(super) fn present(dir: &Directory<'_>) -> bool {
    let info = dir.index.info();
    info.first.is_some()
        || info.last.is_some()
        || info.consistency_flag.is_some()
        || info.record_sequences > 0
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>) {
    if present(dir) {
        return;
    }
    let info = dir.index.info();
    // Where the module would begin: after File-set Identification, or at the data set.
    let at = info
        .file_set_descriptor_file_id
        .or(info.file_set_id)
        .map_or(ByteSpan::point(0), |span| ByteSpan::point(span.end));
    out.report(
        &NO_DIRECTORY_INFORMATION,
        at,
        None,
        None,
        format_args!(
            "no Directory Information Module: the DICOMDIR lists no records (every STD-GEN profile requires them)"
        ),
    );
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::{DataSet, Meta, part10, ts};
    use lint_core::Vr;
    use lint_core::tag::tags;

    use super::super::tests::{example, hits, only};

    #[test]
    fn file_set_identification_only_fires() {
        let bytes = part10(
            &Meta::new("1.2.840.10008.1.3.10", "1.2.3", ts::EXPLICIT_LE),
            &DataSet::new().el(tags::FILE_SET_ID, Vr::CS, "DISC"),
        );
        only(&bytes, "dicomdir/no-directory-information");
    }

    #[test]
    fn a_directory_passes() {
        assert!(hits(&example()).is_empty());
    }
}
