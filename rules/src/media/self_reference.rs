//! `media/self-reference`: a record references the DICOMDIR itself or the File-set
//! Descriptor File.

use lint_core::ByteSpan;
use lint_core::tag::tags;

use super::descriptor_missing::Descriptor;
use super::{Facts, FactsProvider, FileHandle, FileId, FileSet, Lookup, Medium};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record's Referenced File ID (0004,1500) resolves to the DICOMDIR itself (the
    /// file the File ID `DICOMDIR` names in the file-set's root, under any spelling the
    /// medium resolves to that file) or to the text File-set Descriptor File that
    /// (0004,1141) names. The record's SOP Class, SOP Instance, Transfer Syntax and keys
    /// are then not compared with that file: those findings would only repeat the
    /// mistake. When the descriptor file is itself a DICOM instance, its File ID is the
    /// mistake (`media/descriptor-dicom`) and the record is judged as usual.
    ///
    /// ## Why
    /// A Directory Record references a SOP Instance of the file-set; the DICOMDIR is the
    /// file-set's directory, not one of its instances, and the descriptor file is text
    /// for people. A reader that imports what the records list opens the DICOMDIR as an
    /// image (or recurses into it) or fails on the README; the instance the record was
    /// meant to name is usually missing from the DICOMDIR. A File-set Creator that
    /// listed every file of the medium, itself included, is the usual cause.
    ///
    /// ## Standard
    /// PS3.10 §8.6 (the DICOMDIR is the one file with File ID `DICOMDIR`); PS3.3 F.2.1,
    /// Table F.3-2 ((0004,1141)), Table F.3-3 ((0004,1500)). dicom-rules.md §6.3
    /// DIR-REF-SELF.
    ///
    /// ## Example
    /// Failing: an IMAGE record with (0004,1500) `DICOMDIR`; or with `README` when
    /// (0004,1141) is `README`, a text file.
    /// Passing: (0004,1500) `DICOM\P0000001\ST000001\SE000001\IM000001`, an image.
    pub SELF_REFERENCE, "media/self-reference", Error, "a record references the DICOMDIR itself or the File-set Descriptor File"
}

/// The registry entry of [`SELF_REFERENCE`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &SELF_REFERENCE;
}

/// The files of the medium no record may lead to.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NotInstances {
    /// The DICOMDIR, as the medium resolves the File ID `DICOMDIR`.
    pub(crate) dicomdir: Option<FileHandle>,
    /// The File-set Descriptor File (a record that leads to it references an instance
    /// if it is DICOM: then the descriptor's File ID is the mistake).
    pub(crate) descriptor: Option<FileHandle>,
}

impl NotInstances {
    /// The DICOMDIR's handle, found on `medium`, and the descriptor file's.
    pub(crate) fn find(medium: &mut dyn Medium, descriptor: Option<Descriptor>) -> Self {
        let own = FileId::new(b"DICOMDIR", ByteSpan::default());
        let dicomdir = match medium.locate(&own) {
            Lookup::Found { file, .. } => Some(file),
            _ => None,
        };
        NotInstances {
            dicomdir,
            descriptor: descriptor.map(|d| d.file),
        }
    }
}

/// Judges the file `file` record `record`'s `file_id` resolved to: `true` (reported)
/// when it is the DICOMDIR or the descriptor file, and the file is not to be judged as
/// an instance.
pub(crate) fn check(
    set: &mut FileSet<'_, '_>,
    record: u32,
    file_id: &FileId<'_>,
    file: FileHandle,
    not_instances: NotInstances,
    facts: &mut dyn FactsProvider,
) -> bool {
    let what = if Some(file) == not_instances.dicomdir {
        "the DICOMDIR itself"
    } else if Some(file) == not_instances.descriptor
        && !matches!(facts.facts(file), Facts::Instance(_))
    {
        "the File-set Descriptor File named by (0004,1141), a text file for people"
    } else {
        return false;
    };
    set.report(
        &SELF_REFERENCE,
        Some(file_id.span),
        Some(tags::REFERENCED_FILE_ID),
        Some(record),
        format_args!(
            "referenced file {file_id} is {what}, not an instance of the file-set; reference the instance the record describes"
        ),
    );
    true
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST, refer_first_record_to, with_descriptor};

    /// The sample with the first IMAGE record's File ID replaced by `name` and its image
    /// gone.
    fn pointing_at(name: &[u8]) -> Disk {
        let mut disk = Disk::sample();
        disk.take(FIRST);
        refer_first_record_to(&mut disk, name);
        disk
    }

    #[test]
    fn fires_on_a_record_naming_the_dicomdir() {
        let found = pointing_at(b"DICOMDIR").check();
        // Only this: no SOP Class, Instance, Transfer Syntax or key comparison with the
        // DICOMDIR, and the DICOMDIR is not "referenced twice" or unreferenced.
        assert!(found.only(&["media/self-reference"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        let seen = found.get(0);
        assert_eq!(seen.tag, Some(lint_core::tag::tags::REFERENCED_FILE_ID));
        assert!(seen.span.is_some());
        assert!(found.says("DICOMDIR itself"), "{found:#?}");
    }

    #[test]
    fn fires_on_another_spelling_of_the_dicomdir() {
        let found = pointing_at(b"dicomdir").check();
        assert!(found.only(&["media/self-reference"]), "{found:#?}");
    }

    #[test]
    fn fires_on_a_record_naming_the_text_descriptor() {
        let mut disk = with_descriptor();
        disk.put("README", b"Images of one patient.\n");
        disk.take(FIRST);
        refer_first_record_to(&mut disk, b"README");
        let found = disk.check();
        // Not `media/not-dicom`: the README is text by design.
        assert!(found.only(&["media/self-reference"]), "{found:#?}");
        assert!(found.says("File-set Descriptor File"), "{found:#?}");
    }

    #[test]
    fn a_dicom_descriptor_leaves_the_record_alone() {
        // (0004,1141) names README, the first image renamed, which the first IMAGE
        // record now references: the descriptor's File ID is the mistake
        // (`media/descriptor-dicom`); the record is judged as usual and agrees.
        let mut disk = with_descriptor();
        disk.rename(FIRST, "README");
        refer_first_record_to(&mut disk, b"README");
        let found = disk.check();
        assert!(found.only(&["media/descriptor-dicom"]), "{found:#?}");
    }

    #[test]
    fn passes_on_the_sample() {
        assert!(!Disk::sample().check().has("media/self-reference"));
    }
}
