//! `media/record-type-class`: a record's type does not fit the SOP Class of the instance
//! it references.

use lint_core::dicomdir::{RecordSlot, RecordType};
use lint_core::tag::tags;

use super::{FileId, FileSet, InstanceFacts, trim};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// The Directory Record Type (0004,1430) of a record that references an instance
    /// against the instance's Media Storage SOP Class UID (0002,0002), for the SOP
    /// Classes whose record type PS3.3 F.5 fixes: images → `IMAGE`, RT Dose → `RT DOSE`,
    /// RT Structure Set → `RT STRUCTURE SET`, RT (Ion) Plan → `RT PLAN`, RT treatment
    /// records → `RT TREAT RECORD`, presentation states → `PRESENTATION`, waveforms →
    /// `WAVEFORM`, structured reports → `SR DOCUMENT` (Key Object Selection → `KEY
    /// OBJECT DOC`), MR Spectroscopy → `SPECTROSCOPY`, Raw Data → `RAW DATA`,
    /// registrations → `REGISTRATION`, Spatial Fiducials → `FIDUCIAL`, encapsulated
    /// documents → `ENCAP DOC`, Real World Value Mapping → `VALUE MAP`, Hanging Protocol
    /// → `HANGING PROTOCOL`, Color Palette → `PALETTE`. Other classes (private ones, newer
    /// ones) and `PRIVATE` records are not judged.
    ///
    /// ## Why
    /// Each record type "shall be used to reference" its kind of instance, and readers
    /// pick the viewer from the record type: an SR filed under an `IMAGE` record is
    /// offered to the image viewer, which fails. The table here was written from the
    /// record type definitions and covers the common classes; DCMTK's `dcmmkdir` keeps a
    /// fuller mapping (`sopClassToRecordType` in `dcddirif.cc`).
    ///
    /// ## Standard
    /// PS3.3 F.5.4–F.5.36 ("shall be used to reference …"). dicom-rules.md §6.3
    /// DIR-REF-RECTYPE-CLASS.
    ///
    /// ## Example
    /// Failing: a `TRACT` record referencing a CT image (`1.2.840.10008.5.1.4.1.1.2`).
    /// Passing: an `IMAGE` record referencing it.
    pub RECORD_TYPE_CLASS, "media/record-type-class", Warning, "a record's type does not fit the SOP Class of the instance it references"
}

/// The registry entry of [`RECORD_TYPE_CLASS`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &RECORD_TYPE_CLASS;
}

/// The storage SOP Classes under `1.2.840.10008.5.1.4.1.1.` (the suffix) whose record
/// type is not `IMAGE`, and the families of them (a suffix ending in `.`).
const NON_IMAGE: &[(&str, RecordType)] = &[
    ("481.2", RecordType::RtDose),
    ("481.3", RecordType::RtStructureSet),
    ("481.5", RecordType::RtPlan),
    ("481.8", RecordType::RtPlan),
    ("481.4", RecordType::RtTreatRecord),
    ("481.6", RecordType::RtTreatRecord),
    ("481.7", RecordType::RtTreatRecord),
    ("481.9", RecordType::RtTreatRecord),
    ("11.", RecordType::Presentation),
    ("9.", RecordType::Waveform),
    ("88.59", RecordType::KeyObjectDoc),
    ("88.", RecordType::SrDocument),
    ("4.2", RecordType::Spectroscopy),
    ("66", RecordType::RawData),
    ("66.1", RecordType::Registration),
    ("66.3", RecordType::Registration),
    ("66.2", RecordType::Fiducial),
    ("104.", RecordType::EncapDoc),
    ("67", RecordType::ValueMap),
];

/// Image storage SOP Classes (suffixes under `1.2.840.10008.5.1.4.1.1.`): CR, DX, MG,
/// IO, CT, enhanced CT, US, multi-frame US, MR, enhanced MR, SC and multi-frame SC, XA,
/// RF, NM, PET, enhanced PET, RT Image, VL endoscopic/microscopic/photographic,
/// segmentation.
const IMAGE: &[&str] = &[
    "1", "1.1", "1.1.1", "1.2", "1.2.1", "1.3", "1.3.1", "2", "2.1", "6.1", "3.1", "4", "4.1", "7",
    "7.1", "7.2", "7.3", "7.4", "12.1", "12.2", "20", "128", "130", "481.1", "77.1.1", "77.1.2",
    "77.1.4", "66.4",
];

/// The record type PS3.3 F.5 fixes for SOP Class `uid`, when this table knows it.
pub fn record_type_for(uid: &[u8]) -> Option<RecordType> {
    match uid {
        b"1.2.840.10008.5.1.4.38.1" => return Some(RecordType::HangingProtocol),
        b"1.2.840.10008.5.1.4.39.1" => return Some(RecordType::Palette),
        _ => {}
    }
    let suffix = core::str::from_utf8(uid.strip_prefix(b"1.2.840.10008.5.1.4.1.1.")?).ok()?;
    if IMAGE.contains(&suffix) {
        return Some(RecordType::Image);
    }
    // Exact classes first, then families (`88.59` before `88.`).
    NON_IMAGE
        .iter()
        .find(|(s, _)| !s.ends_with('.') && *s == suffix)
        .or_else(|| {
            NON_IMAGE
                .iter()
                .find(|(s, _)| s.ends_with('.') && suffix.starts_with(s))
        })
        .map(|(_, t)| *t)
}

/// Judges record `index` against the file's SOP Class.
pub(crate) fn check(
    set: &mut FileSet<'_, '_>,
    index: u32,
    record: &RecordSlot,
    file_id: &FileId<'_>,
    facts: &InstanceFacts,
) {
    let Some(field) = record.directory_record_type() else {
        return;
    };
    let actual = field.record_type;
    if matches!(actual, RecordType::Private | RecordType::Unknown) {
        return;
    }
    let Some(class) = facts.sop_class.as_ref().filter(|h| !h.truncated) else {
        return;
    };
    let class = trim(class.as_bytes());
    let Some(expected) = record_type_for(class) else {
        return;
    };
    if expected == actual {
        return;
    }
    set.report(
        &RECORD_TYPE_CLASS,
        Some(field.span),
        Some(tags::DIRECTORY_RECORD_TYPE),
        Some(index),
        format_args!(
            "a {} record references {file_id}, whose SOP Class `{}` is referenced by {} records",
            actual.defined_term().unwrap_or("?"),
            Printable(class),
            expected.defined_term().unwrap_or("?")
        ),
    );
}

#[cfg(test)]
mod tests {
    use lint_core::dicomdir::RecordType;

    use super::record_type_for;
    use crate::media::testing::{Disk, patch};

    #[test]
    fn classes() {
        let t = |uid: &[u8]| record_type_for(uid);
        assert_eq!(t(b"1.2.840.10008.5.1.4.1.1.2"), Some(RecordType::Image));
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.1.1.88.59"),
            Some(RecordType::KeyObjectDoc)
        );
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.1.1.88.22"),
            Some(RecordType::SrDocument)
        );
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.1.1.481.2"),
            Some(RecordType::RtDose)
        );
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.1.1.11.1"),
            Some(RecordType::Presentation)
        );
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.1.1.104.1"),
            Some(RecordType::EncapDoc)
        );
        assert_eq!(t(b"1.2.840.10008.5.1.4.1.1.66"), Some(RecordType::RawData));
        assert_eq!(
            t(b"1.2.840.10008.5.1.4.38.1"),
            Some(RecordType::HangingProtocol)
        );
        // Unknown and private classes are not judged.
        assert_eq!(t(b"1.2.840.10008.5.1.4.1.1.999"), None);
        assert_eq!(t(b"1.2.3.4"), None);
    }

    #[test]
    fn fires_on_a_tract_record_for_a_ct_image() {
        let mut disk = Disk::sample();
        // The first IMAGE record's type, same length (`IMAGE ` and `TRACT `).
        patch(disk.dicomdir(), b"IMAGE ", b"TRACT ", 0);
        let found = disk.check();
        assert!(found.only(&["media/record-type-class"]), "{found:#?}");
        assert!(found.says("a TRACT record"), "{found:#?}");
    }

    #[test]
    fn passes_on_image_records_for_images() {
        assert!(!Disk::sample().check().has("media/record-type-class"));
    }
}
