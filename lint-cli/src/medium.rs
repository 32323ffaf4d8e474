//! The file-set around a DICOMDIR, on `std::fs`: the CLI's [`Medium`] and
//! [`FactsProvider`] for the `media/*` rules, and [`check_file_set`], which runs them.
//!
//! The medium's root is the directory that holds the DICOMDIR (PS3.10 §8.6), listed once
//! without following links. A File ID is looked up in that listing first: an exact hit is
//! a regular file under its real name, inside the root, found without a system call.
//! Otherwise it is resolved component by component (each directory read once) trying the
//! variants readers meet on real media (another case, a trailing `.`, `;1`); a component
//! that is a symbolic link, and the final path, are canonicalised and must stay under the
//! canonical root, so a link cannot lead the linter out of the file-set (an unsafe File
//! ID never reaches this module at all).
//!
//! Each file is read and parsed once per run: [`crate::check`] lints every file it finds
//! and hands the facts the media rules need ([`InstanceFacts`]) to [`remember`] as soon as
//! each file is done, linting the DICOMDIRs on a thread of their own whose file-set checks
//! run beside the other files and wait ([`hold`]) only for facts not yet remembered (so
//! little of the check is left when the last file is linted). The provider here reads a
//! file itself only when the run did not
//! lint it (a DICOMDIR named on the command line without its directory, one known only by
//! its (0002,0002), or files under a symbolic link).

use std::cell::RefCell;
use std::collections::HashMap as StdHashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use lint_core::charset::decode::{Piece, decode};
use lint_core::charset::{SpecificCharacterSet, TextKind};
use lint_core::dicomdir::RecordIndex;
use lint_core::parser::{Event, Parser, Step};
use lint_core::tag::Tag;
use lint_rules::media::{
    Entry, EntryKind, Facts, FactsProvider, FileHandle, FileId, InstanceFacts, Lookup, Medium,
    NameVariant,
};
use lint_rules::{Finding, Selection};

use crate::diagnostic::Diagnostic;

/// A hash map with a fast hash: its keys are paths and names the run made itself, not
/// input an attacker chooses to collide.
type HashMap<K, V> = StdHashMap<K, V, foldhash::fast::RandomState>;

/// Facts the run remembered, by [`path_key`] of the path each file was linted under.
type Known = HashMap<Box<[u8]>, Option<Compact>>;

/// Facts in [`InstanceFacts::write_compact`]'s form: a file-set's worth held at a quarter
/// of the fixed form's size (on 10,000 images, 15 MB less to fault in, which cost the
/// file-set check a third of its time).
type Compact = Arc<[u8]>;

/// The compact form of `facts`.
fn compact(facts: &InstanceFacts) -> Compact {
    let mut out = [0u8; InstanceFacts::COMPACT_MAX];
    let n = facts.write_compact(&mut out);
    Arc::from(out.get(..n).unwrap_or(&[]))
}

/// The key of `path` in [`Known`]: its bytes with empty and `.` components dropped, so
/// `DIR/` and `DIR`, or `DIR//A` and `DIR/./A`, agree (as paths compare by component)
/// without paying for `Path`'s component-wise hashing on every lookup.
fn path_key(path: &Path) -> Box<[u8]> {
    let bytes = path.as_os_str().as_encoded_bytes();
    // The paths of a walk have one separator between names and no `.`: their bytes are
    // their key (two searches, not a pass per byte).
    let plain = std::path::MAIN_SEPARATOR == '/'
        && memchr::memmem::find(bytes, b"//").is_none()
        && memchr::memmem::find(bytes, b"/.").is_none()
        && !bytes.starts_with(b"./")
        && bytes != b"."
        && !bytes.ends_with(b"/");
    if plain {
        return Box::from(bytes);
    }
    let mut key = Vec::with_capacity(bytes.len());
    let rooted = bytes
        .first()
        .is_some_and(|&b| std::path::is_separator(char::from(b)));
    for part in bytes.split(|&b| std::path::is_separator(char::from(b))) {
        if part.is_empty() || (part == b"." && (rooted || !key.is_empty())) {
            continue;
        }
        if !key.is_empty() || rooted {
            key.push(b'/');
        }
        key.extend_from_slice(part);
    }
    key.into_boxed_slice()
}

/// What the run learnt about each file it linted, by the path it was linted under:
/// `Some` facts for DICOM files, `None` for files that are not DICOM. Paths compare by
/// component, so `DIR/` and `DIR` agree; a file reached under another spelling (through
/// a link) is simply read again.
static KNOWN: Mutex<Run> = Mutex::new(Run {
    known: None,
    count: 0,
    wake_at: None,
});

/// The facts remembered so far, and when a waiting file-set check wants to be woken.
struct Run {
    known: Option<Known>,
    /// Files remembered.
    count: usize,
    /// Wake the waiting check when `count` reaches this.
    wake_at: Option<usize>,
}

/// How many files a waiting file-set check lets the run remember before it looks again.
/// It catches up in a fraction of the time the workers take for the files, so each wake
/// is a context switch that preempts a worker: 256 measured best on the 2,000-file media
/// set (bench/parallel.sh: 16 → 27.9 ms, 64 → 27.4, 256 → 27.0, 1024 → 27.3), the
/// cost being at most 256 files' checks left for the end of the run.
const WAKE_EVERY: usize = 256;

/// Notes what linting `path` found, for [`check_file_set`]: called as each file is linted,
/// so a file-set check waiting for the run's facts goes on while the rest are linted.
pub fn remember(path: &Path, facts: Option<Box<InstanceFacts>>) {
    // Made before the lock is taken: every worker takes it once per file.
    let key = path_key(path);
    let facts = facts.map(|f| compact(&f));
    let wake = match KNOWN.lock() {
        Ok(mut run) => {
            run.known
                .get_or_insert_with(HashMap::default)
                .insert(key, facts);
            run.count += 1;
            run.wake_at.is_some_and(|at| run.count >= at)
        }
        Err(_) => false,
    };
    if wake {
        KNOWN_CHANGED.notify_all();
    }
}

/// Signals that [`Run::wake_at`] was reached or [`READY`] set (waited on with [`KNOWN`]'s
/// lock).
static KNOWN_CHANGED: Condvar = Condvar::new();

/// Whether the facts of the run are complete: a file-set check waits for a file's facts
/// only while they are not.
static READY: AtomicBool = AtomicBool::new(true);

/// Makes file-set checks wait for the facts of files not yet remembered until the
/// returned guard is dropped: the caller is still linting them (see
/// [`crate::check::check`]).
pub fn hold() -> Hold {
    READY.store(false, Ordering::SeqCst);
    Hold
}

/// Releases the file-set checks waiting since [`hold`] when dropped (on unwinding too).
#[derive(Debug)]
pub struct Hold;

impl Drop for Hold {
    fn drop(&mut self) {
        READY.store(true, Ordering::SeqCst);
        // Taking the lock orders this after a waiter's check of READY: it is either
        // waiting (and woken) or will see READY set.
        drop(KNOWN.lock());
        KNOWN_CHANGED.notify_all();
    }
}

thread_local! {
    /// Whether file-set checks on this thread wait for the run's facts: only on the
    /// thread that lints the DICOMDIRs beside the others ([`wait_on_this_thread`]). A
    /// DICOMDIR linted among the files being waited for must not wait (it would wait for
    /// itself), so the default is not to.
    static WAITS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes file-set checks on the calling thread wait while a [`Hold`] is held.
pub fn wait_on_this_thread() {
    WAITS.with(|waits| waits.set(true));
}

/// Whether file-set checks on the calling thread wait ([`wait_on_this_thread`]): a
/// thread it starts for them must wait likewise.
pub fn waits_on_this_thread() -> bool {
    WAITS.with(std::cell::Cell::get)
}

/// The facts the run remembered for `path`: waited for while a [`Hold`] is held, if this
/// thread waits at all. `None` when the run did not lint the file (the caller reads it).
fn remembered(path: &Path) -> Option<Option<Compact>> {
    let waits = WAITS.with(std::cell::Cell::get);
    let key = path_key(path);
    let mut run = KNOWN.lock().ok()?;
    loop {
        if let Some(facts) = run.known.as_ref().and_then(|k| k.get(&key)) {
            return Some(facts.clone());
        }
        if !waits || READY.load(Ordering::SeqCst) {
            return None;
        }
        run.wake_at = Some(run.count + WAKE_EVERY);
        run = KNOWN_CHANGED.wait(run).ok()?;
        run.wake_at = None;
    }
}

/// Whether a `media/*` rule is selected.
pub fn selected(selection: &Selection) -> bool {
    lint_rules::RULES
        .iter()
        .any(|rule| rule.family() == "media" && selection.contains(rule))
}

/// Runs the `media/*` rules on the file-set of the DICOMDIR at `dicomdir_path` (its bytes
/// and index given): findings placed on the DICOMDIR's elements, their messages naming
/// the files concerned.
pub fn check_file_set(
    dicomdir_path: &Path,
    bytes: &[u8],
    index: &RecordIndex<'_>,
    selection: &Selection,
) -> Vec<Diagnostic> {
    // Nothing to judge: do not list the medium or read a file. A DICOMDIR read from
    // standard input has no file-set around it.
    if !selected(selection) || dicomdir_path.as_os_str() == crate::check::STDIN {
        return Vec::new();
    }
    let base = dicomdir_path.parent().map_or(Path::new("."), |p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    let Ok(root) = std::fs::canonicalize(base) else {
        return Vec::new();
    };
    let medium = FsMedium::new(root, base);
    // The medium is listed and the checks begin while the other files are still being
    // linted: the provider waits for each file's facts as the rules ask for them.
    let mut marks = vec![0u32; index.records().len()];
    let mut referrers = vec![0u32; medium.files.borrow().len()];
    let mut diagnostics = Vec::new();
    let mut sink = |finding: &Finding<'_>| {
        diagnostics.push(crate::check::to_diagnostic(finding, bytes, 0, false));
    };
    let mut provider = Provider {
        medium: &medium,
        facts: Vec::new(),
        current: InstanceFacts::default(),
    };
    let mut located = Locator(&medium);
    lint_rules::media::check_file_set(
        bytes,
        *index,
        &mut marks,
        &mut referrers,
        &mut located,
        &mut provider,
        selection,
        &mut sink,
    );
    diagnostics
}

/// The listing of a directory made by the run's own walk ([`crate::check::check_walking`]),
/// as [`FsMedium::new`] would make it: the file-set check of the DICOMDIR in that
/// directory takes it rather than walking the medium a second time (on a large medium
/// that walk was a sixth of the file-set check).
#[derive(Debug, Default)]
pub struct Listing {
    /// Files in listing order, under the paths the walk gave the workers.
    files: Vec<PathBuf>,
    /// Handle of each file by its path relative to the root (`/`-separated).
    by_relative: HashMap<String, u32>,
    /// Every entry: path relative to the root, and kind.
    entries: Vec<(String, EntryKind)>,
    /// Entries deeper than this are inside a linked directory, which the listing does
    /// not follow (the walk does, to lint what is there).
    linked_below: Option<usize>,
}

impl Listing {
    /// Notes the next entry of a walk of `root` that follows links, in path order:
    /// directories and regular files, links and what is reached through them left out,
    /// as [`FsMedium::new`]'s own walk leaves them out.
    pub fn note(&mut self, root: &Path, entry: &walkdir::DirEntry) {
        let depth = entry.depth();
        if self.linked_below.is_some_and(|linked| depth > linked) {
            return;
        }
        self.linked_below = None;
        if depth == 0 {
            return;
        }
        if entry.path_is_symlink() {
            self.linked_below = Some(depth);
            return;
        }
        let kind = entry.file_type();
        if !(kind.is_dir() || kind.is_file()) {
            return;
        }
        let Ok(relative) = entry.path().strip_prefix(root) else {
            return;
        };
        // Components are joined by `/` on Unix: the path as bytes is the listing's name.
        let name = relative.to_string_lossy().into_owned();
        let kind = if kind.is_dir() {
            EntryKind::Directory
        } else {
            let handle = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
            self.files.push(entry.path().to_path_buf());
            self.by_relative.insert(name.clone(), handle);
            EntryKind::File(FileHandle(handle))
        };
        self.entries.push((name, kind));
    }
}

/// The listing a walk promised ([`expect_listing`]) or gave ([`offer_listing`]), by the
/// key ([`path_key`]) of the directory walked.
static OFFERED: Mutex<Offer> = Mutex::new(Offer::Nothing);

/// Signalled when a promised listing is given or will not come.
static OFFER_CHANGED: Condvar = Condvar::new();

enum Offer {
    Nothing,
    Promised(Box<[u8]>),
    Given(Box<[u8]>, Listing),
}

/// Promises the listing of directory `root`, which the caller is about to walk: a
/// file-set check there waits for it. The promise is withdrawn if the guard is dropped
/// without [`offer_listing`] (should the walk fail), and the check walks for itself.
pub fn expect_listing(root: &Path) -> Promise {
    if let Ok(mut offer) = OFFERED.lock() {
        *offer = Offer::Promised(path_key(root));
    }
    Promise(())
}

/// A promised listing, withdrawn when dropped unless given.
#[derive(Debug)]
pub struct Promise(());

impl Promise {
    /// Withdraws the promise: a check waiting for the listing walks for itself.
    pub fn withdraw(&self) {
        if let Ok(mut offer) = OFFERED.lock()
            && matches!(*offer, Offer::Promised(_))
        {
            *offer = Offer::Nothing;
        }
        OFFER_CHANGED.notify_all();
    }
}

impl Drop for Promise {
    fn drop(&mut self) {
        self.withdraw();
    }
}

/// Gives the listing promised by `promise`.
pub fn offer_listing(promise: Promise, listing: Listing) {
    if let Ok(mut offer) = OFFERED.lock()
        && let Offer::Promised(key) = &*offer
    {
        *offer = Offer::Given(key.clone(), listing);
    }
    drop(promise);
}

/// The walk's listing of `base`, waited for if promised; `None` when none is promised
/// for it (the caller walks).
fn walked_listing(base: &Path) -> Option<Listing> {
    let key = path_key(base);
    let mut offer = OFFERED.lock().ok()?;
    loop {
        match &*offer {
            Offer::Given(given, _) if *given == key => {
                return match std::mem::replace(&mut *offer, Offer::Nothing) {
                    Offer::Given(_, listing) => Some(listing),
                    _ => None,
                };
            }
            Offer::Promised(promised) if *promised == key => {
                offer = OFFER_CHANGED.wait(offer).ok()?;
            }
            _ => return None,
        }
    }
}

/// The file-set on disk.
struct FsMedium {
    /// The canonical root: the DICOMDIR's directory.
    root: PathBuf,
    /// Files by handle. The listed files come first, in listing order, under the
    /// DICOMDIR's directory as the run names it (so they match what [`remember`] was
    /// told); a file reached only through a link inside the root is added when located,
    /// under its canonical path.
    files: RefCell<Vec<PathBuf>>,
    /// Handle of each listed file, by its path relative to the root (`/`-separated):
    /// the listing follows no link, so these are the files' real names.
    by_relative: HashMap<String, u32>,
    /// Handles of the files added when located, by canonical path.
    extra: RefCell<HashMap<PathBuf, u32>>,
    /// The names in each directory the slow path of [`Locator::locate`] looked into,
    /// by [`fold`]ed name.
    dirs: RefCell<HashMap<PathBuf, HashMap<String, Vec<String>>>>,
    /// Every entry under the root: path relative to it (`/`-separated), and kind.
    listing: Vec<(String, EntryKind)>,
}

impl FsMedium {
    fn new(root: PathBuf, base: &Path) -> FsMedium {
        if let Some(walked) = walked_listing(base) {
            return FsMedium {
                root,
                files: RefCell::new(walked.files),
                by_relative: walked.by_relative,
                extra: RefCell::default(),
                dirs: RefCell::default(),
                listing: walked.entries,
            };
        }
        let mut medium = FsMedium {
            root,
            files: RefCell::default(),
            by_relative: HashMap::default(),
            extra: RefCell::default(),
            dirs: RefCell::default(),
            listing: Vec::new(),
        };
        // Symbolic links are not followed: what they lead to is either under the root
        // (and listed there) or not part of the file-set. Each directory's names are
        // sorted once, as bytes (a walker sorting by `Path::file_name` parses both paths
        // per comparison: a fifth of the file-set check on a large medium). The stack
        // keeps the order of a depth-first walk (a directory, then what is in it) with
        // no recursion, however deep the tree.
        let mut stack: Vec<(PathBuf, String, bool)> = Vec::new();
        push_sorted(&mut stack, base, "");
        while let Some((path, name, is_dir)) = stack.pop() {
            let kind = if is_dir {
                push_sorted(&mut stack, &path, &name);
                EntryKind::Directory
            } else {
                let mut files = medium.files.borrow_mut();
                let handle = u32::try_from(files.len()).unwrap_or(u32::MAX);
                files.push(path);
                medium.by_relative.insert(name.clone(), handle);
                EntryKind::File(FileHandle(handle))
            };
            medium.listing.push((name, kind));
        }
        medium
    }

    /// The handle of canonical path `path` (under the root), given one if new.
    fn handle(&self, path: PathBuf) -> FileHandle {
        let listed = path.strip_prefix(&self.root).ok().and_then(|relative| {
            let parts: Option<Vec<&str>> = relative
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect();
            self.by_relative.get(&parts?.join("/")).copied()
        });
        if let Some(handle) = listed {
            return FileHandle(handle);
        }
        let mut extra = self.extra.borrow_mut();
        if let Some(&handle) = extra.get(&path) {
            return FileHandle(handle);
        }
        let mut files = self.files.borrow_mut();
        let handle = u32::try_from(files.len()).unwrap_or(u32::MAX);
        extra.insert(path.clone(), handle);
        files.push(path);
        FileHandle(handle)
    }

    /// Judges a resolved path: under the root, a regular file.
    fn judge(&self, path: &Path, variant: NameVariant) -> Lookup {
        let Ok(canonical) = std::fs::canonicalize(path) else {
            return Lookup::Missing;
        };
        if !canonical.starts_with(&self.root) {
            return Lookup::OutsideRoot;
        }
        match std::fs::metadata(&canonical) {
            Ok(meta) if meta.is_file() => Lookup::Found {
                file: self.handle(canonical),
                variant,
            },
            Ok(_) => Lookup::NotRegularFile,
            Err(error) if error.kind() == io::ErrorKind::NotFound => Lookup::Missing,
            Err(_) => Lookup::Unreadable,
        }
    }

    /// Resolves one component in `dir`: the exact name, else the variant closest to it
    /// (another case costs most, then a trailing `.`, then `;1`). Each directory is read
    /// once and its names indexed, so a DICOMDIR of many missing files costs one lookup
    /// per component, not a directory scan.
    fn component(&self, dir: &Path, name: &str) -> Option<(PathBuf, NameVariant)> {
        let mut dirs = self.dirs.borrow_mut();
        let names = dirs.entry(dir.to_path_buf()).or_insert_with(|| {
            let mut names: HashMap<String, Vec<String>> = HashMap::default();
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(on_disk) = entry.file_name().into_string() {
                    names.entry(fold(&on_disk)).or_default().push(on_disk);
                }
            }
            names
        });
        let mut best: Option<(&str, NameVariant, u8)> = None;
        for on_disk in names.get(&fold(name)).into_iter().flatten() {
            let version = on_disk.ends_with(";1");
            let rest = on_disk.strip_suffix(";1").unwrap_or(on_disk);
            let trailing_dot = rest.ends_with('.') && !name.ends_with('.');
            let stem = if trailing_dot {
                &rest[..rest.len() - 1]
            } else {
                rest
            };
            let variant = NameVariant {
                other_case: stem != name,
                trailing_dot,
                version,
            };
            let cost =
                u8::from(variant.other_case) * 4 + u8::from(trailing_dot) * 2 + u8::from(version);
            if best.as_ref().is_none_or(|b| cost < b.2) {
                best = Some((on_disk, variant, cost));
            }
        }
        best.map(|(on_disk, variant, _)| (dir.join(on_disk), variant))
    }
}

/// Pushes the directories and regular files in `dir` (whose path relative to the root is
/// `relative`, `/`-separated) onto `stack` as (path, relative path, is a directory), in
/// reverse name order so they pop in name order. Unreadable directories and entries are
/// passed over; other kinds of entry (links, devices) are not part of the listing.
fn push_sorted(stack: &mut Vec<(PathBuf, String, bool)>, dir: &Path, relative: &str) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(std::ffi::OsString, bool)> = read
        .flatten()
        .filter_map(|entry| {
            let kind = entry.file_type().ok()?;
            (kind.is_dir() || kind.is_file()).then(|| (entry.file_name(), kind.is_dir()))
        })
        .collect();
    entries.sort_unstable_by(|a, b| b.0.cmp(&a.0));
    for (name, is_dir) in entries {
        let shown = name.to_string_lossy();
        let joined = if relative.is_empty() {
            shown.into_owned()
        } else {
            let mut joined = String::with_capacity(relative.len() + 1 + shown.len());
            joined.push_str(relative);
            joined.push('/');
            joined.push_str(&shown);
            joined
        };
        stack.push((dir.join(&name), joined, is_dir));
    }
}

/// A name as [`FsMedium::component`] indexes it: without an ISO 9660 version suffix or a
/// trailing `.`, in lower case.
fn fold(name: &str) -> String {
    let name = name.strip_suffix(";1").unwrap_or(name);
    let name = name.strip_suffix('.').unwrap_or(name);
    name.to_ascii_lowercase()
}

/// The medium as the rules use it.
struct Locator<'m>(&'m FsMedium);

impl Medium for Locator<'_> {
    fn locate(&mut self, file_id: &FileId<'_>) -> Lookup {
        let medium = self.0;
        // The listing holds every regular file under its real name: an exact File ID is
        // found there without a system call, and cannot lead through a link.
        let mut relative = String::with_capacity(64);
        let mut utf8 = true;
        for component in file_id.components() {
            match std::str::from_utf8(component) {
                Ok(name) => {
                    if !relative.is_empty() {
                        relative.push('/');
                    }
                    relative.push_str(name);
                }
                Err(_) => utf8 = false,
            }
        }
        if let Some(&handle) = utf8.then(|| medium.by_relative.get(&relative)).flatten() {
            return Lookup::Found {
                file: FileHandle(handle),
                variant: NameVariant::default(),
            };
        }
        let mut path = medium.root.clone();
        let mut variant = NameVariant::default();
        for component in file_id.components() {
            let Ok(name) = std::str::from_utf8(component) else {
                return Lookup::Missing;
            };
            let Some((next, found)) = medium.component(&path, name) else {
                return Lookup::Missing;
            };
            // A component that is a symbolic link is followed only if it stays inside.
            if std::fs::symlink_metadata(&next).is_ok_and(|m| m.file_type().is_symlink())
                && !std::fs::canonicalize(&next).is_ok_and(|c| c.starts_with(&medium.root))
            {
                return Lookup::OutsideRoot;
            }
            variant.other_case |= found.other_case;
            variant.trailing_dot |= found.trailing_dot;
            variant.version |= found.version;
            path = next;
        }
        medium.judge(&path, variant)
    }

    fn list(&mut self, visit: &mut dyn FnMut(&Entry<'_>)) {
        for (path, kind) in &self.0.listing {
            visit(&Entry { path, kind: *kind });
        }
    }
}

/// What each file says about itself: remembered from the run, or read here once.
struct Provider<'m> {
    medium: &'m FsMedium,
    /// Facts by file handle, as remembered or read (`Err(())` when unreadable); `None`
    /// until asked for.
    facts: Vec<Option<Result<Option<Compact>, ()>>>,
    /// The facts last asked for, read back from their compact form.
    current: InstanceFacts,
}

impl FactsProvider for Provider<'_> {
    fn facts(&mut self, file: FileHandle) -> Facts<'_> {
        let medium = self.medium;
        let at = file.0 as usize;
        if at >= medium.files.borrow().len() {
            return Facts::Unreadable;
        }
        if self.facts.len() <= at {
            self.facts.resize(at + 1, None);
        }
        let Some(slot) = self.facts.get_mut(at) else {
            return Facts::Unreadable;
        };
        let facts = slot.get_or_insert_with(|| {
            let files = medium.files.borrow();
            let Some(path) = files.get(file.0 as usize) else {
                return Err(());
            };
            match remembered(path) {
                Some(facts) => Ok(facts),
                None => read_facts(path)
                    .map(|f| f.as_ref().map(compact))
                    .map_err(|_| ()),
            }
        });
        match facts {
            Ok(Some(facts)) => match InstanceFacts::read_compact(facts) {
                Some(read) => {
                    self.current = read;
                    Facts::Instance(&self.current)
                }
                None => Facts::Unreadable,
            },
            Ok(None) => Facts::NotDicom,
            Err(()) => Facts::Unreadable,
        }
    }

    fn is_part10(&mut self, file: FileHandle) -> bool {
        // The listing asks this of every file: read the flag, not the whole facts.
        if self.facts.get(file.0 as usize).is_none_or(Option::is_none) {
            let _ = self.facts(file);
        }
        matches!(
            self.facts.get(file.0 as usize),
            Some(Some(Ok(Some(compact)))) if InstanceFacts::compact_part10(compact)
        )
    }

    fn same_text(
        &mut self,
        a: &[u8],
        a_charset: &[u8],
        b: &[u8],
        b_charset: &[u8],
    ) -> Option<bool> {
        Some(decoded(a, a_charset)? == decoded(b, b_charset)?)
    }
}

/// `value` decoded in `charset` (a (0008,0005) value), `None` if any byte is invalid or
/// unmapped there (then no verdict is given).
fn decoded(value: &[u8], charset: &[u8]) -> Option<String> {
    let set = SpecificCharacterSet::from_value(charset);
    let mut out = String::new();
    let mut clean = true;
    let _ = decode(value, &set, TextKind::PersonName, |piece, _| {
        match piece {
            Piece::Char(c) => out.push(c),
            Piece::Escape { .. } => {}
            Piece::Invalid { .. } | Piece::Unmapped { .. } => clean = false,
        }
        Ok(())
    });
    clean.then(|| out.trim_matches(' ').to_owned())
}

/// The last key the media rules compare: reading stops after it.
const LAST_KEY: Tag = Tag::new(0x0020, 0x0013);

/// Reads the facts of a file the run did not lint: `None` if it is not DICOM. Only the
/// header up to the last key is read.
fn read_facts(path: &Path) -> io::Result<Option<InstanceFacts>> {
    let mut file = File::open(path)?;
    let total = file.metadata()?.len();
    let mut buf = Vec::new();
    read_at(&mut file, 0, CHUNK, &mut buf)?;
    if !crate::check::looks_like_dicom(&buf, total) {
        return Ok(None);
    }
    let mut facts = InstanceFacts::default();
    let mut parser = Parser::<{ lint_core::parser::DEFAULT_DEPTH }>::new(total);
    let mut offset = 0u64;
    loop {
        match parser.next(&buf, offset) {
            Step::Event(event) => {
                if let Event::Element(element) = &event {
                    if parser.path().is_root() && element.header.tag > LAST_KEY {
                        break;
                    }
                }
                facts.feed(&event, parser.path());
            }
            Step::Error(error) if error.fatal => break,
            Step::Error(_) => {}
            Step::Need { offset: at, len } => {
                read_at(&mut file, at, len.max(CHUNK), &mut buf)?;
                offset = at;
                if (buf.len() as u64) < len {
                    break;
                }
            }
            Step::End => break,
        }
    }
    Ok(Some(facts))
}

/// Bytes read at a time.
const CHUNK: u64 = 8 * 1024;

/// Reads up to `len` bytes at `offset`.
fn read_at(file: &mut File, offset: u64, len: u64, buf: &mut Vec<u8>) -> io::Result<()> {
    buf.clear();
    file.seek(SeekFrom::Start(offset))?;
    file.take(len).read_to_end(buf)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_utf8_names_read_the_same() {
        assert_eq!(
            decoded(b"M\xfcller", b"ISO_IR 100"),
            decoded("Müller".as_bytes(), b"ISO_IR 192")
        );
        // E6 is æ in Latin-1, ć in Latin-2: the same bytes, another name.
        assert_ne!(
            decoded(b"M\xe6ller", b"ISO_IR 100"),
            decoded(b"M\xe6ller", b"ISO_IR 101")
        );
        assert_eq!(
            decoded(b"M\xe6ller", b"ISO_IR 101").as_deref(),
            Some("Mćller")
        );
    }

    #[test]
    fn a_file_id_is_resolved_in_another_case_but_not_outside() {
        let dir = std::env::temp_dir().join(format!("dcmlint-medium-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("root/dicom")).unwrap();
        std::fs::write(dir.join("root/dicom/im1"), b"x").unwrap();
        std::fs::write(dir.join("secret"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("secret"), dir.join("root/LINK")).unwrap();
        let root = std::fs::canonicalize(dir.join("root")).unwrap();
        let medium = FsMedium::new(root, &dir.join("root"));
        let mut locator = Locator(&medium);
        let id = |v: &'static [u8]| FileId::new(v, lint_core::ByteSpan::at(0, 0));
        match locator.locate(&id(b"DICOM\\IM1")) {
            Lookup::Found { variant, .. } => assert!(variant.other_case),
            other => panic!("{other:?}"),
        }
        assert_eq!(locator.locate(&id(b"DICOM\\IM2")), Lookup::Missing);
        assert_eq!(locator.locate(&id(b"DICOM")), Lookup::NotRegularFile);
        #[cfg(unix)]
        assert_eq!(locator.locate(&id(b"LINK")), Lookup::OutsideRoot);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The listing the run's walk gives a file-set check is the one it would make itself:
    /// same entries, order, kinds and file handles; links, and what lies behind a linked
    /// directory, left out of both.
    #[cfg(unix)]
    #[test]
    fn the_walks_listing_is_the_mediums_own() {
        use std::os::unix::ffi::OsStrExt;
        let dir = std::env::temp_dir().join(format!("dcmlint-listing-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let root = dir.join("root");
        for sub in [
            "DICOM/P1/S1",
            "DICOM/P1/S2",
            "DICOM/P10",
            "IHE_PDI",
            "empty",
            "b.c",
        ] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        for file in [
            "DICOMDIR",
            "README.TXT",
            "DICOM/P1/S1/IM1",
            "DICOM/P1/S1/IM2",
            "DICOM/P1/S2/IM1",
            "DICOM/P10/IM1",
            "DICOM/P1A",
            "IHE_PDI/INDEX.HTM",
            "b.c/x",
            "b",
        ] {
            std::fs::write(root.join(file), b"x").unwrap();
        }
        std::fs::create_dir_all(dir.join("outside/deep")).unwrap();
        std::fs::write(dir.join("outside/deep/f"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.join("outside"), root.join("DICOM/LINKDIR")).unwrap();
        std::os::unix::fs::symlink(root.join("b"), root.join("DICOM/P1/LINKFILE")).unwrap();
        // A name that is not UTF-8.
        std::fs::write(
            root.join(std::ffi::OsStr::from_bytes(b"DICOM/P1/\xff")),
            b"x",
        )
        .unwrap();

        let canonical = std::fs::canonicalize(&root).unwrap();
        let own = FsMedium::new(canonical.clone(), &root);
        let mut listing = Listing::default();
        for entry in crate::check::sorted_walk(&root).into_iter().flatten() {
            listing.note(&root, &entry);
        }
        let promise = expect_listing(&root);
        offer_listing(promise, listing);
        let walked = FsMedium::new(canonical, &root);
        // The offer was taken: a second check walks for itself.
        assert!(walked_listing(&root).is_none());
        assert!(own.listing.len() > 15, "{:?}", own.listing);
        assert_eq!(walked.listing, own.listing);
        assert_eq!(*walked.files.borrow(), *own.files.borrow());
        assert_eq!(walked.by_relative, own.by_relative);
        assert!(!own.listing.iter().any(|(name, _)| name.contains("LINK")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
