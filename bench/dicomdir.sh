#!/usr/bin/env bash
# DICOMDIR benchmark (issue 5): generates a DICOMDIR of 111,100 records (100 patients ×
# 10 studies × 10 series × 10 images, with their patient/study/series records; no image
# files) and the same with a cycle of next offsets at the end of the walk, then reports
# the wall time (hyperfine mean of 10 warm runs) and peak RSS of `dcmlint check` on each.
# Targets: < 1 s and < 64 MB for the 100k DICOMDIR. The file-set checks (media/*) are
# left out: there are no image files, they would only report 100,000 missing files
# (bench/fileset.sh measures them on a real file-set).
# Usage: bench/dicomdir.sh [PATIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-100}
work=bench/work/dicomdir-$patients
target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --release -p lint-cli -p dcmlint-corpus
"$target/release/bench-dicomdir" "$work/plain/DICOMDIR" "$patients"
"$target/release/bench-dicomdir" "$work/cycle/DICOMDIR" "$patients" 10 10 10 --cycle

measure() { # prints "mean-seconds peak-RSS-KB" for dcmlint check "$1"
  hyperfine --warmup 2 --runs 10 --ignore-failure --export-json /tmp/bench-dicomdir.json \
    --style none "$target/release/dcmlint check -q --ignore media $1" >/dev/null 2>&1
  /usr/bin/time -f "%M" -o /tmp/bench-dicomdir.time "$target/release/dcmlint" check -q --ignore media "$1" >/dev/null 2>&1 || true
  python3 -c "import json; print(json.load(open('/tmp/bench-dicomdir.json'))['results'][0]['mean'], open('/tmp/bench-dicomdir.time').read().strip().splitlines()[-1])"
}

read -r t_plain rss_plain < <(measure "$work/plain/DICOMDIR")
read -r t_cycle rss_cycle < <(measure "$work/cycle/DICOMDIR")
findings=$({ "$target/release/dcmlint" check --format json --ignore media "$work/cycle/DICOMDIR" || true; } | python3 -c "import json,sys; print(sorted({d['rule'] for d in json.load(sys.stdin)['diagnostics']}))")
size=$(stat -c %s "$work/plain/DICOMDIR")
python3 - "$size" "$t_plain" "$rss_plain" "$t_cycle" "$rss_cycle" "$findings" <<'PY'
import sys
size, tp, rp, tc, rc, findings = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
print(f"DICOMDIR: {size / 1e6:.1f} MB, 111,100 records (at 100 patients)")
print(f"dcmlint check          {tp:6.3f} s  peak RSS {rp / 1024:6.1f} MB  (targets < 1 s, < 64 MB)")
print(f"dcmlint check (cycle)  {tc:6.3f} s  peak RSS {rc / 1024:6.1f} MB  findings {findings}")
PY
