//! `parse/*`: the stream's structure (PS3.5 §7): headers, lengths, nesting, delimiters,
//! order. Most of these turn a [`lint_core::parser::ParseError`] into a finding; the core
//! describes, these rules judge and explain.

pub mod crosses_parent;
pub mod delimiter_length;
pub mod duplicate_tag;
pub mod expected_item;
pub mod fragment_length;
pub mod invalid_vr;
pub mod leading_bytes;
pub mod missing_delimiter;
pub mod nesting_too_deep;
pub mod not_dicom;
pub mod tag_order;
pub mod truncated_header;
pub mod unexpected_delimiter;
pub mod value_past_end;
