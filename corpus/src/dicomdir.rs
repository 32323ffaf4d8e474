//! A media file-set model (patients → studies → series → images) that writes both the
//! image files and a DICOMDIR that agrees with them (PS3.3 Annex F, PS3.10 §8).
//!
//! The DICOMDIR keys are taken from the same model as the image files, so keys, UIDs and
//! the (0004,1510)/(0004,1511)/(0004,1512) triplets agree with the referenced files by
//! construction. [`DicomDir`] writes the Basic Directory; offsets are computed in two
//! passes: records are encoded once with zero offsets to learn their sizes (a UL is 4
//! bytes whatever its value), then again with the real offsets.

use lint_core::tag::tags;
use lint_core::{Tag, Vr};

use crate::builder::{DataSet, Enc, Item, Meta, part10, ts};

/// CT Image Storage.
pub const CT_IMAGE_STORAGE: &str = "1.2.840.10008.5.1.4.1.1.2";
/// MR Image Storage.
pub const MR_IMAGE_STORAGE: &str = "1.2.840.10008.5.1.4.1.1.4";
/// Media Storage Directory Storage: the SOP Class of a DICOMDIR (PS3.10 §8.6).
pub const MEDIA_STORAGE_DIRECTORY: &str = "1.2.840.10008.1.3.10";

/// One image: an IMAGE record and the file it references.
#[derive(Clone, Debug)]
pub struct Image {
    /// File ID components, e.g. `["DICOM", "P0000001", …]`: upper case, digits and `_`,
    /// at most 8 characters each, no extension (PS3.10 §8.2, §8.5).
    pub file_id: Vec<String>,
    /// SOP Class UID: [`CT_IMAGE_STORAGE`] or [`MR_IMAGE_STORAGE`] (the file's IOD
    /// follows it).
    pub sop_class: &'static str,
    /// SOP Instance UID.
    pub uid: String,
    /// Transfer syntax of the file (any of [`ts`] but the encapsulated ones).
    pub transfer_syntax: &'static str,
    /// Instance Number.
    pub number: u32,
}

impl Image {
    /// A CT image in explicit VR little endian.
    pub fn ct(file_id: Vec<String>, uid: String, number: u32) -> Self {
        Image {
            file_id,
            sop_class: CT_IMAGE_STORAGE,
            uid,
            transfer_syntax: ts::EXPLICIT_LE,
            number,
        }
    }

    /// An MR image in explicit VR little endian.
    pub fn mr(file_id: Vec<String>, uid: String, number: u32) -> Self {
        Image {
            sop_class: MR_IMAGE_STORAGE,
            ..Image::ct(file_id, uid, number)
        }
    }
}

/// One series.
#[derive(Clone, Debug)]
pub struct Series {
    /// Modality (`CT`, `MR`).
    pub modality: &'static str,
    /// Series Instance UID.
    pub uid: String,
    /// Series Number.
    pub number: u32,
    /// Images.
    pub images: Vec<Image>,
}

/// One study.
#[derive(Clone, Debug)]
pub struct Study {
    /// Study Instance UID.
    pub uid: String,
    /// Study Date.
    pub date: &'static str,
    /// Study Time.
    pub time: &'static str,
    /// Study Description (bytes in the patient's character set).
    pub description: Vec<u8>,
    /// Study ID.
    pub id: &'static str,
    /// Accession Number.
    pub accession: &'static str,
    /// Series.
    pub series: Vec<Series>,
}

/// One patient.
#[derive(Clone, Debug)]
pub struct Patient {
    /// Specific Character Set of the patient's files and records (`None`: default).
    pub charset: Option<&'static [u8]>,
    /// Patient's Name, encoded.
    pub name: Vec<u8>,
    /// Patient ID.
    pub id: &'static str,
    /// Patient's Birth Date (may be empty: Type 2).
    pub birth_date: &'static str,
    /// Patient's Sex (`F`, `M`, `O` or empty).
    pub sex: &'static str,
    /// Studies.
    pub studies: Vec<Study>,
}

/// The image file of one instance (8×8 pixels).
pub fn image_file(patient: &Patient, study: &Study, series: &Series, image: &Image) -> Vec<u8> {
    image_file_sized(patient, study, series, image, 8)
}

/// The image file of one instance with `size`×`size` 16-bit pixels: a complete CT or MR
/// Image IOD (so `dciodvfy` finds nothing missing), whose keys are the model's.
pub fn image_file_sized(
    patient: &Patient,
    study: &Study,
    series: &Series,
    image: &Image,
    size: u16,
) -> Vec<u8> {
    let is_mr = image.sop_class == MR_IMAGE_STORAGE;
    let mut ds = DataSet::new();
    if let Some(charset) = patient.charset {
        ds = ds.el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset);
    }
    let count = u32::from(size) * u32::from(size);
    let pixels: Vec<u8> = (0..count)
        .flat_map(|i| ((i * 37 % 4096) as u16).to_le_bytes())
        .collect();
    // Slices 5 mm apart along the patient axis, one per instance number.
    let z = format!("{}", i64::from(image.number) * 5);
    let mut ds = ds
        .el(
            Tag::new(0x0008, 0x0008),
            Vr::CS,
            if is_mr {
                "ORIGINAL\\PRIMARY\\OTHER"
            } else {
                "ORIGINAL\\PRIMARY\\AXIAL"
            },
        )
        .el(tags::SOP_CLASS_UID, Vr::UI, image.sop_class)
        .el(tags::SOP_INSTANCE_UID, Vr::UI, &image.uid)
        .el(tags::STUDY_DATE, Vr::DA, study.date)
        .el(tags::STUDY_TIME, Vr::TM, study.time)
        .el(tags::ACCESSION_NUMBER, Vr::SH, study.accession)
        .el(tags::MODALITY, Vr::CS, series.modality)
        .el(Tag::new(0x0008, 0x0070), Vr::LO, "DCMLINT")
        .el(Tag::new(0x0008, 0x0090), Vr::PN, "")
        .el(tags::STUDY_DESCRIPTION, Vr::LO, &study.description)
        .el(tags::PATIENT_NAME, Vr::PN, &patient.name)
        .el(tags::PATIENT_ID, Vr::LO, patient.id)
        .el(tags::PATIENT_BIRTH_DATE, Vr::DA, patient.birth_date)
        .el(tags::PATIENT_SEX, Vr::CS, patient.sex);
    // An unpaired body part, so Laterality (0020,0060, Type 2C) is rightly absent.
    ds = ds.el(Tag::new(0x0018, 0x0015), Vr::CS, "HEAD");
    ds = if is_mr {
        ds.el(Tag::new(0x0018, 0x0020), Vr::CS, "SE")
            .el(Tag::new(0x0018, 0x0021), Vr::CS, "NONE")
            .el(Tag::new(0x0018, 0x0022), Vr::CS, "")
            .el(Tag::new(0x0018, 0x0023), Vr::CS, "2D")
            .el(Tag::new(0x0018, 0x0050), Vr::DS, "5")
            .el(Tag::new(0x0018, 0x0080), Vr::DS, "500")
            .el(Tag::new(0x0018, 0x0081), Vr::DS, "20")
            .el(Tag::new(0x0018, 0x0091), Vr::IS, "1")
    } else {
        ds.el(Tag::new(0x0018, 0x0050), Vr::DS, "5")
            .el(Tag::new(0x0018, 0x0060), Vr::DS, "120")
    };
    let mut ds = ds
        .el(Tag::new(0x0018, 0x5100), Vr::CS, "HFS")
        .el(tags::STUDY_INSTANCE_UID, Vr::UI, &study.uid)
        .el(tags::SERIES_INSTANCE_UID, Vr::UI, &series.uid)
        .el(tags::STUDY_ID, Vr::SH, study.id)
        .el(tags::SERIES_NUMBER, Vr::IS, series.number.to_string())
        .el(Tag::new(0x0020, 0x0012), Vr::IS, "1")
        .el(tags::INSTANCE_NUMBER, Vr::IS, image.number.to_string())
        .el(Tag::new(0x0020, 0x0032), Vr::DS, format!("0\\0\\{z}"))
        .el(Tag::new(0x0020, 0x0037), Vr::DS, "1\\0\\0\\0\\1\\0")
        // One frame of reference per series: its images share the patient coordinates.
        .el(
            Tag::new(0x0020, 0x0052),
            Vr::UI,
            format!("{}.1", series.uid),
        )
        .el(Tag::new(0x0020, 0x1040), Vr::LO, "")
        .us(Tag::new(0x0028, 0x0002), 1)
        .el(Tag::new(0x0028, 0x0004), Vr::CS, "MONOCHROME2")
        .us(Tag::new(0x0028, 0x0010), size)
        .us(Tag::new(0x0028, 0x0011), size)
        .el(Tag::new(0x0028, 0x0030), Vr::DS, "0.5\\0.5")
        .us(Tag::new(0x0028, 0x0100), 16)
        .us(Tag::new(0x0028, 0x0101), 12)
        .us(Tag::new(0x0028, 0x0102), 11)
        .us(Tag::new(0x0028, 0x0103), 0);
    if !is_mr {
        ds = ds.el(Tag::new(0x0028, 0x1052), Vr::DS, "-1024").el(
            Tag::new(0x0028, 0x1053),
            Vr::DS,
            "1",
        );
    }
    let ds = ds.el(tags::PIXEL_DATA, Vr::OW, pixels);
    part10(
        &Meta::new(image.sop_class, &image.uid, image.transfer_syntax),
        &ds,
    )
}

/// A directory record before offsets are known. [`records`] makes them from a model;
/// recipes of defective DICOMDIRs edit the list and write it with
/// [`DicomDir::from_records`].
#[derive(Clone, Debug)]
pub struct Record {
    /// The keys (and any other element) after the bookkeeping and reference elements,
    /// in tag order.
    pub keys: DataSet,
    /// The Directory Record Type (0004,1430) value.
    pub kind: &'static str,
    /// The referenced instance, for a record that references one: (0004,1500) to
    /// (0004,1512) are written from it.
    pub image: Option<Image>,
    /// The record whose lower-level entity this one is in (an index into the list;
    /// `None`: the root). A parent comes before its children.
    pub parent: Option<usize>,
    /// Bookkeeping or reference elements (tags of (0004,14xx)/(0004,15xx)) to leave out.
    pub omit: Vec<Tag>,
}

impl Record {
    /// A record of type `kind` with `keys` below `parent`.
    pub fn new(kind: &'static str, keys: DataSet, parent: Option<usize>) -> Self {
        Record {
            keys,
            kind,
            image: None,
            parent,
            omit: Vec::new(),
        }
    }
}

/// The records of `patients` in pre-order (each record before its lower-level entity),
/// with the keys PS3.3 F.5.1–F.5.4 require.
pub fn records(patients: &[Patient]) -> Vec<Record> {
    let mut out = Vec::new();
    for patient in patients {
        // Records carry their own (0008,0005): a reader may not rely on the DICOMDIR's
        // top level or on the referenced file for it (PS3.3 F.5, PS3.5 §7.5.3).
        let scs = || {
            patient.charset.map_or_else(DataSet::new, |charset| {
                DataSet::new().el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset)
            })
        };
        let keys = scs().el(tags::PATIENT_NAME, Vr::PN, &patient.name).el(
            tags::PATIENT_ID,
            Vr::LO,
            patient.id,
        );
        let p = out.len();
        out.push(Record {
            keys,
            kind: "PATIENT",
            image: None,
            parent: None,
            omit: Vec::new(),
        });
        for study in &patient.studies {
            let keys = scs()
                .el(tags::STUDY_DATE, Vr::DA, study.date)
                .el(tags::STUDY_TIME, Vr::TM, study.time)
                .el(tags::ACCESSION_NUMBER, Vr::SH, study.accession)
                .el(tags::STUDY_DESCRIPTION, Vr::LO, &study.description)
                .el(tags::STUDY_INSTANCE_UID, Vr::UI, &study.uid)
                .el(tags::STUDY_ID, Vr::SH, study.id);
            let s = out.len();
            out.push(Record {
                keys,
                kind: "STUDY",
                image: None,
                parent: Some(p),
                omit: Vec::new(),
            });
            for series in &study.series {
                // SERIES and IMAGE keys are plain ASCII, so they need no (0008,0005).
                let keys = DataSet::new()
                    .el(tags::MODALITY, Vr::CS, series.modality)
                    .el(tags::SERIES_INSTANCE_UID, Vr::UI, &series.uid)
                    .el(tags::SERIES_NUMBER, Vr::IS, series.number.to_string());
                let r = out.len();
                out.push(Record {
                    keys,
                    kind: "SERIES",
                    image: None,
                    parent: Some(s),
                    omit: Vec::new(),
                });
                for image in &series.images {
                    let keys =
                        DataSet::new().el(tags::INSTANCE_NUMBER, Vr::IS, image.number.to_string());
                    out.push(Record {
                        keys,
                        kind: "IMAGE",
                        image: Some(image.clone()),
                        parent: Some(r),
                        omit: Vec::new(),
                    });
                }
            }
        }
    }
    out
}

/// The data set of one record item: the (0004,14xx) bookkeeping, the reference, the keys.
fn record_data_set(record: &Record, next: u32, lower: u32, enc: Enc) -> DataSet {
    let mut elements: Vec<(Tag, Vr, Vec<u8>)> = vec![
        (
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            Vr::UL,
            next.to_le_bytes().to_vec(),
        ),
        (
            tags::RECORD_IN_USE_FLAG,
            Vr::US,
            0xFFFFu16.to_le_bytes().to_vec(),
        ),
        (
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            Vr::UL,
            lower.to_le_bytes().to_vec(),
        ),
        (
            tags::DIRECTORY_RECORD_TYPE,
            Vr::CS,
            record.kind.as_bytes().to_vec(),
        ),
    ];
    if let Some(image) = &record.image {
        elements.extend([
            // A multi-valued CS: the components separated by `\`.
            (
                tags::REFERENCED_FILE_ID,
                Vr::CS,
                image.file_id.join("\\").into_bytes(),
            ),
            (
                tags::REFERENCED_SOP_CLASS_UID_IN_FILE,
                Vr::UI,
                image.sop_class.as_bytes().to_vec(),
            ),
            (
                tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE,
                Vr::UI,
                image.uid.as_bytes().to_vec(),
            ),
            (
                tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE,
                Vr::UI,
                image.transfer_syntax.as_bytes().to_vec(),
            ),
        ]);
    }
    let ds = elements
        .into_iter()
        .filter(|(tag, _, _)| !record.omit.contains(tag))
        .fold(DataSet::new(), |ds, (tag, vr, value)| ds.el(tag, vr, value));
    ds.raw(record.keys.encode(enc))
}

/// A Basic Directory (DICOMDIR) under construction.
///
/// ```
/// use dcmlint_corpus::dicomdir::{DicomDir, Image, Patient, Series, Study};
/// let image = Image::ct(vec!["DICOM".into(), "IM1".into()], "1.2.3.4.1".into(), 1);
/// let series = Series { modality: "CT", uid: "1.2.3.3".into(), number: 1, images: vec![image] };
/// let study = Study {
///     uid: "1.2.3.2".into(), date: "20240131", time: "093000", description: b"CT".to_vec(),
///     id: "1", accession: "A1", series: vec![series],
/// };
/// let patients = [Patient {
///     charset: None, name: b"Doe^Jane".to_vec(), id: "P1", birth_date: "", sex: "F",
///     studies: vec![study],
/// }];
/// let bytes = DicomDir::new("DISC1", "1.2.3.5", &patients).undefined_lengths(true).build();
/// assert_eq!(&bytes[128..132], b"DICM");
/// ```
#[derive(Clone, Debug)]
pub struct DicomDir<'a> {
    file_set_id: String,
    file_set_uid: String,
    patients: &'a [Patient],
    /// Records given as such ([`DicomDir::from_records`]) rather than from `patients`.
    records: Option<Vec<Record>>,
    undefined_lengths: bool,
    transfer_syntax: &'static str,
    /// File-set Descriptor File ID (0004,1141), if any.
    descriptor: Option<String>,
}

impl<'a> DicomDir<'a> {
    /// A DICOMDIR for `patients`: File-set ID (0004,1130) `file_set_id` (`A–Z 0–9 _`, at
    /// most 16), File-set UID (its (0002,0003)) `file_set_uid`.
    pub fn new(file_set_id: &str, file_set_uid: &str, patients: &'a [Patient]) -> Self {
        DicomDir {
            file_set_id: file_set_id.to_owned(),
            file_set_uid: file_set_uid.to_owned(),
            patients,
            records: None,
            undefined_lengths: false,
            transfer_syntax: ts::EXPLICIT_LE,
            descriptor: None,
        }
    }

    /// A DICOMDIR of the given records, in this order (for defects the model cannot
    /// express).
    pub fn from_records(file_set_id: &str, file_set_uid: &str, records: Vec<Record>) -> Self {
        DicomDir {
            records: Some(records),
            ..DicomDir::new(file_set_id, file_set_uid, &[])
        }
    }

    /// Writes the Directory Record Sequence and its items with undefined lengths (and
    /// delimiters) instead of the explicit lengths dcmmkdir writes.
    pub fn undefined_lengths(mut self, undefined: bool) -> Self {
        self.undefined_lengths = undefined;
        self
    }

    /// Writes the data set in `transfer_syntax` (implicit VR LE or explicit VR BE; any
    /// other is written as explicit VR LE) instead of the explicit VR LE a DICOMDIR must
    /// use: for defective DICOMDIRs.
    pub fn transfer_syntax(mut self, transfer_syntax: &'static str) -> Self {
        self.transfer_syntax = transfer_syntax;
        self
    }

    /// Names a File-set Descriptor File (0004,1141): `file_id` is its File ID, components
    /// separated by `\` (PS3.12 A.1.2 recommends `README`).
    pub fn descriptor(mut self, file_id: &str) -> Self {
        self.descriptor = Some(file_id.to_owned());
        self
    }

    /// The DICOMDIR file.
    pub fn build(&self) -> Vec<u8> {
        let meta = Meta::new(
            MEDIA_STORAGE_DIRECTORY,
            &self.file_set_uid,
            self.transfer_syntax,
        );
        let (enc, sequence_header) = match self.transfer_syntax {
            ts::IMPLICIT_LE => (Enc::ImplicitLe, 8),
            ts::EXPLICIT_BE => (Enc::ExplicitBe, SEQUENCE_HEADER),
            _ => (Enc::ExplicitLe, SEQUENCE_HEADER),
        };
        let records = self
            .records
            .clone()
            .unwrap_or_else(|| records(self.patients));
        let item = |ds: DataSet| {
            if self.undefined_lengths {
                Item::undefined(ds)
            } else {
                Item::new(ds)
            }
        };
        // Pass 1: the size of each record item (header, body, delimiter if any).
        let sizes: Vec<u32> = records
            .iter()
            .map(|r| {
                DataSet::new()
                    .seq(
                        tags::DIRECTORY_RECORD_SEQUENCE,
                        vec![item(record_data_set(r, 0, 0, enc))],
                    )
                    .encode(enc)
                    .len() as u32
                    - sequence_header
            })
            .collect();
        let head = |first: u32, last: u32| {
            let mut ds = DataSet::new().el(tags::FILE_SET_ID, Vr::CS, &self.file_set_id);
            if let Some(descriptor) = &self.descriptor {
                ds = ds.el(tags::FILE_SET_DESCRIPTOR_FILE_ID, Vr::CS, descriptor);
            }
            ds.ul(
                tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                first,
            )
            .ul(
                tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                last,
            )
            .us(tags::FILE_SET_CONSISTENCY_FLAG, 0)
        };
        // Offsets count from the first byte of the preamble (PS3.3 Table F.3-3 notes).
        let start =
            meta.encode().len() as u32 + head(0, 0).encode(enc).len() as u32 + sequence_header;
        let offsets: Vec<u32> = sizes
            .iter()
            .scan(start, |at, size| {
                let here = *at;
                *at += size;
                Some(here)
            })
            .collect();
        // Pass 2: the same records with their offsets.
        let items: Vec<Item> = records
            .iter()
            .enumerate()
            .map(|(i, record)| {
                let next = (i + 1..records.len())
                    .find(|&j| records[j].parent == record.parent)
                    .map_or(0, |j| offsets[j]);
                let lower = records
                    .iter()
                    .position(|r| r.parent == Some(i))
                    .map_or(0, |j| offsets[j]);
                item(record_data_set(record, next, lower, enc))
            })
            .collect();
        let roots: Vec<u32> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.parent.is_none())
            .map(|(i, _)| offsets[i])
            .collect();
        let head = head(
            roots.first().copied().unwrap_or(0),
            roots.last().copied().unwrap_or(0),
        );
        let ds = if self.undefined_lengths {
            head.seq_undefined(tags::DIRECTORY_RECORD_SEQUENCE, items)
        } else {
            head.seq(tags::DIRECTORY_RECORD_SEQUENCE, items)
        };
        part10(&meta, &ds)
    }
}

/// Tag, VR, reserved bytes and length of the (0004,1220) header in explicit VR LE.
const SEQUENCE_HEADER: u32 = 12;

/// The DICOMDIR of a file-set, with explicit lengths.
pub fn dicomdir(file_set_id: &str, file_set_uid: &str, patients: &[Patient]) -> Vec<u8> {
    DicomDir::new(file_set_id, file_set_uid, patients).build()
}

/// A small ASCII file-set model for tests: two patients, each with one study of one
/// CT series of two images (10 records).
pub fn example_patients() -> Vec<Patient> {
    let root = "1.2.826.0.1.3680043.10.1234.9";
    (1..=2u32)
        .map(|p| {
            let images = (1..=2u32)
                .map(|i| {
                    Image::ct(
                        vec!["DICOM".into(), format!("P{p}"), format!("IM{i}")],
                        format!("{root}.4.{p}.{i}"),
                        i,
                    )
                })
                .collect();
            Patient {
                charset: None,
                name: format!("Doe^Patient{p}").into_bytes(),
                id: if p == 1 { "PID1" } else { "PID2" },
                birth_date: "",
                sex: "O",
                studies: vec![Study {
                    uid: format!("{root}.2.{p}"),
                    date: "20240131",
                    time: "093000",
                    description: b"CT HEAD".to_vec(),
                    id: "1",
                    accession: "A1",
                    series: vec![Series {
                        modality: "CT",
                        uid: format!("{root}.3.{p}"),
                        number: 1,
                        images,
                    }],
                }],
            }
        })
        .collect()
}

/// The DICOMDIR of [`example_patients`].
pub fn example() -> Vec<u8> {
    dicomdir(
        "EXAMPLE",
        "1.2.826.0.1.3680043.10.1234.9.5",
        &example_patients(),
    )
}

/// Byte edits that keep every length and offset, for defective DICOMDIRs.
pub mod edit {
    use lint_core::Tag;

    /// Where the `nth` (from 0) explicit VR little endian element `tag` with VR `vr`
    /// starts its value, found by its header bytes.
    ///
    /// # Panics
    /// When there is no such element (a recipe bug).
    pub fn value_at(bytes: &[u8], tag: Tag, vr: &[u8; 2], nth: usize) -> usize {
        let mut header = Vec::new();
        header.extend_from_slice(&tag.group.to_le_bytes());
        header.extend_from_slice(&tag.element.to_le_bytes());
        header.extend_from_slice(vr);
        let at = bytes
            .windows(header.len())
            .enumerate()
            .filter(|(_, w)| *w == header.as_slice())
            .map(|(i, _)| i)
            .nth(nth);
        match at {
            Some(at) => at + header.len() + 2,
            None => panic!("no element {tag} number {nth}"),
        }
    }

    /// The value of the `nth` UL element `tag`.
    pub fn ul(bytes: &[u8], tag: Tag, nth: usize) -> u32 {
        let at = value_at(bytes, tag, b"UL", nth);
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    /// Sets the value of the `nth` UL element `tag`.
    pub fn set_ul(bytes: &mut [u8], tag: Tag, nth: usize, value: u32) {
        let at = value_at(bytes, tag, b"UL", nth);
        bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    /// Sets the value of the `nth` US element `tag`.
    pub fn set_us(bytes: &mut [u8], tag: Tag, nth: usize, value: u16) {
        let at = value_at(bytes, tag, b"US", nth);
        bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
    }

    /// Replaces the `nth` occurrence of `from` by `to`, of the same length.
    ///
    /// # Panics
    /// When the lengths differ or there is no such occurrence (a recipe bug).
    pub fn replace(bytes: &mut [u8], from: &[u8], to: &[u8], nth: usize) {
        assert_eq!(from.len(), to.len(), "a same-length edit");
        let at = bytes
            .windows(from.len())
            .enumerate()
            .filter(|(_, w)| *w == from)
            .map(|(i, _)| i)
            .nth(nth);
        match at {
            Some(at) => bytes[at..at + to.len()].copy_from_slice(to),
            None => panic!("no occurrence {nth} of {from:?}"),
        }
    }
}

/// File ID components from string slices (`["DICOM", "P1", "IM1"]`).
pub fn file_id(components: &[&str]) -> Vec<String> {
    components.iter().map(|c| (*c).to_owned()).collect()
}
