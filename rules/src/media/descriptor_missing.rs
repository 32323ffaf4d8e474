//! `media/descriptor-missing`: the File-set Descriptor File (0004,1141) names no file.

use lint_core::ByteSpan;
use lint_core::tag::tags;

use super::{FactsProvider, FileHandle, FileId, FileSet, Lookup, Medium, descriptor_dicom};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// When the DICOMDIR has a File-set Descriptor File ID (0004,1141), a file answers
    /// to it on the medium (resolved like a Referenced File ID, relative to the
    /// DICOMDIR's directory; a name found only in another case is `media/name-variant`,
    /// an unsafe one `media/unsafe-file-id`).
    ///
    /// ## Why
    /// The descriptor file is the File-set's human-readable description (PS3.12 A.1.2
    /// recommends `README`); a DICOMDIR that names one promises it, and readers that show
    /// it fail. The usual cause is a copy tool that took only the DICOM files.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-2 ((0004,1141), Type 3); PS3.10 §8.6; PS3.12 A.1.2.
    /// dicom-rules.md §6.2, §6.3 DIR-DESC-FILE.
    ///
    /// ## Example
    /// Failing: (0004,1141) `README`, no `README` beside the DICOMDIR.
    /// Passing: `README` is there, a text file.
    pub DESCRIPTOR_MISSING, "media/descriptor-missing", Error, "the File-set Descriptor File named by (0004,1141) does not exist"
}

/// The registry entry of [`DESCRIPTOR_MISSING`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DESCRIPTOR_MISSING;
}

/// The File-set Descriptor File, found on the medium.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Descriptor {
    /// Its handle: the listing does not judge it as an ordinary file.
    pub(crate) file: FileHandle,
    /// Where its File ID lies in the DICOMDIR.
    pub(crate) span: ByteSpan,
}

/// Resolves the descriptor file, if the DICOMDIR names one. What the file is, is judged
/// by [`judge`] after the records: asking for its facts here would wait, in a run that
/// gathers them as it lints, for a file that sorts late (`README`) before any record.
pub(crate) fn check(set: &mut FileSet<'_, '_>, medium: &mut dyn Medium) -> Option<Descriptor> {
    let span = set.index.info().file_set_descriptor_file_id?;
    let file_id = FileId::new(set.value(span), span);
    let tag = tags::FILE_SET_DESCRIPTOR_FILE_ID;
    if file_id.is_empty() {
        // An empty Type 3 value names nothing; its syntax is `dicomdir/*`'s business.
        return None;
    }
    if let Some(hazard) = file_id.hazard() {
        super::unsafe_file_id::report(set, None, tag, &file_id, hazard);
        return None;
    }
    match medium.locate(&file_id) {
        Lookup::Found { file, variant } => {
            if !variant.is_exact() {
                super::name_variant::report(set, None, tag, &file_id, variant);
            }
            Some(Descriptor { file, span })
        }
        Lookup::OutsideRoot => {
            super::unsafe_file_id::report_outside(set, None, tag, &file_id);
            None
        }
        Lookup::Missing | Lookup::NotRegularFile => {
            set.report(
                &DESCRIPTOR_MISSING,
                Some(span),
                Some(tag),
                None,
                format_args!(
                    "File-set Descriptor File {file_id} does not exist in the file-set (or is not a regular file)"
                ),
            );
            None
        }
        Lookup::Unreadable => None,
    }
}

/// Judges what the descriptor file found by [`check`] is (`media/descriptor-dicom`).
pub(crate) fn judge(
    set: &mut FileSet<'_, '_>,
    descriptor: Descriptor,
    facts: &mut dyn FactsProvider,
) {
    let file_id = FileId::new(set.value(descriptor.span), descriptor.span);
    descriptor_dicom::check(set, &file_id, facts.facts(descriptor.file));
}

#[cfg(test)]
mod tests {
    use crate::media::testing::with_descriptor;

    #[test]
    fn fires_when_the_readme_is_missing() {
        let found = with_descriptor().check();
        assert!(found.only(&["media/descriptor-missing"]), "{found:#?}");
        assert_eq!(
            found.get(0).tag,
            Some(lint_core::tag::tags::FILE_SET_DESCRIPTOR_FILE_ID)
        );
    }

    #[test]
    fn passes_when_the_readme_is_there() {
        let mut disk = with_descriptor();
        disk.put("README", b"Images of the sample file-set.\n");
        assert!(disk.check().is_empty());
    }
}
