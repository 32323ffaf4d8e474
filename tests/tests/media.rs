//! End-to-end tests of the file-set checks (`media/*`): `dcmlint check DIR` on the clean
//! sample set and on each defect set of `corpus/media/defects` (written by
//! `corpus/src/media_defects.rs`), with the rule, file, tag and offset of each finding;
//! and a symbolic link out of the file-set, made on the fly.
//!
//! Only `media/*` findings are compared with a set's expectation: other families judge
//! the DICOMDIR by itself (a `..` File ID is also a CS repertoire error).

use std::path::Path;

use dcmlint_corpus::media_defects::sets;
use dcmlint_tests::{run_text, scratch, workspace};
use serde_json::Value;

/// The `media/*` findings of `dcmlint check --format json DIR`.
fn media_findings(dir: &str) -> Vec<Value> {
    let (_, out) = run_text(&["check", "--format", "json", dir]);
    let value: Value = serde_json::from_str(&out).expect("one JSON object");
    value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("media/")))
        .cloned()
        .collect()
}

/// Where `needle` (occurrence `nth`) lies in the defect set's DICOMDIR.
fn offset_in_dicomdir(set: &str, needle: &[u8], nth: usize) -> u64 {
    let bytes = std::fs::read(workspace().join(format!("corpus/media/defects/{set}/DICOMDIR")))
        .expect("DICOMDIR");
    bytes
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .nth(nth)
        .map(|(i, _)| i as u64)
        .expect("needle in DICOMDIR")
}

#[test]
fn the_sample_set_has_no_media_findings() {
    assert_eq!(media_findings("corpus/media/sample"), Vec::<Value>::new());
}

#[test]
fn each_defect_set_draws_its_rule() {
    let sets = sets();
    // One set per media rule, named after it.
    let mut rules: Vec<&str> = lint_rules::RULES
        .iter()
        .filter(|r| r.family() == "media")
        .map(|r| r.id.trim_start_matches("media/"))
        .collect();
    rules.sort_unstable();
    let mut names: Vec<&str> = sets.iter().map(|s| s.name).collect();
    names.sort_unstable();
    assert_eq!(names, rules);
    for set in sets {
        let dir = format!("corpus/media/defects/{}", set.name);
        let found = media_findings(&dir);
        let mut rules: Vec<&str> = found.iter().filter_map(|d| d["rule"].as_str()).collect();
        rules.sort_unstable();
        rules.dedup();
        assert_eq!(rules, set.expected, "{dir}: {found:#?}");
        for d in &found {
            assert_eq!(d["path"], format!("{dir}/DICOMDIR"), "{d:#?}");
        }
    }
}

/// Defect sets whose finding sits on a DICOMDIR element: (set, tag, bytes the value
/// starts with, which occurrence of them in the DICOMDIR).
const PLACED: &[(&str, &str, &[u8], usize)] = &[
    (
        "missing-file",
        "(0004,1500)",
        b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        0,
    ),
    (
        "name-variant",
        "(0004,1500)",
        b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        0,
    ),
    ("unsafe-file-id", "(0004,1500)", b"..\\..\\..\\ETC\\X", 0),
    (
        "not-dicom",
        "(0004,1500)",
        b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        0,
    ),
    (
        "sop-class-mismatch",
        "(0004,1510)",
        b"1.2.840.10008.5.1.4.1.1.4\0",
        0,
    ),
    (
        "transfer-syntax-mismatch",
        "(0004,1512)",
        b"1.2.840.10008.1.2.2\0",
        0,
    ),
    ("key-mismatch", "(0010,0020)", b"PAT0009", 0),
    ("key-differs", "(0010,0010)", b"Doe^John", 0),
    // The File ID the second record now has (occurrence 1: the first record's comes first).
    (
        "referenced-twice",
        "(0004,1500)",
        b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        1,
    ),
    (
        "related-class-mismatch",
        "(0004,1500)",
        b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        0,
    ),
    ("descriptor-missing", "(0004,1141)", b"README", 0),
    ("descriptor-dicom", "(0004,1141)", b"README", 0),
    ("self-reference", "(0004,1500)", b"DICOMDIR", 0),
];

#[test]
fn findings_are_placed_on_the_dicomdir_element() {
    for (set, tag, needle, nth) in PLACED {
        let found = media_findings(&format!("corpus/media/defects/{set}"));
        assert_eq!(found.len(), 1, "{set}: {found:#?}");
        let d = &found[0];
        assert_eq!(d["tag"], *tag, "{set}: {d:#?}");
        assert_eq!(
            d["offset"].as_u64(),
            Some(offset_in_dicomdir(set, needle, *nth)),
            "{set}: {d:#?}"
        );
        // The descriptor's File ID is a top-level element; the others are in records.
        let expected_path = if *tag == "(0004,1141)" {
            tag.to_string()
        } else {
            "(0004,1220)[".to_string()
        };
        assert!(
            d["tag_path"]
                .as_str()
                .is_some_and(|p| p.starts_with(&expected_path) && p.ends_with(tag)),
            "{set}: {d:#?}"
        );
    }
}

#[test]
fn the_sop_instance_finding_names_the_files_uid() {
    let found = media_findings("corpus/media/defects/sop-instance-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["tag"], "(0004,1511)");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("(0002,0003)"), "{message}");
}

#[test]
fn listing_findings_name_the_file() {
    for (set, path) in [
        ("unreferenced-file", "DICOM/P0000001/IM000099"),
        ("extension", "DICOM/EXTRA.DCM"),
        ("depth", "A/B/C/D/E/F/G/H/README"),
        ("file-name", "ReadMe.html"),
        ("nested-file-set", "OLD/DICOMDIR"),
        ("pdi-non-dicom", "DICOM/P0000001/ST000001/SE000001"),
    ] {
        let found = media_findings(&format!("corpus/media/defects/{set}"));
        assert!(!found.is_empty(), "{set}");
        for d in &found {
            assert!(
                d["message"].as_str().is_some_and(|m| m.contains(path)),
                "{set}: {d:#?}"
            );
            assert_eq!(d["offset"], Value::Null, "{set}: no place in the DICOMDIR");
        }
    }
}

#[test]
fn human_output_of_a_key_mismatch() {
    let (code, out) = run_text(&["check", "corpus/media/defects/key-mismatch"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("media_key_mismatch", out);
}

#[test]
fn human_output_of_a_missing_file() {
    let (code, out) = run_text(&["check", "corpus/media/defects/missing-file"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("media_missing_file", out);
}

#[test]
fn ignoring_the_family_silences_it() {
    let (_, out) = run_text(&[
        "check",
        "--format",
        "json",
        "--ignore",
        "media",
        "corpus/media/defects/missing-file",
    ]);
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["diagnostics"], Value::Array(Vec::new()));
}

/// Copies the `missing-file` defect set's DICOMDIR and remaining images to `to`.
fn copy_set(from: &str, to: &Path) {
    let root = workspace().join(format!("corpus/media/defects/{from}"));
    for entry in walk(&root) {
        let relative = entry.strip_prefix(&root).unwrap();
        let target = to.join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_file_set_is_not_followed() {
    let dir = scratch("media-symlink");
    let set = dir.join("set");
    copy_set("missing-file", &set);
    // The missing image is now a link to a DICOM file outside the file-set.
    let outside = dir.join("OUTSIDE");
    std::fs::copy(
        workspace().join("corpus/media/sample/DICOM/P0000001/ST000001/SE000001/IM000001"),
        &outside,
    )
    .unwrap();
    std::os::unix::fs::symlink(
        &outside,
        set.join("DICOM/P0000001/ST000001/SE000001/IM000001"),
    )
    .unwrap();
    let found = media_findings(set.to_str().unwrap());
    let rules: Vec<&str> = found.iter().filter_map(|d| d["rule"].as_str()).collect();
    assert_eq!(rules, ["media/unsafe-file-id"], "{found:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_set_found_in_another_case_is_resolved() {
    let dir = scratch("media-case");
    copy_set("name-variant", &dir);
    let found = media_findings(dir.to_str().unwrap());
    let rules: Vec<&str> = found.iter().filter_map(|d| d["rule"].as_str()).collect();
    assert_eq!(rules, ["media/name-variant"], "{found:#?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("in another case"), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether `program` runs (`--version`); tests that need it are skipped, saying so,
/// when it does not (CI installs DCMTK and pydicom).
fn available(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_file_set_made_by_dcmmkdir_has_no_media_findings() {
    if !available("dcmmkdir", &["--version"]) {
        eprintln!("skipped: dcmmkdir (DCMTK) is not installed");
        return;
    }
    let dir = scratch("media-dcmmkdir");
    for file in walk(&workspace().join("corpus/media/sample/DICOM")) {
        let relative = file
            .strip_prefix(workspace().join("corpus/media/sample"))
            .unwrap();
        let target = dir.join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, target).unwrap();
    }
    let made = std::process::Command::new("dcmmkdir")
        .args(["-q", "+r", "+I", "DICOM"])
        .current_dir(&dir)
        .status()
        .expect("dcmmkdir runs");
    assert!(made.success());
    assert_eq!(media_findings(dir.to_str().unwrap()), Vec::<Value>::new());
    // The same set with one image removed: DCMTK's DICOMDIR now names a missing file.
    std::fs::remove_file(dir.join("DICOM/P0000002/ST000002/SE000001/IM000002")).unwrap();
    let found = media_findings(dir.to_str().unwrap());
    let rules: Vec<&str> = found.iter().filter_map(|d| d["rule"].as_str()).collect();
    assert_eq!(rules, ["media/missing-file"], "{found:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_set_written_by_pydicom_has_no_media_findings() {
    if !available("python3", &["-c", "import pydicom.fileset"]) {
        eprintln!("skipped: pydicom is not installed");
        return;
    }
    let dir = scratch("media-pydicom");
    let script = "import glob, sys, pydicom\n\
        from pydicom.fileset import FileSet\n\
        fs = FileSet()\n\
        for p in sorted(glob.glob(sys.argv[1] + '/DICOM/*/*/*/*')):\n    fs.add(pydicom.dcmread(p))\n\
        fs.write(sys.argv[2])\n";
    let sample = workspace().join("corpus/media/sample");
    let written = std::process::Command::new("python3")
        .args([
            "-c",
            script,
            sample.to_str().unwrap(),
            dir.join("set").to_str().unwrap(),
        ])
        .status()
        .expect("python3 runs");
    assert!(written.success());
    assert_eq!(
        media_findings(dir.join("set").to_str().unwrap()),
        Vec::<Value>::new()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A DICOMDIR known only by its (0002,0002) is linted with the other files and must not
/// wait for them (it would wait for itself); one named DICOMDIR beside it does wait.
#[test]
fn a_dicomdir_under_another_name_does_not_deadlock_the_run() {
    let dir = scratch("media-other-name");
    copy_set("missing-file", &dir);
    std::fs::copy(dir.join("DICOMDIR"), dir.join("DIRCOPY")).unwrap();
    let mut child = std::process::Command::new(dcmlint_tests::dcmlint())
        .args(["check", "--format", "json"])
        .arg(&dir)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("dcmlint starts");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("dcmlint runs") {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("dcmlint did not finish in 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let output = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(1));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    // Both directories judge the same file-set: the missing image, twice.
    let missing = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "media/missing-file")
        .count();
    assert_eq!(missing, 2, "{value:#}");
    let _ = std::fs::remove_dir_all(&dir);
}
