//! Parser + every rule over arbitrary bytes: no panic, no hang, and the windowed parser
//! (as the CLI drives it, refilling small windows on `Need`) sees the same structure as
//! the whole-input parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lint_core::parser::{Event, Events, Parser, Step};
use lint_rules::{Finding, Selection, lint_bytes};

/// A comparable summary of an event (values may differ: bulk data outside a window is
/// skipped and reported as `None`).
fn shape(event: &Event<'_>) -> (u8, u32, u64) {
    match event {
        Event::Element(e) => (1, e.header.tag.as_u32(), e.value_span.start),
        Event::SequenceStart(s) => (2, s.header.tag.as_u32(), s.header.span.start),
        Event::ItemStart(i) => (3, i.index, i.span.start),
        Event::ItemEnd(i) => (4, i.index, i.span.start),
        Event::SequenceEnd(s) => (5, s.items, s.span.start),
        Event::Fragment(f) => (6, f.index, f.header.start),
        _ => (0, 0, 0),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut findings = 0usize;
    let mut sink = |_: &Finding<'_>| findings += 1;
    lint_bytes(data, Selection::all(), &mut sink);

    let whole: Vec<_> = Events::<16>::new(data)
        .map(|step| step.map(|e| shape(&e)).map_err(|e| (e.kind, e.at)))
        .collect();
    let mut parser = Parser::<16>::new(data.len() as u64);
    let mut windowed = Vec::new();
    let (mut offset, mut size) = (0usize, 24usize);
    loop {
        let end = (offset + size).min(data.len());
        match parser.next(&data[offset..end], offset as u64) {
            Step::Event(e) => windowed.push(Ok(shape(&e))),
            Step::Error(e) => windowed.push(Err((e.kind, e.at))),
            Step::Need { offset: at, len } => {
                assert!(at as usize + len as usize <= data.len(), "asked past the end");
                assert!(windowed.len() < data.len() * 4 + 16, "no progress");
                offset = at as usize;
                size = size.max(len as usize);
            }
            Step::End => break,
        }
    }
    assert_eq!(whole, windowed);
});
