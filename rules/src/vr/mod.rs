//! `vr/*`: how each value is encoded for its Value Representation (PS3.5 §6.2): length,
//! padding, repertoire, control characters.

pub mod ae_repertoire;
pub mod control_character;
pub mod cs_repertoire;
pub mod default_repertoire;
pub mod invalid_number;
pub mod newline;
pub mod nul_padding;
pub mod odd_length;
pub mod ui_padding;
pub mod value_too_long;
