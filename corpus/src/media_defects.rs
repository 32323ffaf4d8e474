//! Media defect sets (`corpus/media/defects/<rule>/`): one small file-set per `media/*`
//! rule, each the first patient of the sample set (3 CT images and their DICOMDIR) bent
//! into exactly one defect, so `dcmlint check` on it draws that rule (and, where the
//! defect implies another, the one listed in [`DefectSet::expected`]).
//!
//! DICOMDIR edits replace bytes with bytes of the same length, so every offset and
//! length of the directory stays right and only the `media/*` judgement changes.

use crate::Recipe;
use crate::dicomdir::{self, Patient};
use crate::recipes::sample_patients;

/// One defect set.
#[derive(Debug, Clone)]
pub struct DefectSet {
    /// The directory under `corpus/media/defects/`, the rule's name.
    pub name: &'static str,
    /// What is wrong.
    pub about: &'static str,
    /// The `media/*` rules a check draws (sorted).
    pub expected: &'static [&'static str],
    /// The files, by path relative to the set's root (the DICOMDIR included).
    pub files: Files,
}

/// A set's files: path relative to its root, bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The first image's path in every set.
const FIRST: &str = "DICOM/P0000001/ST000001/SE000001/IM000001";
/// The second image's path.
const SECOND: &str = "DICOM/P0000001/ST000001/SE000001/IM000002";

/// The clean base: patient 1 of the sample (3 CT images in 2 series) and its DICOMDIR.
fn base() -> (Vec<Patient>, Files) {
    let patients: Vec<Patient> = sample_patients().into_iter().take(1).collect();
    let files = file_set(
        "",
        "DCMLINT_DEFECT",
        "1.2.826.0.1.3680043.10.1234.5.9",
        &patients,
    );
    (patients, files)
}

/// The files of a valid file-set of `patients` whose root is `root` (empty, or a path
/// ending in `/`): its DICOMDIR there, and each image under its File ID relative to it.
fn file_set(root: &str, file_set_id: &str, file_set_uid: &str, patients: &[Patient]) -> Files {
    let mut files = vec![(
        format!("{root}DICOMDIR"),
        dicomdir::dicomdir(file_set_id, file_set_uid, patients),
    )];
    for patient in patients {
        for study in &patient.studies {
            for series in &study.series {
                for image in &series.images {
                    files.push((
                        format!("{root}{}", image.file_id.join("/")),
                        dicomdir::image_file(patient, study, series, image),
                    ));
                }
            }
        }
    }
    files
}

/// Replaces the `nth` occurrence of `from` in `bytes` with `to` (same length).
fn patch(bytes: &mut [u8], from: &[u8], to: &[u8], nth: usize) {
    assert_eq!(from.len(), to.len(), "same-length patch");
    let at = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("pattern in bytes");
    bytes[at..at + to.len()].copy_from_slice(to);
}

/// The set's file at `path`.
fn file<'f>(files: &'f mut [(String, Vec<u8>)], path: &str) -> &'f mut Vec<u8> {
    &mut files
        .iter_mut()
        .find(|(p, _)| p == path)
        .expect("file in set")
        .1
}

/// Removes the file at `path`, returning its bytes.
fn take(files: &mut Files, path: &str) -> Vec<u8> {
    let at = files
        .iter()
        .position(|(p, _)| p == path)
        .expect("file in set");
    files.remove(at).1
}

/// Every defect set.
pub fn sets() -> Vec<DefectSet> {
    let (patients, clean) = base();
    let uid = patients[0].studies[0].series[0].images[0].uid.clone();
    let set = |name: &'static str,
               about: &'static str,
               expected: &'static [&'static str],
               edit: &dyn Fn(&mut Files)| {
        let mut files = clean.clone();
        edit(&mut files);
        DefectSet {
            name,
            about,
            expected,
            files,
        }
    };
    vec![
        set(
            "missing-file",
            "the first image's file is missing",
            &["media/missing-file"],
            &|f| {
                take(f, FIRST);
            },
        ),
        set(
            "name-variant",
            "the first image is stored as `im000001` (lower case)",
            &["media/name-variant"],
            &|f| {
                let bytes = take(f, FIRST);
                f.push((FIRST.replace("IM000001", "im000001"), bytes));
            },
        ),
        set(
            "unsafe-file-id",
            "the first record's File ID is `..\\..\\..\\ETC\\X\\…` (its file is absent)",
            &["media/unsafe-file-id"],
            &|f| {
                take(f, FIRST);
                patch(
                    file(f, "DICOMDIR"),
                    b"DICOM\\P0000001",
                    b"..\\..\\..\\ETC\\X",
                    0,
                );
            },
        ),
        set(
            "not-dicom",
            "the first image's file is a text file",
            &["media/not-dicom"],
            &|f| {
                *file(f, FIRST) = b"This is not an image.\n".to_vec();
            },
        ),
        set(
            "sop-class-mismatch",
            "the first record's (0004,1510) says MR Image Storage, the file is CT",
            &["media/sop-class-mismatch"],
            &|f| {
                patch(
                    file(f, "DICOMDIR"),
                    b"1.2.840.10008.5.1.4.1.1.2\0",
                    b"1.2.840.10008.5.1.4.1.1.4\0",
                    0,
                );
            },
        ),
        set(
            "sop-instance-mismatch",
            "the first record's (0004,1511) ends in 9, the file's (0002,0003) does not",
            &["media/sop-instance-mismatch"],
            &|f| {
                let mut other = uid.clone().into_bytes();
                if let Some(last) = other.last_mut() {
                    *last = b'9';
                }
                patch(file(f, "DICOMDIR"), uid.as_bytes(), &other, 0);
            },
        ),
        set(
            "transfer-syntax-mismatch",
            "the first record's (0004,1512) says explicit VR big endian, the file is little endian",
            &["media/transfer-syntax-mismatch"],
            &|f| {
                // Occurrence 0 is the DICOMDIR's own (0002,0010).
                patch(
                    file(f, "DICOMDIR"),
                    b"1.2.840.10008.1.2.1\0",
                    b"1.2.840.10008.1.2.2\0",
                    1,
                );
            },
        ),
        set(
            "related-class-mismatch",
            "the first image has (0008,001A) Related General SOP Class UID, its record no (0004,151A)",
            &["media/related-class-mismatch"],
            &|f| {
                let image = file(f, FIRST);
                // Explicit VR little endian (0008,001A) UI, inserted before Study Date
                // (0008,0020): a top-level element, so no length around it changes.
                let at = image
                    .windows(6)
                    .position(|w| w == b"\x08\x00\x20\x00DA")
                    .expect("Study Date");
                let value = b"1.2.840.10008.5.1.4.1.1.2\0";
                let mut element = vec![0x08, 0x00, 0x1A, 0x00, b'U', b'I'];
                element.extend_from_slice(&(value.len() as u16).to_le_bytes());
                element.extend_from_slice(value);
                image.splice(at..at, element);
            },
        ),
        set(
            "record-type-class",
            "the first IMAGE record says TRACT (same length), its file is a CT image",
            &["media/record-type-class"],
            &|f| patch(file(f, "DICOMDIR"), b"IMAGE ", b"TRACT ", 0),
        ),
        set(
            "key-mismatch",
            "the PATIENT record's Patient ID is PAT0009, the images' PAT0001",
            &["media/key-mismatch"],
            &|f| patch(file(f, "DICOMDIR"), b"PAT0001", b"PAT0009", 0),
        ),
        set(
            "key-differs",
            "the PATIENT record's name is Doe^John, the images' Doe^Jane",
            &["media/key-differs"],
            &|f| patch(file(f, "DICOMDIR"), b"Doe^Jane", b"Doe^John", 0),
        ),
        set(
            "referenced-twice",
            "the second IMAGE record references the first image's file (the second file is gone)",
            &["media/referenced-twice"],
            &|f| {
                take(f, SECOND);
                patch(file(f, "DICOMDIR"), b"IM000002", b"IM000001", 0);
            },
        ),
        set(
            "unreferenced-file",
            "a copy of the first image at DICOM/P0000001/IM000099, in no record",
            &["media/unreferenced-file"],
            &|f| {
                let bytes = file(f, FIRST).clone();
                f.push(("DICOM/P0000001/IM000099".to_owned(), bytes));
            },
        ),
        set(
            "extension",
            "a copy of the first image at DICOM/EXTRA.DCM (an extension, so no File ID can name it)",
            &["media/extension", "media/unreferenced-file"],
            &|f| {
                let bytes = file(f, FIRST).clone();
                f.push(("DICOM/EXTRA.DCM".to_owned(), bytes));
            },
        ),
        set(
            "depth",
            "a README 9 levels down (A/B/C/D/E/F/G/H/README)",
            &["media/depth"],
            &|f| f.push(("A/B/C/D/E/F/G/H/README".to_owned(), b"deep\n".to_vec())),
        ),
        set(
            "file-name",
            "a non-DICOM file named ReadMe.html (not 8.3, lower case)",
            &["media/file-name"],
            &|f| f.push(("ReadMe.html".to_owned(), b"<p>Images</p>\n".to_vec())),
        ),
        set(
            "descriptor-missing",
            "(0004,1141) names README, which is not there",
            &["media/descriptor-missing"],
            &|f| *file(f, "DICOMDIR") = with_descriptor(&patients),
        ),
        set(
            "descriptor-dicom",
            "(0004,1141) names README, which is a copy of the first image",
            &["media/descriptor-dicom"],
            &|f| {
                *file(f, "DICOMDIR") = with_descriptor(&patients);
                let image = file(f, FIRST).clone();
                f.push(("README".to_owned(), image));
            },
        ),
        set(
            "pdi-layout",
            "IHE PDI web content (IHE_PDI/PAGE1.HTM) and a README.TXT, but no INDEX.HTM in the root",
            &["media/pdi-layout"],
            &|f| {
                f.push(("IHE_PDI/PAGE1.HTM".to_owned(), b"<p>Images</p>\n".to_vec()));
                f.push((
                    "README.TXT".to_owned(),
                    b"Images of one patient.\n".to_vec(),
                ));
            },
        ),
        set(
            "self-reference",
            "the first IMAGE record's File ID is `DICOMDIR` (its image is gone)",
            &["media/self-reference"],
            &|f| {
                let mut patients = patients.clone();
                patients[0].studies[0].series[0].images[0].file_id = vec!["DICOMDIR".to_owned()];
                *file(f, "DICOMDIR") = dicomdir::dicomdir(
                    "DCMLINT_DEFECT",
                    "1.2.826.0.1.3680043.10.1234.5.9",
                    &patients,
                );
                take(f, FIRST);
            },
        ),
        set(
            "nested-file-set",
            "an older file-set (patient 2 of the sample, its own DICOMDIR) copied whole into OLD/",
            &["media/nested-file-set"],
            &|f| f.extend(nested_file_set()),
        ),
        set(
            "pdi-non-dicom",
            "an IHE PDI medium (INDEX.HTM, README.TXT) with two JPEG exports beside the images of the first series",
            &["media/pdi-non-dicom"],
            &|f| {
                f.push((
                    "INDEX.HTM".to_owned(),
                    b"<p>Images of one patient.</p>\n".to_vec(),
                ));
                f.push((
                    "README.TXT".to_owned(),
                    b"Images of one patient.\n".to_vec(),
                ));
                for name in ["IM000001.JPG", "IM000002.JPG"] {
                    f.push((
                        format!("DICOM/P0000001/ST000001/SE000001/{name}"),
                        JPEG.to_vec(),
                    ));
                }
            },
        ),
    ]
}

/// The first bytes of a JPEG file (SOI, APP0 `JFIF`) and its end (EOI): not DICOM.
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9";

/// A valid file-set of its own under `OLD/`: patient 2 of the sample, its DICOMDIR in
/// `OLD/` and File IDs relative to it.
fn nested_file_set() -> Files {
    let patients: Vec<Patient> = sample_patients().into_iter().skip(1).take(1).collect();
    file_set(
        "OLD/",
        "DCMLINT_OLD",
        "1.2.826.0.1.3680043.10.1234.5.8",
        &patients,
    )
}

/// A DICOMDIR of `patients` with File-set Descriptor File ID (0004,1141) `README`.
fn with_descriptor(patients: &[Patient]) -> Vec<u8> {
    dicomdir::DicomDir::new(
        "DCMLINT_DEFECT",
        "1.2.826.0.1.3680043.10.1234.5.9",
        patients,
    )
    .descriptor("README")
    .build()
}

/// The recipes of every defect set.
pub fn recipes() -> Vec<Recipe> {
    let mut out = Vec::new();
    for set in sets() {
        for (path, bytes) in set.files {
            // Recipe paths are 'static so the list reads as data; the few leaked strings
            // live as long as the process anyway.
            let path: &'static str =
                Box::leak(format!("media/defects/{}/{path}", set.name).into_boxed_str());
            let about: &'static str = Box::leak(
                format!("`media/{}` defect set: {}", set.name, set.about).into_boxed_str(),
            );
            out.push(Recipe { path, about, bytes });
        }
    }
    out
}
