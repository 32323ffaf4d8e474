#!/usr/bin/env bash
# Parallel speed-up (issue 6): `dcmlint check` on the 2,000-file media set of bench/media.sh
# with one worker thread (RAYON_NUM_THREADS=1) and with all cores, warm page cache.
# Also pinned to one core (taskset -c 0, all threads on it). Prints the median of each
# (100 rounds of the three run in turn, bench/interleave.py), the ratios (target >= 1.7x
# on 2 cores), and whether the outputs are byte-identical in every format.
# Usage: bench/parallel.sh [FILES] [SIZE]     Run on an otherwise idle machine.
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
bin=./target/release/dcmlint
cat "$work"/DICOM/*/*/*/* >/dev/null  # warm the page cache
echo "cores: $(nproc)"
# The three in turn, 100 rounds, medians (bench/interleave.py says why not hyperfine).
mapfile -t times < <(python3 bench/interleave.py 100 "env RAYON_NUM_THREADS=1 $bin check --no-config $work" \
  "$bin check --no-config $work" "taskset -c 0 $bin check --no-config $work")
python3 - "${times[@]}" <<'PY'
import sys
one, many, pinned = map(float, sys.argv[1:])
for name, t in (("1 thread  ", one), ("all cores ", many), ("1 core    ", pinned)):
    print(f"{name}  median {t*1e3:6.1f} ms")
print(f"speed-up over RAYON_NUM_THREADS=1: {one/many:.2f}x by median (target >= 1.7x)")
print(f"speed-up over taskset -c 0:        {pinned/many:.2f}x by median")
PY
for format in human json sarif github junit; do
  RAYON_NUM_THREADS=1 $bin check --no-config --format $format "$work" >/tmp/parallel.1 2>&1 || true
  $bin check --no-config --format $format "$work" >/tmp/parallel.n 2>&1 || true
  if cmp -s /tmp/parallel.1 /tmp/parallel.n; then
    echo "$format: byte-identical ($(wc -c </tmp/parallel.1) bytes)"
  else
    echo "$format: OUTPUTS DIFFER"; exit 1
  fi
done
