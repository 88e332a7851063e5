#!/usr/bin/env bash
# Benchmarks for ctoboard: each figure as a ratio to its anchor, run alternately. See Benchmarks/README.md.
#
#   Benchmarks/run.sh [--bin PATH] [--runs 15] [--warmup 2] [--out DIR]
#
# Builds the release binary (the one `make install` installs) unless --bin names one, builds
# the C floor (floor/flip.c), prepares the example pair and generated pairs of 20,000 and
# 100,000 tasks in DIR (default ${TMPDIR:-/tmp}/ctoboard-bench, outside any git repository),
# and prints one Markdown table.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BIN=""
RUNS=15
WARMUP=2
OUT="${TMPDIR:-/tmp}/ctoboard-bench"

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
log() { echo "[bench] $*" >&2; }
export LANG=C.UTF-8

# Inside a git work tree ctoboard keeps its state (lock, base snapshots) in that repository's
# .git, which would mix benchmark state into it.
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd -P)"
if git -C "$OUT" rev-parse --git-dir > /dev/null 2>&1; then
  echo "run.sh: $OUT is inside a git repository; use --out with a folder outside any repository." >&2
  exit 2
fi

BUILD=""
if [ -z "$BIN" ]; then
  log "building: swift build -c release --static-swift-stdlib --product ctoboard"
  (cd "$ROOT" && swift build -c release --static-swift-stdlib --product ctoboard) > "$OUT/build.log" 2>&1 ||
    { echo "run.sh: the release build failed; see $OUT/build.log" >&2; exit 1; }
  BIN="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --show-bin-path)/ctoboard"
  BUILD="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
fi
BIN="$(cd "$(dirname "$BIN")" && pwd -P)/$(basename "$BIN")"
[ -x "$BIN" ] || { echo "run.sh: no executable at $BIN" >&2; exit 2; }

log "building the C floor"
cc -O2 -o "$OUT/flip" "$HERE/floor/flip.c"

log "preparing the pairs in $OUT/data"
rm -rf "$OUT/data"
mkdir -p "$OUT/data/example"
cp -R "$ROOT/Examples/workspace/docs" "$OUT/data/example/"
for n in 20000 100000; do
  python3 "$HERE/generate.py" "$OUT/data/$n" --tasks "$n" --quiet
done

log "timing ($RUNS alternating runs per figure)"
python3 "$HERE/compare.py" --bin "$BIN" --flip "$OUT/flip" --data "$OUT/data" \
  --runs "$RUNS" --warmup "$WARMUP" --build "$BUILD"
