#!/usr/bin/env sh
# Seeds the fuzz corpus from dcmlint's generated corpus: ./fuzz/seed.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/corpus/parse_and_lint"
find "$here/../corpus/files" "$here/../corpus/media" -type f ! -name '*.md' -exec cp {} "$here/corpus/parse_and_lint/" \;
cp "$here"/regressions/* "$here/corpus/parse_and_lint/" 2>/dev/null || true
echo "seeded $(ls "$here/corpus/parse_and_lint" | wc -l) inputs"
