//! `cargo xtask dictionary`: lint-core/data/dictionary.tsv → lint-core/src/dictionary/generated.rs.
//!
//! The TSV (exported from pydicom by `scripts/export_pydicom_dictionary.py`) is committed,
//! so generating needs neither Python nor the network. Single tags become a table sorted
//! by tag for binary search; repeating-group entries such as `60xx3000` become value/mask
//! pairs, most specific mask first so that a narrower entry wins over a broader one.
//!
//! The generator checks every field it emits (VR codes, VM forms, keywords, duplicate
//! tags), so a malformed TSV fails here with a line number rather than as a compile error
//! in lint-core.

use std::fmt::Write as _;
use std::path::Path;

use crate::mode::Mode;

/// The TSV, relative to the workspace root.
pub const INPUT: &str = "lint-core/data/dictionary.tsv";
/// The generated Rust, relative to the workspace root.
pub const OUTPUT: &str = "lint-core/src/dictionary/generated.rs";
/// The command that regenerates [`OUTPUT`].
const COMMAND: &str = "cargo xtask dictionary";

/// The VR codes of PS3.5 Table 6.2-1 (lint-core's `Vr` variants). The generator cannot use
/// lint-core itself: a broken generated.rs would then stop the generator from building.
const VR_CODES: [&str; 34] = [
    "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
    "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US",
    "UT", "UV",
];

/// Regenerates [`OUTPUT`] from [`INPUT`] under `root`, writing or checking per `mode`.
pub fn run(root: &Path, mode: Mode) -> Result<(), String> {
    let tsv_path = root.join(INPUT);
    let tsv = std::fs::read_to_string(&tsv_path)
        .map_err(|e| format!("cannot read {}: {e}", tsv_path.display()))?;
    let generated = generate(&tsv)?;
    mode.apply(root, OUTPUT, &generated, COMMAND)
}

/// Value Multiplicity as lint-core's `Vm` stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Vm {
    min: u8,
    /// `None`: no upper bound (`n`).
    max: Option<u16>,
    step: u8,
}

impl Vm {
    /// Parses PS3.6's forms: `1`, `1-3`, `1-n`, `2-n`, `2-2n`, `3-3n`.
    fn parse(text: &str) -> Option<Vm> {
        let vm = match text.split_once('-') {
            None => {
                let n = text.parse().ok()?;
                Vm {
                    min: n,
                    max: Some(n.into()),
                    step: 1,
                }
            }
            Some((min, max)) => {
                let min: u8 = min.parse().ok()?;
                match max.strip_suffix('n') {
                    Some("") => Vm {
                        min,
                        max: None,
                        step: 1,
                    },
                    Some(step) => Vm {
                        min,
                        max: None,
                        step: step.parse().ok()?,
                    },
                    None => Vm {
                        min,
                        max: Some(max.parse().ok()?),
                        step: 1,
                    },
                }
            }
        };
        // Only forms that print back the same are understood; anything else (`0-1`,
        // `2-3n`, `01`) is a new form that lint-core's `Vm` would need to learn.
        (vm.min > 0 && vm.step > 0 && vm.to_string() == text).then_some(vm)
    }

    /// The constructor call in generated.rs.
    fn constructor(self) -> String {
        match self.max {
            Some(max) if max == u16::from(self.min) => format!("Vm::fixed({})", self.min),
            Some(max) => format!("Vm::range({}, {max})", self.min),
            None => format!("Vm::open({}, {})", self.min, self.step),
        }
    }
}

impl std::fmt::Display for Vm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.max, self.step) {
            (Some(max), _) if max == u16::from(self.min) => write!(f, "{}", self.min),
            (Some(max), _) => write!(f, "{}-{max}", self.min),
            (None, 1) => write!(f, "{}-n", self.min),
            (None, step) => write!(f, "{}-{step}n", self.min),
        }
    }
}

/// The Rust slice of VR variants for a TSV VR field: `PN` → `&[PN]`, `OB or OW` →
/// `&[OB, OW]`, `NONE` (items and delimiters) → `&[]`.
fn vrs(field: &str) -> Option<String> {
    if field == "NONE" {
        return Some("&[]".to_owned());
    }
    let codes: Vec<&str> = field.split(" or ").collect();
    if !codes.iter().all(|code| VR_CODES.contains(code)) {
        return None;
    }
    Some(format!("&[{}]", codes.join(", ")))
}

/// A tag field: `(value, mask)` where the mask has `F` for each literal nibble and `0` for
/// each `x` wildcard.
fn tag(field: &str) -> Option<(u32, u32)> {
    if field.len() != 8 {
        return None;
    }
    let mut value = 0u32;
    let mut mask = 0u32;
    for c in field.chars() {
        let (nibble, literal) = match c {
            'x' => (0, 0),
            _ => (c.to_digit(16).filter(|_| !c.is_ascii_lowercase())?, 0xF),
        };
        value = (value << 4) | nibble;
        mask = (mask << 4) | literal;
    }
    Some((value, mask))
}

/// PS3.6 keywords are identifiers; checking that also makes them safe inside `"…"`.
fn is_keyword(field: &str) -> bool {
    field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One parsed TSV line.
struct Entry {
    value: u32,
    mask: u32,
    /// The arguments after the tag (and mask) in the generated constructor call.
    rest: String,
}

/// The generated Rust for the TSV text `tsv`.
pub fn generate(tsv: &str) -> Result<String, String> {
    let mut source = None;
    let mut exact = Vec::new();
    let mut masked = Vec::new();
    for (index, line) in tsv.lines().enumerate() {
        let at = |what: String| format!("{INPUT}:{}: {what}", index + 1);
        if let Some(comment) = line.strip_prefix('#') {
            source.get_or_insert_with(|| comment.trim().to_owned());
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [tag_field, vr_field, vm_field, retired_field, keyword] = fields[..] else {
            return Err(at(format!(
                "expected 5 tab-separated fields (tag vr vm retired keyword), found {}",
                fields.len()
            )));
        };
        let (value, mask) = tag(tag_field).ok_or_else(|| {
            at(format!(
                "bad tag {tag_field:?} (8 upper-case hex digits, `x` for a wildcard)"
            ))
        })?;
        let vrs = vrs(vr_field).ok_or_else(|| at(format!("bad VR {vr_field:?}")))?;
        let vm = Vm::parse(vm_field).ok_or_else(|| at(format!("unsupported VM {vm_field:?}")))?;
        let retired = match retired_field {
            "R" => true,
            "" => false,
            other => return Err(at(format!("retired must be `R` or empty, not {other:?}"))),
        };
        if !is_keyword(keyword) {
            return Err(at(format!("bad keyword {keyword:?}")));
        }
        if keyword.is_empty() && vr_field == "NONE" {
            return Err(at("an entry needs a VR or a keyword".to_owned()));
        }
        let rest = format!("{vrs}, {}, \"{keyword}\", {retired}", vm.constructor());
        let entry = Entry { value, mask, rest };
        if mask == u32::MAX {
            exact.push(entry);
        } else {
            masked.push(entry);
        }
    }
    exact.sort_by_key(|e| e.value);
    if let Some(pair) = exact.windows(2).find(|w| w[0].value == w[1].value) {
        return Err(format!("{INPUT}: tag {:08X} listed twice", pair[0].value));
    }
    // Most literal bits first, so the first match is the most specific; ties (masks that
    // cannot both match one tag unless the TSV is ambiguous) in tag order.
    masked.sort_by_key(|e| (std::cmp::Reverse(e.mask.count_ones()), e.value));
    if let Some(pair) = masked
        .windows(2)
        .find(|w| w[0].value == w[1].value && w[0].mask == w[1].mask)
    {
        return Err(format!(
            "{INPUT}: repeating-group tag {:08X}/{:08X} listed twice",
            pair[0].value, pair[0].mask
        ));
    }

    let mut out = String::new();
    out.push_str(
        "// @generated by `cargo xtask dictionary` from lint-core/data/dictionary.tsv — do not edit.\n",
    );
    if let Some(source) = source {
        writeln!(out, "// {source}").ok();
    }
    out.push_str(
        "\n//! The data dictionary's tables (see the parent module for how they are searched).\n\n",
    );
    out.push_str("use super::{MaskedEntry, RawEntry, Vm};\nuse crate::vr::Vr::*;\n\n");
    writeln!(
        out,
        "/// Entries for single tags, in ascending tag order for binary search.\n\
         pub(super) static EXACT: [RawEntry; {}] = [",
        exact.len()
    )
    .ok();
    for e in &exact {
        writeln!(out, "    RawEntry::new(0x{:08X}, {}),", e.value, e.rest).ok();
    }
    out.push_str("];\n\n");
    writeln!(
        out,
        "/// Repeating-group entries, matching the tags with `tag & mask == value`; most specific\n\
         /// mask first, so the first match is the one that applies.\n\
         pub(super) static MASKED: [MaskedEntry; {}] = [",
        masked.len()
    )
    .ok();
    for e in &masked {
        writeln!(
            out,
            "    MaskedEntry::new(0x{:08X}, 0x{:08X}, {}),",
            e.value, e.mask, e.rest
        )
        .ok();
    }
    out.push_str("];\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_forms() {
        let vm = |text| Vm::parse(text).map(Vm::constructor);
        assert_eq!(vm("1").as_deref(), Some("Vm::fixed(1)"));
        assert_eq!(vm("16").as_deref(), Some("Vm::fixed(16)"));
        assert_eq!(vm("1-3").as_deref(), Some("Vm::range(1, 3)"));
        assert_eq!(vm("1-n").as_deref(), Some("Vm::open(1, 1)"));
        assert_eq!(vm("6-n").as_deref(), Some("Vm::open(6, 1)"));
        assert_eq!(vm("2-2n").as_deref(), Some("Vm::open(2, 2)"));
        assert_eq!(vm("3-3n").as_deref(), Some("Vm::open(3, 3)"));
        for bad in ["", "x", "0", "0-1", "1-", "01", "n", "1-0n", "300"] {
            assert_eq!(vm(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tags_and_vrs() {
        assert_eq!(tag("00100010"), Some((0x0010_0010, 0xFFFF_FFFF)));
        assert_eq!(tag("60xx3000"), Some((0x6000_3000, 0xFF00_FFFF)));
        assert_eq!(tag("1000xxx0"), Some((0x1000_0000, 0xFFFF_000F)));
        assert_eq!(tag("7fe00010"), None);
        assert_eq!(tag("0010001"), None);
        assert_eq!(vrs("US or SS or OW").as_deref(), Some("&[US, SS, OW]"));
        assert_eq!(vrs("NONE").as_deref(), Some("&[]"));
        assert_eq!(vrs("XX"), None);
        assert_eq!(vrs("OB/OW"), None);
    }

    #[test]
    fn generation_orders_and_rejects() {
        let tsv = "# source line\n\
                   7FE00010\tOB or OW\t1\t\tPixelData\n\
                   00100010\tPN\t1\t\tPatientName\n\
                   1010xxxx\tUS\t1-n\tR\tZonalMap\n\
                   60xx3000\tOB or OW\t1\t\tOverlayData\n";
        let out = generate(tsv).unwrap();
        assert!(out.starts_with("// @generated by `cargo xtask dictionary`"));
        assert!(out.contains("// source line\n"));
        let patient = out.find("0x00100010").unwrap();
        let pixel = out.find("0x7FE00010").unwrap();
        assert!(patient < pixel);
        let overlay = out.find("0x60003000, 0xFF00FFFF").unwrap();
        let zonal = out.find("0x10100000, 0xFFFF0000").unwrap();
        assert!(overlay < zonal, "the narrower mask comes first");
        assert!(out.contains("[RawEntry; 2]") && out.contains("[MaskedEntry; 2]"));

        assert!(generate("00100010\tPN\t1\t\n").unwrap_err().contains(":1:"));
        assert!(generate("00100010\tPN\t1\t\tA\n00100010\tPN\t1\t\tB\n").is_err());
        assert!(generate("00100010\tPN\t1\tX\tA\n").is_err());
        assert!(generate("00100010\tPN\t1\t\tA\"B\n").is_err());
        assert!(generate("00100010\tNONE\t1\t\t\n").is_err());
    }

    /// The committed generated.rs must be what the committed TSV generates.
    #[test]
    fn generated_table_is_fresh() {
        if let Err(message) = run(&crate::workspace_root(), Mode::Check) {
            panic!("{message}");
        }
    }
}
