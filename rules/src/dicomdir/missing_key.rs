//! `dicomdir/missing-key`: a record lacks a key its record type requires.

use lint_core::Tag;
use lint_core::dicomdir::RecordType;

use super::scan::{RecordKeys, key_bit};
use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A directory record without a key PS3.3 F.5 requires of its type: a Type 1 key
    /// absent or empty, a Type 2 key absent. For example PATIENT: Patient ID (1),
    /// Patient's Name (2); STUDY: Study Date, Study Time, Study Instance UID, Study ID
    /// (1), Study Description, Accession Number (2); SERIES: Modality, Series Instance
    /// UID, Series Number (1); IMAGE: Instance Number (1); and the keys of the other
    /// record types (RT, SR, presentation, encapsulated document, hanging protocol,
    /// implant, inventory…) as tabulated in F.5.x. Of the conditional (Type 1C) keys,
    /// Verification DateTime (0040,A030) of an SR DOCUMENT whose Verification Flag is
    /// `VERIFIED` is checked; the others depend on the content of the instance and are
    /// not.
    ///
    /// ## Why
    /// Viewers list and sort the disc from the record keys without opening the files, so
    /// a missing Study Date or Series Number shows as blank or out of order. Several keys
    /// are Type 1 here though Type 2 in the images (Patient ID, Study ID, Series and
    /// Instance Number): a File-set Creator must supply a value.
    ///
    /// ## Standard
    /// PS3.3 F.5.1–F.5.48; PS3.11 D.3.3.
    ///
    /// ## Example
    /// Failing: a SERIES record without Series Number (0020,0011).
    /// Passing: the record with (0020,0011) `1`.
    pub MISSING_KEY, "dicomdir/missing-key", Error,
        "a directory record lacks a key its type requires"
}

/// [`MISSING_KEY`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING_KEY;
}

/// A key requirement: Type 1 (present with a value) or Type 2 (present).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    One,
    Two,
}

use Need::{One, Two};

const fn t(group: u16, element: u16) -> Tag {
    Tag::new(group, element)
}

// The F.5 tables (2024c). Content Date/Time are (0008,0023)/(0008,0033).
const PATIENT: &[(Tag, Need)] = &[(t(0x0010, 0x0010), Two), (t(0x0010, 0x0020), One)];
const STUDY: &[(Tag, Need)] = &[
    (t(0x0008, 0x0020), One),
    (t(0x0008, 0x0030), One),
    (t(0x0008, 0x0050), Two),
    (t(0x0008, 0x1030), Two),
    (t(0x0020, 0x000D), One),
    (t(0x0020, 0x0010), One),
];
const SERIES: &[(Tag, Need)] = &[
    (t(0x0008, 0x0060), One),
    (t(0x0020, 0x000E), One),
    (t(0x0020, 0x0011), One),
];
const INSTANCE: &[(Tag, Need)] = &[(t(0x0020, 0x0013), One)];
const RT_DOSE: &[(Tag, Need)] = &[(t(0x0020, 0x0013), One), (t(0x3004, 0x000A), One)];
const RT_STRUCTURE_SET: &[(Tag, Need)] = &[
    (t(0x0020, 0x0013), One),
    (t(0x3006, 0x0002), One),
    (t(0x3006, 0x0008), Two),
    (t(0x3006, 0x0009), Two),
];
const RT_PLAN: &[(Tag, Need)] = &[(t(0x0020, 0x0013), One), (t(0x300A, 0x0002), One)];
const RT_TREAT_RECORD: &[(Tag, Need)] = &[
    (t(0x0020, 0x0013), One),
    (t(0x3008, 0x0250), Two),
    (t(0x3008, 0x0251), Two),
];
const PRESENTATION: &[(Tag, Need)] = &[
    (t(0x0020, 0x0013), One),
    (t(0x0070, 0x0080), One),
    (t(0x0070, 0x0081), Two),
    (t(0x0070, 0x0082), One),
    (t(0x0070, 0x0083), One),
    (t(0x0070, 0x0084), Two),
];
const CONTENT_DATE_TIME: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), One),
];
const SR: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), One),
    (t(0x0040, 0xA043), One),
    (t(0x0040, 0xA491), One),
    (t(0x0040, 0xA493), One),
];
const KEY_OBJECT: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), One),
    (t(0x0040, 0xA043), One),
];
const SPECTROSCOPY: &[(Tag, Need)] = &[
    (t(0x0008, 0x0008), One),
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), One),
    (t(0x0028, 0x0008), One),
    (t(0x0028, 0x0010), One),
    (t(0x0028, 0x0011), One),
    (t(0x0028, 0x9001), One),
    (t(0x0028, 0x9002), One),
];
const RAW_DATA: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), Two),
];
const CONTENT_IDENTIFICATION: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0020, 0x0013), One),
    (t(0x0070, 0x0080), One),
    (t(0x0070, 0x0081), Two),
    (t(0x0070, 0x0084), Two),
];
const HANGING_PROTOCOL: &[(Tag, Need)] = &[
    (t(0x0072, 0x0002), One),
    (t(0x0072, 0x0004), One),
    (t(0x0072, 0x0006), One),
    (t(0x0072, 0x0008), One),
    (t(0x0072, 0x000A), One),
    (t(0x0072, 0x000C), One),
    (t(0x0072, 0x000E), Two),
    (t(0x0072, 0x0014), One),
];
const ENCAP_DOC: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), Two),
    (t(0x0008, 0x0033), Two),
    (t(0x0020, 0x0013), One),
    (t(0x0040, 0xA043), Two),
    (t(0x0042, 0x0010), Two),
    (t(0x0042, 0x0012), One),
];
const PALETTE: &[(Tag, Need)] = &[(t(0x0070, 0x0080), One), (t(0x0070, 0x0081), Two)];
const IMPLANT: &[(Tag, Need)] = &[
    (t(0x0008, 0x0070), One),
    (t(0x0022, 0x1095), One),
    (t(0x0022, 0x1097), One),
];
const IMPLANT_ASSY: &[(Tag, Need)] = &[
    (t(0x0008, 0x0070), One),
    (t(0x0076, 0x0001), One),
    (t(0x0076, 0x0020), One),
];
const IMPLANT_GROUP: &[(Tag, Need)] = &[(t(0x0078, 0x0001), One), (t(0x0078, 0x0020), One)];
const SURFACE_SCAN: &[(Tag, Need)] = &[(t(0x0008, 0x0023), One), (t(0x0008, 0x0033), One)];
const ASSESSMENT: &[(Tag, Need)] = &[
    (t(0x0008, 0x0012), One),
    (t(0x0008, 0x0013), Two),
    (t(0x0020, 0x0013), One),
];
const RADIOTHERAPY: &[(Tag, Need)] = &[
    (t(0x0020, 0x0013), One),
    (t(0x0070, 0x0081), Two),
    (t(0x0070, 0x0084), Two),
];
const INVENTORY: &[(Tag, Need)] = &[
    (t(0x0008, 0x0023), One),
    (t(0x0008, 0x0033), One),
    (t(0x0008, 0x0401), Two),
    (t(0x0008, 0x0403), One),
    (t(0x0008, 0x0426), One),
    (t(0x0008, 0x0428), One),
];
const NONE: &[(Tag, Need)] = &[];

/// The keys F.5 requires of `kind` (without the 1C ones and (0008,0005)).
fn required(kind: RecordType) -> &'static [(Tag, Need)] {
    use RecordType as R;
    match kind {
        R::Patient => PATIENT,
        R::Study => STUDY,
        R::Series => SERIES,
        R::Image => INSTANCE,
        R::RtDose => RT_DOSE,
        R::RtStructureSet => RT_STRUCTURE_SET,
        R::RtPlan => RT_PLAN,
        R::RtTreatRecord => RT_TREAT_RECORD,
        R::Presentation => PRESENTATION,
        R::Waveform => CONTENT_DATE_TIME,
        R::SrDocument => SR,
        R::KeyObjectDoc => KEY_OBJECT,
        R::Spectroscopy => SPECTROSCOPY,
        R::RawData => RAW_DATA,
        R::Registration
        | R::Fiducial
        | R::ValueMap
        | R::Measurement
        | R::Surface
        | R::Tract
        | R::Annotation => CONTENT_IDENTIFICATION,
        R::HangingProtocol => HANGING_PROTOCOL,
        R::EncapDoc => ENCAP_DOC,
        R::Palette => PALETTE,
        R::Implant => IMPLANT,
        R::ImplantAssy => IMPLANT_ASSY,
        R::ImplantGroup => IMPLANT_GROUP,
        R::SurfaceScan => SURFACE_SCAN,
        R::Assessment => ASSESSMENT,
        R::Radiotherapy => RADIOTHERAPY,
        R::Inventory => INVENTORY,
        _ => NONE,
    }
}

/// Judges one record's keys as its item closes (the caller asks whether the rule is
/// selected, once per DICOMDIR).
pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, record: &RecordKeys) {
    let report = |out: &mut Reporter<'_>, tag: Tag, message: core::fmt::Arguments<'_>| {
        out.report(
            &MISSING_KEY,
            record.header,
            Some(tag),
            Some(record.record),
            message,
        );
    };
    for &(tag, need) in required(record.kind) {
        let Some(bit) = key_bit(tag) else { continue };
        let present = record.present & bit != 0;
        let filled = record.filled & bit != 0;
        let keyword = lint_core::dictionary::keyword(tag).unwrap_or("key");
        let kind = record.kind.defined_term().unwrap_or("");
        if !present {
            let ty = if need == One { 1 } else { 2 };
            report(
                out,
                tag,
                format_args!("the {kind} record has no {keyword} {tag} (Type {ty})"),
            );
        } else if need == One && !filled {
            report(
                out,
                tag,
                format_args!(
                    "the {kind} record's {keyword} {tag} is empty (Type 1: it needs a value)"
                ),
            );
        }
    }
    // F.5.25: Verification DateTime is Type 1C, required when the flag is VERIFIED.
    if record.kind == RecordType::SrDocument && record.verified {
        let tag = Tag::new(0x0040, 0xA030);
        if key_bit(tag).is_some_and(|bit| record.filled & bit == 0) {
            report(
                out,
                tag,
                format_args!(
                    "the SR DOCUMENT record's Verification Flag is VERIFIED but its VerificationDateTime {tag} is absent or empty (Type 1C: required when VERIFIED)"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::{DataSet, Item};
    use lint_core::tag::tags;
    use lint_core::{Tag, Vr};

    use super::super::scan::KEY_TAGS;
    use super::super::tests::{build, example, example_records, hits, only};
    use super::{Need, required};

    #[test]
    fn every_required_key_has_a_bit() {
        for (kind, _) in lint_core::dicomdir::DEFINED_TERMS {
            for (tag, _) in required(kind) {
                assert!(KEY_TAGS.contains(tag), "{tag} of {kind:?}");
            }
        }
    }

    #[test]
    fn a_series_without_number_and_an_empty_patient_id_fire() {
        let mut records = example_records();
        records[2].keys = DataSet::new().el(tags::MODALITY, Vr::CS, "CT").el(
            tags::SERIES_INSTANCE_UID,
            Vr::UI,
            "1.2.826.0.1.3680043.10.1234.9.3.1",
        );
        records[5].keys = DataSet::new()
            .el(tags::PATIENT_NAME, Vr::PN, "Doe^Patient2")
            .el(tags::PATIENT_ID, Vr::LO, "");
        let found = only(&build(records), "dicomdir/missing-key");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].path, "(0004,1220)[2]/(0020,0011)");
        assert!(found[0].message.contains("SeriesNumber"), "{found:?}");
        assert!(found[1].message.contains("empty"), "{found:?}");
    }

    /// An SR DOCUMENT record in place of the example's first IMAGE record, with `keys`.
    fn sr_document(keys: DataSet) -> impl core::ops::Deref<Target = [u8]> {
        let mut records = example_records();
        if let Some(record) = records.iter_mut().find(|r| r.kind == "IMAGE") {
            record.kind = "SR DOCUMENT";
            record.keys = keys;
        }
        build(records)
    }

    /// The keys F.5.25 requires of an SR DOCUMENT record, with Verification Flag `flag`.
    fn sr_keys(flag: &str) -> DataSet {
        let concept = DataSet::new()
            .el(Tag::new(0x0008, 0x0100), Vr::SH, "18748-4")
            .el(Tag::new(0x0008, 0x0102), Vr::SH, "LN")
            .el(
                Tag::new(0x0008, 0x0104),
                Vr::LO,
                "Diagnostic Imaging Report",
            );
        DataSet::new()
            .el(Tag::new(0x0008, 0x0023), Vr::DA, "20240131")
            .el(Tag::new(0x0008, 0x0033), Vr::TM, "093000")
            .el(tags::INSTANCE_NUMBER, Vr::IS, "1")
            .seq(
                Tag::new(0x0040, 0xA043),
                [concept].into_iter().map(Item::new).collect(),
            )
            .el(Tag::new(0x0040, 0xA491), Vr::CS, "COMPLETE")
            .el(Tag::new(0x0040, 0xA493), Vr::CS, flag)
    }

    #[test]
    fn a_verified_sr_document_needs_its_verification_datetime() {
        let found = only(&sr_document(sr_keys("VERIFIED")), "dicomdir/missing-key");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("(0040,A030)"), "{found:?}");
        assert!(found[0].message.contains("Type 1C"), "{found:?}");
        let dated = sr_keys("VERIFIED").el(Tag::new(0x0040, 0xA030), Vr::DT, "20240131093000");
        assert!(hits(&sr_document(dated)).is_empty());
        let empty = sr_keys("VERIFIED").el(Tag::new(0x0040, 0xA030), Vr::DT, "");
        assert_eq!(only(&sr_document(empty), "dicomdir/missing-key").len(), 1);
    }

    #[test]
    fn an_unverified_sr_document_needs_no_verification_datetime() {
        assert!(hits(&sr_document(sr_keys("UNVERIFIED"))).is_empty());
    }

    #[test]
    fn a_type_2_key_may_be_empty() {
        let mut records = example_records();
        records[5].keys =
            DataSet::new()
                .el(tags::PATIENT_NAME, Vr::PN, "")
                .el(tags::PATIENT_ID, Vr::LO, "PID2");
        assert!(hits(&build(records)).is_empty());
        assert!(hits(&example()).is_empty());
        assert_eq!(
            required(lint_core::dicomdir::RecordType::Patient)[0].1,
            Need::Two
        );
    }
}
