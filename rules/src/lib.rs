//! The rules of dcmlint: what counts as wrong, how sure we are, and what to say.
//!
//! `lint-core` describes a DICOM stream as events; this crate judges them. Each rule
//! lives in one file with its id (`family/kebab-name`), default severity, one-line summary
//! and full documentation ([`declare_rule!`]), its check, and its tests. The registry
//! ([`registry::RULES`]) is the single list of rules: the CLI's `dcmlint rules`, the
//! generated catalogue and the runner all read it.
//!
//! Like the core, this crate is `no_std` and allocation-free so firmware can link it:
//! findings go to a caller-provided [`Sink`] as they are made, with their message as
//! `core::fmt::Arguments`.
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

#[macro_use]
mod macros;

pub mod finding;
pub mod registry;
pub mod runner;
pub mod text;
pub mod value;

#[cfg(test)]
mod gating;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod vectors;

pub mod charset;
pub mod dicomdir;
pub mod io;
pub mod media;
pub mod meta;
pub mod parse;
pub mod pn;
pub mod vr;

pub use finding::{Finding, Severity, Sink};
pub use registry::{RULES, RuleMeta, Selection};
pub use runner::{Context, Linter, Rule, lint_bytes};
