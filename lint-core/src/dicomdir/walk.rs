//! The walk: the directory tree rebuilt from offsets, never from item order (PS3.3 F.2.1,
//! Table F.3-3).
//!
//! [`Walk`] starts at (0004,1200), follows each record's (0004,1400) to its next sibling
//! and descends through (0004,1420) into its lower-level entity, yielding a pre-order of
//! [`WalkEvent::EnterRecord`] / [`WalkEvent::LeaveRecord`] with every defect it meets as a
//! [`WalkEvent::Issue`]: an offset that lands on no record, past the end, a cycle, a record
//! reached twice, records never reached. Whatever the offsets say, the walk enters each
//! record at most once and ends after O(n log n) steps for n records. Its memory is one
//! caller-provided `u32` per record (which chain entered it) and a path of at most `DEPTH`
//! records.

use core::fmt;

use crate::span::ByteSpan;

use super::index::{OffsetField, OffsetKind, RecordIndex, RecordSlot, Target};

/// The default bound on the walk's depth: the standard hierarchy is four levels deep
/// (PATIENT, STUDY, SERIES, IMAGE), private records may add a few.
pub const DEFAULT_DEPTH: usize = 16;

/// One step of the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkEvent {
    /// The walk reaches a record. Its lower-level entity (if any) follows, then
    /// [`WalkEvent::LeaveRecord`].
    EnterRecord {
        /// The record's index in [`RecordIndex::records`].
        index: u32,
        /// 0 in the root directory entity.
        depth: u32,
        /// The record whose lower-level entity this record is in (`None`: the root).
        parent: Option<u32>,
    },
    /// The walk is done with a record and everything below it.
    LeaveRecord {
        /// The record's index.
        index: u32,
        /// Its depth.
        depth: u32,
    },
    /// Something is wrong with the offsets.
    Issue(WalkIssue),
}

/// An offset defect, as data. `record` is the record whose offset element is meant (`None`
/// for the root-level (0004,1200) and (0004,1202)); `at` is that element's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkIssue {
    /// The walk scratch has fewer words than the index has records: nothing was walked.
    ScratchTooSmall {
        /// Words needed ([`RecordIndex::kept`]).
        needed: u32,
        /// Words given.
        given: usize,
    },
    /// The index's scratch was full: records past the last kept one are neither walked
    /// nor reported unreachable, and offsets to them are [`WalkIssue::NotIndexed`].
    IndexIncomplete {
        /// Records in the sequence.
        seen: u32,
        /// Records kept.
        kept: u32,
    },
    /// The offset's value is not a 4-byte UL; it is read as 0 (no record).
    UnreadableOffset {
        /// Which offset.
        field: OffsetKind,
        /// Whose.
        record: Option<u32>,
        /// The value.
        at: ByteSpan,
    },
    /// The offset lands on no item tag of a direct item of (0004,1220).
    OffsetNotOnItem {
        /// Which offset.
        field: OffsetKind,
        /// Whose.
        record: Option<u32>,
        /// Its value.
        offset: u32,
        /// The record whose item the offset falls inside, if any (an offset into the
        /// middle of an item).
        inside: Option<u32>,
        /// The value.
        at: ByteSpan,
    },
    /// The offset is at or past the end of the input.
    OffsetPastEnd {
        /// Which offset.
        field: OffsetKind,
        /// Whose.
        record: Option<u32>,
        /// Its value.
        offset: u32,
        /// The value.
        at: ByteSpan,
    },
    /// The offset lies beyond the records the index kept (see
    /// [`WalkIssue::IndexIncomplete`]) or beyond where a fatal parse error ended the
    /// stream ([`RecordIndex::parse_error`]): not followed.
    NotIndexed {
        /// Which offset.
        field: OffsetKind,
        /// Whose.
        record: Option<u32>,
        /// Its value.
        offset: u32,
        /// The value.
        at: ByteSpan,
    },
    /// (0004,1200) and (0004,1202) disagree on whether the root entity is empty: one is 0
    /// (no record) and the other is not.
    RootPair {
        /// (0004,1200) as read (0 when absent).
        first: u32,
        /// (0004,1202) as read (0 when absent).
        last: u32,
        /// The value that is 0, or the one present when the other is absent.
        at: ByteSpan,
    },
    /// Following the offset would come back to a record on the current path or earlier in
    /// the same chain (a loop): not followed.
    Cycle {
        /// (0004,1400) or (0004,1420).
        field: OffsetKind,
        /// Whose.
        record: u32,
        /// The record it leads back to.
        target: u32,
        /// The value.
        at: ByteSpan,
    },
    /// The offset leads to a record already reached from elsewhere (two parents, or two
    /// chains joining), which a strict hierarchy forbids (PS3.3 F.2.1): not followed.
    SharedChild {
        /// (0004,1400) or (0004,1420).
        field: OffsetKind,
        /// Whose.
        record: u32,
        /// The record reached before.
        target: u32,
        /// The value.
        at: ByteSpan,
    },
    /// The record's lower-level entity lies deeper than the walk's bound: not walked (its
    /// records are then reported unreachable).
    TooDeep {
        /// The record.
        record: u32,
        /// The bound.
        limit: u32,
        /// Its (0004,1420) value.
        at: ByteSpan,
    },
    /// (0004,1202) does not name the record that ends the root chain.
    LastRecordMismatch {
        /// (0004,1202) as read.
        last: u32,
        /// The last record of the root chain (`None`: the chain is empty).
        actual: Option<u32>,
        /// The (0004,1202) value.
        at: ByteSpan,
    },
    /// A record of the sequence that no chain reaches (an orphan). Orphans are grouped:
    /// one issue per orphan that no other orphan's next or lower offset leads to, with the
    /// number of orphans reached through it (so a lost patient is one issue, not one per
    /// image). An orphan group with no such head (a cycle of orphans) is reported at its
    /// first record.
    Unreachable {
        /// The record.
        record: u32,
        /// Further unreached records reached from it by next and lower offsets (not
        /// reported on their own).
        below: u32,
        /// Its item header.
        at: ByteSpan,
    },
}

impl fmt::Display for WalkIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |field: &OffsetKind| field.tag();
        match self {
            WalkIssue::ScratchTooSmall { needed, given } => write!(
                f,
                "the walk needs {needed} words of scratch and has {given}: not walked"
            ),
            WalkIssue::IndexIncomplete { seen, kept } => write!(
                f,
                "only {kept} of {seen} directory records fit the index; the rest are not walked"
            ),
            WalkIssue::UnreadableOffset { field, .. } => {
                write!(f, "{} is not a 4-byte offset; read as 0", name(field))
            }
            WalkIssue::OffsetNotOnItem {
                field,
                offset,
                inside,
                ..
            } => {
                write!(
                    f,
                    "{} = {offset} is not the offset of a directory record",
                    name(field)
                )?;
                match inside {
                    Some(record) => write!(f, " (it points inside record {record})"),
                    None => Ok(()),
                }
            }
            WalkIssue::OffsetPastEnd { field, offset, .. } => write!(
                f,
                "{} = {offset} points past the end of the file",
                name(field)
            ),
            WalkIssue::NotIndexed { field, offset, .. } => write!(
                f,
                "{} = {offset} points beyond the records the index could keep",
                name(field)
            ),
            WalkIssue::RootPair { first, last, .. } => write!(
                f,
                "(0004,1200) = {first} and (0004,1202) = {last}: both are 0 for an empty root, or neither"
            ),
            WalkIssue::Cycle {
                field,
                record,
                target,
                ..
            } => write!(
                f,
                "{} of record {record} leads back to record {target}: a cycle",
                name(field)
            ),
            WalkIssue::SharedChild {
                field,
                record,
                target,
                ..
            } => write!(
                f,
                "{} of record {record} leads to record {target}, already reached from elsewhere",
                name(field)
            ),
            WalkIssue::TooDeep { record, limit, .. } => write!(
                f,
                "the lower-level entity of record {record} is deeper than {limit} levels: not walked"
            ),
            WalkIssue::LastRecordMismatch { last, actual, .. } => match actual {
                Some(record) => write!(
                    f,
                    "(0004,1202) = {last}, but the root chain ends at record {record}"
                ),
                None => write!(f, "(0004,1202) = {last}, but the root chain is empty"),
            },
            WalkIssue::Unreachable { record, below, .. } => {
                write!(f, "record {record} is reached by no offset (an orphan)")?;
                if *below > 0 {
                    write!(f, ", nor are the {below} records below it")?;
                }
                Ok(())
            }
        }
    }
}

/// What the walk does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Start,
    Incomplete,
    RootPair,
    Last,
    First,
    /// Check the MRDR offset of the record just entered.
    Mrdr(u32),
    /// Descend into the lower-level entity of the record just entered.
    Descend(u32),
    /// Leave the record on top of the path.
    Leave,
    /// Follow the next offset of the record just left.
    Next(u32),
    /// The chain of the record just left has ended.
    ChainEnd(u32),
    RootEnd,
    Orphans(u32),
    Done,
}

/// The result of reading one offset.
enum Step {
    Nothing,
    Record(u32),
    Issue(WalkIssue),
}

/// The walk over a [`RecordIndex`]: an iterator of [`WalkEvent`]s.
///
/// `marks` is caller scratch of at least [`RecordIndex::kept`] words; the walk overwrites
/// it (0 = not reached, else the number of the sibling chain that reached the record;
/// once the tree is walked, unreached records are marked with their orphan group).
/// `DEPTH` bounds the path ([`DEFAULT_DEPTH`]).
#[derive(Debug)]
pub struct Walk<'i, 'm, const DEPTH: usize = DEFAULT_DEPTH> {
    index: RecordIndex<'i>,
    marks: &'m mut [u32],
    path: [u32; DEPTH],
    depth: usize,
    chains: u32,
    root_last: Option<u32>,
    phase: Phase,
}

impl<'i, 'm, const DEPTH: usize> Walk<'i, 'm, DEPTH> {
    /// A walk over `index` with `marks` as scratch.
    pub fn new(index: RecordIndex<'i>, marks: &'m mut [u32]) -> Self {
        if let Some(used) = marks.get_mut(..index.records().len()) {
            used.fill(0);
        }
        Walk {
            index,
            marks,
            path: [0; DEPTH],
            depth: 0,
            chains: 0,
            root_last: None,
            phase: Phase::Start,
        }
    }

    fn mark(&self, record: u32) -> u32 {
        self.marks.get(record as usize).copied().unwrap_or(0)
    }

    fn top(&self) -> Option<u32> {
        self.depth
            .checked_sub(1)
            .and_then(|i| self.path.get(i))
            .copied()
    }

    /// Reads an offset element and finds where it leads.
    fn follow(&self, field: OffsetKind, record: Option<u32>, offset: Option<OffsetField>) -> Step {
        let Some(offset) = offset else {
            return Step::Nothing;
        };
        let at = offset.span;
        let Some(value) = offset.value else {
            return Step::Issue(WalkIssue::UnreadableOffset { field, record, at });
        };
        match self.index.resolve(value) {
            Target::Nothing => Step::Nothing,
            Target::Record(target) => Step::Record(target),
            Target::Inside(inside) => Step::Issue(WalkIssue::OffsetNotOnItem {
                field,
                record,
                offset: value,
                inside: Some(inside),
                at,
            }),
            Target::NotOnItem => Step::Issue(WalkIssue::OffsetNotOnItem {
                field,
                record,
                offset: value,
                inside: None,
                at,
            }),
            Target::NotIndexed => Step::Issue(WalkIssue::NotIndexed {
                field,
                record,
                offset: value,
                at,
            }),
            Target::PastEnd => Step::Issue(WalkIssue::OffsetPastEnd {
                field,
                record,
                offset: value,
                at,
            }),
        }
    }

    /// Enters `record` as the next record of chain `chain`, below the path's top.
    fn enter(&mut self, record: u32, chain: u32) -> WalkEvent {
        let parent = self.top();
        if let (Some(mark), Some(slot)) = (
            self.marks.get_mut(record as usize),
            self.path.get_mut(self.depth),
        ) {
            *mark = chain;
            *slot = record;
            self.depth += 1;
            self.phase = Phase::Mrdr(record);
            WalkEvent::EnterRecord {
                index: record,
                depth: (self.depth - 1) as u32,
                parent,
            }
        } else {
            // Callers check both bounds first; end rather than loop if that ever failed.
            self.phase = Phase::Done;
            WalkEvent::Issue(WalkIssue::TooDeep {
                record,
                limit: DEPTH as u32,
                at: ByteSpan::default(),
            })
        }
    }

    fn new_chain(&mut self) -> u32 {
        // One chain per entered record at most, plus the root: no overflow below
        // u32::MAX records, and saturating keeps the walk finite beyond.
        self.chains = self.chains.saturating_add(1);
        self.chains
    }

    /// An already-reached `target` of `record`'s `field`: a cycle when the target leads
    /// back to the current path (it is on it, or an earlier sibling of a record on it,
    /// or, for a next offset, of the record just left), else a shared child.
    fn revisit(
        &self,
        field: OffsetKind,
        record: u32,
        target: u32,
        left_chain: Option<u32>,
        at: ByteSpan,
    ) -> WalkEvent {
        // Records of a chain are entered in chain order, and a chain on the path is still
        // open, so a record marked with a path chain is that path record or its earlier
        // sibling: both lead, by next offsets, back onto the path.
        let chain = self.mark(target);
        let looped = left_chain == Some(chain)
            || self
                .path
                .iter()
                .take(self.depth)
                .any(|&on_path| self.mark(on_path) == chain);
        let issue = if looped {
            WalkIssue::Cycle {
                field,
                record,
                target,
                at,
            }
        } else {
            WalkIssue::SharedChild {
                field,
                record,
                target,
                at,
            }
        };
        WalkEvent::Issue(issue)
    }

    fn step(&mut self) -> Option<WalkEvent> {
        let info = *self.index.info();
        let value = |field: Option<OffsetField>| field.and_then(|f| f.value).unwrap_or(0);
        match self.phase {
            Phase::Done => None,
            Phase::Start => {
                self.phase = Phase::Incomplete;
                let needed = self.index.kept();
                if self.marks.len() < self.index.records().len() {
                    self.phase = Phase::Done;
                    return Some(WalkEvent::Issue(WalkIssue::ScratchTooSmall {
                        needed,
                        given: self.marks.len(),
                    }));
                }
                None
            }
            Phase::Incomplete => {
                self.phase = Phase::RootPair;
                (!self.index.is_complete()).then_some(WalkEvent::Issue(
                    WalkIssue::IndexIncomplete {
                        seen: self.index.seen(),
                        kept: self.index.kept(),
                    },
                ))
            }
            Phase::RootPair => {
                self.phase = Phase::Last;
                let (first, last) = (value(info.first), value(info.last));
                if (first == 0) == (last == 0) {
                    return None;
                }
                // Point at the zero, or at the one present when the other is absent.
                let zero = if first == 0 { info.first } else { info.last };
                let at = zero
                    .or(info.first)
                    .or(info.last)
                    .map_or(ByteSpan::default(), |f| f.span);
                Some(WalkEvent::Issue(WalkIssue::RootPair { first, last, at }))
            }
            Phase::Last => {
                self.phase = Phase::First;
                match self.follow(OffsetKind::Last, None, info.last) {
                    Step::Issue(issue) => Some(WalkEvent::Issue(issue)),
                    Step::Nothing | Step::Record(_) => None,
                }
            }
            Phase::First => {
                self.phase = Phase::RootEnd;
                match self.follow(OffsetKind::First, None, info.first) {
                    Step::Issue(issue) => Some(WalkEvent::Issue(issue)),
                    Step::Nothing => None,
                    Step::Record(record) => {
                        let chain = self.new_chain();
                        Some(self.enter(record, chain))
                    }
                }
            }
            Phase::Mrdr(record) => {
                self.phase = Phase::Descend(record);
                let field = self.index.get(record).and_then(|r| r.mrdr_offset());
                // An MRDR offset names a record but is no tree edge: check, don't follow.
                match self.follow(OffsetKind::Mrdr, Some(record), field) {
                    Step::Issue(issue) => Some(WalkEvent::Issue(issue)),
                    Step::Nothing | Step::Record(_) => None,
                }
            }
            Phase::Descend(record) => {
                self.phase = Phase::Leave;
                let field = self.index.get(record).and_then(|r| r.lower_offset());
                match self.follow(OffsetKind::Lower, Some(record), field) {
                    Step::Issue(issue) => Some(WalkEvent::Issue(issue)),
                    Step::Nothing => None,
                    Step::Record(child) => {
                        let at = field.map_or(ByteSpan::default(), |f| f.span);
                        if self.mark(child) != 0 {
                            return Some(self.revisit(OffsetKind::Lower, record, child, None, at));
                        }
                        if self.depth >= DEPTH {
                            return Some(WalkEvent::Issue(WalkIssue::TooDeep {
                                record,
                                limit: DEPTH as u32,
                                at,
                            }));
                        }
                        let chain = self.new_chain();
                        Some(self.enter(child, chain))
                    }
                }
            }
            Phase::Leave => {
                let Some(record) = self.top() else {
                    self.phase = Phase::RootEnd;
                    return None;
                };
                self.depth -= 1;
                self.phase = Phase::Next(record);
                Some(WalkEvent::LeaveRecord {
                    index: record,
                    depth: self.depth as u32,
                })
            }
            Phase::Next(record) => {
                self.phase = Phase::ChainEnd(record);
                let field = self.index.get(record).and_then(|r| r.next_offset());
                match self.follow(OffsetKind::Next, Some(record), field) {
                    Step::Issue(issue) => Some(WalkEvent::Issue(issue)),
                    Step::Nothing => None,
                    Step::Record(sibling) => {
                        let at = field.map_or(ByteSpan::default(), |f| f.span);
                        let chain = self.mark(record);
                        if self.mark(sibling) != 0 {
                            return Some(self.revisit(
                                OffsetKind::Next,
                                record,
                                sibling,
                                Some(chain),
                                at,
                            ));
                        }
                        Some(self.enter(sibling, chain))
                    }
                }
            }
            Phase::ChainEnd(record) => {
                if self.depth == 0 {
                    self.root_last = Some(record);
                    self.phase = Phase::RootEnd;
                } else {
                    self.phase = Phase::Leave;
                }
                None
            }
            Phase::RootEnd => {
                self.group_orphans();
                self.phase = Phase::Orphans(0);
                let last = info.last?;
                let value = last.value?;
                // A zero or misplaced (0004,1202) was reported already.
                let Target::Record(named) = self.index.resolve(value) else {
                    return None;
                };
                (self.root_last != Some(named)).then_some(WalkEvent::Issue(
                    WalkIssue::LastRecordMismatch {
                        last: value,
                        actual: self.root_last,
                        at: last.span,
                    },
                ))
            }
            Phase::Orphans(from) => {
                let records = self.index.records();
                let from = from as usize;
                let head = self
                    .marks
                    .get(from..records.len())
                    .and_then(|marks| marks.iter().position(|&mark| orphan_head(mark)))
                    .map(|i| from + i);
                let record = head.and_then(|i| records.get(i).map(|r| (i, r)));
                match record {
                    Some((i, record)) => {
                        self.phase = Phase::Orphans((i as u32).saturating_add(1));
                        Some(WalkEvent::Issue(WalkIssue::Unreachable {
                            record: i as u32,
                            below: self.mark(i as u32) & COUNT,
                            at: record.header(),
                        }))
                    }
                    None => {
                        self.phase = Phase::Done;
                        None
                    }
                }
            }
        }
    }

    /// The records `record`'s next and lower offsets lead to.
    fn targets(&self, record: usize) -> [Option<usize>; 2] {
        let slot = self.index.records().get(record);
        let to = |field: Option<OffsetField>| match field.and_then(|f| f.value) {
            Some(value) => match self.index.resolve(value) {
                Target::Record(target) => Some(target as usize),
                _ => None,
            },
            None => None,
        };
        [
            to(slot.and_then(RecordSlot::next_offset)),
            to(slot.and_then(RecordSlot::lower_offset)),
        ]
    }

    /// Marks the unreached records with their orphan group (see
    /// [`WalkIssue::Unreachable`]): heads as `HEAD | members`, members as `MEMBER | head`.
    ///
    /// At most [`GROUP_PASSES`] passes of O(n log n) over the records, whatever the
    /// offsets: members still unassigned then (only possible for long chains that run
    /// backwards through the sequence) are reported as heads of their own.
    fn group_orphans(&mut self) {
        let n = self.index.records().len();
        if n > COUNT as usize || self.marks.len() < n {
            // Too many records to encode; every orphan is then its own head (mark 0).
            return;
        }
        let unreached = |mark: u32| mark == 0 || mark == REFERENCED;
        // 1. Orphans that another orphan leads to are not heads.
        for record in 0..n {
            if !unreached(self.mark(record as u32)) {
                continue;
            }
            for target in self.targets(record).into_iter().flatten() {
                if target != record {
                    if let Some(mark @ 0) = self.marks.get_mut(target) {
                        *mark = REFERENCED;
                    }
                }
            }
        }
        // 2. The rest are heads.
        for mark in self.marks.iter_mut().take(n) {
            if *mark == 0 {
                *mark = HEAD;
            }
        }
        // 3. Heads and members pass their head on to what they lead to; a group left
        //    without a head (a cycle of orphans) gets its first record as head.
        let mut passes = 0;
        loop {
            let mut changed = true;
            while changed && passes < GROUP_PASSES {
                changed = false;
                passes += 1;
                for record in 0..n {
                    let mark = self.mark(record as u32);
                    let head = match mark {
                        REFERENCED => continue,
                        _ if mark & KIND == HEAD => record,
                        _ if mark & KIND == MEMBER => (mark & COUNT) as usize,
                        _ => continue,
                    };
                    for target in self.targets(record).into_iter().flatten() {
                        if self.mark(target as u32) != REFERENCED {
                            continue;
                        }
                        if let Some(mark) = self.marks.get_mut(target) {
                            *mark = MEMBER | head as u32;
                        }
                        if let Some(mark) = self.marks.get_mut(head) {
                            // Capped below COUNT so a head never reads as REFERENCED.
                            *mark = HEAD | ((*mark & COUNT) + 1).min(COUNT - 1);
                        }
                        changed = true;
                    }
                }
            }
            let left = self.marks.iter().take(n).position(|&m| m == REFERENCED);
            let Some(first) = left else { break };
            if passes >= GROUP_PASSES {
                // Out of passes: what is left is reported record by record.
                for mark in self.marks.iter_mut().take(n) {
                    if *mark == REFERENCED {
                        *mark = HEAD;
                    }
                }
                break;
            }
            if let Some(mark) = self.marks.get_mut(first) {
                *mark = HEAD;
            }
        }
    }
}

/// Passes [`Walk::group_orphans`] may make over the records.
const GROUP_PASSES: u32 = 64;
/// Orphan marks: the top two bits say what the mark is. Chain numbers, which mark the
/// reached records, stay below `MEMBER` (there are fewer chains than records, and
/// grouping is skipped beyond `COUNT` records).
const KIND: u32 = 0xC000_0000;
/// An orphan reached from the head in the low bits.
const MEMBER: u32 = 0x8000_0000;
/// An orphan group's head, with its member count in the low bits.
const HEAD: u32 = 0xC000_0000;
/// The low bits of a member or head mark.
const COUNT: u32 = 0x3FFF_FFFF;
/// An orphan that another orphan leads to, not yet given a head.
const REFERENCED: u32 = u32::MAX;

/// Whether a mark (after grouping) is an orphan to report: a group's head, or any orphan
/// when grouping was skipped.
const fn orphan_head(mark: u32) -> bool {
    mark == 0 || (mark != REFERENCED && mark & KIND == HEAD)
}

impl<const DEPTH: usize> Iterator for Walk<'_, '_, DEPTH> {
    type Item = WalkEvent;

    fn next(&mut self) -> Option<WalkEvent> {
        // Each phase either yields or moves on; only `Done` yields nothing and stays.
        while self.phase != Phase::Done {
            if let Some(event) = self.step() {
                return Some(event);
            }
        }
        None
    }
}

impl<const DEPTH: usize> core::iter::FusedIterator for Walk<'_, '_, DEPTH> {}
