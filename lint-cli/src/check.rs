//! Finding DICOM files and linting each one, reading headers only.
//!
//! Directories are walked in name order (so output is stable); files found there are
//! recognised as DICOM by content. Files are linted in parallel (rayon) and their reports
//! put back in path order, so output does not depend on scheduling. Each file is read in
//! windows: the first 8 KiB, then whatever the parser asks for. Bulk values (pixel data)
//! lie outside the windows the parser asks for, so they are never read. `-` is standard
//! input, read whole.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use lint_core::parser::{Event, Parser, Step};
use lint_rules::media::InstanceFacts;
use lint_rules::runner::Progress;
use lint_rules::{Finding, Linter, Selection};
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use walkdir::WalkDir;

use crate::config::Settings;
use crate::diagnostic::{DecodedText, Diagnostic, FileReport, Report};

/// Bytes read at a time: enough for the whole header of a typical image in one read, and
/// small enough that reading it costs little more than opening the file. Larger headers
/// (a DICOMDIR, an SR) are read on in further windows as the parser asks.
const CHUNK: u64 = 8 * 1024;

/// The most a deflated data set may inflate to before dcmlint stops (a deflate bomb
/// must not take the machine down).
const MAX_INFLATED: usize = 512 * 1024 * 1024;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// The files a run will lint, found before any is read (so a progress bar knows the
/// total), with what was learnt while walking.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files in path order; `true` when named on the command line (checked whatever
    /// their content).
    files: Vec<(PathBuf, bool)>,
    /// Findings the CLI makes about files while walking (file names), by path.
    notes: Vec<(PathBuf, Diagnostic)>,
    /// Paths that could not be read and symbolic-link loops.
    report: Report,
}

impl Discovered {
    /// Number of files to lint.
    pub fn len(&self) -> usize {
        self.files.len()
    }
}

/// Finds the files under `paths` (files as given; directories recursively).
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        if path.as_os_str() == STDIN {
            found.files.push((path.clone(), true));
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => found.report.io.push((path.clone(), error.to_string())),
            Ok(meta) if meta.is_dir() => {
                walk(path, &mut found.files, &mut found.report, &mut found.notes);
            }
            Ok(_) => found.files.push((path.clone(), true)),
        }
    }
    // One directory comes out of the walk in path order already, each file once;
    // comparing paths costs a component parse each, so only several paths are sorted.
    if paths.len() > 1 {
        found.files.sort();
        found.files.dedup_by(|a, b| a.0 == b.0);
    }
    found
}

/// What linting one file gives: its findings and, when gathered, its facts for the
/// file-set checks; `None` for a file found by walking that is not DICOM.
type Linted = io::Result<Option<(Findings, Option<Box<InstanceFacts>>)>>;

/// A file's report but for its path, which [`assemble`] adds from the files found (the
/// path is not copied per file only to be dropped at the end of the run).
#[derive(Debug)]
pub struct Findings {
    /// Findings in stream order (a DICOMDIR's tree findings after them, by offset).
    diagnostics: Vec<Diagnostic>,
    /// For a DICOMDIR: the file-set summary (see [`FileReport::directory`]).
    directory: Option<Vec<String>>,
}

/// The DICOMDIR of the one directory a run checks, linted from the start of the run on a
/// thread of its own, while the directory is still being walked: it is the longest single
/// piece of a run, and the walk otherwise leaves the second core idle.
#[derive(Debug)]
pub struct Early {
    path: PathBuf,
    thread: std::thread::JoinHandle<Linted>,
    /// Its file-set check waits for the other files' facts until this is dropped.
    hold: crate::medium::Hold,
    /// The listing of its directory, which the walk of [`check_walking`] gives its
    /// file-set check (made before the check can ask for it).
    promise: crate::medium::Promise,
}

/// Starts linting `DIR/DICOMDIR` when the run checks the one directory `DIR`, it holds
/// a DICOMDIR of that exact name, a `media/*` rule judges it, and there is more than one
/// worker (with one, everything runs in turn).
pub fn start_early(paths: &[PathBuf], settings: &Settings) -> Option<Early> {
    let [dir] = paths else {
        return None;
    };
    if rayon::current_num_threads() == 1 || dir.as_os_str() == STDIN || !dir.is_dir() {
        return None;
    }
    let path = dir.join("DICOMDIR");
    let selection = settings.selection_for(&path);
    if !std::fs::metadata(&path).is_ok_and(|meta| meta.is_file())
        || !crate::medium::selected(&selection)
    {
        return None;
    }
    let hold = crate::medium::hold();
    let promise = crate::medium::expect_listing(dir);
    let linted = path.clone();
    let thread = std::thread::spawn(move || {
        crate::medium::wait_on_this_thread();
        let mut result = lint_file_facts(&linted, selection, false, true);
        remember(&linted, &mut result);
        result
    });
    Some(Early {
        path,
        thread,
        hold,
        promise,
    })
}

/// Hands what linting `path` learnt to the file-set checks (at once, so one waiting for
/// it goes on).
fn remember(path: &Path, result: &mut Linted) {
    match result {
        Ok(Some((_, facts))) => {
            if let Some(facts) = facts.take() {
                crate::medium::remember(path, Some(facts));
            }
        }
        Ok(None) => crate::medium::remember(path, None),
        Err(_) => {}
    }
}

/// Lints every file found, in parallel, calling `tick` after each file; applies the
/// per-file selections and the severity overrides of `settings`. `early` is the DICOMDIR
/// [`start_early`] began linting, if any.
pub fn check(
    found: Discovered,
    settings: &Settings,
    tick: &(dyn Fn() + Sync),
    early: Option<Early>,
) -> Report {
    let Discovered {
        files,
        notes,
        report,
    } = found;
    // No walk here gives the early DICOMDIR's check a listing: it lists for itself.
    if let Some(early) = &early {
        early.promise.withdraw();
    }
    // Where the early DICOMDIR is among the files found (it is linted already).
    let early_index = early
        .as_ref()
        .and_then(|early| files.iter().position(|(path, _)| *path == early.path));
    // Files in path order, which is the order of the records that reference them, so a
    // file-set check that waits for their facts follows close behind; DICOMDIRs (by name)
    // apart. Results go back to path order below.
    let (dicomdirs, others): (Vec<usize>, Vec<usize>) = (0..files.len())
        .filter(|&index| Some(index) != early_index)
        .partition(|&index| crate::directory::named_dicomdir(&files[index].0));
    // The media rules need what each file says about itself; gather it only when a
    // DICOMDIR is among the files and a media rule would judge its file-set.
    let gather = early.is_some()
        || dicomdirs
            .iter()
            .any(|&index| crate::medium::selected(&settings.selection_for(&files[index].0)));
    // A DICOMDIR's file-set is checked while the DICOMDIR is linted (the media hook), from
    // what the other files said. So with file-set checks, DICOMDIRs are linted on a thread
    // of their own, beside the others, and only there do file-set checks wait, file by
    // file, for the facts of files still being linted ([`crate::medium::hold`]). (A
    // DICOMDIR known only by its (0002,0002) is linted with the others and does not wait:
    // its check reads what is not remembered yet.) Without them, DICOMDIRs go first: one
    // takes many times an image header, and left to its place in path order (DICOMDIR
    // sorts after DICOM/) it would run alone on one core at the end.
    let (last, first) = if gather {
        (dicomdirs, others)
    } else {
        (Vec::new(), [dicomdirs, others].concat())
    };
    let lint = |&index: &usize| {
        let (path, explicit) = &files[index];
        let selection = settings.selection_for(path);
        let mut result = lint_file_facts(path, selection, *explicit, gather);
        if gather {
            remember(path, &mut result);
        }
        tick();
        (index, selection, result)
    };
    let results = if rayon::current_num_threads() == 1 {
        // One worker (RAYON_NUM_THREADS=1): no thread beside it either. The DICOMDIRs
        // come after the other files, whose facts are then all remembered.
        let mut results: Vec<_> = first.iter().map(lint).collect();
        results.extend(last.iter().map(lint));
        results
    } else {
        std::thread::scope(|scope| {
            // Released when the other files are done, or if linting them panics (so the
            // DICOMDIR thread never waits for ever).
            let hold = (!last.is_empty()).then(crate::medium::hold);
            let directories = scope.spawn(|| {
                crate::medium::wait_on_this_thread();
                last.iter().map(lint).collect::<Vec<_>>()
            });
            let mut results = in_order(&first, lint);
            drop(hold);
            let early = early.map(|Early { thread, hold, .. }| {
                drop(hold);
                thread.join()
            });
            match directories.join() {
                Ok(late) => results.extend(late),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            match (early, early_index) {
                (Some(Ok(result)), Some(index)) => {
                    tick();
                    results.push((index, settings.selection_for(&files[index].0), result));
                }
                (Some(Err(panic)), _) => std::panic::resume_unwind(panic),
                // Not among the files found (it went while the walk ran): not reported.
                _ => {}
            }
            results
        })
    };
    assemble(files, results, notes, report, settings)
}

/// Lints every file under directory `dir` while `dir` is still being walked, beside its
/// DICOMDIR (`early`, already being linted): the walk, which [`check`] must finish
/// before any file is linted, takes a few milliseconds of one core for every thousand
/// files. Files are handed to the workers in path order as the walk finds them; the
/// walk's count goes to `walked` when it ends. A DICOMDIR other than `early` (the root of
/// another file-set inside `dir`) is linted by a worker like any file: its file-set
/// check reads what was not remembered yet.
pub fn check_walking(
    dir: &Path,
    settings: &Settings,
    tick: &(dyn Fn() + Sync),
    early: Early,
    walked: &(dyn Fn(usize) + Sync),
) -> Report {
    let feed = Feed::default();
    let Early {
        path,
        thread,
        hold,
        promise,
    } = early;
    // Compared as bytes: the walk names it as `start_early` did (`dir` joined with it).
    let is_early = |file: &Path| file.as_os_str() == path.as_os_str();
    let (results, notes, report) = std::thread::scope(|scope| {
        let walker = scope.spawn(|| {
            let mut report = Report::default();
            let mut notes = Vec::new();
            walk_feeding(dir, &feed, &mut report, &mut notes, walked, promise);
            (report, notes)
        });
        let mut results = feed_in_order(&feed, |index, (file, explicit)| {
            if is_early(file) {
                return None;
            }
            let selection = settings.selection_for(file);
            let mut result = lint_file_facts(file, selection, *explicit, true);
            remember(file, &mut result);
            tick();
            Some((index, selection, result))
        });
        drop(hold);
        let early = thread.join();
        let (report, notes) = match walker.join() {
            Ok(walked) => walked,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        match (early, feed.position(is_early)) {
            (Ok(result), Some(index)) => {
                tick();
                results.push((index, settings.selection_for(&path), result));
            }
            (Err(panic), _) => std::panic::resume_unwind(panic),
            // Not found by the walk (it went meanwhile): not reported.
            (Ok(_), None) => {}
        }
        (results, notes, report)
    });
    assemble(feed.into_files(), results, notes, report, settings)
}

/// The files a walk still going on has found, for workers to take in order.
#[derive(Debug, Default)]
struct Feed {
    /// The files found so far, in path order, and whether the walk has ended.
    state: std::sync::Mutex<(Vec<(PathBuf, bool)>, bool)>,
    /// Signalled when files are added or the walk ends.
    more: std::sync::Condvar,
}

impl Feed {
    /// Adds `files` (emptying it); with `last`, says the walk has ended.
    fn publish(&self, files: &mut Vec<(PathBuf, bool)>, last: bool) {
        if let Ok(mut state) = self.state.lock() {
            state.0.append(files);
            state.1 |= last;
        }
        self.more.notify_all();
    }

    /// File `index`, waiting for the walk to find it; `None` when the walk ended first.
    fn take(&self, index: usize) -> Option<(PathBuf, bool)> {
        let mut state = self.state.lock().ok()?;
        loop {
            if let Some(file) = state.0.get(index) {
                return Some(file.clone());
            }
            if state.1 {
                return None;
            }
            state = self.more.wait(state).ok()?;
        }
    }

    /// Where a file found by the walk is, by a test of its path.
    fn position(&self, found: impl Fn(&Path) -> bool) -> Option<usize> {
        let state = self.state.lock().ok()?;
        state.0.iter().position(|(path, _)| found(path))
    }

    /// The files found.
    fn into_files(self) -> Vec<(PathBuf, bool)> {
        self.state
            .into_inner()
            .map(|state| state.0)
            .unwrap_or_default()
    }
}

/// Ends a [`Feed`] when dropped, so workers waiting on it never wait for ever (should the
/// walk panic).
struct Ending<'f>(&'f Feed);

impl Drop for Ending<'_> {
    fn drop(&mut self) {
        self.0.publish(&mut Vec::new(), true);
    }
}

/// `f` of every file of `feed`, on every rayon thread, as [`in_order`] does, taking
/// each file as the walk finds it; `None`s are left out.
fn feed_in_order<T: Send>(
    feed: &Feed,
    f: impl Fn(usize, &(PathBuf, bool)) -> Option<T> + Sync,
) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().max(1);
    let done: Vec<Vec<T>> = (0..workers)
        .into_par_iter()
        .map(|_| {
            let mut out = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = feed.take(index) else {
                    break;
                };
                out.extend(f(index, &file));
            }
            out
        })
        .collect();
    done.into_iter().flatten().collect()
}

/// Walks `root` as [`walk`] does, in path order (each directory's names sorted), handing
/// the files to `feed` a few at a time; tells `walked` how many there were, and gives the
/// file-set check of `root`'s DICOMDIR the listing `promise`d.
fn walk_feeding(
    root: &Path,
    feed: &Feed,
    report: &mut Report,
    notes: &mut Vec<(PathBuf, Diagnostic)>,
    walked: &(dyn Fn(usize) + Sync),
    promise: crate::medium::Promise,
) {
    let _ending = Ending(feed);
    let mut listing = crate::medium::Listing::default();
    let walker = sorted_walk(root);
    let mut batch = Vec::new();
    let mut count = 0usize;
    for entry in walker {
        if let Ok(entry) = &entry {
            listing.note(root, entry);
        }
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if let Some(note) = non_utf8_note(&entry) {
                    notes.push(note);
                }
                batch.push((entry.into_path(), false));
                count += 1;
                // A few at a time: waking the workers per file would cost a system call
                // per file.
                if batch.len() >= 16 {
                    feed.publish(&mut batch, false);
                }
            }
            Ok(_) => {}
            Err(error) => walk_error(root, &error, report),
        }
    }
    feed.publish(&mut batch, true);
    crate::medium::offer_listing(promise, listing);
    walked(count);
}

/// The walk of [`walk_feeding`]: links followed, sorted as it goes (the workers take
/// files in order), unlike [`walk`]. Names in one directory share its path: comparing
/// whole paths as bytes orders them as their names, without `sort_by_file_name`'s parse
/// of both paths per comparison.
pub(crate) fn sorted_walk(root: &Path) -> WalkDir {
    WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
}

/// What linting file `index` (of the files found) gave, and under which selection.
type Outcome = (usize, Selection, Linted);

/// The report of a run from its files (in path order) and what linting each gave (in any
/// order, one per file): the CLI's notes on each file joined to its findings, the
/// per-file selections and the severity overrides of `settings` applied.
fn assemble(
    files: Vec<(PathBuf, bool)>,
    mut results: Vec<Outcome>,
    mut notes: Vec<(PathBuf, Diagnostic)>,
    mut report: Report,
    settings: &Settings,
) -> Report {
    results.sort_by_key(|(index, _, _)| *index);
    report.files.reserve(results.len());
    let results = results
        .into_iter()
        .map(|(_, selection, result)| (selection, result));
    for ((path, _), (selection, result)) in files.into_iter().zip(results) {
        match result {
            Ok(Some((found, _))) => {
                let Findings {
                    mut diagnostics,
                    directory,
                } = found;
                // The CLI's notes on this file (rare: names that are not UTF-8) go first.
                if notes.iter().any(|(p, _)| *p == path) {
                    let mut own: Vec<Diagnostic> = Vec::new();
                    notes.retain(|(p, d)| {
                        if *p == path {
                            own.push(d.clone());
                            false
                        } else {
                            true
                        }
                    });
                    own.append(&mut diagnostics);
                    diagnostics = own;
                }
                // The CLI's own findings (file names, deflate) bypass the linter's
                // selection, so per-file ignores are applied to them here.
                diagnostics.retain(|d| selection.contains(d.rule));
                for d in &mut diagnostics {
                    d.severity = settings.severity.of(d.rule);
                }
                report.files.push(FileReport {
                    path,
                    diagnostics,
                    directory,
                });
            }
            Ok(None) => report.skipped += 1,
            Err(error) => report.io.push((path, error.to_string())),
        }
    }
    report.severity = settings.severity.clone();
    report
}

/// `f` of every item, on every rayon thread, the items taken in their order (a shared
/// counter hands out the next one): unlike rayon's splitting of the slice, the files are
/// done roughly in order, which a file-set check waiting for their facts relies on. The
/// results come in no particular order.
fn in_order<T: Send>(items: &[usize], f: impl Fn(&usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().max(1);
    let done: Vec<Vec<T>> = (0..workers)
        .into_par_iter()
        .map(|_| {
            let mut out = Vec::new();
            while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
                out.push(f(item));
            }
            out
        })
        .collect();
    done.into_iter().flatten().collect()
}

fn walk(
    root: &Path,
    files: &mut Vec<(PathBuf, bool)>,
    report: &mut Report,
    notes: &mut Vec<(PathBuf, Diagnostic)>,
) {
    // Not sorted by walkdir, which compares `Path::file_name`s (a parse of both paths per
    // comparison, the largest cost of the walk); the files are put in walk order below,
    // by a key that compares as the components do.
    let walker = WalkDir::new(root).follow_links(true);
    let first = files.len();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if let Some(note) = non_utf8_note(&entry) {
                    notes.push(note);
                }
                files.push((entry.into_path(), false));
            }
            Ok(_) => {}
            Err(error) => walk_error(root, &error, report),
        }
    }
    if let Some(found) = files.get_mut(first..) {
        found.sort_by_cached_key(|(path, _)| walk_order(path));
    }
    report.io.sort_by_cached_key(|(path, _)| walk_order(path));
    report.loops.sort_by_cached_key(|path| walk_order(path));
    notes.sort_by_cached_key(|(path, _)| walk_order(path));
}

/// The note for a file whose name is not UTF-8.
fn non_utf8_note(entry: &walkdir::DirEntry) -> Option<(PathBuf, Diagnostic)> {
    // A UTF-8 path has a UTF-8 name; only other paths need the name parsed out.
    (entry.path().to_str().is_none() && entry.file_name().to_str().is_none()).then(|| {
        (
            entry.path().to_path_buf(),
            Diagnostic::note(
                &lint_rules::io::NON_UTF8_NAME,
                "the file name is not valid UTF-8; it is shown with replacement characters"
                    .to_owned(),
            ),
        )
    })
}

/// Reports a walk error: a symbolic-link loop, or a path that could not be read.
fn walk_error(root: &Path, error: &walkdir::Error, report: &mut Report) {
    let path = error.path().unwrap_or(root).to_path_buf();
    if error.loop_ancestor().is_some() {
        report.loops.push(path);
    } else {
        report.io.push((path, error.to_string()));
    }
}

/// A key that orders paths as a walk with each directory's names sorted does: the bytes
/// with each separator made the least byte, so `A/B` (a file in `A`) comes before `A-B`
/// as `A` does before `A-B`.
fn walk_order(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// A source read at offsets, which knows where it stands: a file just opened is read
/// from its start without a seek, and so is a window that follows the last (a system
/// call per file saved on a file-set of small files).
struct Positioned<R> {
    inner: R,
    pos: u64,
}

impl<R: Read + Seek> Positioned<R> {
    fn new(inner: R) -> Self {
        Positioned { inner, pos: 0 }
    }

    /// Moves to `offset` (a no-op when already there).
    fn seek_to(&mut self, offset: u64) -> io::Result<()> {
        if self.pos != offset {
            self.pos = self.inner.seek(SeekFrom::Start(offset))?;
        }
        Ok(())
    }

    /// Reads the rest of the source into `buf`.
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<()> {
        let read = self.inner.read_to_end(buf)?;
        self.pos += read as u64;
        Ok(())
    }

    /// Reads up to `len` bytes at `offset` into `buf` (cleared first).
    fn read_at(&mut self, offset: u64, len: u64, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.clear();
        self.seek_to(offset)?;
        let read = (&mut self.inner).take(len).read_to_end(buf)?;
        self.pos += read as u64;
        Ok(())
    }
}

/// Lints one file (or standard input, for `-`); `None` when it was found by walking and
/// is not DICOM. With `gather`, the report comes with the facts the media rules need
/// ([`InstanceFacts`]), so a file-set check does not read the file again. The length
/// comes from the open handle (no path lookup of its own).
pub fn lint_file_facts(path: &Path, selection: Selection, explicit: bool, gather: bool) -> Linted {
    if path.as_os_str() == STDIN {
        // Standard input cannot seek: hold it in memory, which a Cursor can.
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        let total = bytes.len() as u64;
        return lint_source(
            path,
            io::Cursor::new(bytes),
            total,
            selection,
            explicit,
            gather,
        );
    }
    let file = File::open(path)?;
    let total = file.metadata()?.len();
    lint_source(path, file, total, selection, explicit, gather)
}

/// Lints `total` bytes read from `file`.
fn lint_source<R: Read + Seek>(
    path: &Path,
    file: R,
    total: u64,
    selection: Selection,
    explicit: bool,
    gather: bool,
) -> Linted {
    let mut buf = Vec::with_capacity(CHUNK as usize);
    let mut facts = gather.then(Box::<InstanceFacts>::default);
    let mut file = Positioned::new(file);
    file.read_at(0, CHUNK, &mut buf)?;
    // A file that is no DICOM at all gets the parse findings, not the tree checks.
    let dicom = looks_like_dicom(&buf, total);
    if !explicit && !dicom {
        return Ok(None);
    }
    let mut linter = Linter::<{ lint_core::parser::DEFAULT_DEPTH }>::new(total, selection);
    let mut offset = 0u64;
    let mut inflated = false;
    let mut dicomdir = crate::directory::named_dicomdir(path);
    // Directory records seen on the way, to size the scratch of the tree checks.
    let mut records = 0usize;
    // A DICOMDIR by name is read whole at once when there is more than one worker: its
    // tree and file-set checks then run on a thread beside its stream lint (which reads
    // the same bytes), not after it. That chain is the longest single piece of a run.
    let whole = if dicom && dicomdir && rayon::current_num_threads() > 1 {
        let mut bytes = Vec::new();
        file.seek_to(0)?;
        file.read_to_end(&mut bytes)?;
        Some(bytes)
    } else {
        None
    };
    let (mut diagnostics, early) = std::thread::scope(|scope| -> io::Result<_> {
        let mut diagnostics = Vec::new();
        let early = whole.as_deref().map(|bytes| {
            let waits = crate::medium::waits_on_this_thread();
            scope.spawn(move || {
                if waits {
                    crate::medium::wait_on_this_thread();
                }
                crate::directory::check(path, bytes, selection, item_count(bytes))
            })
        });
        // The bytes the linter reads: the whole file if read, else windows of it.
        let mut whole_window = whole.is_some();
        loop {
            let progress = {
                let window: &[u8] = match &whole {
                    Some(bytes) if whole_window => bytes,
                    _ => &buf,
                };
                let mut sink = |finding: &Finding<'_>| {
                    diagnostics.push(to_diagnostic(finding, window, offset, inflated));
                };
                let mut observe = |event: &Event<'_>, path: lint_core::parser::TagPath<'_>| {
                    dicomdir |= crate::directory::is_directory_class(event);
                    records += usize::from(crate::directory::is_record_start(event, path));
                    if let Some(facts) = facts.as_deref_mut() {
                        facts.feed(event, path);
                    }
                };
                linter.run(window, offset, &mut sink, &mut observe)
            };
            match progress {
                Progress::Need { offset: at, len } => {
                    whole_window = false;
                    let before = (at, buf.len());
                    file.read_at(at, len.max(CHUNK), &mut buf)?;
                    offset = at;
                    if (buf.len() as u64) < len {
                        // The file shrank under us; say so rather than loop.
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            format!(
                                "file changed while being read (wanted {len} bytes at {}, got {})",
                                before.0,
                                buf.len()
                            ),
                        ));
                    }
                }
                Progress::Deflated(span) => {
                    let mut deflated = Vec::new();
                    file.seek_to(span.start)?;
                    file.read_to_end(&mut deflated)?;
                    match miniz_oxide::inflate::decompress_to_vec_with_limit(
                        &deflated,
                        MAX_INFLATED,
                    ) {
                        Ok(bytes) => {
                            whole_window = false;
                            buf = bytes;
                            offset = 0;
                            inflated = true;
                            linter.resume_inflated(buf.len() as u64);
                        }
                        Err(error) => {
                            let message =
                                format!("the deflated data set cannot be inflated: {error:?}");
                            let mut note = Diagnostic::note(&lint_rules::io::DEFLATE, message);
                            note.span = Some(span);
                            diagnostics.push(note);
                            let mut sink = |finding: &Finding<'_>| {
                                diagnostics.push(to_diagnostic(finding, &[], 0, false));
                            };
                            linter.finish(&mut sink);
                            break;
                        }
                    }
                }
                Progress::Done => break,
            }
        }
        let early = early.map(|thread| match thread.join() {
            Ok(checked) => checked,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        Ok((diagnostics, early))
    })?;
    // A DICOMDIR's tree lives in its offsets: read it whole and check the tree (and, through
    // the media hook, its file-set), unless that was done beside the stream lint. (A
    // deflated DICOMDIR has no offsets to follow: its early check is dropped.)
    let mut directory = None;
    if dicomdir && dicom && !inflated {
        let checked = match early {
            Some(checked) => checked,
            None => {
                let mut bytes = Vec::new();
                file.seek_to(0)?;
                file.read_to_end(&mut bytes)?;
                crate::directory::check(path, &bytes, selection, records)
            }
        };
        diagnostics.extend(checked.diagnostics);
        directory = Some(checked.tree);
    }
    Ok(Some((
        Findings {
            diagnostics,
            directory,
        },
        facts,
    )))
}

/// How many directory records `bytes` may hold, to size the tree checks' scratch before
/// the stream lint has counted them: its items (`FE FF 00 E0`, or `FF FE E0 00` big
/// endian), at most one per 64 bytes (a record with its required elements takes more).
/// Other items, or values holding the pattern, make it more; a short count only costs
/// the tree checks a second indexing pass.
fn item_count(bytes: &[u8]) -> usize {
    let items = memchr::memmem::find_iter(bytes, b"\xFE\xFF\x00\xE0").count()
        + memchr::memmem::find_iter(bytes, b"\xFF\xFE\xE0\x00").count();
    items.min(bytes.len() / 64)
}

/// An owned finding, with the bytes around its span taken from `window` (input bytes
/// from absolute `offset`).
pub(crate) fn to_diagnostic(
    finding: &Finding<'_>,
    window: &[u8],
    offset: u64,
    inflated: bool,
) -> Diagnostic {
    let context = finding.span.and_then(|span| {
        let start = span.start & !15;
        // One more line after the span, so a header is shown with the start of its value.
        let end = (span.end.max(span.start + 1).div_ceil(16) * 16 + 16).min(start + 64);
        let from = usize::try_from(start.checked_sub(offset)?).ok()?;
        let to = usize::try_from(end.checked_sub(offset)?)
            .ok()?
            .min(window.len());
        let bytes = window.get(from..to)?;
        (!bytes.is_empty()).then(|| (start, bytes.to_vec()))
    });
    // Text findings are reported while their element's value is in the window.
    let text = finding.text.and_then(|t| {
        let from = usize::try_from(t.value.start.checked_sub(offset)?).ok()?;
        let to = from.checked_add(usize::try_from(t.value.len()).ok()?)?;
        let at = finding
            .span
            .and_then(|s| s.start.checked_sub(t.value.start));
        Some(DecodedText::new(window.get(from..to)?, &t, at))
    });
    Diagnostic {
        rule: finding.rule,
        severity: finding.severity(),
        tag: finding.tag,
        tag_path: finding.tag.map(|_| finding.tag_path().to_string()),
        span: finding.span,
        message: finding.message.to_string(),
        context,
        inflated,
        text,
    }
}

/// Whether a file found by walking is DICOM: `DICM` at 128, or a data set whose first
/// elements parse cleanly, in ascending order, with tags the dictionary knows (any
/// binary file parses as a few implicit VR elements; few have dictionary tags).
pub fn looks_like_dicom(head: &[u8], total: u64) -> bool {
    if head.get(128..132) == Some(b"DICM") {
        return true;
    }
    let mut parser = Parser::<8>::new(total);
    let mut elements = 0;
    let mut last = None;
    loop {
        match parser.next(head, 0) {
            Step::Event(Event::Element(element)) => {
                let tag = element.header.tag;
                let public = lint_core::dictionary::lookup(tag).is_some();
                // A data set starts with standard elements (Specific Character Set, Image
                // Type, SOP Class…); private ones may follow.
                let known = public || (elements > 0 && tag.is_private());
                if last.is_some_and(|last| last >= tag) || !known {
                    return false;
                }
                last = Some(tag);
                elements += 1;
                if elements >= 4 {
                    return true;
                }
            }
            Step::Event(Event::StreamStart(_) | Event::DataSetStart(_) | Event::FileMetaEnd(_)) => {
            }
            Step::Event(_) => return elements > 0,
            Step::Error(error) if !error.fatal && elements == 0 => {}
            Step::Error(_) => return false,
            Step::Need { .. } | Step::End => return elements > 0,
        }
    }
}
