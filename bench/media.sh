#!/usr/bin/env bash
# Media benchmark (issue 2): generates 2,000 CT-like files (512×512, 16-bit, ~1 GB) and a
# DICOMDIR under bench/work, then reports files/s and peak RSS for
#   dcmlint check DIR          (this project, release build)
#   dcmdump -q +r +sd DIR       (DCMTK, parse only; apt-get install dcmtk)
#   reading each file's first 4 KiB (the floor for any header-only checker)
# Usage: bench/media.sh [FILES] [SIZE]      Runs warm (page cache); times are medians of
# 10 rounds of the three run in turn (bench/interleave.py).
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
size=${2:-512}
work=bench/work/media-$files-$size
cargo build --quiet --release -p lint-cli -p dcmlint-corpus
if [ ! -f "$work/DICOMDIR" ]; then
  rm -rf "$work"
  ./target/release/bench-media "$work" "$files" "$size"
fi
du -sh "$work"
n=$(find "$work" -type f | wc -l)

rss() { # peak RSS (KB) of "$@"
  /usr/bin/time -f "%M" -o /tmp/bench.time "$@" >/dev/null 2>&1 || true
  tail -1 /tmp/bench.time
}

cat "$work"/DICOM/*/*/*/* >/dev/null  # warm the page cache
head_cmd="sh -c \"find '$work' -type f -exec head -q -c 4096 {} + > /dev/null\""
mapfile -t times < <(python3 bench/interleave.py 10 "./target/release/dcmlint check $work" \
  "dcmdump -q +r +sd $work" "$head_cmd")
t_lint=${times[0]} t_dump=${times[1]} t_head=${times[2]}
rss_lint=$(rss ./target/release/dcmlint check "$work")
rss_dump=$(rss dcmdump -q +r +sd "$work")

python3 - "$n" "$t_lint" "$rss_lint" "$t_dump" "$rss_dump" "$t_head" <<'PY'
import sys
n, tl, rl, td, rd, th = int(sys.argv[1]), *map(float, sys.argv[2:])
fps = lambda t: n / t if t > 0 else float("inf")
print(f"files: {n}")
print(f"dcmlint check      {tl:7.3f} s  {fps(tl):9.0f} files/s  peak RSS {rl/1024:6.1f} MB")
print(f"dcmdump -q +r +sd  {td:7.3f} s  {fps(td):9.0f} files/s  peak RSS {rd/1024:6.1f} MB")
print(f"first 4 KiB read   {th:7.3f} s  {fps(th):9.0f} files/s")
print(f"dcmlint vs dcmdump: {td/tl if tl else float('inf'):.1f}x the files/s (target >= 10x)")
print(f"dcmlint vs 4 KiB read: {tl/th if th else float('inf'):.2f}x the time (target <= 3x)")
PY
