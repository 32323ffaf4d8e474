//! `media/key-mismatch`: an identifying key of a record (Patient ID, Study or Series
//! Instance UID) differs from the referenced instance's.

use lint_core::{ByteSpan, Tag};

use super::{FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// For each instance a record references, the Patient ID (0010,0020) of its PATIENT
    /// record, the Study Instance UID (0020,000D) of its STUDY record and the Series
    /// Instance UID (0020,000E) of its SERIES record (and any of them the leaf record
    /// itself carries) against the instance's own values. Each wrong key is reported
    /// once, on the record that holds it, with the first instance it disagrees with.
    ///
    /// ## Why
    /// Directory keys are "representative of the referenced file" and are what a reader
    /// files the import under: a PATIENT record whose Patient ID is not the images'
    /// merges two patients' images or splits one patient in the receiving PACS. It
    /// happens when a DICOMDIR is edited (anonymised, corrected) without its files, or
    /// files are replaced without rebuilding it.
    ///
    /// ## Standard
    /// PS3.3 F.2.1, F.5.1–F.5.3; PS3.11 D.3.3. dicom-rules.md §6.3 DIR-KEYS-CONSISTENT
    /// (identifiers: error).
    ///
    /// ## Example
    /// Failing: PATIENT record Patient ID `PAT0009`, its images `PAT0001`.
    /// Passing: both `PAT0001`.
    pub KEY_MISMATCH, "media/key-mismatch", Error, "a record's Patient ID or Study/Series Instance UID differs from the referenced instance's"
}

/// The registry entry of [`KEY_MISMATCH`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &KEY_MISMATCH;
}

/// Reports key `tag` of `record` (value at `span`) against the instance's value
/// `theirs` (bytes and where they lie in the file; `None`: absent there).
pub(crate) fn report(
    set: &mut FileSet<'_, '_>,
    record: u32,
    tag: Tag,
    span: ByteSpan,
    file_id: &FileId<'_>,
    theirs: Option<(&[u8], ByteSpan)>,
) {
    let ours = Printable(super::trim(set.value(span)));
    let name = lint_core::dictionary::lookup(tag).map_or("key", |e| e.keyword);
    match theirs {
        Some((value, at)) => set.report(
            &KEY_MISMATCH,
            Some(span),
            Some(tag),
            Some(record),
            format_args!(
                "{name} `{ours}` here, but `{}` in file {file_id} (offset {})",
                Printable(value),
                at.start
            ),
        ),
        None => set.report(
            &KEY_MISMATCH,
            Some(span),
            Some(tag),
            Some(record),
            format_args!("{name} `{ours}` here, but {file_id} has no {name}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_once_on_a_wrong_patient_id() {
        let mut disk = Disk::sample();
        patch(disk.dicomdir(), b"PAT0001", b"PAT0009", 0);
        let found = disk.check();
        assert!(found.only(&["media/key-mismatch"]), "{found:#?}");
        // Patient 1 has three images; the PATIENT record is reported once.
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found.get(0).tag, Some(tags::PATIENT_ID));
        assert!(found.get(0).span.is_some());
        assert!(found.says("`PAT0009` here, but `PAT0001`"), "{found:#?}");
    }

    #[test]
    fn passes_when_keys_agree() {
        assert!(!Disk::sample().check().has("media/key-mismatch"));
    }
}
