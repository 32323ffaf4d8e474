//! End-to-end tests of the machine formats (SARIF, GitHub, JUnit), `--quiet`, standard
//! input, parallel checking, shell completions, manual pages and `--version`.
//!
//! SARIF is validated against the OASIS schema vendored in `tests/schemas/` (see its
//! README for provenance). Snapshots hold the results, not the rule catalogue, so adding
//! a rule changes them only where it finds something in the corpus.

use dcmlint_tests::{copy_corpus, run, run_text, run_with_stdin, scratch, texts, workspace};
use serde_json::Value;

/// The vendored OASIS schema, with format checks on (a path must be a `uri-reference`).
fn sarif_validator() -> jsonschema::Validator {
    let path = workspace().join("tests/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).unwrap();
    // The schema's `run.language` pattern has a stray `]`, a literal in ECMA-262 regular
    // expressions but an error for the Rust engines that check the schema's own
    // `"format": "regex"`. Escaping it keeps its ECMA meaning; the file stays as vendored.
    let stray = r#"{2}-[a-zA-Z]{2}]?$"#;
    assert!(
        text.contains(stray),
        "the vendored schema changed; revisit this fix-up"
    );
    let text = text.replace(stray, r#"{2}-[a-zA-Z]{2}\\]?$"#);
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// Parses SARIF output and fails with every schema violation.
fn valid_sarif(out: &str) -> Value {
    let log: Value = serde_json::from_str(out).expect("SARIF is one JSON document");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF violates the schema:\n{}",
        errors.join("\n")
    );
    log
}

#[test]
fn sarif_over_the_corpus_validates_and_is_stable() {
    let (code, out) = run_text(&["check", "--format", "sarif", "corpus/files"]);
    assert_eq!(code, 1);
    let log = valid_sarif(&out);
    let (_, again) = run_text(&["check", "--format", "sarif", "corpus/files"]);
    assert_eq!(out, again, "same input, same bytes");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "dcmlint");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    // Every rule of the registry, in catalogue order, documented.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = lint_rules::RULES.iter().map(|r| r.id).collect();
    assert_eq!(ids, expected);
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let anchor: String = id.chars().filter(|&c| c != '/').collect();
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(uri.ends_with(&format!("rules/README.md#{anchor}")), "{uri}");
        assert!(
            !rule["shortDescription"]["text"]
                .as_str()
                .unwrap()
                .is_empty()
        );
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.contains("## "), "{id}: {markdown}");
        assert_eq!(
            rule["fullDescription"]["markdown"],
            rule["help"]["markdown"]
        );
    }
    // Results point at rules by index and at bytes by offset.
    let results = run["results"].as_array().unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let odd = results
        .iter()
        .find(|r| r["ruleId"] == "vr/odd-length")
        .expect("the odd-length defect is found");
    let location = &odd["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "corpus/files/vr/odd-length.dcm"
    );
    assert_eq!(location["physicalLocation"]["region"]["byteOffset"], 476);
    assert_eq!(location["physicalLocation"]["region"]["byteLength"], 8);
    assert_eq!(location["logicalLocations"][0]["name"], "OtherPatientIDs");
    assert_eq!(odd["level"], "error");
    insta::assert_snapshot!(
        "sarif_corpus_results",
        serde_json::to_string_pretty(&run["results"]).unwrap()
    );
}

#[test]
fn sarif_of_clean_files_and_awkward_paths() {
    let (code, out) = run_text(&["check", "--format", "sarif", "corpus/media/sample"]);
    assert_eq!(code, 0);
    let log = valid_sarif(&out);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    // Spaces, `#` and non-ASCII in a path are percent-encoded; an absolute path is a
    // file URI; an unreadable path fails the invocation but is still valid SARIF.
    let dir = scratch("sarif-paths");
    let file = dir.join("a b#ü.dcm");
    copy_corpus("corpus/files/vr/odd-length.dcm", &file);
    let missing = dir.join("missing.dcm");
    let (code, out, _) = texts(&run(&[
        "check",
        "--format",
        "sarif",
        file.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]));
    assert_eq!(code, 2);
    let log = valid_sarif(&out);
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/a%20b%23%C3%BC.dcm"),
        "{uri}"
    );
    assert!(
        run["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ruleId"] == "io/unreadable")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sarif_results_in_a_deflated_file_have_no_byte_region() {
    // Offsets into an inflated data set do not address the file's bytes.
    let (_, out) = run_text(&[
        "check",
        "--format",
        "sarif",
        "--select",
        "meta",
        "--fail-on",
        "info",
        "corpus/files/clean/sr-deflated.dcm",
    ]);
    let log = valid_sarif(&out);
    for result in log["runs"][0]["results"].as_array().unwrap() {
        if result["properties"]["inflatedByteOffset"].is_u64() {
            assert!(result["locations"][0]["physicalLocation"]["region"].is_null());
        }
    }
}

#[test]
fn github_output_over_the_corpus() {
    let (code, out) = run_text(&["check", "--format", "github", "corpus/files"]);
    assert_eq!(code, 1);
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
    }
    assert!(
        out.contains(
            "::error file=corpus/files/vr/odd-length.dcm,title=vr/odd-length::(0010,1000) \
             OtherPatientIDs, offset 476 (0x1DC): LO value length 7 is odd; pad the value to 8 bytes\n"
        ),
        "{out}"
    );
    insta::assert_snapshot!("github_corpus", out);
}

#[test]
fn github_escapes_properties_and_data() {
    let dir = scratch("github-escape");
    let file = dir.join("x,y:z%.dcm");
    copy_corpus("corpus/files/vr/odd-length.dcm", &file);
    let (code, out, _) = texts(&run(&[
        "check",
        "--format",
        "github",
        file.to_str().unwrap(),
    ]));
    assert_eq!(code, 1);
    assert!(
        out.contains("x%2Cy%3Az%25.dcm,title=vr/odd-length::"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn junit_output_over_the_corpus() {
    let (code, out) = run_text(&["check", "--format", "junit", "corpus/files"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert_eq!(
        out.matches("<testsuite ").count(),
        out.matches("</testsuite>").count()
    );
    assert_eq!(
        out.matches("<testcase ").count(),
        out.matches("</testcase>").count() + out.matches("/>").count()
    );
    assert!(
        out.contains(r#"<testsuite name="corpus/files/clean/ct-explicit-le.dcm" tests="1" failures="0" errors="0">"#),
        "{out}"
    );
    insta::assert_snapshot!("junit_corpus", out);
}

#[test]
fn junit_failures_follow_fail_on() {
    // A warning only: a passing test case under the default --fail-on error, a failure
    // under --fail-on warning, like the exit status.
    let be = "corpus/files/clean/ct-explicit-be.dcm";
    let (code, out) = run_text(&["check", "--format", "junit", be]);
    assert_eq!(code, 0);
    assert!(
        out.contains(r#"failures="0""#) && out.contains("<system-out>"),
        "{out}"
    );
    let (code, out) = run_text(&["check", "--format", "junit", "--fail-on", "warning", be]);
    assert_eq!(code, 1);
    assert!(
        out.contains(r#"<failure type="meta/retired-transfer-syntax""#),
        "{out}"
    );
}

#[test]
fn every_format_exits_like_the_others() {
    for format in ["human", "json", "sarif", "github", "junit"] {
        let check = |path: &str| run(&["check", "--format", format, path]).status.code();
        assert_eq!(check("corpus/files/vr/odd-length.dcm"), Some(1), "{format}");
        assert_eq!(
            check("corpus/files/clean/ct-explicit-le.dcm"),
            Some(0),
            "{format}"
        );
        assert_eq!(check("no/such/file.dcm"), Some(2), "{format}");
    }
}

#[test]
fn quiet_prints_the_summary_or_nothing() {
    let (code, out) = run_text(&["check", "--quiet", "corpus/media/sample"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, out) = run_text(&["check", "-q", "corpus/files/vr/odd-length.dcm"]);
    assert_eq!(code, 1);
    assert_eq!(out, "checked 1 file: 1 error, 0 warnings, 0 info\n");
}

#[test]
fn standard_input() {
    let bytes = std::fs::read(workspace().join("corpus/files/vr/odd-length.dcm")).unwrap();
    let (code, out, _) = texts(&run_with_stdin(&["check", "--format", "json", "-"], &bytes));
    assert_eq!(code, 1, "{out}");
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["files_checked"], 1);
    assert_eq!(value["diagnostics"][0]["path"], "-");
    assert_eq!(value["diagnostics"][0]["rule"], "vr/odd-length");
    assert_eq!(value["diagnostics"][0]["offset"], 476);
    // A deflated file needs the seek back to its data set; standard input is held whole.
    let deflated = std::fs::read(workspace().join("corpus/files/clean/sr-deflated.dcm")).unwrap();
    let (code, out, _) = texts(&run_with_stdin(&["check", "-"], &deflated));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn many_files_come_out_in_path_order() {
    // Checked in parallel, reported in path order, identically every time.
    let dir = scratch("parallel");
    for i in 0..60 {
        let name = if i % 2 == 0 {
            "vr/odd-length.dcm"
        } else {
            "parse/tags-out-of-order.dcm"
        };
        let to = dir.join(format!("d{}/f{i:03}.dcm", i % 7));
        copy_corpus(&format!("corpus/files/{name}"), &to);
    }
    let args = ["check", "--format", "json", dir.to_str().unwrap()];
    let (code, first) = run_text(&args);
    assert_eq!(code, 1);
    let value: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["files_checked"], 60);
    let paths: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    for _ in 0..3 {
        assert_eq!(run_text(&args).1, first);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = texts(&run(&["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("dcmlint"), "{shell}");
        for word in ["inspect", "fail-on"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
        // These three also complete option values.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(out.contains("sarif"), "{shell} completes --format values");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn manual_pages_and_version() {
    let (code, page) = run_text(&["man"]);
    assert_eq!(code, 0);
    assert!(page.contains(".TH dcmlint 1") && page.contains("dcmlint\\-check(1)"));
    let (code, page) = run_text(&["man", "check"]);
    assert_eq!(code, 0);
    assert!(
        page.contains(".TH dcmlint-check 1") && page.contains("fail\\-on"),
        "{page}"
    );
    assert_eq!(run(&["man", "nope"]).status.code(), Some(2));
    let (code, version) = run_text(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(version, format!("dcmlint {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn rules_catalogue_and_rule_docs_share_their_text() {
    let (code, catalogue) = run_text(&["rules", "--format", "markdown"]);
    assert_eq!(code, 0);
    let (_, rule) = run_text(&["rule", "vr/odd-length"]);
    // The rule's own page has the catalogue's text, one heading level up.
    let docs = rule
        .split_once("\n\n")
        .unwrap()
        .1
        .split_once("\n\n")
        .unwrap()
        .1;
    assert!(catalogue.contains(&docs.replace("## ", "### ").trim_end().to_owned()));
    let (code, table) = run_text(&["rules"]);
    assert_eq!(code, 0);
    assert_eq!(table.lines().count(), lint_rules::RULES.len());
}
