//! Throughput of character-set validation on one core: ~100 MB of ISO 2022 IR 87 text
//! (kanji, kana and ASCII with escape sequences) and ~100 MB of UTF-8 text, scanned to the
//! end token by token, as the rules' runner does (`Scanner::for_each_token`).
//!
//! Run with `cargo run --release -p lint-core --example charset_throughput` (or
//! `bench/charset.sh`, which adds pydicom's figures for the same values).

use std::hint::black_box;
use std::time::Instant;

use lint_core::charset::{SpecificCharacterSet, TextKind, Token, scan};

/// Bytes of text per case: 100 MiB, or `DCMLINT_BENCH_MB` MiB (small for callgrind).
fn target() -> usize {
    let mb = std::env::var("DCMLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok());
    mb.unwrap_or(100) * 1024 * 1024
}

/// Builds values of about `value_len` bytes from `pieces`, returned as (buffer, value ends).
fn corpus(pieces: &[&[u8]], value_len: usize) -> (Vec<u8>, Vec<usize>) {
    let target = target();
    let mut buf = Vec::with_capacity(target + value_len);
    let mut ends = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while buf.len() < target {
        buf.extend_from_slice(pieces[i % pieces.len()]);
        i += 1;
        if buf.len() - start >= value_len {
            ends.push(buf.len());
            start = buf.len();
        }
    }
    ends.push(buf.len());
    (buf, ends)
}

fn run(name: &str, cs: &SpecificCharacterSet, kind: TextKind, buf: &[u8], ends: &[usize]) {
    // `charset_throughput UTF-8` runs only the cases whose name contains "UTF-8".
    if std::env::args()
        .nth(1)
        .is_some_and(|only| !name.contains(&only))
    {
        return;
    }
    let mut best = f64::MAX;
    let mut invalid = 0;
    let mut chars = 0;
    for _ in 0..5 {
        invalid = 0;
        chars = 0;
        let t = Instant::now();
        let mut start = 0;
        for &end in ends {
            // As the rules' runner walks a value.
            scan(black_box(&buf[start..end]), cs, kind).for_each_token(|tok| match tok {
                Token::Invalid { .. } => invalid += 1,
                Token::Text { chars: n, .. } => chars += n,
                _ => {}
            });
            start = end;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name:<44} {:>6.1} MB in {:>6.1} ms: {:>5.2} GB/s ({} values, {chars} characters, {invalid} invalid)",
        buf.len() as f64 / 1e6,
        best * 1e3,
        buf.len() as f64 / best / 1e9,
        ends.len()
    );
    assert_eq!(invalid, 0);
}

fn main() {
    // ISO 2022 IR 87: a clinical-note style LT (ASCII, kanji, kana, CR LF resets) …
    let iso_lt: [&[u8]; 4] = [
        b"Patient reports pain. ",
        b"\x1b$B46<T$O6;$NDK$_$rCJ$($F$$$k!#F|K\\8l$N%F%-%9%H$G$9!#\x1b(B ",
        b"BP 120/80 mmHg \x1b$B7l05$O@5>o!#<!2s$N?GNE$O0l=54V8e!#\x1b(B\r\n",
        b"\x1b$B;3ED\x1b(B \x1b$BB@O:\x1b(B: \x1b$B$d$^$@\x1b(B \x1b$B$?$m$&\x1b(B\r\n",
    ];
    // … and Person Names (Example H.3-1, 60 bytes per value).
    let iso_pn: [&[u8]; 1] =
        [b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B"];
    let utf8_lt: [&[u8]; 4] = [
        "Patient reports pain. ".as_bytes(),
        "患者は胸の痛みを訴えている。日本語のテキストです。".as_bytes(),
        "BP 120/80 mmHg 血圧は正常。次回の診療は一週間後。\r\n".as_bytes(),
        "山田 太郎: やまだ たろう\r\n".as_bytes(),
    ];
    let utf8_pn: [&[u8]; 1] = ["Yamada^Tarou=山田^太郎=やまだ^たろう".as_bytes()];

    let jis = SpecificCharacterSet::from_value(b"\\ISO 2022 IR 87");
    let utf8 = SpecificCharacterSet::from_value(b"ISO_IR 192");
    let (b, e) = corpus(&iso_lt, 1024);
    run(
        "ISO 2022 IR 87, LT values of ~1 KiB",
        &jis,
        TextKind::FreeText,
        &b,
        &e,
    );
    let (b, e) = corpus(&iso_pn, 1);
    run(
        "ISO 2022 IR 87, PN values of 60 bytes",
        &jis,
        TextKind::PersonName,
        &b,
        &e,
    );
    let (b, e) = corpus(&utf8_lt, 1024);
    run(
        "UTF-8, LT values of ~1 KiB",
        &utf8,
        TextKind::FreeText,
        &b,
        &e,
    );
    let (b, e) = corpus(&utf8_pn, 1);
    run(
        "UTF-8, PN values of 64 bytes",
        &utf8,
        TextKind::PersonName,
        &b,
        &e,
    );
}
