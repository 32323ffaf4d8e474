#!/usr/bin/env bash
# File-set benchmark (issue 5): a generated file-set of FILES small CT images (SIZE×SIZE
# 16-bit pixels, default 10,000 of 64×64) and their DICOMDIR under bench/work, checked end
# to end. Reports files/s and peak RSS of
#   dcmlint check DIR                  every rule, the media/* file-set checks included
#   dcmlint check --ignore media DIR   the same without the file-set checks
#   dcmdump -q +r +sd DIR              DCMTK parsing every file (apt-get install dcmtk)
# and the ratio dcmlint/dcmdump (target >= 10x). Warm page cache; times are medians of
# 10 rounds of the three run in turn (bench/interleave.py).
# Usage: bench/fileset.sh [FILES] [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-10000}
size=${2:-64}
target=${CARGO_TARGET_DIR:-target}
work=bench/work/fileset-$files-$size
cargo build --quiet --release -p lint-cli -p dcmlint-corpus
if [ ! -f "$work/DICOMDIR" ]; then
  rm -rf "$work"
  "$target/release/bench-media" "$work" "$files" "$size"
fi
du -sh "$work"
n=$(find "$work" -type f | wc -l)
dcmlint="$target/release/dcmlint"

# The file-set must be clean: a benchmark of a run that reports findings measures output.
"$dcmlint" check "$work" | tail -1

rss() { # peak RSS (KB) of "$@"
  /usr/bin/time -f "%M" -o /tmp/fileset.time "$@" >/dev/null 2>&1 || true
  tail -1 /tmp/fileset.time
}

find "$work" -type f -exec cat {} + >/dev/null  # warm the page cache
# The three in turn, 10 rounds, medians (bench/interleave.py says why not hyperfine).
mapfile -t times < <(python3 bench/interleave.py 10 "$dcmlint check $work" \
  "$dcmlint check --ignore media $work" "dcmdump -q +r +sd $work")
t_all=${times[0]} t_nomedia=${times[1]} t_dump=${times[2]}
rss_all=$(rss "$dcmlint" check "$work")
rss_nomedia=$(rss "$dcmlint" check --ignore media "$work")
rss_dump=$(rss dcmdump -q +r +sd "$work")

python3 - "$n" "$t_all" "$rss_all" "$t_nomedia" "$rss_nomedia" "$t_dump" "$rss_dump" <<'PY'
import sys
n = int(sys.argv[1])
ta, ra, tn, rn, td, rd = map(float, sys.argv[2:])
fps = lambda t: n / t if t > 0 else float("inf")
print(f"files: {n} (DICOMDIR included)")
print(f"dcmlint check                 {ta:7.3f} s  {fps(ta):9.0f} files/s  peak RSS {ra/1024:6.1f} MB")
print(f"dcmlint check --ignore media  {tn:7.3f} s  {fps(tn):9.0f} files/s  peak RSS {rn/1024:6.1f} MB")
print(f"dcmdump -q +r +sd             {td:7.3f} s  {fps(td):9.0f} files/s  peak RSS {rd/1024:6.1f} MB")
print(f"file-set checks cost: {ta - tn:+.3f} s ({(ta / tn - 1) * 100 if tn else 0:+.0f}%)")
print(f"dcmlint vs dcmdump: {td / ta if ta else float('inf'):.1f}x the files/s (target >= 10x)")
PY
