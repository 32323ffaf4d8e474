//! A media file-set model (patients → studies → series → images) that writes both the
//! image files and a DICOMDIR that agrees with them (PS3.3 Annex F, PS3.10 §8).
//!
//! Offsets are computed in two passes: records are encoded once with zero offsets to learn
//! their sizes (a UL is 4 bytes whatever its value), then again with the real offsets.

use lint_core::tag::tags;
use lint_core::{Tag, Vr};

use crate::builder::{DataSet, Enc, Item, Meta, part10, ts};

/// CT Image Storage.
pub const CT_IMAGE_STORAGE: &str = "1.2.840.10008.5.1.4.1.1.2";
/// Media Storage Directory Storage.
pub const MEDIA_STORAGE_DIRECTORY: &str = "1.2.840.10008.1.3.10";

/// One image.
#[derive(Clone, Debug)]
pub struct Image {
    /// File ID components, e.g. `["DICOM", "P0000001", …]`.
    pub file_id: Vec<String>,
    /// SOP Instance UID.
    pub uid: String,
    /// Instance Number.
    pub number: u32,
}

/// One series.
#[derive(Clone, Debug)]
pub struct Series {
    /// Modality.
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
    /// Studies.
    pub studies: Vec<Study>,
}

/// The image file of one instance (8×8 pixels).
pub fn image_file(patient: &Patient, study: &Study, series: &Series, image: &Image) -> Vec<u8> {
    image_file_sized(patient, study, series, image, 8)
}

/// The image file of one instance with `size`×`size` 16-bit pixels.
pub fn image_file_sized(
    patient: &Patient,
    study: &Study,
    series: &Series,
    image: &Image,
    size: u16,
) -> Vec<u8> {
    let mut ds = DataSet::new();
    if let Some(charset) = patient.charset {
        ds = ds.el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset);
    }
    let count = u32::from(size) * u32::from(size);
    let pixels: Vec<u8> = (0..count)
        .flat_map(|i| ((i * 37 % 4096) as u16).to_le_bytes())
        .collect();
    let ds = ds
        .el(Tag::new(0x0008, 0x0008), Vr::CS, "ORIGINAL\\PRIMARY\\AXIAL")
        .el(tags::SOP_CLASS_UID, Vr::UI, CT_IMAGE_STORAGE)
        .el(tags::SOP_INSTANCE_UID, Vr::UI, &image.uid)
        .el(Tag::new(0x0008, 0x0020), Vr::DA, study.date)
        .el(Tag::new(0x0008, 0x0030), Vr::TM, study.time)
        .el(Tag::new(0x0008, 0x0050), Vr::SH, study.accession)
        .el(Tag::new(0x0008, 0x0060), Vr::CS, series.modality)
        .el(Tag::new(0x0008, 0x1030), Vr::LO, &study.description)
        .el(tags::PATIENT_NAME, Vr::PN, &patient.name)
        .el(Tag::new(0x0010, 0x0020), Vr::LO, patient.id)
        .el(Tag::new(0x0010, 0x0030), Vr::DA, "")
        .el(Tag::new(0x0010, 0x0040), Vr::CS, "O")
        .el(Tag::new(0x0020, 0x000D), Vr::UI, &study.uid)
        .el(Tag::new(0x0020, 0x000E), Vr::UI, &series.uid)
        .el(Tag::new(0x0020, 0x0010), Vr::SH, study.id)
        .el(Tag::new(0x0020, 0x0011), Vr::IS, series.number.to_string())
        .el(Tag::new(0x0020, 0x0013), Vr::IS, image.number.to_string())
        .us(Tag::new(0x0028, 0x0002), 1)
        .el(Tag::new(0x0028, 0x0004), Vr::CS, "MONOCHROME2")
        .us(Tag::new(0x0028, 0x0010), size)
        .us(Tag::new(0x0028, 0x0011), size)
        .us(Tag::new(0x0028, 0x0100), 16)
        .us(Tag::new(0x0028, 0x0101), 12)
        .us(Tag::new(0x0028, 0x0102), 11)
        .us(Tag::new(0x0028, 0x0103), 0)
        .el(tags::PIXEL_DATA, Vr::OW, pixels);
    part10(
        &Meta::new(CT_IMAGE_STORAGE, &image.uid, ts::EXPLICIT_LE),
        &ds,
    )
}

/// A directory record before offsets are known.
struct Record {
    keys: DataSet,
    kind: &'static str,
    file: Option<(String, String)>,
    parent: Option<usize>,
}

fn records(patients: &[Patient]) -> Vec<Record> {
    let mut out = Vec::new();
    for patient in patients {
        let mut keys = DataSet::new();
        if let Some(charset) = patient.charset {
            keys = keys.el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset);
        }
        let keys = keys.el(tags::PATIENT_NAME, Vr::PN, &patient.name).el(
            Tag::new(0x0010, 0x0020),
            Vr::LO,
            patient.id,
        );
        let p = out.len();
        out.push(Record {
            keys,
            kind: "PATIENT",
            file: None,
            parent: None,
        });
        for study in &patient.studies {
            let mut keys = DataSet::new();
            if let Some(charset) = patient.charset {
                keys = keys.el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset);
            }
            let keys = keys
                .el(Tag::new(0x0008, 0x0020), Vr::DA, study.date)
                .el(Tag::new(0x0008, 0x0030), Vr::TM, study.time)
                .el(Tag::new(0x0008, 0x0050), Vr::SH, study.accession)
                .el(Tag::new(0x0008, 0x1030), Vr::LO, &study.description)
                .el(Tag::new(0x0020, 0x000D), Vr::UI, &study.uid)
                .el(Tag::new(0x0020, 0x0010), Vr::SH, study.id);
            let s = out.len();
            out.push(Record {
                keys,
                kind: "STUDY",
                file: None,
                parent: Some(p),
            });
            for series in &study.series {
                let keys = DataSet::new()
                    .el(Tag::new(0x0008, 0x0060), Vr::CS, series.modality)
                    .el(Tag::new(0x0020, 0x000E), Vr::UI, &series.uid)
                    .el(Tag::new(0x0020, 0x0011), Vr::IS, series.number.to_string());
                let r = out.len();
                out.push(Record {
                    keys,
                    kind: "SERIES",
                    file: None,
                    parent: Some(s),
                });
                for image in &series.images {
                    let keys = DataSet::new().el(
                        Tag::new(0x0020, 0x0013),
                        Vr::IS,
                        image.number.to_string(),
                    );
                    out.push(Record {
                        keys,
                        kind: "IMAGE",
                        file: Some((image.file_id.join("\\"), image.uid.clone())),
                        parent: Some(r),
                    });
                }
            }
        }
    }
    out
}

fn record_item(record: &Record, next: u32, lower: u32) -> Vec<u8> {
    let mut ds = DataSet::new()
        .el(
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            Vr::UL,
            next.to_le_bytes(),
        )
        .us(tags::RECORD_IN_USE_FLAG, 0xFFFF)
        .el(
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            Vr::UL,
            lower.to_le_bytes(),
        )
        .el(tags::DIRECTORY_RECORD_TYPE, Vr::CS, record.kind);
    if let Some((file_id, uid)) = &record.file {
        ds = ds
            .el(tags::REFERENCED_FILE_ID, Vr::CS, file_id)
            .el(
                tags::REFERENCED_SOP_CLASS_UID_IN_FILE,
                Vr::UI,
                CT_IMAGE_STORAGE,
            )
            .el(tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE, Vr::UI, uid)
            .el(
                tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE,
                Vr::UI,
                ts::EXPLICIT_LE,
            );
    }
    let mut bytes = ds.encode(Enc::ExplicitLe);
    bytes.extend(record.keys.encode(Enc::ExplicitLe));
    bytes
}

/// The DICOMDIR of a file-set.
pub fn dicomdir(file_set_id: &str, instance_uid: &str, patients: &[Patient]) -> Vec<u8> {
    let meta = Meta::new(MEDIA_STORAGE_DIRECTORY, instance_uid, ts::EXPLICIT_LE);
    let records = records(patients);
    let sizes: Vec<u32> = records
        .iter()
        .map(|r| record_item(r, 0, 0).len() as u32 + 8)
        .collect();
    let head = |first: u32, last: u32| {
        DataSet::new()
            .el(tags::FILE_SET_ID, Vr::CS, file_set_id)
            .el(
                tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                Vr::UL,
                first.to_le_bytes(),
            )
            .el(
                tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                Vr::UL,
                last.to_le_bytes(),
            )
            .us(tags::FILE_SET_CONSISTENCY_FLAG, 0)
    };
    // Sequence header: tag, VR, reserved, length = 12 bytes.
    let start = meta.encode().len() as u32 + head(0, 0).encode(Enc::ExplicitLe).len() as u32 + 12;
    let mut offsets = Vec::with_capacity(records.len());
    let mut at = start;
    for size in &sizes {
        offsets.push(at);
        at += size;
    }
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
            Item::new(DataSet::new().raw(record_item(record, next, lower)))
        })
        .collect();
    let roots: Vec<u32> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.parent.is_none())
        .map(|(i, _)| offsets[i])
        .collect();
    let ds = head(
        roots.first().copied().unwrap_or(0),
        roots.last().copied().unwrap_or(0),
    )
    .seq(tags::DIRECTORY_RECORD_SEQUENCE, items);
    part10(&meta, &ds)
}
