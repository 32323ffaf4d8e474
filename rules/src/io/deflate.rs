//! `io/deflate`: a deflated data set cannot be inflated.
//!
//! Reported by the program that reads the files (the CLI), not by a check over events:
//! the rule is declared here so its id, severity and docs live with the others.

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// The file's transfer syntax is Deflated Explicit VR Little Endian, but the bytes after
    /// the File Meta group are not a valid raw deflate stream (RFC 1951), or inflate to more than
    /// 512 MiB.
    ///
    /// ## Why
    /// No reader can get at the data set. (The size bound protects the checking machine from a
    /// deflate bomb.)
    ///
    /// ## Standard
    /// PS3.5 §A.5.
    ///
    /// ## Example
    /// Failing: `(0002,0010) 1.2.840.10008.1.2.1.99` followed by uncompressed bytes.
    /// Passing: the data set compressed with raw deflate (no zlib header).
    pub DEFLATE, "io/deflate", Error, "a deflated data set cannot be inflated"
}

/// [`DEFLATE`] (reported by the reader of the medium).
#[derive(Debug, Default)]
pub struct Deflate;

impl Rule for Deflate {
    const META: &'static RuleMeta = &DEFLATE;
}
