//! `charset/*`: Specific Character Set (0008,0005) and the bytes of every text value it
//! governs (PS3.3 C.12.1.1.2; PS3.5 §6.1, Annexes H, I, J, K; dicom-rules.md §1–§3).
//!
//! Three kinds of rule live here:
//! * the value of (0008,0005) itself (`case`, `misspelled`, `duplicate`, …): they look at
//!   the element event, with the parse of [`lint_core::charset::term`];
//! * the code-extension mechanics and byte repertoire of text values (`undeclared-escape`,
//!   `no-return-delimiter`, `unassigned`, …): they follow the tokens of the one scan the
//!   runner makes of each value ([`crate::text`]);
//! * where (0008,0005) is in force (`missing`, `item-mix`, `dicomdir-top-level`).
//!
//! Each reports once per value, at the first offending bytes, with the count of the rest.

pub mod all_empty;
pub mod c1_control;
pub mod case;
pub mod dicomdir_top_level;
pub mod duplicate;
pub mod empty_not_first;
pub mod escape_not_allowed;
pub mod foreign_encoding;
pub mod g1_not_restored;
pub mod gr_undefined;
pub mod ir6;
pub mod iso2022_single;
pub mod item_mix;
pub mod malformed_gb18030;
pub mod malformed_utf8;
pub mod missing;
pub mod missing_designation;
pub mod misspelled;
pub mod multi_byte_value1;
pub mod no_return_control;
pub mod no_return_delimiter;
pub mod no_return_end;
pub mod non_iso2022_in_multi;
pub mod odd_double_byte;
pub mod padding;
pub mod redundant_escape;
pub mod revision_dependent;
pub mod space_in_double_byte;
pub mod standalone_multi;
pub mod truncated_escape;
pub mod unassigned;
pub mod undeclared_ascii;
pub mod undeclared_escape;
pub mod unknown_escape;
pub mod unknown_term;
pub mod unused_extension;
pub mod utf8_bom;
pub mod vendor_character;
pub mod x0212_used;
pub mod zero_length;

use lint_core::ByteSpan;
use lint_core::charset::TermValue;
use lint_core::parser::{ElementHeader, Event, Section};
use lint_core::tag::tags;

/// A (0008,0005) element of the data set (or of an item) with its value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharsetElement<'a> {
    pub header: ElementHeader,
    pub value_span: ByteSpan,
    pub value: &'a [u8],
}

impl CharsetElement<'_> {
    /// The absolute span of one of its values.
    pub fn span_of(&self, value: &TermValue<'_>) -> ByteSpan {
        self.value_span
            .sub(value.span.start as usize, value.span.end as usize)
    }

    /// The absolute span of value `index` (0-based), or the whole field.
    pub fn span_of_index(&self, index: usize) -> ByteSpan {
        lint_core::charset::parse_values(self.value)
            .nth(index)
            .map_or(self.value_span, |v| self.span_of(&v))
    }
}

/// The (0008,0005) element in `event`, if that is what it is.
pub(crate) fn charset_element<'a>(event: &Event<'a>) -> Option<CharsetElement<'a>> {
    match event {
        Event::Element(e)
            if e.header.tag == tags::SPECIFIC_CHARACTER_SET && e.section == Section::DataSet =>
        {
            Some(CharsetElement {
                header: e.header,
                value_span: e.value_span,
                value: e.value?,
            })
        }
        _ => None,
    }
}

/// Whether `value` (a term value, or its raw bytes) is written exactly.
pub(crate) fn term_name(value: &TermValue<'_>) -> &'static str {
    value
        .term
        .map_or("?", lint_core::charset::DefinedTerm::name)
}
