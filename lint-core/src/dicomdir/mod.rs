//! DICOMDIR records: the Basic Directory's record index, the walk over its offsets, and
//! the record-type hierarchy (PS3.3 Annex F, PS3.10 §8).
//!
//! A DICOMDIR's tree lives in byte offsets, not in item order: (0004,1200) names the first
//! record of the root entity, each record's (0004,1400) its next sibling and (0004,1420)
//! the first record of its lower-level entity, all counted from the first byte of the file
//! (PS3.3 Table F.3-3). Reading it takes two passes over caller scratch and no heap:
//!
//! 1. [`RecordIndex::read`] (or a [`RecordIndexer`] fed with parser events) lists every
//!    direct item of (0004,1220) in a `&mut [RecordSlot]`, in offset order, with the spans
//!    of its bookkeeping elements, and the root-level facts ([`DirectoryInfo`]).
//! 2. [`Walk`] rebuilds the tree from the offsets, binary-searching the index, and yields
//!    [`WalkEvent`]s: enter/leave each record with its depth and parent, and every
//!    offset defect as a [`WalkIssue`] (an offset on no record, a cycle, a shared child,
//!    an orphan…). It ends on any input, in O(n log n) for n records.
//!
//! [`RecordType`] and [`placement`] hold PS3.3 Table F.4-1 as data so the rules can judge
//! which record may sit below which. This module describes; the rules judge.
//!
//! ```
//! use lint_core::dicomdir::{RecordIndex, RecordSlot, Walk, WalkEvent};
//! # let bytes: &[u8] = &[];
//! let mut slots = [RecordSlot::EMPTY; 64];
//! let index = RecordIndex::read(bytes, &mut slots);
//! let mut marks = [0u32; 64];
//! for event in Walk::<16>::new(index, &mut marks) {
//!     if let WalkEvent::Issue(issue) = event {
//!         let _ = issue; // a rule turns this into a finding
//!     }
//! }
//! ```

mod index;
mod record_type;
mod walk;

pub use index::{
    DirectoryInfo, FlagField, OffsetField, OffsetKind, RecordIndex, RecordIndexer, RecordSlot,
    RecordTypeField, Target,
};
pub use record_type::{DEFINED_TERMS, Parent, Placement, RecordType, placement};
pub use walk::{DEFAULT_DEPTH, Walk, WalkEvent, WalkIssue};
