//! The recipes: every file of the corpus, with one line saying what it is for.

use lint_core::tag::tags;
use lint_core::{Tag, Vr};

use crate::Recipe;
use crate::builder::{DataSet, Enc, Item, Meta, part10, ts};
use crate::dicomdir::{self, CT_IMAGE_STORAGE, Image, Patient, Series, Study};

const ROOT: &str = "1.2.826.0.1.3680043.10.1234";
const SR_STORAGE: &str = "1.2.840.10008.5.1.4.1.1.88.11";
const US_STORAGE: &str = "1.2.840.10008.5.1.4.1.1.6.1";

fn uid(suffix: &str) -> String {
    format!("{ROOT}.{suffix}")
}

/// PS3.5 Annex H example 1: `Yamada^Tarou=山田^太郎=やまだ^たろう` in ISO 2022 IR 87.
pub const YAMADA: &[u8] =
    b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";
/// 宮本 in JIS X 0208: its second and fourth bytes are 0x5C (`\`), and it is one value.
pub const MIYAMOTO: &[u8] = b"\x1b$B5\\K\\\x1b(B";
/// PS3.5 Annex I example: `Hong^Gildong=洪^吉洞=홍^길동` in ISO 2022 IR 149.
pub const HONG: &[u8] =
    b"Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf";

/// A small patient-level data set; `extra` elements are merged in tag order by the caller.
fn image(charset: Option<&[u8]>, name: &[u8], instance: &str, sop_class: &str) -> DataSet {
    let mut ds = DataSet::new();
    if let Some(charset) = charset {
        ds = ds.el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, charset);
    }
    ds.el(Tag::new(0x0008, 0x0008), Vr::CS, "ORIGINAL\\PRIMARY")
        .el(tags::SOP_CLASS_UID, Vr::UI, sop_class)
        .el(tags::SOP_INSTANCE_UID, Vr::UI, instance)
        .el(Tag::new(0x0008, 0x0020), Vr::DA, "20240131")
        .el(Tag::new(0x0008, 0x0060), Vr::CS, "CT")
        .el(tags::PATIENT_NAME, Vr::PN, name)
        .el(Tag::new(0x0010, 0x0020), Vr::LO, "PAT0001")
}

fn pixels(ds: DataSet) -> DataSet {
    let data: Vec<u8> = (0..256u16)
        .flat_map(|i| (i * 13 % 4096).to_le_bytes())
        .collect();
    ds.us(Tag::new(0x0028, 0x0002), 1)
        .el(Tag::new(0x0028, 0x0004), Vr::CS, "MONOCHROME2")
        .us(Tag::new(0x0028, 0x0010), 16)
        .us(Tag::new(0x0028, 0x0011), 16)
        .us(Tag::new(0x0028, 0x0100), 16)
        .us(Tag::new(0x0028, 0x0101), 12)
        .us(Tag::new(0x0028, 0x0102), 11)
        .us(Tag::new(0x0028, 0x0103), 0)
        .el(tags::PIXEL_DATA, Vr::OW, data)
}

fn ct(charset: Option<&[u8]>, name: &[u8], n: &str) -> (Meta, DataSet) {
    let instance = uid(n);
    (
        Meta::new(CT_IMAGE_STORAGE, &instance, ts::EXPLICIT_LE),
        image(charset, name, &instance, CT_IMAGE_STORAGE),
    )
}

fn clean(path: &'static str, about: &'static str, meta: Meta, ds: DataSet) -> Recipe {
    Recipe {
        path,
        about,
        bytes: part10(&meta, &ds),
    }
}

fn latin1_ct() -> (Meta, DataSet) {
    let (meta, ds) = ct(Some(b"ISO_IR 100"), b"M\xfcller^J\xfcrgen", "1.1");
    (meta, pixels(ds))
}

/// A CT image with the usual patient, study, series, equipment and image attributes,
/// written by the same code as the sample media set.
fn typical_ct() -> Vec<u8> {
    let image = Image::ct(vec!["CT".into()], uid("1.1"), 1);
    let series = Series {
        modality: "CT",
        uid: uid("1.1.3"),
        number: 2,
        images: vec![image.clone()],
    };
    let study = Study {
        uid: uid("1.1.2"),
        date: "20240131",
        time: "093000",
        description: b"CT Sch\xe4del".to_vec(),
        id: "1",
        accession: "A1001",
        series: vec![series.clone()],
    };
    let patient = Patient {
        charset: Some(b"ISO_IR 100"),
        name: b"M\xfcller^J\xfcrgen".to_vec(),
        id: "PAT0002",
        birth_date: "19700101",
        sex: "M",
        studies: vec![study.clone()],
    };
    dicomdir::image_file_sized(&patient, &study, &series, &image, 16)
}

fn code_item(value: &str) -> DataSet {
    DataSet::new()
        .el(Tag::new(0x0008, 0x0100), Vr::SH, value)
        .el(Tag::new(0x0008, 0x0102), Vr::SH, "DCM")
        .el(Tag::new(0x0008, 0x0104), Vr::LO, "Meaning")
}

/// The clean files: every rule must pass them.
fn clean_files() -> Vec<Recipe> {
    let mut out = Vec::new();
    out.push(Recipe {
        path: "files/clean/ct-explicit-le.dcm",
        about: "CT image (complete CT Image IOD, 16×16 MONOCHROME2 16-bit), explicit VR LE, ISO_IR 100 name Müller^Jürgen",
        bytes: typical_ct(),
    });

    let instance = uid("1.2");
    let ds = pixels(image(
        Some(b"ISO_IR 100"),
        b"Doe^Jane",
        &instance,
        "1.2.840.10008.5.1.4.1.1.4",
    ));
    out.push(clean(
        "files/clean/mr-implicit-le.dcm",
        "MR image, implicit VR LE",
        Meta::new("1.2.840.10008.5.1.4.1.1.4", &instance, ts::IMPLICIT_LE),
        ds,
    ));

    let instance = uid("1.3");
    let ds = pixels(image(None, b"Doe^John", &instance, CT_IMAGE_STORAGE));
    out.push(clean(
        "files/clean/ct-explicit-be.dcm",
        "CT image, explicit VR big endian (retired transfer syntax)",
        Meta::new(CT_IMAGE_STORAGE, &instance, ts::EXPLICIT_BE),
        ds,
    ));

    let instance = uid("1.4");
    let ds = image(None, b"Doe^John", &instance, US_STORAGE)
        .us(Tag::new(0x0028, 0x0002), 1)
        .el(Tag::new(0x0028, 0x0004), Vr::CS, "MONOCHROME2")
        .fragments(vec![
            vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3],
            vec![4, 5, 0xFF, 0xD9],
        ]);
    out.push(clean(
        "files/clean/us-jpeg-encapsulated.dcm",
        "ultrasound image, JPEG Baseline: encapsulated pixel data, offset table and 2 fragments",
        Meta::new(US_STORAGE, &instance, ts::JPEG_BASELINE),
        ds,
    ));

    let instance = uid("1.5");
    let ds = image(Some(b"ISO_IR 100"), b"Doe^Jane", &instance, SR_STORAGE)
        .el(Tag::new(0x0040, 0xA040), Vr::CS, "CONTAINER")
        .el(Tag::new(0x0040, 0xA160), Vr::UT, "A deflated report.");
    out.push(clean(
        "files/clean/sr-deflated.dcm",
        "structured report, Deflated Explicit VR LE",
        Meta::new(SR_STORAGE, &instance, ts::DEFLATED),
        ds,
    ));

    let instance = uid("1.6");
    let inner = DataSet::new().seq_undefined(
        Tag::new(0x0040, 0xA043),
        vec![Item::undefined(code_item("T-0003"))],
    );
    let level2 = DataSet::new()
        .el(Tag::new(0x0040, 0xA010), Vr::CS, "CONTAINS")
        .seq(
            Tag::new(0x0040, 0xA730),
            vec![Item::new(inner), Item::new(DataSet::new())],
        );
    let ds = image(None, b"Doe^Jane", &instance, SR_STORAGE)
        .seq(Tag::new(0x0008, 0x1110), vec![])
        .seq_undefined(
            Tag::new(0x0040, 0xA730),
            vec![Item::undefined(level2), Item::new(code_item("T-0001"))],
        )
        .sorted();
    out.push(clean("files/clean/nested-sequences.dcm", "sequences 3 deep mixing defined and undefined lengths, an empty sequence and an empty item", Meta::new(SR_STORAGE, &instance, ts::EXPLICIT_LE), ds));

    let (meta, ds) = ct(None, b"Doe^Jane", "1.7");
    let ds = ds
        .el(Tag::new(0x0009, 0x0010), Vr::LO, "DCMLINT CORPUS")
        .un_sequence(
            Tag::new(0x0009, 0x1010),
            vec![Item::undefined(code_item("T-0002"))],
        )
        .sorted();
    out.push(clean(
        "files/clean/un-undefined-length.dcm",
        "private sequence written as UN of undefined length (items in implicit VR LE)",
        meta,
        ds,
    ));

    let instance = uid("1.8");
    let ds = image(
        Some(b"ISO_IR 100"),
        b"Doe^Jane",
        &instance,
        CT_IMAGE_STORAGE,
    )
    .encode(Enc::ImplicitLe);
    out.push(Recipe {
        path: "files/clean/raw-dataset-implicit.dcm",
        about: "bare data set: no preamble, no File Meta, implicit VR LE",
        bytes: ds,
    });

    let (meta, ds) = ct(Some(b"\\ISO 2022 IR 87"), YAMADA, "1.9");
    let ds = ds
        .el(Tag::new(0x0020, 0x0010), Vr::SH, "S1")
        .el(tags::STUDY_DESCRIPTION, Vr::LO, MIYAMOTO)
        .sorted();
    out.push(clean(
        "files/clean/japanese-iso2022.dcm",
        "ISO 2022 IR 87: PS3.5 Annex H example 1 name; Study Description (LO, VM 1) 宮本, whose bytes include 0x5C",
        meta,
        ds,
    ));

    let (meta, ds) = ct(Some(b"ISO_IR 13"), b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3", "1.10");
    out.push(clean(
        "files/clean/japanese-ir13.dcm",
        "ISO_IR 13: half-width katakana name ﾔﾏﾀﾞ^ﾀﾛｳ",
        meta,
        ds,
    ));

    let (meta, ds) = ct(Some(b"\\ISO 2022 IR 149"), HONG, "1.11");
    out.push(clean(
        "files/clean/korean-ir149.dcm",
        "ISO 2022 IR 149: PS3.5 Annex I example name Hong^Gildong=洪^吉洞=홍^길동",
        meta,
        ds,
    ));

    let (meta, ds) = ct(
        Some(b"ISO_IR 192"),
        "Wang^XiaoDong=王^小東=".as_bytes(),
        "1.12",
    );
    let ds = ds.el(Tag::new(0x0032, 0x1060), Vr::LO, "Größe – 検査");
    out.push(clean(
        "files/clean/utf8.dcm",
        "ISO_IR 192 (UTF-8): Chinese name, accented Latin and kanji in an LO",
        meta,
        ds,
    ));
    out
}

fn defect(path: &'static str, about: &'static str, bytes: Vec<u8>) -> Recipe {
    Recipe { path, about, bytes }
}

/// One structural defect per file.
fn parse_files() -> Vec<Recipe> {
    let base = || latin1_ct();
    let mut out = Vec::new();

    let (meta, ds) = base();
    let mut bytes = part10(&meta, &ds);
    bytes.extend_from_slice(&[0xFC, 0xFF, 0xFC]);
    out.push(defect(
        "files/parse/truncated-header.dcm",
        "the file ends 3 bytes into an element header",
        bytes,
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.2");
    let ds = ds.el_with_length(Tag::new(0x0010, 0x1000), Vr::LO, "OTHER ", 106);
    out.push(defect(
        "files/parse/value-past-end.dcm",
        "the last element's length runs 100 bytes past the end",
        part10(&meta, &ds),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.3");
    let ds = ds.seq_undefined(
        Tag::new(0x0040, 0x0275),
        vec![Item::undefined(code_item("T-1"))],
    );
    let mut bytes = part10(&meta, &ds);
    bytes.truncate(bytes.len() - 16);
    out.push(defect(
        "files/parse/undefined-length-missing-delimiter.dcm",
        "a sequence of undefined length: the file ends before its item and sequence delimiters",
        bytes,
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.4");
    let item = code_item("T-1");
    let ds = ds.seq_with_length(Tag::new(0x0040, 0x0275), vec![Item::new(item)], 20);
    out.push(defect(
        "files/parse/item-crosses-sequence.dcm",
        "a defined-length item longer than its defined-length sequence",
        part10(&meta, &ds),
    ));

    // Sequence of undefined length whose content is an element, not an item.
    let (meta2, ds2) = ct(None, b"Doe^Jane", "2.5");
    let mut seq = Vec::new();
    seq.extend_from_slice(b"\x40\x00\x75\x02SQ\x00\x00\xff\xff\xff\xff");
    seq.extend(code_item("T-1").encode(Enc::ExplicitLe));
    seq.extend_from_slice(b"\xfe\xff\xdd\xe0\x00\x00\x00\x00");
    out.push(defect(
        "files/parse/bad-item-tag.dcm",
        "a sequence holding an element where an item must be",
        part10(&meta2, &ds2.raw(seq)),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.6");
    let mut nested = code_item("T-DEEP");
    for _ in 0..40 {
        nested =
            DataSet::new().seq_undefined(Tag::new(0x0040, 0xA730), vec![Item::undefined(nested)]);
    }
    let ds = ds.raw(nested.encode(Enc::ExplicitLe));
    out.push(defect(
        "files/parse/too-deep.dcm",
        "sequences nested 40 deep",
        part10(&meta, &ds),
    ));

    let instance = uid("2.7");
    let ds = DataSet::new()
        .el(tags::SOP_CLASS_UID, Vr::UI, CT_IMAGE_STORAGE)
        .el(tags::SOP_INSTANCE_UID, Vr::UI, &instance)
        .el(tags::PATIENT_NAME, Vr::PN, "Doe^Jane")
        .el(Tag::new(0x0008, 0x0060), Vr::CS, "CT");
    out.push(defect(
        "files/parse/tags-out-of-order.dcm",
        "(0008,0060) after (0010,0010)",
        part10(
            &Meta::new(CT_IMAGE_STORAGE, &instance, ts::EXPLICIT_LE),
            &ds,
        ),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.8");
    let ds = ds.el(Tag::new(0x0010, 0x0020), Vr::LO, "PAT0002");
    out.push(defect(
        "files/parse/duplicate-tag.dcm",
        "(0010,0020) twice in a row",
        part10(&meta, &ds),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.9");
    let ds = ds.raw(b"\x10\x00\x00\x10ZZ\x04\x00ABCD");
    out.push(defect(
        "files/parse/invalid-vr.dcm",
        "an explicit VR header with VR bytes ZZ",
        part10(&meta, &ds),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.10");
    let ds = ds.raw(b"\xfe\xff\x0d\xe0\x00\x00\x00\x00").el(
        Tag::new(0x0010, 0x0030),
        Vr::DA,
        "19700101",
    );
    out.push(defect(
        "files/parse/stray-delimiter.dcm",
        "an Item Delimitation Item at the top level",
        part10(&meta, &ds),
    ));

    let (meta, ds) = ct(None, b"Doe^Jane", "2.11");
    let ds = ds.el_exact(Tag::new(0x0010, 0x1000), Vr::LO, "PAT0001");
    out.push(defect(
        "files/vr/odd-length.dcm",
        "an LO of odd length 7",
        part10(&meta, &ds),
    ));
    out
}

/// File Meta defects.
fn meta_files() -> Vec<Recipe> {
    let mut out = Vec::new();
    let file = |n: &str, edit: &dyn Fn(Meta) -> Meta| {
        let (meta, ds) = ct(None, b"Doe^Jane", n);
        part10(&edit(meta), &ds)
    };
    out.push(defect(
        "files/meta/missing-dicm.dcm",
        "128-byte preamble, then the File Meta group without DICM",
        file("3.1", &|mut m| {
            m.prefix = false;
            m
        }),
    ));
    out.push(defect(
        "files/meta/group-length-wrong.dcm",
        "(0002,0000) 6 bytes short",
        file("3.2", &|mut m| {
            m.group_length_delta = -6;
            m
        }),
    ));
    out.push(defect(
        "files/meta/missing-transfer-syntax.dcm",
        "no (0002,0010)",
        file("3.3", &|m| m.without(tags::TRANSFER_SYNTAX_UID)),
    ));
    out.push(defect(
        "files/meta/unknown-transfer-syntax.dcm",
        "(0002,0010) is 1.2.3.4",
        file("3.4", &|m| {
            m.set(tags::TRANSFER_SYNTAX_UID, Vr::UI, b"1.2.3.4\0")
        }),
    ));
    out.push(defect(
        "files/meta/sop-class-mismatch.dcm",
        "(0002,0002) names MR Image Storage, (0008,0016) CT",
        file("3.5", &|m| {
            m.set(
                tags::MEDIA_STORAGE_SOP_CLASS_UID,
                Vr::UI,
                b"1.2.840.10008.5.1.4.1.1.4\0",
            )
        }),
    ));
    out.push(defect(
        "files/meta/sop-instance-mismatch.dcm",
        "(0002,0003) differs from (0008,0018)",
        file("3.6", &|m| {
            m.set(
                tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
                Vr::UI,
                b"1.2.826.0.1.3680043.10.1234.9.9\0",
            )
        }),
    ));
    out.push(defect(
        "files/meta/meta-implicit-vr.dcm",
        "the File Meta group written in implicit VR",
        file("3.7", &|mut m| {
            m.implicit = true;
            m
        }),
    ));
    out.push(defect(
        "files/meta/wrong-version.dcm",
        "(0002,0001) is 00 02",
        file("3.8", &|m| {
            m.set(tags::FILE_META_INFORMATION_VERSION, Vr::OB, &[0, 2])
        }),
    ));
    let (meta, ds) = ct(None, b"Doe^Jane", "3.9");
    let ds = ds.raw(
        DataSet::new()
            .el(Tag::new(0x0002, 0x0013), Vr::SH, "STRAY")
            .encode(Enc::ExplicitLe),
    );
    out.push(defect(
        "files/meta/group2-in-dataset.dcm",
        "(0002,0013) after the data set's (0010,0020)",
        part10(&meta, &ds),
    ));
    out
}

/// The patients of the sample media set (`corpus/media/sample`), the README's clean
/// file-set: 3 patients (ASCII, Latin-1, Japanese ISO 2022 IR 87), CT and MR series.
pub fn sample_patients() -> Vec<Patient> {
    // File IDs DICOM\Pppppppp\STssssss\SErrrrrr\IMiiiiii: upper case, ≤ 8 characters,
    // no extension; UIDs ROOT.4.p.s.r.i follow the same numbering.
    let image = |p: usize, s: usize, r: usize, i: u32, mr: bool| {
        let file_id = vec![
            "DICOM".into(),
            format!("P{p:07}"),
            format!("ST{s:06}"),
            format!("SE{r:06}"),
            format!("IM{i:06}"),
        ];
        let uid = uid(&format!("4.{p}.{s}.{r}.{i}"));
        if mr {
            Image::mr(file_id, uid, i)
        } else {
            Image::ct(file_id, uid, i)
        }
    };
    let series = |p: usize, s: usize, r: usize, n: u32, modality: &'static str| Series {
        modality,
        uid: uid(&format!("3.{p}.{s}.{r}")),
        number: r as u32,
        images: (1..=n)
            .map(|i| image(p, s, r, i, modality == "MR"))
            .collect(),
    };
    let study = |p: usize,
                 s: usize,
                 (date, time): (&'static str, &'static str),
                 accession: &'static str,
                 description: &[u8],
                 series: Vec<Series>| Study {
        uid: uid(&format!("2.{p}.{s}")),
        date,
        time,
        description: description.to_vec(),
        id: if s == 1 { "1" } else { "2" },
        accession,
        series,
    };
    vec![
        Patient {
            charset: None,
            name: b"Doe^Jane".to_vec(),
            id: "PAT0001",
            birth_date: "19800229",
            sex: "F",
            studies: vec![study(
                1,
                1,
                ("20240131", "093000"),
                "A0001",
                b"CT HEAD",
                vec![series(1, 1, 1, 2, "CT"), series(1, 1, 2, 1, "CT")],
            )],
        },
        Patient {
            charset: Some(b"ISO_IR 100"),
            name: b"M\xfcller^J\xfcrgen".to_vec(),
            id: "PAT0002",
            birth_date: "19700101",
            sex: "M",
            studies: vec![
                study(
                    2,
                    1,
                    ("20230715", "141500"),
                    "A0002",
                    b"CT Sch\xe4del",
                    vec![series(2, 1, 1, 1, "CT")],
                ),
                study(
                    2,
                    2,
                    ("20240202", "080000"),
                    "A0003",
                    b"MR Kopf",
                    vec![series(2, 2, 1, 2, "MR")],
                ),
            ],
        },
        Patient {
            charset: Some(b"\\ISO 2022 IR 87"),
            name: YAMADA.to_vec(),
            id: "PAT0003",
            birth_date: "19650505",
            sex: "M",
            studies: vec![study(
                3,
                1,
                ("20240301", "101010"),
                "A0004",
                // 検査 (examination) CT: JIS X 0208 38 21 3A 3A.
                b"\x1b$B8!::\x1b(B CT",
                vec![series(3, 1, 1, 3, "CT")],
            )],
        },
    ]
}

/// The patients of the Japanese media set (`corpus/media/japanese`): the three
/// declarations Japanese modalities write — `\ISO 2022 IR 87`, `ISO 2022 IR 13\ISO 2022
/// IR 87` (half-width katakana in a description, JIS X 0201 Romaji as G0) and `ISO_IR
/// 192` — with names in all three component groups and Japanese study descriptions.
pub fn japanese_patients() -> Vec<Patient> {
    let image = |p: usize, r: usize, i: u32| {
        Image::ct(
            vec![
                "DICOM".into(),
                format!("P{p:07}"),
                format!("SE{r:06}"),
                format!("IM{i:06}"),
            ],
            uid(&format!("14.{p}.{r}.{i}")),
            i,
        )
    };
    let study =
        |p: usize, date: &'static str, description: &[u8], series: usize, images: u32| Study {
            uid: uid(&format!("12.{p}")),
            date,
            time: "100000",
            description: description.to_vec(),
            id: "1",
            accession: "J0001",
            series: (1..=series)
                .map(|r| Series {
                    modality: "CT",
                    uid: uid(&format!("13.{p}.{r}")),
                    number: r as u32,
                    images: (1..=images).map(|i| image(p, r, i)).collect(),
                })
                .collect(),
        };
    vec![
        Patient {
            charset: Some(b"\\ISO 2022 IR 87"),
            // Sato^Hanako=佐藤^花子=さとう^はなこ
            name: b"Sato^Hanako=\x1b$B:4F#\x1b(B^\x1b$B2V;R\x1b(B=\x1b$B$5$H$&\x1b(B^\x1b$B$O$J$3\x1b(B".to_vec(),
            id: "JPN0001",
            birth_date: "19750310",
            sex: "F",
            // 胸部 CT (chest CT)
            studies: vec![study(11, "20240401", b"\x1b$B6;It\x1b(B CT", 2, 2)],
        },
        Patient {
            charset: Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            // Suzuki^Ichiro=鈴木^一郎=すずき^いちろう; value 1 is IR 13, so each run of
            // JIS X 0208 returns to JIS X 0201 Romaji with ESC ( J (PS3.5 H.3.2).
            name: b"Suzuki^Ichiro=\x1b$BNkLZ\x1b(J^\x1b$B0lO:\x1b(J=\x1b$B$9$:$-\x1b(J^\x1b$B$$$A$m$&\x1b(J".to_vec(),
            id: "JPN0002",
            birth_date: "19600820",
            sex: "M",
            // ｷｮｳﾌﾞ CT in half-width katakana (JIS X 0201, G1)
            studies: vec![study(12, "20240402", b"\xb7\xae\xb3\xcc\xde CT", 1, 3)],
        },
        Patient {
            charset: Some(b"ISO_IR 192"),
            name: "Tanaka^Jiro=田中^次郎=たなか^じろう".as_bytes().to_vec(),
            id: "JPN0003",
            birth_date: "19881111",
            sex: "M",
            studies: vec![study(13, "20240403", "腹部 CT".as_bytes(), 1, 1)],
        },
    ]
}

/// A media file-set: its DICOMDIR and every image file, under `media/<name>/`.
fn media_set(
    name: &str,
    file_set_id: &str,
    file_set_uid: &str,
    about: &str,
    patients: &[Patient],
) -> Vec<Recipe> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    // Recipe paths are 'static so the list reads as data; the few leaked strings live as
    // long as the process anyway.
    let mut out = vec![Recipe {
        path: leak(format!("media/{name}/DICOMDIR")),
        about: leak(about.to_owned()),
        bytes: dicomdir::dicomdir(file_set_id, file_set_uid, patients),
    }];
    for patient in patients {
        for study in &patient.studies {
            for series in &study.series {
                for image in &series.images {
                    out.push(Recipe {
                        path: leak(format!("media/{name}/{}", image.file_id.join("/"))),
                        about: leak(format!(
                            "{name} file-set: {} image {} of series {}",
                            series.modality, image.number, series.number
                        )),
                        bytes: dicomdir::image_file(patient, study, series, image),
                    });
                }
            }
        }
    }
    out
}

fn media_files() -> Vec<Recipe> {
    let mut out = media_set(
        "sample",
        "DCMLINT_SAMPLE",
        &uid("5.1"),
        "DICOMDIR of the sample file-set: 3 patients (ASCII, Latin-1, Japanese ISO 2022 IR 87), explicit lengths",
        &sample_patients(),
    );
    out.extend(media_set(
        "japanese",
        "DCMLINT_JAPANESE",
        &uid("15.1"),
        "DICOMDIR of the Japanese file-set: 3 patients (ISO 2022 IR 87; IR 13 + IR 87 with half-width katakana; UTF-8), each record with its own (0008,0005)",
        &japanese_patients(),
    ));
    out
}

/// Character-set defects: the mistakes field engineers meet in Japanese, Korean and
/// European names (one per file, on (0010,0010) unless said otherwise).
fn charset_files() -> Vec<Recipe> {
    let file = |charset: Option<&[u8]>, name: &[u8], n: &str| {
        let (meta, ds) = ct(charset, name, n);
        part10(&meta, &ds)
    };
    vec![
        defect(
            "files/charset/shift-jis-under-iso2022.dcm",
            "`\\ISO 2022 IR 87` declared, ideographic group written in Shift_JIS (山田^太郎)",
            file(
                Some(b"\\ISO 2022 IR 87"),
                b"Yamada^Tarou=\x8e\x52\x93\x63^\x91\xbe\x98\x59",
                "5.1",
            ),
        ),
        defect(
            "files/charset/no-return-before-caret.dcm",
            "JIS X 0208 still designated at `^` (no ESC ( B before the component delimiter)",
            file(
                Some(b"\\ISO 2022 IR 87"),
                b"Yamada^Tarou=\x1b$B;3ED^\x1b$BB@O:\x1b(B",
                "5.2",
            ),
        ),
        defect(
            "files/charset/missing-charset.dcm",
            "no (0008,0005), name in Latin-1 (Buc^Jérôme)",
            file(None, b"Buc^J\xe9r\xf4me", "5.3"),
        ),
        defect(
            "files/charset/misspelled-term.dcm",
            "(0008,0005) `ISO-IR 100` (the 1993 hyphen spelling), Latin-1 name",
            file(Some(b"ISO-IR 100"), b"Buc^J\xe9r\xf4me", "5.4"),
        ),
        defect(
            "files/charset/euc-kr-without-escapes.dcm",
            "`\\ISO 2022 IR 149` declared, Hangul written as raw EUC-KR (no ESC $ ) C)",
            file(
                Some(b"\\ISO 2022 IR 149"),
                b"Hong^Gildong=\xfb\xf3^\xd1\xce\xd4\xd7",
                "5.5",
            ),
        ),
        defect(
            "files/charset/escape-under-single-value.dcm",
            "(0008,0005) `ISO_IR 100` with ISO 2022 escapes in the name",
            file(
                Some(b"ISO_IR 100"),
                b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B",
                "5.6",
            ),
        ),
    ]
}

/// Person Name defects (on (0010,0010)): the structure errors and the Japanese group
/// conventions field engineers meet.
fn pn_files() -> Vec<Recipe> {
    let file = |charset: Option<&[u8]>, name: &[u8], n: &str| {
        let (meta, ds) = ct(charset, name, n);
        part10(&meta, &ds)
    };
    vec![
        defect(
            "files/pn/alpha-escape.dcm",
            "`\\ISO 2022 IR 87`: kanji with their escape sequences in the alphabetic group, no `=` (山田^太郎)",
            file(
                Some(b"\\ISO 2022 IR 87"),
                b"\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B",
                "6.1",
            ),
        ),
        defect(
            "files/pn/group-order.dcm",
            "`\\ISO 2022 IR 87`: ideographic and phonetic groups swapped (YAMAMOTO^TARO=ヤマモト^タロウ=山本^太郎)",
            file(
                Some(b"\\ISO 2022 IR 87"),
                b"YAMAMOTO^TARO=\x1b$B%d%^%b%H\x1b(B^\x1b$B%?%m%&\x1b(B=\x1b$B;3K\\\x1b(B^\x1b$BB@O:\x1b(B",
                "6.2",
            ),
        ),
        defect(
            "files/pn/backslash.dcm",
            "Patient's Name (VM 1) `Doe^John\\Smith^Jane`: a backslash makes two values",
            file(None, b"Doe^John\\Smith^Jane", "6.3"),
        ),
    ]
}

/// The offsets of a DICOMDIR's records, in file order.
fn record_offsets(bytes: &[u8]) -> Vec<u32> {
    let mut slots = vec![lint_core::dicomdir::RecordSlot::EMPTY; 1024];
    let index = lint_core::dicomdir::RecordIndex::read(bytes, &mut slots);
    index.records().iter().map(|r| r.offset() as u32).collect()
}

/// One defective DICOMDIR per `dicomdir/*` rule, each drawing exactly its rule, made
/// from the example file-set (2 patients, records 0–4 and 5–9: PATIENT, STUDY, SERIES,
/// IMAGE, IMAGE) by a record edit or a same-length byte edit.
fn dicomdir_files() -> Vec<Recipe> {
    use crate::dicomdir::{DicomDir, Record, edit, example, example_patients, records};
    let set_uid = uid("16.1");
    let build = |records: Vec<Record>| DicomDir::from_records("EXAMPLE", &set_uid, records).build();
    let base = || records(&example_patients());
    let offsets = record_offsets(&example());
    let next = tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD;
    let lower = tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY;
    let edited = |edit: &dyn Fn(&mut Vec<u8>)| {
        let mut bytes = example();
        edit(&mut bytes);
        bytes
    };
    let no_info = part10(
        &Meta::new(dicomdir::MEDIA_STORAGE_DIRECTORY, &set_uid, ts::EXPLICIT_LE),
        &DataSet::new().el(tags::FILE_SET_ID, Vr::CS, "EXAMPLE"),
    );
    let with_descriptor = {
        let mut bytes = DicomDir::new("EXAMPLE", &set_uid, &[]).build();
        // An empty directory, then a descriptor File ID spliced in before (0004,1200):
        // no offsets move, as the root entity is empty.
        let at = edit::value_at(
            &bytes,
            tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            b"UL",
            0,
        ) - 8;
        let element = DataSet::new()
            .el(tags::FILE_SET_DESCRIPTOR_FILE_ID, Vr::CS, "README_FILE")
            .encode(Enc::ExplicitLe);
        bytes.splice(at..at, element);
        bytes
    };
    let private_without_uid = {
        let mut records = base();
        records.push(Record::new("PRIVATE", DataSet::new(), Some(2)));
        build(records)
    };
    let study_in_root = {
        // A third study, with its series and image, hung from the root entity.
        let mut records = base();
        let study = records.len();
        records.push(Record::new(
            "STUDY",
            DataSet::new()
                .el(tags::STUDY_DATE, Vr::DA, "20240131")
                .el(tags::STUDY_TIME, Vr::TM, "093000")
                .el(tags::ACCESSION_NUMBER, Vr::SH, "")
                .el(tags::STUDY_DESCRIPTION, Vr::LO, "")
                .el(tags::STUDY_INSTANCE_UID, Vr::UI, uid("16.5.2"))
                .el(tags::STUDY_ID, Vr::SH, "9"),
            None,
        ));
        records.push(Record::new(
            "SERIES",
            DataSet::new()
                .el(tags::MODALITY, Vr::CS, "CT")
                .el(tags::SERIES_INSTANCE_UID, Vr::UI, uid("16.5.3"))
                .el(tags::SERIES_NUMBER, Vr::IS, "1"),
            Some(study),
        ));
        let mut image = Record::new(
            "IMAGE",
            DataSet::new().el(tags::INSTANCE_NUMBER, Vr::IS, "1"),
            Some(study + 1),
        );
        image.image = Some(Image::ct(
            vec!["DICOM".into(), "X".into()],
            uid("16.5.4"),
            1,
        ));
        records.push(image);
        build(records)
    };
    let mut out = vec![
        (
            "sop-class",
            "(0002,0002) 1.2.840.10008.1.3.11 instead of …1.3.10",
            edited(&|b| {
                edit::replace(b, b"1.2.840.10008.1.3.10", b"1.2.840.10008.1.3.11", 0);
            }),
        ),
        (
            "transfer-syntax",
            "the DICOMDIR written in Implicit VR Little Endian",
            DicomDir::new("EXAMPLE", &set_uid, &example_patients())
                .transfer_syntax(ts::IMPLICIT_LE)
                .build(),
        ),
        (
            "no-directory-information",
            "only the File-set ID: no offsets, flag or records",
            no_info,
        ),
        (
            "missing-attribute",
            "an IMAGE record without its Record In-use Flag (0004,1410)",
            {
                let mut records = base();
                records[3].omit.push(tags::RECORD_IN_USE_FLAG);
                build(records)
            },
        ),
        (
            "file-set-id",
            "File-set ID `MY DISC` (a space)",
            DicomDir::new("MY DISC", &set_uid, &example_patients()).build(),
        ),
        (
            "descriptor-file-id",
            "File-set Descriptor File ID `README_FILE` (11 characters)",
            with_descriptor,
        ),
        (
            "consistency-flag",
            "File-set Consistency Flag FFFFH",
            edited(&|b| {
                edit::set_us(b, tags::FILE_SET_CONSISTENCY_FLAG, 0, 0xFFFF);
            }),
        ),
        (
            "in-use-flag",
            "an IMAGE record with Record In-use Flag 0000H (retired inactive record)",
            edited(&|b| {
                edit::set_us(b, tags::RECORD_IN_USE_FLAG, 3, 0);
            }),
        ),
        (
            "in-use-reserved",
            "a SERIES record with Record In-use Flag 0001H (reserved)",
            edited(&|b| {
                edit::set_us(b, tags::RECORD_IN_USE_FLAG, 2, 1);
            }),
        ),
        (
            "unknown-record-type",
            "a record of type `SERIEZ` (misspelt)",
            edited(&|b| {
                edit::replace(b, b"SERIES", b"SERIEZ", 1);
            }),
        ),
        (
            "retired-record-type",
            "a retired CURVE record below a SERIES",
            edited(&|b| {
                edit::replace(b, b"IMAGE ", b"CURVE ", 0);
            }),
        ),
        (
            "placement",
            "a STUDY record in the root directory entity",
            study_in_root,
        ),
        (
            "private-record-uid",
            "a PRIVATE record without Private Record UID",
            private_without_uid,
        ),
        ("reference-group", "an IMAGE record without (0004,1512)", {
            let mut records = base();
            records[4]
                .omit
                .push(tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE);
            build(records)
        }),
        (
            "missing-reference",
            "an IMAGE record that references no file",
            {
                let mut records = base();
                records[3].image = None;
                build(records)
            },
        ),
        (
            "unexpected-reference",
            "a SERIES record with a Referenced File ID",
            {
                let mut records = base();
                records[2].image = Some(Image::ct(
                    vec!["DICOM".into(), "SERIES1".into()],
                    uid("16.2"),
                    1,
                ));
                build(records)
            },
        ),
        (
            "file-id",
            "Referenced File ID `DICOM\\\\P2IM2` (an empty component)",
            edited(&|b| {
                edit::replace(b, b"DICOM\\P2\\IM2", b"DICOM\\\\P2IM2", 0);
            }),
        ),
        (
            "missing-key",
            "a SERIES record without Series Number (0020,0011)",
            {
                let mut records = base();
                records[2].keys = DataSet::new().el(tags::MODALITY, Vr::CS, "CT").el(
                    tags::SERIES_INSTANCE_UID,
                    Vr::UI,
                    "1.2.826.0.1.3680043.10.1234.9.3.1",
                );
                build(records)
            },
        ),
        (
            "offset-target",
            "an IMAGE record's (0004,1400) points 8 bytes into its own item",
            {
                let at = offsets[9] + 8;
                edited(&move |b| edit::set_ul(b, next, 9, at))
            },
        ),
        (
            "root-pair",
            "(0004,1202) = 0 while (0004,1200) names a record",
            edited(&|b| {
                edit::set_ul(
                    b,
                    tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                    0,
                    0,
                );
            }),
        ),
        (
            "root-last",
            "(0004,1202) names the first of the two PATIENT records",
            {
                let at = offsets[0];
                edited(&move |b| {
                    edit::set_ul(
                        b,
                        tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                        0,
                        at,
                    );
                })
            },
        ),
        (
            "cycle",
            "the last IMAGE record of a series points back at the first",
            {
                let at = offsets[3];
                edited(&move |b| edit::set_ul(b, next, 4, at))
            },
        ),
        (
            "shared-record",
            "the second patient's last IMAGE record points at the first patient's first IMAGE",
            {
                let at = offsets[3];
                edited(&move |b| edit::set_ul(b, next, 9, at))
            },
        ),
        (
            "orphan",
            "a SERIES record's (0004,1420) skips its first IMAGE record",
            {
                let at = offsets[4];
                edited(&move |b| edit::set_ul(b, lower, 2, at))
            },
        ),
        ("empty-entity", "a PATIENT record with no STUDY below it", {
            let mut records = base();
            records.push(Record::new(
                "PATIENT",
                DataSet::new()
                    .el(tags::PATIENT_NAME, Vr::PN, "Doe^Empty")
                    .el(tags::PATIENT_ID, Vr::LO, "PID3"),
                None,
            ));
            build(records)
        }),
        (
            "duplicate-patient-id",
            "two PATIENT records with Patient ID `PID1`",
            edited(&|b| {
                edit::replace(b, b"PID2", b"PID1", 0);
            }),
        ),
        (
            "duplicate-study-uid",
            "two STUDY records with the same Study Instance UID",
            edited(&|b| {
                edit::replace(
                    b,
                    b"1.2.826.0.1.3680043.10.1234.9.2.2",
                    b"1.2.826.0.1.3680043.10.1234.9.2.1",
                    0,
                );
            }),
        ),
        (
            "duplicate-series-uid",
            "two SERIES records with the same Series Instance UID",
            edited(&|b| {
                edit::replace(
                    b,
                    b"1.2.826.0.1.3680043.10.1234.9.3.2",
                    b"1.2.826.0.1.3680043.10.1234.9.3.1",
                    0,
                );
            }),
        ),
        (
            "duplicate-instance-uid",
            "two IMAGE records with the same Referenced SOP Instance UID in File",
            edited(&|b| {
                edit::replace(
                    b,
                    b"1.2.826.0.1.3680043.10.1234.9.4.2.2",
                    b"1.2.826.0.1.3680043.10.1234.9.4.2.1",
                    0,
                );
            }),
        ),
        (
            "icon-image",
            "an IMAGE record whose icon has Bits Allocated 16",
            {
                let mut records = base();
                let icon = DataSet::new()
                    .us(Tag::new(0x0028, 0x0002), 1)
                    .el(Tag::new(0x0028, 0x0004), Vr::CS, "MONOCHROME2")
                    .us(Tag::new(0x0028, 0x0010), 4)
                    .us(Tag::new(0x0028, 0x0011), 4)
                    .us(Tag::new(0x0028, 0x0100), 16)
                    .us(Tag::new(0x0028, 0x0101), 16)
                    .us(Tag::new(0x0028, 0x0102), 15)
                    .us(Tag::new(0x0028, 0x0103), 0)
                    .el(tags::PIXEL_DATA, Vr::OW, vec![0u8; 32]);
                records[3].keys = records[3]
                    .keys
                    .clone()
                    .seq(tags::ICON_IMAGE_SEQUENCE, vec![Item::new(icon)]);
                build(records)
            },
        ),
        (
            "incomplete",
            "a chain of 20 PRIVATE records each below the last: deeper than the walk's 16 levels",
            {
                let mut records = base();
                let mut parent = 2;
                for _ in 0..20 {
                    records.push(Record::new(
                        "PRIVATE",
                        DataSet::new().el(
                            tags::PRIVATE_RECORD_UID,
                            Vr::UI,
                            "1.2.826.0.1.3680043.10.1234.16.3",
                        ),
                        Some(parent),
                    ));
                    parent = records.len() - 1;
                }
                build(records)
            },
        ),
    ];
    let mut recipes: Vec<Recipe> = out
        .drain(..)
        .map(|(rule, about, bytes)| {
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            Recipe {
                path: leak(format!("files/dicomdir/{rule}/DICOMDIR")),
                about: leak(format!("`dicomdir/{rule}`: {about}")),
                bytes,
            }
        })
        .collect();
    // A record's own (0008,0005): Japanese keys in a record that declares none.
    let mut patients = japanese_patients();
    patients.truncate(1);
    patients[0].charset = None;
    recipes.push(defect(
        "files/charset/missing-in-record/DICOMDIR",
        "`charset/missing`: a PATIENT and a STUDY record with Japanese keys and no (0008,0005) of their own",
        dicomdir::dicomdir("JAPANESE", &uid("16.4"), &patients),
    ));
    recipes
}

/// Every recipe.
pub fn all() -> Vec<Recipe> {
    let mut out = clean_files();
    out.extend(parse_files());
    out.extend(meta_files());
    out.extend(charset_files());
    out.extend(pn_files());
    out.extend(dicomdir_files());
    out.extend(media_files());
    out.extend(crate::media_defects::recipes());
    out
}
