//! Tag paths: where in the nesting of sequences and items an event lies.
//!
//! A [`TagPath`] borrows the parser's stack, so it costs nothing to take; it displays as
//! `(0040,0275)[0]/(0008,1110)[2]`, the notation of the JSON output.

use core::fmt;

use crate::tag::Tag;

/// One level of nesting: a sequence and, if one is open, the index of the item in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathStep {
    /// The sequence's tag.
    pub sequence: Tag,
    /// The open item's index, from 0 (`None` between items).
    pub item: Option<u32>,
}

/// The chain of sequences and items from the root data set to the current position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagPath<'p> {
    steps: &'p [PathStep],
}

impl<'p> TagPath<'p> {
    /// A path over the given steps, outermost first.
    pub const fn new(steps: &'p [PathStep]) -> Self {
        TagPath { steps }
    }

    /// The steps, outermost first.
    pub const fn steps(&self) -> &'p [PathStep] {
        self.steps
    }

    /// The nesting depth (0 at the root data set).
    pub const fn depth(&self) -> usize {
        self.steps.len()
    }

    /// Whether this is the root data set.
    pub const fn is_root(&self) -> bool {
        self.steps.is_empty()
    }
}

impl fmt::Display for TagPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{}", step.sequence)?;
            if let Some(item) = step.item {
                write!(f, "[{item}]")?;
            }
        }
        Ok(())
    }
}
