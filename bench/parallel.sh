#!/usr/bin/env bash
# Parallel speed-up (issue 6): `dcmlint check` on the 2,000-file media set of bench/media.sh
# with one worker thread (RAYON_NUM_THREADS=1) and with all cores, warm page cache.
# Also pinned to one core (taskset -c 0, all threads on it). Prints the mean and median
# of each (hyperfine, 100 runs), the ratios (target >= 1.7x on 2 cores), and whether the
# outputs are byte-identical in every format.
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
hyperfine -N --warmup 5 --runs 100 --export-json /tmp/parallel.json --style none \
  "env RAYON_NUM_THREADS=1 $bin check --no-config $work" "$bin check --no-config $work" \
  "taskset -c 0 $bin check --no-config $work" >/dev/null
python3 - <<'PY'
import json, statistics
one, many, pinned = json.load(open("/tmp/parallel.json"))["results"]
for name, r in (("1 thread  ", one), ("all cores ", many), ("1 core    ", pinned)):
    print(f"{name}  mean {r['mean']*1e3:6.1f} ms  median {r['median']*1e3:6.1f} ms  min {r['min']*1e3:6.1f} ms")
print(f"speed-up over RAYON_NUM_THREADS=1: {one['mean']/many['mean']:.2f}x by mean, {one['median']/many['median']:.2f}x by median (target >= 1.7x)")
print(f"speed-up over taskset -c 0:        {pinned['mean']/many['mean']:.2f}x by mean, {pinned['median']/many['median']:.2f}x by median")
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
