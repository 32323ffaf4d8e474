//! `pn/*`: Person Name values (PS3.5 §6.2 Table 6.2-1 "PN", §6.2.1; dicom-rules.md §4).
//!
//! The runner splits every PN value into component groups and components once, from the
//! tokens of its character-set scan ([`lint_core::pn`]), and hands each value to the
//! rules' [`crate::Rule::person_name`]. Two kinds of rule live here:
//!
//! * the standard's "shall"s (errors): `groups-max`, `components-max`, `group-length`,
//!   `backslash`, `alpha-escape`, `alpha-utf8-range`;
//! * conventions and heuristics (warnings and infos, each saying why it is not an error):
//!   `only-delimiters`, `trailing-delimiters`, `no-caret`, and the Japanese conventions of
//!   dicom-rules.md §4.3 (`phonetic-kanji`, `group-order`, `ideographic-kana-only`,
//!   `fullwidth-space`, `component-mismatch`, `alpha-kana`, `alpha-missing`,
//!   `halfwidth-utf8`).
//!
//! What other families already say is not said twice: NUL padding is `vr/nul-padding`,
//! control characters `vr/control-character`, a delimiter or the end reached without
//! returning to value 1's set `charset/no-return-delimiter` and `charset/no-return-end`,
//! a component or group that uses a G1 set without designating it again
//! `charset/missing-designation`.
//!
//! The heuristics about the groups' contents (`no-caret` and the Japanese ones) stay
//! silent on a name with bytes that do not decode ([`decodes`]): there the character-set
//! error is the finding, and a lost `^` or `=` would only add guesses about its effects.
//!
//! Each rule reports once per element, at the first offending value, with the count of
//! the rest ([`PerElement`]).

use lint_core::ByteSpan;
use lint_core::charset::Script;
use lint_core::pn::PersonName;

use crate::text::{FirstOf, More};

pub mod alpha_escape;
pub mod alpha_kana;
pub mod alpha_missing;
pub mod alpha_utf8_range;
pub mod backslash;
pub mod component_mismatch;
pub mod components_max;
pub mod fullwidth_space;
pub mod group_length;
pub mod group_order;
pub mod groups_max;
pub mod halfwidth_utf8;
pub mod ideographic_kana_only;
pub mod no_caret;
pub mod only_delimiters;
pub mod phonetic_kanji;
pub mod trailing_delimiters;

/// Collects a rule's hits over the values of one PN element and hands back the first,
/// with the count of the others, at the element's last value.
#[derive(Debug)]
pub(crate) struct PerElement<T: Copy> {
    found: FirstOf<T>,
}

impl<T: Copy> Default for PerElement<T> {
    fn default() -> Self {
        PerElement {
            found: FirstOf::default(),
        }
    }
}

impl<T: Copy> PerElement<T> {
    /// Notes `hit` (an absolute span and what to say) for value `name`; at the last value
    /// returns the first hit of the element.
    pub(crate) fn see(
        &mut self,
        name: &PersonName,
        hit: Option<(ByteSpan, T)>,
    ) -> Option<(ByteSpan, T, More)> {
        if name.index == 0 {
            self.found.clear();
        }
        if let Some((span, what)) = hit {
            self.found.note(span, what);
        }
        if name.last { self.found.take() } else { None }
    }
}

/// Whether every character of the name decodes (no invalid byte, control or unknown set):
/// only then are its groups and components what the writer meant.
pub(crate) fn decodes(name: &PersonName) -> bool {
    name.groups()
        .all(|(_, g)| !g.scripts.contains(Script::Other))
}
