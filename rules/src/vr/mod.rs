//! `vr/*`: how each value is encoded for its Value Representation (PS3.5 §6.2): length,
//! padding, repertoire.

pub mod invalid_number;
pub mod odd_length;
