//! The checking core of dcmlint: it reads DICOM bytes and describes what is there.
//!
//! `lint-core` is a pull parser over `&[u8]` ([`parser`]) that yields events with byte
//! spans, with the transfer syntaxes ([`transfer_syntax`]) and the data dictionary
//! ([`dictionary`]) it needs, and the character-set machinery ([`charset`]: Defined
//! Terms, the ISO 2022 state machine, byte validation tables, optional decoding) and the
//! Person Name structure ([`pn`]: values, component groups, components, scripts). It
//! never judges: the `lint-rules` crate turns these descriptions into findings.
//!
//! The crate is `no_std`, uses no allocator and no `unsafe`, and bounds its stack with
//! const generics, so modality firmware can link it as is. No input makes it panic, loop
//! or read out of bounds: malformed input becomes data ([`parser::ParseError`]).
#![no_std]
#![forbid(unsafe_code)]
#![warn(clippy::std_instead_of_core, clippy::std_instead_of_alloc)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable
    )
)]

pub mod charset;
pub mod dicomdir;
pub mod dictionary;
pub mod parser;
pub mod pn;
pub mod span;
pub mod tag;
pub mod transfer_syntax;
pub mod vr;

pub use span::ByteSpan;
pub use tag::Tag;
pub use vr::Vr;
