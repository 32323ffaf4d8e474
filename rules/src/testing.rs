//! Test support: lint corpus bytes and look at which rules fired, without allocating.

use core::fmt;

use crate::finding::Finding;
use crate::registry::Selection;
use crate::runner::lint_bytes;

/// The clean corpus files every rule must pass.
pub const CLEAN: &[&[u8]] = &[
    include_bytes!("../../corpus/files/clean/ct-explicit-le.dcm"),
    include_bytes!("../../corpus/files/clean/mr-implicit-le.dcm"),
    include_bytes!("../../corpus/files/clean/us-jpeg-encapsulated.dcm"),
    include_bytes!("../../corpus/files/clean/nested-sequences.dcm"),
    include_bytes!("../../corpus/files/clean/un-undefined-length.dcm"),
    include_bytes!("../../corpus/files/clean/japanese-iso2022.dcm"),
    include_bytes!("../../corpus/files/clean/japanese-ir13.dcm"),
    include_bytes!("../../corpus/files/clean/korean-ir149.dcm"),
    include_bytes!("../../corpus/files/clean/utf8.dcm"),
];

/// PS3.5 Example H.3-1: `Yamada^Tarou=山田^太郎=やまだ^たろう` in `\ISO 2022 IR 87`.
pub const YAMADA: &[u8] =
    b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";

/// Rule ids (and span starts) reported for one input.
pub struct Found {
    ids: [(&'static str, Option<u64>); 64],
    len: usize,
    value_start: Option<u64>,
}

impl Found {
    /// Whether `id` fired.
    pub fn has(&self, id: &str) -> bool {
        self.ids
            .iter()
            .take(self.len)
            .any(|(found, _)| *found == id)
    }

    /// The rule ids that fired, in order.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ids.iter().take(self.len).map(|(id, _)| *id)
    }

    /// Where the value of the element of [`text_case`] starts.
    pub fn value_start(&self) -> Option<u64> {
        self.value_start
    }

    /// Where `id` fired first.
    pub fn at(&self, id: &str) -> Option<u64> {
        self.ids
            .iter()
            .take(self.len)
            .find(|(found, _)| *found == id)
            .and_then(|(_, at)| *at)
    }
}

impl fmt::Debug for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.ids.iter().take(self.len))
            .finish()
    }
}

/// Lints `bytes` with every rule.
pub fn findings_of(bytes: &[u8]) -> Found {
    let mut found = Found {
        ids: [("", None); 64],
        len: 0,
        value_start: None,
    };
    let mut sink = |finding: &Finding<'_>| {
        if let Some(slot) = found.ids.get_mut(found.len) {
            *slot = (finding.rule.id, finding.span.map(|span| span.start));
            found.len += 1;
        }
    };
    lint_bytes(bytes, Selection::all(), &mut sink);
    found
}

/// Asserts that rule `id` fires on `failing` and on none of the [`CLEAN`] files.
pub fn fires_only_on(id: &str, failing: &[u8]) {
    let found = findings_of(failing);
    assert!(found.has(id), "{id} did not fire: {found:?}");
    for (i, clean) in CLEAN.iter().enumerate() {
        let found = findings_of(clean);
        assert!(!found.has(id), "{id} fired on clean file {i}: {found:?}");
    }
}

/// Lints a Part 10 stream holding (0008,0005) = `charset` (if given) and one element
/// `tag`/`vr` with `value` (padded to even length), built in a stack buffer.
pub fn text_case(
    charset: Option<&[u8]>,
    tag: lint_core::Tag,
    vr: lint_core::Vr,
    value: &[u8],
) -> Found {
    let mut buf = [0u8; 16 * 1024];
    let mut len = 128;
    let mut put = |bytes: &[u8]| {
        buf[len..len + bytes.len()].copy_from_slice(bytes);
        len += bytes.len();
    };
    put(b"DICM");
    element(
        &mut put,
        lint_core::Tag::new(2, 0x10),
        lint_core::Vr::UI,
        b"1.2.840.10008.1.2.1",
    );
    if let Some(cs) = charset {
        element(&mut put, lint_core::Tag::new(8, 5), lint_core::Vr::CS, cs);
    }
    element(&mut put, tag, vr, value);
    let padded = value.len() + value.len() % 2;
    let mut found = findings_of(&buf[..len]);
    found.value_start = Some((len - padded) as u64);
    found
}

/// Writes one explicit VR little endian element, padding the value to even length.
pub fn element(put: &mut impl FnMut(&[u8]), tag: lint_core::Tag, vr: lint_core::Vr, value: &[u8]) {
    let padded = value.len() + value.len() % 2;
    put(&tag.group.to_le_bytes());
    put(&tag.element.to_le_bytes());
    put(&vr.code());
    if matches!(
        vr,
        lint_core::Vr::UT | lint_core::Vr::UC | lint_core::Vr::UR | lint_core::Vr::UN
    ) {
        put(&[0, 0]);
        put(&(padded as u32).to_le_bytes());
    } else {
        put(&(padded as u16).to_le_bytes());
    }
    put(value);
    if value.len() % 2 == 1 {
        put(&[vr.padding()]);
    }
}

/// Parses `"1B 24 42"` into bytes (at most 256).
pub fn hex(text: &str) -> ([u8; 256], usize) {
    let mut out = [0u8; 256];
    let mut n = 0;
    for byte in text.split_ascii_whitespace() {
        let parsed = u8::from_str_radix(byte, 16);
        assert!(parsed.is_ok(), "not a hex byte: {byte}");
        out[n] = parsed.unwrap_or(0);
        n += 1;
    }
    (out, n)
}
