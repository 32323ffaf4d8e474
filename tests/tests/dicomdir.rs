//! DICOMDIRs from other writers and readers: what DCMTK's `dcmmkdir` and pydicom's
//! `FileSet.write` make of our image files lints clean; pydicom's `dicomdirtests` get the
//! findings their README describes; a cycle of offsets is reported at once.
//!
//! The DCMTK and pydicom tests are skipped, with a note, when `dcmmkdir` or pydicom is
//! not installed (CI installs both); DCMLINT_SKIP_PYDICOM=1 skips the pydicom ones.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dcmlint_corpus::dicomdir::{self, DicomDir, Image, Patient, Series, Study, edit};
use dcmlint_corpus::recipes::sample_patients;
use dcmlint_tests::run_text;
use lint_core::tag::tags;

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dcmlint-dicomdir-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the image files of `patients` under `dir`, at their File IDs.
fn write_images(dir: &Path, patients: &[Patient]) {
    for patient in patients {
        for study in &patient.studies {
            for series in &study.series {
                for image in &series.images {
                    let path = image
                        .file_id
                        .iter()
                        .fold(dir.to_path_buf(), |p, c| p.join(c));
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(path, dicomdir::image_file(patient, study, series, image))
                        .unwrap();
                }
            }
        }
    }
}

/// `dcmlint check --format json` over `paths`: (exit code, file name → rules fired).
fn findings(paths: &[&Path]) -> (i32, BTreeMap<String, Vec<(String, String)>>) {
    findings_with(&[], paths)
}

/// [`findings`] for a DICOMDIR judged alone, without the images it references: the
/// file-set checks (`media/*`) would only report them missing.
fn directory_findings(paths: &[&Path]) -> (i32, BTreeMap<String, Vec<(String, String)>>) {
    findings_with(&["--ignore", "media"], paths)
}

/// [`findings`] with more options before the paths.
fn findings_with(
    options: &[&str],
    paths: &[&Path],
) -> (i32, BTreeMap<String, Vec<(String, String)>>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(options);
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    let (code, out) = run_text(&args);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let mut by_file: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for d in value["diagnostics"].as_array().unwrap() {
        let name = Path::new(d["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        by_file.entry(name).or_default().push((
            d["rule"].as_str().unwrap().to_owned(),
            d["severity"].as_str().unwrap().to_owned(),
        ));
    }
    (code, by_file)
}

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn have_pydicom() -> bool {
    if std::env::var_os("DCMLINT_SKIP_PYDICOM").is_some() {
        eprintln!("note: DCMLINT_SKIP_PYDICOM is set; skipping");
        return false;
    }
    let ok = have("python3", "-c") && {
        Command::new("python3")
            .args(["-c", "import pydicom.fileset"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !ok {
        eprintln!("note: pydicom is not installed (pip install pydicom); skipping");
    }
    ok
}

/// The sample file-set's patients plus a Japanese one whose names use JIS X 0201
/// katakana and JIS X 0208 (`ISO 2022 IR 13`), as Japanese modalities write them.
fn patients() -> Vec<Patient> {
    let mut patients = sample_patients();
    patients.extend(dcmlint_corpus::recipes::japanese_patients());
    patients
}

#[test]
fn dcmmkdir_dicomdir_lints_clean() {
    if !have("dcmmkdir", "--version") {
        eprintln!("note: DCMTK's dcmmkdir is not installed; skipping");
        return;
    }
    let dir = scratch("dcmmkdir");
    write_images(&dir, &patients());
    let out = Command::new("dcmmkdir")
        .args(["+r", "+id"])
        .arg(&dir)
        .arg("+D")
        .arg(dir.join("DICOMDIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, found) = findings(&[&dir]);
    assert_eq!(code, 0, "{found:#?}");
    assert!(found.is_empty(), "{found:#?}");
    // The DICOMDIR was checked: its summary names every patient.
    let (_, human) = run_text(&["check", &dir.display().to_string()]);
    assert!(
        human.contains("file-set `DCMTK_MEDIA_DEMO`: 6 patients"),
        "{human}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pydicom_fileset_write_lints_clean() {
    if !have_pydicom() {
        return;
    }
    let src = scratch("pydicom-src");
    write_images(&src, &patients());
    let out_dir = scratch("pydicom-out");
    let _ = std::fs::remove_dir_all(&out_dir);
    let script = "import os, sys\nfrom pydicom.fileset import FileSet\nfs = FileSet()\nfor root, _, files in sorted(os.walk(sys.argv[1])):\n    for f in sorted(files):\n        fs.add(os.path.join(root, f))\nfs.write(sys.argv[2])\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&src)
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("DICOMDIR").is_file());
    let (code, found) = findings(&[&out_dir]);
    assert_eq!(code, 0, "{found:#?}");
    assert!(found.is_empty(), "{found:#?}");
    let _ = std::fs::remove_dir_all(&src);
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn pydicom_dicomdirtests_get_their_readme_findings() {
    if !have_pydicom() {
        return;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import pydicom.data, os; print(os.path.dirname(pydicom.data.__file__))",
        ])
        .output()
        .unwrap();
    let data = String::from_utf8(out.stdout).unwrap();
    let dir = Path::new(data.trim()).join("test_files/dicomdirtests");
    let names = [
        "DICOMDIR",
        "DICOMDIR-bigEnd",
        "DICOMDIR-implicit",
        "DICOMDIR-reordered",
        "DICOMDIR-nooffset",
        "DICOMDIR-nopatient",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (_, found) = findings(&refs);
    let dicomdir_rules = |name: &str| -> BTreeSet<String> {
        found
            .get(name)
            .into_iter()
            .flatten()
            .map(|(rule, _)| rule.clone())
            .filter(|rule| rule.starts_with("dicomdir/"))
            .collect()
    };
    let set = |rules: &[&str]| {
        rules
            .iter()
            .map(|r| (*r).to_owned())
            .collect::<BTreeSet<_>>()
    };
    // dcmmkdir's original and the reordered copy (offsets adapted): clean.
    assert!(!found.contains_key("DICOMDIR"), "{found:#?}");
    assert!(!found.contains_key("DICOMDIR-reordered"), "{found:#?}");
    // Re-encoded: the transfer syntax, and nothing about the tree.
    assert_eq!(
        dicomdir_rules("DICOMDIR-bigEnd"),
        set(&["dicomdir/transfer-syntax"])
    );
    assert_eq!(
        dicomdir_rules("DICOMDIR-implicit"),
        set(&["dicomdir/transfer-syntax"])
    );
    // Zero offsets removed: the records lack Type 1 elements.
    assert!(
        dicomdir_rules("DICOMDIR-nooffset").contains("dicomdir/missing-attribute"),
        "{found:#?}"
    );
    // PATIENT records retyped: unknown types, and the tree no longer holds together.
    let nopatient = dicomdir_rules("DICOMDIR-nopatient");
    assert!(
        nopatient.contains("dicomdir/unknown-record-type"),
        "{nopatient:?}"
    );
    assert!(nopatient.contains("dicomdir/orphan"), "{nopatient:?}");
}

/// A DICOMDIR of `n`×10×10×10 images whose last image record's next offset leads back to
/// the first image of its series.
fn cyclic_dicomdir(n: usize) -> Vec<u8> {
    let root = "1.2.826.0.1.3680043.10.1234.10";
    let patients: Vec<Patient> = (0..n)
        .map(|p| Patient {
            charset: None,
            name: format!("Cycle^P{p}").into_bytes(),
            id: Box::leak(format!("CYC{p:04}").into_boxed_str()),
            birth_date: "",
            sex: "O",
            studies: (0..10)
                .map(|s| Study {
                    uid: format!("{root}.2.{p}.{s}"),
                    date: "20240131",
                    time: "093000",
                    description: b"CT".to_vec(),
                    id: "1",
                    accession: "A1",
                    series: (0..10)
                        .map(|r| Series {
                            modality: "CT",
                            uid: format!("{root}.3.{p}.{s}.{r}"),
                            number: r + 1,
                            images: (0..10)
                                .map(|i| {
                                    Image::ct(
                                        vec![
                                            format!("P{p}"),
                                            format!("S{s}"),
                                            format!("R{r}"),
                                            format!("I{i}"),
                                        ],
                                        format!("{root}.4.{p}.{s}.{r}.{i}"),
                                        i + 1,
                                    )
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut bytes = DicomDir::new("CYCLE", &format!("{root}.5"), &patients).build();
    let records = n * (1 + 10 * (1 + 10 * (1 + 10)));
    // The last record is an image; the tenth from the end is the first of its series.
    let first_of_series = records - 10;
    let offsets: Vec<u32> = {
        let mut slots = vec![lint_core::dicomdir::RecordSlot::EMPTY; records];
        let index = lint_core::dicomdir::RecordIndex::read(&bytes, &mut slots);
        index.records().iter().map(|r| r.offset() as u32).collect()
    };
    edit::set_ul(
        &mut bytes,
        tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
        records - 1,
        offsets[first_of_series],
    );
    bytes
}

#[test]
fn a_cycle_is_reported_at_once() {
    let dir = scratch("cycle");
    let path = dir.join("DICOMDIR");
    std::fs::write(&path, cyclic_dicomdir(2)).unwrap();
    // Built before the clock starts.
    let _ = dcmlint_tests::dcmlint();
    let start = Instant::now();
    let (code, found) = directory_findings(&[&path]);
    let took = start.elapsed();
    assert_eq!(code, 1);
    assert_eq!(
        found["DICOMDIR"],
        vec![("dicomdir/cycle".to_owned(), "error".to_owned())]
    );
    // 2,222 records, a debug build, a process start: still well under a second (a
    // reader that follows the offsets blindly never ends).
    assert!(took < Duration::from_millis(700), "{took:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn each_defect_dicomdir_draws_exactly_its_rule() {
    let root = dcmlint_tests::workspace().join("corpus/files/dicomdir");
    let mut rules: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    rules.sort();
    // One per rule of the family.
    let family: Vec<String> = lint_rules::RULES
        .iter()
        .filter(|r| r.family() == "dicomdir")
        .map(|r| r.id.trim_start_matches("dicomdir/").to_owned())
        .collect();
    let mut expected = family.clone();
    expected.sort();
    assert_eq!(rules, expected);
    for rule in &rules {
        let path = root.join(rule).join("DICOMDIR");
        // Judged alone: the images its records reference are not beside it.
        let (code, out) = run_text(&[
            "check",
            "--format",
            "json",
            "--ignore",
            "media",
            &path.display().to_string(),
        ]);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let fired: BTreeSet<&str> = value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        let id = format!("dicomdir/{rule}");
        assert_eq!(fired, BTreeSet::from([id.as_str()]), "{rule}: {out}");
        let severity = lint_rules::registry::rule(&id).unwrap().severity;
        assert_eq!(
            code,
            i32::from(severity == lint_rules::Severity::Error),
            "{rule}"
        );
    }
}

#[test]
fn a_record_with_japanese_keys_and_no_charset_of_its_own_is_reported() {
    let (_, found) = directory_findings(&[
        &dcmlint_tests::workspace().join("corpus/files/charset/missing-in-record/DICOMDIR")
    ]);
    let rules: Vec<&str> = found["DICOMDIR"].iter().map(|(r, _)| r.as_str()).collect();
    // The PATIENT record's name and the STUDY record's description.
    assert_eq!(rules, ["charset/missing", "charset/missing"]);
    // With each record's own (0008,0005), the same keys are clean.
    let (code, found) = findings(&[&dcmlint_tests::workspace().join("corpus/media/japanese")]);
    assert_eq!(code, 0);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_dicomdir_is_known_by_its_sop_class_and_text_named_dicomdir_is_not_one() {
    // On standard input there is no name: (0002,0002) says it is a DICOMDIR.
    let bytes =
        std::fs::read(dcmlint_tests::workspace().join("corpus/files/dicomdir/cycle/DICOMDIR"))
            .unwrap();
    let out = dcmlint_tests::run_with_stdin(&["check", "--format", "json", "-"], &bytes);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["diagnostics"][0]["rule"], "dicomdir/cycle");
    // A text file named DICOMDIR is not DICOM, and not judged as a directory.
    let dir = scratch("text");
    let path = dir.join("DICOMDIR");
    std::fs::write(&path, "not a directory\n").unwrap();
    let (_, found) = findings(&[&path]);
    let rules: BTreeSet<&str> = found["DICOMDIR"].iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        rules,
        BTreeSet::from(["meta/missing-file-meta", "parse/not-dicom"])
    );
    let _ = std::fs::remove_dir_all(&dir);
}
