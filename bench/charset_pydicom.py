"""The Python peer of lint-core's charset_throughput example: the same values, decoded by
pydicom (pydicom.charset.decode_bytes, which handles ISO 2022 escapes and delimiters the
way pydicom's readers do). Prints MB/s per case, one line each, as `CASE MBPS`.

Usage: python3 bench/charset_pydicom.py [MEGABYTES]   (default 20; the rate is per byte)
"""
import sys
import time

from pydicom.charset import convert_encodings, decode_bytes

MB = int(sys.argv[1]) if len(sys.argv) > 1 else 20
TARGET = MB * 1024 * 1024

ISO_LT = [
    b"Patient reports pain. ",
    b"\x1b$B46<T$O6;$NDK$_$rCJ$($F$$$k!#F|K\\8l$N%F%-%9%H$G$9!#\x1b(B ",
    b"BP 120/80 mmHg \x1b$B7l05$O@5>o!#<!2s$N?GNE$O0l=54V8e!#\x1b(B\r\n",
    b"\x1b$B;3ED\x1b(B \x1b$BB@O:\x1b(B: \x1b$B$d$^$@\x1b(B \x1b$B$?$m$&\x1b(B\r\n",
]
ISO_PN = [b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B"]
UTF8_LT = [
    "Patient reports pain. ".encode(),
    "患者は胸の痛みを訴えている。日本語のテキストです。".encode(),
    "BP 120/80 mmHg 血圧は正常。次回の診療は一週間後。\r\n".encode(),
    "山田 太郎: やまだ たろう\r\n".encode(),
]
UTF8_PN = ["Yamada^Tarou=山田^太郎=やまだ^たろう".encode()]


def corpus(pieces, value_len):
    """Values of about value_len bytes built from pieces in turn (as the Rust example)."""
    values, cur, total, i = [], [], 0, 0
    while total < TARGET:
        piece = pieces[i % len(pieces)]
        cur.append(piece)
        total += len(piece)
        i += 1
        if sum(map(len, cur)) >= value_len:
            values.append(b"".join(cur))
            cur = []
    if cur:
        values.append(b"".join(cur))
    return values


def run(name, term, delimiters, values):
    encodings = convert_encodings(term)
    size = sum(map(len, values))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for value in values:
            decode_bytes(value, encodings, delimiters)
        best = min(best, time.perf_counter() - start)
    print(f"{name} {size / best / 1e6:.1f}")


PN = {0x5E, 0x3D}
run("iso-lt", ["", "ISO 2022 IR 87"], set(), corpus(ISO_LT, 1024))
run("iso-pn", ["", "ISO 2022 IR 87"], PN, corpus(ISO_PN, 1))
run("utf8-lt", ["ISO_IR 192"], set(), corpus(UTF8_LT, 1024))
run("utf8-pn", ["ISO_IR 192"], PN, corpus(UTF8_PN, 1))
