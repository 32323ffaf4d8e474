//! Indexes and walks a large DICOMDIR and prints the time of each step and the peak RSS.
//!
//! Generate the input (100 patients × 10 studies × 10 series × 10 images, 111,100
//! records, 24 MB) once, then run the benchmark:
//!
//! ```sh
//! cargo run --release -p dcmlint-corpus --bin bench-dicomdir
//! cargo build --release -p lint-core --example dicomdir_walk
//! /usr/bin/time -v target/release/examples/dicomdir_walk bench/work/dicomdir-100k/DICOMDIR
//! ```
//!
//! The scratch is sized the way a caller without a bound must size it: a first pass with
//! no slots counts the records (the index says how many it saw), then the real pass.

use std::time::Instant;

use lint_core::dicomdir::{RecordIndex, RecordSlot, Walk, WalkEvent};

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench/work/dicomdir-100k/DICOMDIR".to_owned());
    let total = Instant::now();

    let t = Instant::now();
    let bytes = std::fs::read(&path)?;
    let read = t.elapsed();

    let t = Instant::now();
    let records = RecordIndex::read(&bytes, &mut []).seen() as usize;
    let count = t.elapsed();

    let t = Instant::now();
    let mut slots = vec![RecordSlot::EMPTY; records];
    let index = RecordIndex::read(&bytes, &mut slots);
    let indexed = t.elapsed();

    let t = Instant::now();
    let mut marks = vec![0u32; index.records().len()];
    let (mut entered, mut issues, mut deepest) = (0usize, 0usize, 0u32);
    for event in Walk::<16>::new(index, &mut marks) {
        match event {
            WalkEvent::EnterRecord { depth, .. } => {
                entered += 1;
                deepest = deepest.max(depth);
            }
            WalkEvent::LeaveRecord { .. } => {}
            WalkEvent::Issue(issue) => {
                if issues < 5 {
                    println!("issue: {issue}");
                }
                issues += 1;
            }
        }
    }
    let walked = t.elapsed();

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "{path}: {} bytes, {} records ({} kept), {entered} entered, depth {}, {issues} issues",
        bytes.len(),
        index.seen(),
        index.kept(),
        deepest + 1,
    );
    println!(
        "read {:.1} ms, count {:.1} ms, index {:.1} ms, walk {:.1} ms, total {:.1} ms",
        ms(read),
        ms(count),
        ms(indexed),
        ms(walked),
        ms(total.elapsed())
    );
    println!(
        "scratch: {} KiB of slots ({} bytes each), {} KiB of marks",
        size_of_val(slots.as_slice()) / 1024,
        size_of::<RecordSlot>(),
        size_of_val(marks.as_slice()) / 1024,
    );
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak RSS ({line})");
        }
    }
    Ok(())
}
