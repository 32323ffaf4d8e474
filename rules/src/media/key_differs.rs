//! `media/key-differs`: a descriptive key of a record (name, date, description, number)
//! differs from the referenced instance's.

use lint_core::{ByteSpan, Tag};

use super::{FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// For each instance a record references, the descriptive keys of its PATIENT, STUDY
    /// and SERIES records and of the record itself — Patient's Name, Patient's Birth
    /// Date, Study Date and Time, Accession Number, Study ID, Study Description,
    /// Modality, Series Number, Instance Number — against the instance's values, after
    /// trimming padding. When the record's (0008,0005) differs from the file's and the
    /// values are not plain ASCII, the texts are compared decoded (by the caller: the
    /// CLI decodes both; firmware without decoding skips them).
    ///
    /// ## Why
    /// A person picks the study from these keys on the viewer's list; a name or date that
    /// is not the images' misleads, but readers still import the right instances (they
    /// file by the identifiers, see `media/key-mismatch`), so this is a warning. A
    /// common Japanese defect is a record whose name bytes were copied from an image with
    /// another (0008,0005): the bytes agree, the text does not.
    ///
    /// ## Standard
    /// PS3.3 F.2.1 (keys representative of the referenced file), F.5.1–F.5.4.
    /// dicom-rules.md §6.3 DIR-KEYS-CONSISTENT (other keys: warning).
    ///
    /// ## Example
    /// Failing: PATIENT record Patient's Name `Doe^John`, its images `Doe^Jane`.
    /// Passing: both `Doe^Jane`; or `Müller^Jürgen` in `ISO_IR 100` in the record and in
    /// `ISO_IR 192` (UTF-8) in the image.
    pub KEY_DIFFERS, "media/key-differs", Warning, "a record's name, date, number or description differs from the referenced instance's"
}

/// The registry entry of [`KEY_DIFFERS`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &KEY_DIFFERS;
}

/// Reports key `tag` of `record` (value at `span`) against the instance's `theirs`;
/// `charsets` holds the record's and the file's (0008,0005) when they differ.
#[allow(clippy::too_many_arguments)]
pub(crate) fn report(
    set: &mut FileSet<'_, '_>,
    record: u32,
    tag: Tag,
    span: ByteSpan,
    file_id: &FileId<'_>,
    theirs: Option<(&[u8], ByteSpan)>,
    charsets: Option<(&[u8], &[u8])>,
) {
    let ours = Printable(super::trim(set.value(span)));
    let name = lint_core::dictionary::lookup(tag).map_or("key", |e| e.keyword);
    let Some((value, at)) = theirs else {
        set.report(
            &KEY_DIFFERS,
            Some(span),
            Some(tag),
            Some(record),
            format_args!("{name} `{ours}` here, but {file_id} has no {name}"),
        );
        return;
    };
    match charsets {
        Some((mine, its)) => set.report(
            &KEY_DIFFERS,
            Some(span),
            Some(tag),
            Some(record),
            format_args!(
                "{name} `{ours}` (in `{}`) here reads differently from `{}` (in `{}`) in file {file_id} (offset {})",
                Printable(mine),
                Printable(value),
                Printable(its),
                at.start
            ),
        ),
        None => set.report(
            &KEY_DIFFERS,
            Some(span),
            Some(tag),
            Some(record),
            format_args!(
                "{name} `{ours}` here, but `{}` in file {file_id} (offset {})",
                Printable(value),
                at.start
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_on_a_different_name() {
        let mut disk = Disk::sample();
        patch(disk.dicomdir(), b"Doe^Jane", b"Doe^John", 0);
        let found = disk.check();
        assert!(found.only(&["media/key-differs"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found.get(0).tag, Some(tags::PATIENT_NAME));
    }

    #[test]
    fn fires_on_a_different_study_date() {
        let mut disk = Disk::sample();
        patch(disk.dicomdir(), b"20240131", b"20240132", 0);
        let found = disk.check();
        assert!(found.only(&["media/key-differs"]), "{found:#?}");
        assert_eq!(found.get(0).tag, Some(tags::STUDY_DATE));
    }

    /// Patient 2's PATIENT record says `ISO_IR 101` (Latin-2) over the Latin-1 bytes of
    /// its images' `Müller^Jürgen`: same bytes, other set.
    fn latin2_record() -> Disk {
        let mut disk = Disk::sample();
        patch(disk.dicomdir(), b"ISO_IR 100", b"ISO_IR 101", 0);
        disk
    }

    #[test]
    fn fires_when_the_texts_read_differently() {
        let mut disk = latin2_record();
        disk.same_text = Some(false);
        let found = disk.check();
        assert!(found.only(&["media/key-differs"]), "{found:#?}");
        assert_eq!(found.get(0).tag, Some(tags::PATIENT_NAME));
        assert!(found.says("(in `ISO_IR 101`)"), "{found:#?}");
    }

    #[test]
    fn says_nothing_when_the_texts_cannot_be_decoded() {
        let found = latin2_record().check();
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn passes_when_the_texts_read_the_same() {
        let mut disk = latin2_record();
        disk.same_text = Some(true);
        assert!(disk.check().is_empty());
    }

    #[test]
    fn passes_when_keys_agree() {
        assert!(!Disk::sample().check().has("media/key-differs"));
    }
}
