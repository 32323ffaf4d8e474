//! Replays every input saved under `fuzz/regressions/` (crashes and hangs the fuzzer
//! once found) through the parser and all rules, whole and in small windows.

use lint_core::parser::{Event, Events, Parser, Step};
use lint_rules::{Finding, Selection, lint_bytes};

fn replay(data: &[u8]) {
    let mut findings = 0usize;
    let mut sink = |_: &Finding<'_>| findings += 1;
    lint_bytes(data, Selection::all(), &mut sink);
    let whole = Events::<16>::new(data)
        .filter(|e| matches!(e, Ok(Event::Element(_))))
        .count();
    let mut parser = Parser::<16>::new(data.len() as u64);
    let (mut offset, mut size, mut elements, mut steps) = (0usize, 24usize, 0usize, 0usize);
    loop {
        steps += 1;
        assert!(steps < data.len() * 8 + 64, "no progress");
        let end = (offset + size).min(data.len());
        match parser.next(&data[offset..end], offset as u64) {
            Step::Event(Event::Element(_)) => elements += 1,
            Step::Need { offset: at, len } => {
                offset = at as usize;
                size = size.max(len as usize);
            }
            Step::End => break,
            _ => {}
        }
    }
    assert_eq!(whole, elements);
}

#[test]
fn fuzz_regressions_replay() {
    let dir = dcmlint_tests::workspace().join("fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        replay(&std::fs::read(&path).unwrap());
        n += 1;
    }
    // The corpus files too: every one must replay cleanly.
    for dir in [
        "corpus/files/parse",
        "corpus/files/meta",
        "corpus/files/clean",
    ] {
        for entry in std::fs::read_dir(dcmlint_tests::workspace().join(dir)).unwrap() {
            replay(&std::fs::read(entry.unwrap().path()).unwrap());
            n += 1;
        }
    }
    assert!(n > 20);
}
