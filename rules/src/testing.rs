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

/// Rule ids (and span starts) reported for one input.
pub struct Found {
    ids: [(&'static str, Option<u64>); 64],
    len: usize,
}

impl Found {
    /// Whether `id` fired.
    pub fn has(&self, id: &str) -> bool {
        self.ids
            .iter()
            .take(self.len)
            .any(|(found, _)| *found == id)
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
