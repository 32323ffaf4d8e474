//! Directory Record Types (0004,1430) and the record hierarchy, as data.
//!
//! [`RecordType`] holds every Enumerated Value of Directory Record Type (PS3.3 Table F.3-3,
//! 2024c) plus the retired ones that old media still carry, and `WF PRESENTATION`
//! (Supplement 236, newer than 2024c). [`Parent::children`] is PS3.3 Table F.4-1 ("the
//! record types allowed in the next lower-level directory entity") and
//! [`Parent::retired_children`] the pairs of the retired hierarchy (print queues, topics,
//! visits, results…), so a rule judges a parent/child pair with one call to [`placement`]
//! and the table stays reviewable next to the standard.

/// A Directory Record Type (0004,1430), identified by its Defined Term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordType {
    /// `PATIENT` (F.5.1).
    Patient,
    /// `STUDY` (F.5.2).
    Study,
    /// `SERIES` (F.5.3).
    Series,
    /// `IMAGE` (F.5.4).
    Image,
    /// `RT DOSE` (F.5.19).
    RtDose,
    /// `RT STRUCTURE SET` (F.5.20).
    RtStructureSet,
    /// `RT PLAN` (F.5.21).
    RtPlan,
    /// `RT TREAT RECORD` (F.5.22).
    RtTreatRecord,
    /// `PRESENTATION` (F.5.23).
    Presentation,
    /// `WAVEFORM` (F.5.24).
    Waveform,
    /// `SR DOCUMENT` (F.5.25).
    SrDocument,
    /// `KEY OBJECT DOC` (F.5.26).
    KeyObjectDoc,
    /// `SPECTROSCOPY` (F.5.27).
    Spectroscopy,
    /// `RAW DATA` (F.5.28).
    RawData,
    /// `REGISTRATION` (F.5.29).
    Registration,
    /// `FIDUCIAL` (F.5.30).
    Fiducial,
    /// `HANGING PROTOCOL` (F.5.31).
    HangingProtocol,
    /// `ENCAP DOC` (F.5.32).
    EncapDoc,
    /// `VALUE MAP` (F.5.34).
    ValueMap,
    /// `STEREOMETRIC` (F.5.35).
    Stereometric,
    /// `PALETTE` (F.5.36).
    Palette,
    /// `IMPLANT` (F.5.37).
    Implant,
    /// `IMPLANT ASSY` (F.5.38).
    ImplantAssy,
    /// `IMPLANT GROUP` (F.5.39).
    ImplantGroup,
    /// `PLAN` (F.5.40).
    Plan,
    /// `MEASUREMENT` (F.5.41).
    Measurement,
    /// `SURFACE` (F.5.42).
    Surface,
    /// `SURFACE SCAN` (F.5.43).
    SurfaceScan,
    /// `TRACT` (F.5.44).
    Tract,
    /// `ASSESSMENT` (F.5.45).
    Assessment,
    /// `RADIOTHERAPY` (F.5.46).
    Radiotherapy,
    /// `ANNOTATION` (F.5.47).
    Annotation,
    /// `INVENTORY` (F.5.48).
    Inventory,
    /// `WF PRESENTATION`: waveform presentation states, added by Supplement 236 after
    /// 2024c.
    WfPresentation,
    /// `PRIVATE` (F.6.1): identified by Private Record UID (0004,1432).
    Private,
    /// `PRINT QUEUE` (retired).
    PrintQueue,
    /// `FILM SESSION` (retired).
    FilmSession,
    /// `FILM BOX` (retired).
    FilmBox,
    /// `IMAGE BOX` (retired).
    ImageBox,
    /// `OVERLAY` (retired).
    Overlay,
    /// `MODALITY LUT` (retired).
    ModalityLut,
    /// `VOI LUT` (retired).
    VoiLut,
    /// `CURVE` (retired).
    Curve,
    /// `TOPIC` (retired).
    Topic,
    /// `VISIT` (retired).
    Visit,
    /// `RESULTS` (retired).
    Results,
    /// `INTERPRETATION` (retired).
    Interpretation,
    /// `STUDY COMPONENT` (retired).
    StudyComponent,
    /// `STORED PRINT` (retired).
    StoredPrint,
    /// `MRDR`: Multi-Referenced File Directory Record (retired).
    Mrdr,
    /// `HL7 STRUC DOC` (retired).
    Hl7StrucDoc,
    /// A value that is none of the Defined Terms (lower case, misspelt, vendor-made). The
    /// bytes are in the record's [`super::RecordSlot::directory_record_type`] span.
    Unknown,
}

use RecordType as R;

/// Every Defined Term with its record type, in the order of [`RecordType`].
pub const DEFINED_TERMS: [(RecordType, &str); 51] = [
    (R::Patient, "PATIENT"),
    (R::Study, "STUDY"),
    (R::Series, "SERIES"),
    (R::Image, "IMAGE"),
    (R::RtDose, "RT DOSE"),
    (R::RtStructureSet, "RT STRUCTURE SET"),
    (R::RtPlan, "RT PLAN"),
    (R::RtTreatRecord, "RT TREAT RECORD"),
    (R::Presentation, "PRESENTATION"),
    (R::Waveform, "WAVEFORM"),
    (R::SrDocument, "SR DOCUMENT"),
    (R::KeyObjectDoc, "KEY OBJECT DOC"),
    (R::Spectroscopy, "SPECTROSCOPY"),
    (R::RawData, "RAW DATA"),
    (R::Registration, "REGISTRATION"),
    (R::Fiducial, "FIDUCIAL"),
    (R::HangingProtocol, "HANGING PROTOCOL"),
    (R::EncapDoc, "ENCAP DOC"),
    (R::ValueMap, "VALUE MAP"),
    (R::Stereometric, "STEREOMETRIC"),
    (R::Palette, "PALETTE"),
    (R::Implant, "IMPLANT"),
    (R::ImplantAssy, "IMPLANT ASSY"),
    (R::ImplantGroup, "IMPLANT GROUP"),
    (R::Plan, "PLAN"),
    (R::Measurement, "MEASUREMENT"),
    (R::Surface, "SURFACE"),
    (R::SurfaceScan, "SURFACE SCAN"),
    (R::Tract, "TRACT"),
    (R::Assessment, "ASSESSMENT"),
    (R::Radiotherapy, "RADIOTHERAPY"),
    (R::Annotation, "ANNOTATION"),
    (R::Inventory, "INVENTORY"),
    (R::WfPresentation, "WF PRESENTATION"),
    (R::Private, "PRIVATE"),
    (R::PrintQueue, "PRINT QUEUE"),
    (R::FilmSession, "FILM SESSION"),
    (R::FilmBox, "FILM BOX"),
    (R::ImageBox, "IMAGE BOX"),
    (R::Overlay, "OVERLAY"),
    (R::ModalityLut, "MODALITY LUT"),
    (R::VoiLut, "VOI LUT"),
    (R::Curve, "CURVE"),
    (R::Topic, "TOPIC"),
    (R::Visit, "VISIT"),
    (R::Results, "RESULTS"),
    (R::Interpretation, "INTERPRETATION"),
    (R::StudyComponent, "STUDY COMPONENT"),
    (R::StoredPrint, "STORED PRINT"),
    (R::Mrdr, "MRDR"),
    (R::Hl7StrucDoc, "HL7 STRUC DOC"),
];

impl RecordType {
    /// The record type a (0004,1430) value names. Leading and trailing spaces are not
    /// significant in CS (PS3.5 Table 6.2-1), and trailing NULs, a common writer slip, are
    /// ignored too so the record can still be placed; the padding is a rule's business.
    /// Matching is exact otherwise: `patient` is [`RecordType::Unknown`].
    pub fn from_value(value: &[u8]) -> RecordType {
        let value = trim(value);
        DEFINED_TERMS
            .iter()
            .find(|(_, term)| term.as_bytes() == value)
            .map_or(RecordType::Unknown, |(record_type, _)| *record_type)
    }

    /// The Defined Term, or `None` for [`RecordType::Unknown`].
    pub fn defined_term(self) -> Option<&'static str> {
        DEFINED_TERMS
            .iter()
            .find(|(record_type, _)| *record_type == self)
            .map(|(_, term)| *term)
    }

    /// Whether the Defined Term is retired (PS3.3 Table F.3-3 and F.4 notes): legacy media
    /// may carry it, a File-set Creator no longer may.
    pub const fn is_retired(self) -> bool {
        matches!(
            self,
            R::PrintQueue
                | R::FilmSession
                | R::FilmBox
                | R::ImageBox
                | R::Overlay
                | R::ModalityLut
                | R::VoiLut
                | R::Curve
                | R::Topic
                | R::Visit
                | R::Results
                | R::Interpretation
                | R::StudyComponent
                | R::StoredPrint
                | R::Mrdr
                | R::Hl7StrucDoc
        )
    }

    /// Whether the Defined Term came after the 2024c edition this table follows
    /// (`WF PRESENTATION`, Supplement 236).
    pub const fn is_newer_than_2024c(self) -> bool {
        matches!(self, R::WfPresentation)
    }

    /// Whether the record "shall be used to reference" a SOP Instance (PS3.3 F.5.4 ff.),
    /// so it needs Referenced File ID (0004,1500) and its triplet.
    pub const fn references_instance(self) -> bool {
        matches!(
            self,
            R::Image
                | R::RtDose
                | R::RtStructureSet
                | R::RtPlan
                | R::RtTreatRecord
                | R::Presentation
                | R::Waveform
                | R::SrDocument
                | R::KeyObjectDoc
                | R::Spectroscopy
                | R::RawData
                | R::Registration
                | R::Fiducial
                | R::HangingProtocol
                | R::EncapDoc
                | R::ValueMap
                | R::Stereometric
                | R::Palette
                | R::Implant
                | R::ImplantAssy
                | R::ImplantGroup
                | R::Plan
                | R::Measurement
                | R::Surface
                | R::SurfaceScan
                | R::Tract
                | R::Assessment
                | R::Radiotherapy
                | R::Annotation
                | R::Inventory
                | R::WfPresentation
        )
    }
}

/// Trims CS padding: spaces at both ends, NULs at the end.
fn trim(mut value: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | 0] = value {
        value = rest;
    }
    while let [b' ', rest @ ..] = value {
        value = rest;
    }
    value
}

/// Where a record sits: in the root directory entity, or in the lower-level entity of a
/// record of some type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Parent {
    /// The root directory entity ((0004,1200) and its sibling chain).
    Root,
    /// The lower-level entity of a record of this type.
    Record(RecordType),
}

/// The verdict of [`placement`] on a parent/child pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placement {
    /// PS3.3 Table F.4-1 lists the pair.
    Allowed,
    /// Not in the 2024c table but accepted: `SURFACE SCAN` under `SERIES` (F.5.43 defines
    /// the record; its omission from the table is taken for an oversight, as DCMTK does)
    /// and `WF PRESENTATION` under `SERIES` (newer than 2024c).
    Unlisted,
    /// A pair of the retired hierarchy (print queues, topics, visits, overlays…).
    Retired,
    /// Below a `PRIVATE` record: any type, privately defined (Table F.4-1).
    PrivatelyDefined,
    /// Parent or child is [`RecordType::Unknown`]: nothing can be said.
    Unknown,
    /// Not allowed.
    NotAllowed,
}

const ROOT_CHILDREN: &[RecordType] = &[
    R::Patient,
    R::HangingProtocol,
    R::Palette,
    R::Implant,
    R::ImplantAssy,
    R::ImplantGroup,
    R::Inventory,
    R::Private,
];
const PATIENT_CHILDREN: &[RecordType] = &[R::Study, R::Private];
const STUDY_CHILDREN: &[RecordType] = &[R::Series, R::Private];
const SERIES_CHILDREN: &[RecordType] = &[
    R::Image,
    R::RtDose,
    R::RtStructureSet,
    R::RtPlan,
    R::RtTreatRecord,
    R::Presentation,
    R::Waveform,
    R::SrDocument,
    R::KeyObjectDoc,
    R::Spectroscopy,
    R::RawData,
    R::Registration,
    R::Fiducial,
    R::EncapDoc,
    R::ValueMap,
    R::Stereometric,
    R::Plan,
    R::Measurement,
    R::Surface,
    R::Tract,
    R::Assessment,
    R::Radiotherapy,
    R::Annotation,
    R::Private,
];
const ONLY_PRIVATE: &[RecordType] = &[R::Private];
const NONE: &[RecordType] = &[];

const RETIRED_ROOT_CHILDREN: &[RecordType] = &[R::Topic, R::PrintQueue];
const RETIRED_PATIENT_CHILDREN: &[RecordType] = &[R::Hl7StrucDoc];
const RETIRED_STUDY_CHILDREN: &[RecordType] =
    &[R::Visit, R::Results, R::StudyComponent, R::FilmSession];
const RETIRED_SERIES_CHILDREN: &[RecordType] = &[
    R::Overlay,
    R::ModalityLut,
    R::VoiLut,
    R::Curve,
    R::StoredPrint,
];
const RETIRED_TOPIC_CHILDREN: &[RecordType] = &[
    R::Study,
    R::Series,
    R::Image,
    R::Overlay,
    R::ModalityLut,
    R::VoiLut,
    R::Curve,
    R::FilmSession,
    R::Private,
];
const RETIRED_PRINT_QUEUE_CHILDREN: &[RecordType] = &[R::FilmSession, R::Private];
const RETIRED_FILM_SESSION_CHILDREN: &[RecordType] = &[R::FilmBox, R::Private];
const RETIRED_FILM_BOX_CHILDREN: &[RecordType] = &[R::ImageBox, R::Private];
const RETIRED_RESULTS_CHILDREN: &[RecordType] = &[R::Interpretation, R::Private];

impl Parent {
    /// The record types PS3.3 Table F.4-1 (2024c) allows in this parent's lower-level
    /// entity. Every instance-level record and `PRIVATE` may hold `PRIVATE` records;
    /// retired and unknown types have no row (see [`Parent::retired_children`]).
    pub const fn children(self) -> &'static [RecordType] {
        match self {
            Parent::Root => ROOT_CHILDREN,
            Parent::Record(R::Patient) => PATIENT_CHILDREN,
            Parent::Record(R::Study) => STUDY_CHILDREN,
            Parent::Record(R::Series) => SERIES_CHILDREN,
            Parent::Record(parent) if parent.references_instance() => ONLY_PRIVATE,
            Parent::Record(R::Private) => ONLY_PRIVATE,
            Parent::Record(_) => NONE,
        }
    }

    /// The pairs of the retired hierarchy (as DCMTK's `checkHierarchy` encodes them):
    /// old media may carry them, a File-set Creator no longer may. Retired leaf types
    /// (`IMAGE BOX`, `OVERLAY`…) may hold `PRIVATE` records; `MRDR` holds nothing.
    pub const fn retired_children(self) -> &'static [RecordType] {
        match self {
            Parent::Root => RETIRED_ROOT_CHILDREN,
            Parent::Record(R::Patient) => RETIRED_PATIENT_CHILDREN,
            Parent::Record(R::Study) => RETIRED_STUDY_CHILDREN,
            Parent::Record(R::Series) => RETIRED_SERIES_CHILDREN,
            Parent::Record(R::Topic) => RETIRED_TOPIC_CHILDREN,
            Parent::Record(R::PrintQueue) => RETIRED_PRINT_QUEUE_CHILDREN,
            Parent::Record(R::FilmSession) => RETIRED_FILM_SESSION_CHILDREN,
            Parent::Record(R::FilmBox) => RETIRED_FILM_BOX_CHILDREN,
            Parent::Record(R::Results) => RETIRED_RESULTS_CHILDREN,
            Parent::Record(R::Mrdr) => NONE,
            Parent::Record(parent) if parent.is_retired() => ONLY_PRIVATE,
            Parent::Record(_) => NONE,
        }
    }
}

/// Whether `list` holds `record_type` (a `const` search: the tables are short).
const fn holds(mut list: &[RecordType], record_type: RecordType) -> bool {
    while let Some((head, rest)) = list.split_first() {
        if *head as u8 == record_type as u8 {
            return true;
        }
        list = rest;
    }
    false
}

/// Judges a record of type `child` in the lower-level entity of `parent` (PS3.3 Table
/// F.4-1 and the notes of dicom-rules §6.4).
pub const fn placement(parent: Parent, child: RecordType) -> Placement {
    if matches!(child, R::Unknown) || matches!(parent, Parent::Record(R::Unknown)) {
        return Placement::Unknown;
    }
    if holds(parent.children(), child) {
        return Placement::Allowed;
    }
    if matches!(parent, Parent::Record(R::Series))
        && matches!(child, R::SurfaceScan | R::WfPresentation)
    {
        return Placement::Unlisted;
    }
    if holds(parent.retired_children(), child) {
        return Placement::Retired;
    }
    if matches!(parent, Parent::Record(R::Private)) {
        return Placement::PrivatelyDefined;
    }
    Placement::NotAllowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_round_trip_and_are_in_enum_order() {
        for (i, (record_type, term)) in DEFINED_TERMS.iter().enumerate() {
            assert_eq!(*record_type as usize, i);
            assert_eq!(RecordType::from_value(term.as_bytes()), *record_type);
            assert_eq!(record_type.defined_term(), Some(*term));
        }
        assert_eq!(RecordType::Unknown as usize, DEFINED_TERMS.len());
        assert_eq!(RecordType::Unknown.defined_term(), None);
    }

    #[test]
    fn padding_is_ignored_but_case_is_not() {
        assert_eq!(RecordType::from_value(b"IMAGE "), RecordType::Image);
        assert_eq!(RecordType::from_value(b" RT DOSE\0"), RecordType::RtDose);
        assert_eq!(RecordType::from_value(b"image"), RecordType::Unknown);
        assert_eq!(RecordType::from_value(b""), RecordType::Unknown);
        assert_eq!(RecordType::from_value(b"RT  DOSE"), RecordType::Unknown);
    }

    #[test]
    fn hierarchy() {
        use Placement::*;
        assert_eq!(placement(Parent::Root, R::Patient), Allowed);
        assert_eq!(placement(Parent::Root, R::Study), NotAllowed);
        assert_eq!(placement(Parent::Root, R::Topic), Retired);
        assert_eq!(placement(Parent::Record(R::Patient), R::Study), Allowed);
        assert_eq!(placement(Parent::Record(R::Patient), R::Series), NotAllowed);
        assert_eq!(placement(Parent::Record(R::Series), R::Image), Allowed);
        assert_eq!(
            placement(Parent::Record(R::Series), R::SurfaceScan),
            Unlisted
        );
        assert_eq!(
            placement(Parent::Record(R::Series), R::WfPresentation),
            Unlisted
        );
        assert_eq!(placement(Parent::Record(R::Series), R::Overlay), Retired);
        assert_eq!(placement(Parent::Record(R::Image), R::Private), Allowed);
        assert_eq!(placement(Parent::Record(R::Image), R::Image), NotAllowed);
        assert_eq!(
            placement(Parent::Record(R::Private), R::Image),
            PrivatelyDefined
        );
        assert_eq!(placement(Parent::Record(R::Private), R::Private), Allowed);
        assert_eq!(
            placement(Parent::Record(R::FilmSession), R::FilmBox),
            Retired
        );
        assert_eq!(placement(Parent::Record(R::Mrdr), R::Private), NotAllowed);
        assert_eq!(placement(Parent::Record(R::Overlay), R::Private), Retired);
        assert_eq!(placement(Parent::Root, R::Unknown), Unknown);
        assert_eq!(placement(Parent::Record(R::Unknown), R::Image), Unknown);
    }

    #[test]
    fn every_current_leaf_may_hold_private_only() {
        for (record_type, _) in DEFINED_TERMS {
            if record_type.references_instance() {
                assert!(!record_type.is_retired());
                assert_eq!(Parent::Record(record_type).children(), &[R::Private]);
            }
        }
    }
}
