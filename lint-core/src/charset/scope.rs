//! Which Specific Character Set (0008,0005) is in force where: the data set → sequence
//! item → nested item chain of PS3.5 §7.5.3, and the one-per-record rule of DICOMDIRs
//! (PS3.3 F.5).
//!
//! [`Scopes`] follows the parser's events and keeps one small [`Scope`] per open item, in
//! a fixed array (no allocation). An item starts with its parent's value and replaces it
//! when it holds its own (0008,0005). Elements are sorted by tag and no governed element
//! sorts before (0008,0005) in a data set or item, so one forward pass always knows the
//! value before the first text it governs (dicom-rules.md §7).
//!
//! A Directory Record (an item of (0004,1220) in the top-level data set) also starts with
//! the top-level value so that its text can still be checked, but it is marked
//! [`Source::DirectoryRecord`]: the Basic Directory IOD has no top-level (0008,0005), each
//! record must declare its own.

use crate::ByteSpan;
use crate::parser::Event;
use crate::tag::tags;

use super::term::SpecificCharacterSet;

/// Where the value in force came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// No (0008,0005) anywhere up the chain: the default repertoire.
    Absent,
    /// This data set or item has its own.
    Own,
    /// Inherited from an enclosing data set or item (§7.5.3).
    Inherited,
    /// A Directory Record without its own, given the DICOMDIR's top-level value (which
    /// the Basic Directory IOD does not define) as the best guess.
    DirectoryRecord,
}

/// The (0008,0005) in force at one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope {
    /// The character set.
    pub set: SpecificCharacterSet,
    /// Where it came from.
    pub source: Source,
    /// The value field of the (0008,0005) element it was read from.
    pub declared_at: Option<ByteSpan>,
    /// Whether this level is a Directory Record.
    pub record: bool,
}

impl Scope {
    /// The top level of a stream before any (0008,0005).
    pub const ABSENT: Scope = Scope {
        set: SpecificCharacterSet::ABSENT,
        source: Source::Absent,
        declared_at: None,
        record: false,
    };
}

/// The scopes of the open items, innermost last; see the module docs.
#[derive(Clone, Debug)]
pub struct Scopes<const DEPTH: usize> {
    /// Level 0 is the data set; level `n` the `n`-th nested item. Items nested deeper
    /// than `DEPTH` share the deepest level (the parser bounds nesting anyway).
    levels: [Scope; DEPTH],
    /// Open items (may exceed `DEPTH`).
    depth: usize,
}

impl<const DEPTH: usize> Default for Scopes<DEPTH> {
    fn default() -> Self {
        Scopes {
            levels: [Scope::ABSENT; DEPTH],
            depth: 0,
        }
    }
}

impl<const DEPTH: usize> Scopes<DEPTH> {
    /// The scope in force for the current data set or item.
    #[must_use]
    pub fn current(&self) -> &Scope {
        self.at(self.depth)
    }

    /// The scope of the enclosing data set or item, if the current level is an item.
    #[must_use]
    pub fn parent(&self) -> Option<&Scope> {
        self.depth.checked_sub(1).map(|d| self.at(d))
    }

    /// Number of open items (0 in the top-level data set).
    #[must_use]
    pub const fn depth(&self) -> usize {
        self.depth
    }

    fn at(&self, depth: usize) -> &Scope {
        let last = DEPTH.saturating_sub(1);
        self.levels.get(depth.min(last)).unwrap_or(&Scope::ABSENT)
    }

    fn at_mut(&mut self, depth: usize) -> Option<&mut Scope> {
        let last = DEPTH.saturating_sub(1);
        self.levels.get_mut(depth.min(last))
    }

    /// Follows one event. Call it before judging the event so that an item's own
    /// (0008,0005) is in force for the rest of the item.
    pub fn observe(&mut self, event: &Event<'_>) {
        match event {
            Event::StreamStart(_) | Event::DataSetStart(_) => {
                self.depth = 0;
                if let Some(top) = self.at_mut(0) {
                    *top = Scope::ABSENT;
                }
            }
            Event::ItemStart(item) => {
                let parent = *self.current();
                let record = self.depth == 0 && item.sequence == tags::DIRECTORY_RECORD_SEQUENCE;
                self.depth = self.depth.saturating_add(1);
                let source = match parent.source {
                    Source::Absent => Source::Absent,
                    _ if record => Source::DirectoryRecord,
                    Source::DirectoryRecord => Source::DirectoryRecord,
                    _ => Source::Inherited,
                };
                if self.depth < DEPTH {
                    if let Some(level) = self.at_mut(self.depth) {
                        *level = Scope {
                            source,
                            record,
                            ..parent
                        };
                    }
                }
            }
            Event::ItemEnd(_) => self.depth = self.depth.saturating_sub(1),
            Event::Element(element) if element.header.tag == tags::SPECIFIC_CHARACTER_SET => {
                let Some(value) = element.value else { return };
                let span = element.value_span;
                if self.depth < DEPTH {
                    if let Some(level) = self.at_mut(self.depth) {
                        level.set = SpecificCharacterSet::from_value(value);
                        level.source = Source::Own;
                        level.declared_at = Some(span);
                    }
                }
            }
            _ => {}
        }
    }
}
