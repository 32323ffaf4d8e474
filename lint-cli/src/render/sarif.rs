//! `--format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning dashboards import
//! (GitHub code scanning, GitLab, Azure DevOps, VS Code's SARIF viewer).
//!
//! One run. `tool.driver.rules` lists every rule of the registry in catalogue order (so a
//! result's `ruleIndex` is stable across runs and selections) with its summary, its full
//! documentation as Markdown and a `helpUri` into the committed catalogue
//! (`rules/README.md`, see [`crate::catalogue::help_uri`]). Each result has the effective
//! severity as `level` (`note` for info), the message, and one physical location: the
//! file as a relative URI reference (percent-encoded, `/`-separated) and the bytes as
//! `region.byteOffset`/`byteLength` (SARIF §3.30.13, binary regions). The tag path is a
//! logical location of kind `element`. Offsets into the inflated data set of a deflated
//! file do not address the file's bytes, so such results carry no region and say so in
//! the message and in `properties.inflatedByteOffset`.
//!
//! Objects are `serde_json` maps with sorted keys and results come in the order of
//! [`super::all`], so the same input gives the same bytes. The output validates against
//! the OASIS schema (`tests/schemas/sarif-schema-2.1.0.json`, checked by the tests).

use std::io::{self, Write};
use std::path::{Component, Path};

use lint_rules::{RULES, RuleMeta};
use serde_json::{Value, json};

use crate::catalogue;
use crate::diagnostic::Report;

/// The schema URI written as `$schema` (the OASIS errata 01 location).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Writes the report as one SARIF log and a newline.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let rules: Vec<Value> = RULES.iter().map(|rule| descriptor(rule)).collect();
    let results: Vec<Value> = super::all(report)
        .iter()
        .map(|(path, d)| {
            let mut message = d.message.clone();
            let mut physical = json!({
                "artifactLocation": { "uri": uri(path) },
            });
            let mut properties = serde_json::Map::new();
            match d.span {
                Some(span) if d.inflated => {
                    message.push_str(&format!(
                        " (offset {} in the inflated data set)",
                        span.start
                    ));
                    properties.insert("inflatedByteOffset".into(), json!(span.start));
                    properties.insert("inflatedByteLength".into(), json!(span.len()));
                }
                Some(span) => {
                    physical["region"] = json!({
                        "byteOffset": span.start,
                        "byteLength": span.len(),
                    });
                }
                None => {}
            }
            let mut location = json!({ "physicalLocation": physical });
            if let Some(tag_path) = &d.tag_path {
                let mut logical = json!({
                    "fullyQualifiedName": tag_path,
                    "kind": "element",
                });
                if let Some(keyword) = d.tag.and_then(lint_core::dictionary::keyword) {
                    logical["name"] = json!(keyword);
                }
                location["logicalLocations"] = json!([logical]);
            }
            let mut result = json!({
                "ruleId": d.rule.id,
                "level": catalogue::sarif_level(d.severity),
                "message": { "text": message },
                "locations": [location],
            });
            if let Some(index) = RULES.iter().position(|r| std::ptr::eq(*r, d.rule)) {
                result["ruleIndex"] = json!(index);
            }
            if !properties.is_empty() {
                result["properties"] = Value::Object(properties);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "dcmlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "invocations": [{ "executionSuccessful": report.io.is_empty() }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A rule as a SARIF `reportingDescriptor`.
fn descriptor(rule: &RuleMeta) -> Value {
    let docs = catalogue::docs(rule, 2);
    let name = rule.id.split_once('/').map_or(rule.id, |(_, name)| name);
    json!({
        "id": rule.id,
        "name": name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": docs, "markdown": docs },
        "help": {
            "text": format!("{}. See {}", rule.summary, catalogue::help_uri(rule)),
            "markdown": docs,
        },
        "helpUri": catalogue::help_uri(rule),
        "defaultConfiguration": { "level": catalogue::sarif_level(rule.severity) },
        "properties": { "tags": [rule.family()] },
    })
}

/// A path as a URI reference (RFC 3986): relative paths stay relative (code-scanning
/// tools resolve them against the repository root), absolute ones become `file:` URIs;
/// separators become `/` and every byte outside the unreserved set is percent-encoded.
pub fn uri(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::RootDir => absolute = true,
            Component::Prefix(prefix) => {
                absolute = true;
                // A Windows drive (`C:`) stays readable; `:` is allowed after `file:///`.
                let prefix = prefix.as_os_str().to_string_lossy();
                parts.push(encode(&prefix).replace("%3A", ":"));
            }
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".to_owned()),
            Component::Normal(part) => parts.push(encode(&part.to_string_lossy())),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("file:///{joined}")
    } else {
        joined
    }
}

fn encode(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for &b in part.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(Path::new("corpus/files/a.dcm")), "corpus/files/a.dcm");
        assert_eq!(uri(Path::new("./a b/ü#1.dcm")), "a%20b/%C3%BC%231.dcm");
        assert_eq!(uri(Path::new("/tmp/x.dcm")), "file:///tmp/x.dcm");
        assert_eq!(uri(Path::new("-")), "-");
        // Not a scheme.
        assert_eq!(uri(Path::new("a:b.dcm")), "a%3Ab.dcm");
    }
}
