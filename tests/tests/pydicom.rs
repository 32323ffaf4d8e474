//! Every DICOM file shipped with pydicom (about 190 real files from many vendors and
//! every transfer syntax) parses without a `parse/*` error, except the ones broken on
//! purpose, which get the right finding at the right offset.
//!
//! Needs `pip install pydicom` (CI installs it); set DCMLINT_SKIP_PYDICOM=1 to skip.

use std::collections::BTreeMap;
use std::process::Command;

use dcmlint_tests::run_text;

fn pydicom_data() -> Option<String> {
    if std::env::var_os("DCMLINT_SKIP_PYDICOM").is_some() {
        return None;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import pydicom, os; print(os.path.join(os.path.dirname(pydicom.__file__), 'data'))",
        ])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "pydicom is not installed: pip install pydicom (or set DCMLINT_SKIP_PYDICOM=1)"
    );
    Some(String::from_utf8(out.stdout).unwrap().trim().to_owned())
}

#[test]
fn pydicom_files_parse_cleanly_except_the_broken_ones() {
    let Some(data) = pydicom_data() else { return };
    let dirs: Vec<String> = ["test_files", "charset_files", "test_files/dicomdirtests"]
        .iter()
        .map(|d| format!("{data}/{d}"))
        .collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(dirs.iter().map(String::as_str));
    let (_, out) = run_text(&args);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        value["files_checked"].as_u64().unwrap() >= 170,
        "{}",
        value["files_checked"]
    );
    // file name → [(rule, offset)] of parse/* errors and the badVR finding.
    let mut found: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for d in value["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap();
        let name = d["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        if (rule.starts_with("parse/") && d["severity"] == "error") || rule == "vr/invalid-number" {
            found
                .entry(name)
                .or_default()
                .push((rule.to_owned(), d["offset"].as_u64().unwrap_or(0)));
        }
    }
    let first = |name: &str| found.get(name).and_then(|v| v.first()).cloned();
    assert_eq!(
        first("MR_truncated.dcm"),
        Some(("parse/value-past-end".into(), 1488))
    );
    // The outermost sequence that runs past the end is reported first, then each
    // nested item and element down to (300A,012C) at 2092, whose 50 bytes are cut to 29.
    let rtplan = &found["rtplan_truncated.dcm"];
    assert_eq!(rtplan.first(), Some(&("parse/value-past-end".into(), 1410)));
    assert_eq!(rtplan.last(), Some(&("parse/value-past-end".into(), 2092)));
    // badVR.dcm: its defect is an IS value "1A" (not a VR code).
    assert_eq!(first("badVR.dcm"), Some(("vr/invalid-number".into(), 1008)));
    // DICOMDIR-nooffset had offset elements removed without fixing the lengths: its last
    // record's item claims 248 bytes where 224 remain. A real defect, reported.
    assert_eq!(
        first("DICOMDIR-nooffset"),
        Some(("parse/value-past-end".into(), 10860))
    );
    let expected = [
        "MR_truncated.dcm",
        "rtplan_truncated.dcm",
        "badVR.dcm",
        "DICOMDIR-nooffset",
    ];
    let unexpected: Vec<_> = found
        .keys()
        .filter(|k| !expected.contains(&k.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected parse errors: {unexpected:?} {found:?}"
    );
}
