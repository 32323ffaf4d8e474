//! dcmlint on a microcontroller: lints DICOM files held in flash with `lint-rules`, no
//! heap, findings printed through semihosting, then reports the stack it used. A DICOMDIR
//! is also checked as a directory (offsets, cycles, Table F.4-1, keys) with
//! `lint_rules::dicomdir::check_directory` over fixed scratch arrays: bounded RAM whatever
//! the file holds (more records than slots draw `dicomdir/incomplete`, not a fault).
//!
//! Run with `cargo run --release` in this directory (needs `qemu-system-arm`).
#![no_std]
#![no_main]

use core::fmt::Write;

use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hio};
use lint_core::dicomdir::RecordSlot;
use lint_rules::dicomdir::{KeyEntry, check_directory};
use lint_rules::{Finding, Selection, lint_bytes};

/// Directory records the scratch below holds: the bundled DICOMDIRs have fewer.
const RECORDS: usize = 64;

/// Files to lint: a clean Japanese name, the bundled DICOMDIR, two broken names, and a
/// DICOMDIR whose next-record offsets form a cycle.
const FILES: &[(&str, &[u8])] = &[
    (
        "clean/japanese-iso2022.dcm",
        include_bytes!("../../corpus/files/clean/japanese-iso2022.dcm"),
    ),
    (
        "media/sample/DICOMDIR",
        include_bytes!("../../corpus/media/sample/DICOMDIR"),
    ),
    (
        "charset/shift-jis-under-iso2022.dcm",
        include_bytes!("../../corpus/files/charset/shift-jis-under-iso2022.dcm"),
    ),
    (
        "charset/no-return-before-caret.dcm",
        include_bytes!("../../corpus/files/charset/no-return-before-caret.dcm"),
    ),
    (
        "dicomdir/cycle/DICOMDIR",
        include_bytes!("../../corpus/files/dicomdir/cycle/DICOMDIR"),
    ),
];

/// Fills the unused stack with a pattern so the high-water mark can be read afterwards.
fn paint_stack() -> (usize, usize) {
    unsafe extern "C" {
        static _stack_start: u32;
        static _stack_end: u32;
    }
    let top = &raw const _stack_start as usize;
    let bottom = &raw const _stack_end as usize;
    let here = cortex_m::register::msp::read() as usize;
    let mut p = bottom;
    // Leave a margin below the current frame.
    while p < here - 256 {
        // SAFETY: [bottom, here - 256) is stack memory not in use.
        unsafe { core::ptr::write_volatile(p as *mut u32, 0xDEAD_BEEF) };
        p += 4;
    }
    (bottom, top)
}

fn stack_used((bottom, top): (usize, usize)) -> usize {
    let mut p = bottom;
    // SAFETY: reading the stack region painted above.
    while p < top && unsafe { core::ptr::read_volatile(p as *const u32) } == 0xDEAD_BEEF {
        p += 4;
    }
    top - p
}

#[entry]
fn main() -> ! {
    // The directory scratch lives in this frame, above the painted stack: it is reported
    // on its own, not in the high-water mark.
    let mut slots = [RecordSlot::EMPTY; RECORDS];
    let mut marks = [0u32; RECORDS];
    let mut keys = [KeyEntry::EMPTY; RECORDS];
    let scratch = core::mem::size_of_val(&slots)
        + core::mem::size_of_val(&marks)
        + core::mem::size_of_val(&keys);
    let stack = paint_stack();
    let mut out = hio::hstdout().unwrap_or_else(|_| debug_exit(false));
    let mut total = 0;
    for (name, bytes) in FILES {
        let _ = writeln!(out, "{name} ({} bytes)", bytes.len());
        let mut count = 0;
        let mut sink = |f: &Finding<'_>| {
            count += 1;
            let _ = writeln!(
                out,
                "  {} [{}] {}: {}",
                f.severity(),
                f.rule.id,
                f.tag_path(),
                f.message
            );
        };
        lint_bytes(bytes, Selection::all(), &mut sink);
        if name.ends_with("DICOMDIR") {
            let selection = Selection::all();
            check_directory(
                bytes, &mut slots, &mut marks, &mut keys, &selection, &mut sink,
            );
        }
        let _ = writeln!(out, "  {count} finding(s)");
        total += count;
    }
    let _ = writeln!(
        out,
        "{total} findings; stack high-water mark {} bytes; DICOMDIR scratch {scratch} bytes ({RECORDS} records); no heap",
        stack_used(stack)
    );
    debug_exit(true)
}

fn debug_exit(ok: bool) -> ! {
    debug::exit(if ok {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {}
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    debug_exit(false)
}
