//! End-to-end tests of `dcmlint check`: output formats (insta snapshots), exit codes,
//! selection, and the README's sample.

use dcmlint_tests::{run, run_text};

#[test]
fn sample_media_set_is_clean() {
    let (code, out) = run_text(&["check", "corpus/media/sample"]);
    assert_eq!(code, 0, "{out}");
    // No finding; the file-set summary of the DICOMDIR, names decoded with each record's
    // own (0008,0005); the count.
    assert!(
        out.starts_with("corpus/media/sample/DICOMDIR:\n  file-set `DCMLINT_SAMPLE`: 3 patients, 4 studies, 5 series, 9 instances\n"),
        "{out}"
    );
    assert!(
        out.contains("    PATIENT Yamada^Tarou=山田^太郎=やまだ^たろう [PAT0003]: 3 instances\n      STUDY 20240301 検査 CT: 3 instances\n        SERIES CT #1: 3 instances\n"),
        "{out}"
    );
    assert!(
        out.contains("PATIENT Müller^Jürgen [PAT0002]: 3 instances"),
        "{out}"
    );
    assert!(
        out.ends_with("\n\nchecked 10 files: 0 errors, 0 warnings, 0 info\n"),
        "{out}"
    );
    let (code, quiet) = run_text(&["check", "-q", "corpus/media/sample"]);
    assert_eq!((code, quiet.as_str()), (0, ""));
}

#[test]
fn human_output_over_the_corpus() {
    let (code, out) = run_text(&["check", "corpus/files"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("human_corpus", out);
}

#[test]
fn json_output_over_the_corpus() {
    let (code, out) = run_text(&["check", "--format", "json", "corpus/files"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(value["version"], 1);
    insta::assert_snapshot!("json_corpus", serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn json_schema_fields() {
    let (_, out) = run_text(&[
        "check",
        "--format",
        "json",
        "corpus/files/vr/odd-length.dcm",
    ]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["files_checked"], 1);
    let d = &value["diagnostics"][0];
    assert_eq!(d["rule"], "vr/odd-length");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "corpus/files/vr/odd-length.dcm");
    assert_eq!(d["tag"], "(0010,1000)");
    assert_eq!(d["tag_path"], "(0010,1000)");
    assert!(d["offset"].as_u64().is_some());
    assert_eq!(d["length"], 8);
    assert_eq!(value["summary"]["error"], 1);
}

#[test]
fn nested_findings_carry_the_tag_path() {
    let (_, out) = run_text(&[
        "check",
        "--format",
        "json",
        "corpus/files/parse/undefined-length-missing-delimiter.dcm",
    ]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &value["diagnostics"][0];
    assert_eq!(d["rule"], "parse/missing-delimiter");
}

#[test]
fn exit_codes() {
    // A warning only: 0 by default, 1 with --fail-on warning.
    let be = "corpus/files/clean/ct-explicit-be.dcm";
    assert_eq!(run(&["check", be]).status.code(), Some(0));
    assert_eq!(
        run(&["check", "--fail-on", "warning", be]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--ignore", "meta", "--fail-on", "info", be])
            .status
            .code(),
        Some(0)
    );
    // An error: 1.
    assert_eq!(
        run(&["check", "corpus/files/vr/odd-length.dcm"])
            .status
            .code(),
        Some(1)
    );
    // Usage and I/O: 2.
    assert_eq!(
        run(&["check", "--select", "nonsense/rule", be])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["check", "no/such/file.dcm"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--format", "xml", be]).status.code(),
        Some(2)
    );
}

#[test]
fn select_limits_rules() {
    let (_, out) = run_text(&[
        "check",
        "--format",
        "json",
        "--select",
        "vr",
        "corpus/files",
    ]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    for d in value["diagnostics"].as_array().unwrap() {
        assert!(d["rule"].as_str().unwrap().starts_with("vr/"), "{d}");
    }
}

#[test]
fn non_dicom_files_in_directories_are_skipped_but_named_files_are_checked() {
    let dir = std::env::temp_dir().join(format!("dcmlint-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("notes.txt"),
        "not DICOM at all, just some text here\n",
    )
    .unwrap();
    let dir_s = dir.to_str().unwrap();
    let (code, out) = run_text(&["check", dir_s]);
    assert_eq!(code, 0);
    assert!(
        out.contains("checked 0 files") && out.contains("1 non-DICOM file skipped"),
        "{out}"
    );
    let file = dir.join("notes.txt");
    let (code, out) = run_text(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("parse/not-dicom"), "{out}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        let (code, out) = run_text(&["check", "--format", "json", dir_s]);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("io/symlink-loop"), "{out}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deflated_files_are_inflated_and_checked() {
    let (code, out) = run_text(&[
        "check",
        "--format",
        "json",
        "corpus/files/clean/sr-deflated.dcm",
    ]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn rules_and_rule_docs() {
    let (code, out) = run_text(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("parse/value-past-end"));
    let (code, out) = run_text(&["rule", "vr/odd-length"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("## Why") && out.contains("PS3.5 §7.1.1"),
        "{out}"
    );
    assert_eq!(run(&["rule", "no/such"]).status.code(), Some(2));
}

/// A file whose name is not UTF-8 is still checked, under a lossy name, with a note; a
/// directory whose name is not UTF-8 names no file by that (only file names are noted).
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_noted() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = std::env::temp_dir().join(format!("dcmlint-non-utf8-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let sub = dir.join(OsStr::from_bytes(b"d\xE9j\xE0"));
    std::fs::create_dir_all(&sub).unwrap();
    let clean = dcmlint_tests::workspace().join("corpus/files/clean/japanese-iso2022.dcm");
    std::fs::copy(&clean, dir.join(OsStr::from_bytes(b"caf\xE9.dcm"))).unwrap();
    std::fs::copy(&clean, sub.join("ok.dcm")).unwrap();
    let (_, out) = run_text(&["check", "--format", "json", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(value["files_checked"], 2, "{out}");
    let notes: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "io/non-utf8-name")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 1, "{out}");
    assert!(notes[0].ends_with("caf\u{FFFD}.dcm"), "{out}");
}
