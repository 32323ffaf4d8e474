//! pydicom's character-set files (David Clunie's samples and pydicom's own): the valid
//! ones draw no error, and the Patient's Name dcmlint decodes is the one pydicom decodes
//! from the bytes FileInfo.txt lists.
//!
//! Needs `pip install pydicom` (CI installs it); set DCMLINT_SKIP_PYDICOM=1 to skip.

use std::collections::BTreeMap;
use std::process::Command;

use dcmlint_tests::run_text;
use lint_core::charset::{Scopes, SpecificCharacterSet, TextKind, decode::write_text};
use lint_core::parser::{Event, Events};
use lint_core::tag::tags;

/// The files the character-set issue requires to pass without error.
const VALID: &[&str] = &[
    "chrArab.dcm",
    "chrFren.dcm",
    "chrFrenMulti.dcm",
    "chrGerm.dcm",
    "chrGreek.dcm",
    "chrH31.dcm",
    "chrH32.dcm",
    "chrHbrw.dcm",
    "chrI2.dcm",
    "chrRuss.dcm",
    "chrX1.dcm",
    "chrX2.dcm",
    "chrSQEncoding1.dcm",
];

fn charset_files() -> Option<String> {
    if std::env::var_os("DCMLINT_SKIP_PYDICOM").is_some() {
        return None;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import pydicom, os; print(os.path.join(os.path.dirname(pydicom.__file__), 'data', 'charset_files'))",
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
fn valid_charset_files_draw_no_error() {
    let Some(dir) = charset_files() else { return };
    let (_, out) = run_text(&["check", "--format", "json", &dir]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in value["diagnostics"].as_array().unwrap() {
        let name = d["path"].as_str().unwrap().rsplit('/').next().unwrap();
        if VALID.contains(&name) && d["severity"] == "error" {
            errors
                .entry(name.to_owned())
                .or_default()
                .push(format!("{} {}", d["rule"], d["message"]));
        }
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

/// The top-level Patient's Name of `bytes`, decoded under the (0008,0005) in force.
fn decoded_name(bytes: &[u8]) -> Option<String> {
    let mut scopes = Scopes::<16>::default();
    for event in Events::<16>::new(bytes) {
        let Ok(event) = event else { return None };
        scopes.observe(&event);
        if let Event::Element(e) = event {
            if e.header.tag == tags::PATIENT_NAME && scopes.depth() == 0 {
                let set: SpecificCharacterSet = scopes.current().set;
                let mut out = String::new();
                write_text(e.value?, &set, TextKind::PersonName, &mut out).ok()?;
                return Some(out.trim_end_matches([' ', '\0']).to_owned());
            }
        }
    }
    None
}

#[test]
fn decoded_names_match_pydicom_and_file_info() {
    let Some(dir) = charset_files() else { return };
    // pydicom's decoding of each name, after checking the raw bytes are FileInfo.txt's.
    let script = r#"
import sys, os, ast, re, pydicom
d = sys.argv[1]
info = {}
for line in open(os.path.join(d, 'FileInfo.txt'), encoding='latin-1'):
    parts = line.split(None, 1)
    m = re.search(r"'(?:[^'\\]|\\.)*'\s*$", line)
    if parts and parts[0].endswith('.dcm') and m:
        info[parts[0]] = ast.literal_eval('b' + m.group(0).strip())
for name in sorted(info):
    ds = pydicom.dcmread(os.path.join(d, name))
    raw = ds.get_item((0x0010, 0x0010)).value
    assert raw.rstrip(b' ') == info[name].rstrip(b' '), (name, raw, info[name])
    print(name + '\t' + str(ds.PatientName))
"#;
    let out = Command::new("python3")
        .args(["-c", script, &dir])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = String::from_utf8(out.stdout).unwrap();
    let mut compared = 0;
    for line in expected.lines() {
        let (name, pydicom_name) = line.split_once('\t').unwrap();
        let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
        let ours = decoded_name(&bytes).unwrap_or_else(|| panic!("{name}: no name decoded"));
        // pydicom's str() drops empty trailing groups and components (`王^小東=`); dcmlint
        // shows the delimiters that are in the bytes.
        assert_eq!(ours.trim_end_matches(['=', '^']), pydicom_name, "{name}");
        // And what `dcmlint inspect` shows a field engineer is that same text.
        let path = format!("{dir}/{name}");
        let (_, shown) = run_text(&["inspect", &path, "--tag", "PatientName"]);
        let text = shown
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("text"))
            .unwrap_or_else(|| panic!("{name}: no text line in\n{shown}"))
            .trim()
            .trim_matches('"')
            .trim_end_matches([' ', '\0'])
            .to_owned();
        assert_eq!(text, ours, "{name}: inspect shows {text}");
        compared += 1;
    }
    assert!(compared >= 12, "only {compared} names compared");
}

/// Files whose Patient's Name has kanji or Hangul, with their escape sequences, in the
/// alphabetic group (no `=`): PS3.5 §6.2.1.2 forbids escapes there.
const ALPHA_ESCAPE: &[&str] = &[
    "chrJapMulti.dcm",
    "chrJapMultiExplicitIR6.dcm",
    "chrKoreanMulti.dcm",
];

/// Files whose Patient's Name is the standard's own example (Annexes H, I, J).
const STANDARD_NAMES: &[&str] = &[
    "chrH31.dcm",
    "chrH32.dcm",
    "chrI2.dcm",
    "chrX1.dcm",
    "chrX2.dcm",
];

/// Also: no `pn/*` warning or error on any other file pydicom ships (test_files too).
#[test]
fn person_names_escapes_in_the_alphabetic_group_are_errors() {
    let Some(dir) = charset_files() else { return };
    let test_files = format!("{dir}/../test_files");
    let (_, out) = run_text(&["check", "--format", "json", &dir, &test_files]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(value["files_checked"].as_u64().unwrap() >= 150, "{out}");
    let mut alpha_escape: BTreeMap<String, usize> = BTreeMap::new();
    let mut on_standard_names: Vec<String> = Vec::new();
    let mut pn_serious: Vec<String> = Vec::new();
    for d in value["diagnostics"].as_array().unwrap() {
        let name = d["path"].as_str().unwrap().rsplit('/').next().unwrap();
        let rule = d["rule"].as_str().unwrap();
        let severity = d["severity"].as_str().unwrap();
        let patient_name = d["tag_path"] == "(0010,0010)";
        if patient_name && rule == "pn/alpha-escape" && severity == "error" {
            *alpha_escape.entry(name.to_owned()).or_default() += 1;
        }
        if patient_name && STANDARD_NAMES.contains(&name) && severity == "error" {
            on_standard_names.push(format!("{name}: {rule} {}", d["message"]));
        }
        if rule.starts_with("pn/") && severity != "info" && !ALPHA_ESCAPE.contains(&name) {
            pn_serious.push(format!("{name} {}: {rule} {}", d["tag_path"], d["message"]));
        }
    }
    for name in ALPHA_ESCAPE {
        assert_eq!(
            alpha_escape.get(*name),
            Some(&1),
            "{name}: expected one pn/alpha-escape error on (0010,0010)"
        );
    }
    assert!(on_standard_names.is_empty(), "{on_standard_names:#?}");
    assert!(pn_serious.is_empty(), "{pn_serious:#?}");
}

/// The view the README shows: `inspect --tag (0010,0010)` on chrH31.dcm marks each of the
/// eight escape sequences, names the JIS X 0208 runs with their decoded kanji and kana,
/// and shows the whole name decoded.
#[test]
fn inspect_shows_the_escapes_and_runs_of_chr_h31() {
    let Some(dir) = charset_files() else { return };
    let (code, out) = run_text(&[
        "inspect",
        &format!("{dir}/chrH31.dcm"),
        "--tag",
        "(0010,0010)",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("text      \"Yamada^Tarou=山田^太郎=やまだ^たろう\""),
        "{out}"
    );
    let escapes = out.lines().filter(|l| l.contains("[ESC $ B]")).count();
    let returns = out.lines().filter(|l| l.contains("[ESC ( B]")).count();
    assert_eq!((escapes, returns), (4, 4), "{out}");
    for run in [
        "3B 33 45 44                                      JIS X 0208 (ISO-IR 87) \"山田\"",
        "42 40 4F 3A                                      JIS X 0208 (ISO-IR 87) \"太郎\"",
        "24 64 24 5E 24 40                                JIS X 0208 (ISO-IR 87) \"やまだ\"",
        "24 3F 24 6D 24 26                                JIS X 0208 (ISO-IR 87) \"たろう\"",
    ] {
        assert!(out.contains(run), "missing run {run}:\n{out}");
    }
    assert!(out.contains("+60                                                   end, in G0 ASCII (ISO-IR 6), no G1"), "{out}");
}
