#!/usr/bin/env bash
# Benchmarks for ctoboard. See Benchmarks/README.md.
#
#   Benchmarks/run.sh [--sizes "200 2000 20000 100000"] [--runs 15] [--warmup 1]
#                     [--layout sectioned|area] [--seed 1] [--bin PATH] [--no-build]
#                     [--out DIR]   (default ${TMPDIR:-/tmp}/ctoboard-bench, outside any git repo)
#
# Builds a release binary into .build-bench (never the default .build), generates a
# document pair per size, times each ctoboard command and the baselines, and prints a
# Markdown table. A failing command is reported as "n/a (exit CODE: first stderr line)".
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
SIZES="200 2000 20000 100000"
RUNS=15
WARMUP=1
LAYOUT=sectioned
SEED=1
BIN=""
BUILD=1
# Outside any git work tree: inside one, ctoboard keeps its state (lock, base snapshots,
# history) in that repository's git dir, which would put benchmark state into this repo's
# .git and make the benchmark share a lock with whoever else runs ctoboard there.
OUT="${TMPDIR:-/tmp}/ctoboard-bench"
CALCURSE_MAX="${CALCURSE_MAX:-20000}"   # calcurse with N todo items only up to this size

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --layout) LAYOUT="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --bin) BIN="$2"; BUILD=0; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# The interpreter itself, not a version-manager shim (pyenv's adds ~45 ms per start).
PY="$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')"
export LANG="${LANG:-C.UTF-8}"
case "$LANG" in *UTF-8*|*utf8*|*UTF8*|*utf-8*) ;; *) export LANG=C.UTF-8 ;; esac
OUT="$("$PY" -c 'import os, sys; print(os.path.realpath(sys.argv[1]))' "$OUT")"
d="$OUT"
while [ "$d" != "/" ]; do
  if [ -e "$d/.git" ]; then
    echo "run.sh: --out $OUT is inside the git work tree $d; ctoboard would keep the benchmark's" >&2
    echo "state in $d/.git/ctoboard. Use a folder outside any repository (default ${TMPDIR:-/tmp}/ctoboard-bench)." >&2
    exit 2
  fi
  d="$(dirname "$d")"
done
mkdir -p "$OUT"
RESULTS="$OUT/results-$(date +%Y%m%d-%H%M%S).jsonl"
: > "$RESULTS"
# What was timed at each size, for the interleaved growth measurement (growth.py).
PLAN="${RESULTS%.jsonl}.plan.jsonl"
: > "$PLAN"
log() { echo "[bench] $*" >&2; }
# A row that could not be measured: label size message
na_row() { "$PY" -c 'import json,sys; print(json.dumps({"label":sys.argv[1],"size":int(sys.argv[2]) if sys.argv[2] else None,"runs":0,"error":sys.argv[3]}, ensure_ascii=False))' "$1" "$2" "$3" >> "$RESULTS"; }
note() { "$PY" -c 'import json,sys; print(json.dumps({"note":sys.argv[1]}, ensure_ascii=False))' "$1" >> "$RESULTS"; }
first_line() { grep -m1 -v '^[[:space:]]*$' "$1" 2>/dev/null | cut -c1-160; }
# A timed CLI command, for growth.py: label size cwd before(shell or "") toggles(0/1) -- CMD...
plan_cli() {
  "$PY" -c 'import json,sys; a=sys.argv[1:]; print(json.dumps({"label":a[0],"size":int(a[1]),"cwd":a[2],"before":a[3] or None,"toggles":a[4]=="1","cmd":a[6:]}, ensure_ascii=False))' "$@" >> "$PLAN"
}
# A timed first frame, for growth.py: label size cwd expect -- CMD...
plan_frame() {
  "$PY" -c 'import json,shlex,sys; a=sys.argv[1:]; print(json.dumps({"label":a[0],"size":int(a[1]),"cwd":a[2],"expect":a[3],"frame":" ".join(shlex.quote(c) for c in a[5:])}, ensure_ascii=False))' "$@" >> "$PLAN"
}

# ---------------------------------------------------------------- build
BUILD_ERROR=""
if [ "$BUILD" = 1 ]; then
  log "building release binary (swift build -c release --static-swift-stdlib --scratch-path .build-bench --product ctoboard)"
  if (cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path .build-bench --product ctoboard) > "$OUT/build.log" 2>&1; then
    BIN="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path .build-bench --show-bin-path 2>/dev/null)/ctoboard"
  else
    BUILD_ERROR="n/a (build failed: $(grep -m1 -E 'error:' "$OUT/build.log" | cut -c1-140))"
    log "$BUILD_ERROR (see $OUT/build.log)"
  fi
elif [ -z "$BIN" ]; then
  BIN="$ROOT/.build-bench/release/ctoboard"
fi
# Commands run in each pair's folder: a relative --bin must still name the same file.
[ -n "$BIN" ] && BIN="$("$PY" -c 'import os, sys; print(os.path.abspath(sys.argv[1]))' "$BIN")"
if [ -z "$BUILD_ERROR" ] && [ ! -x "$BIN" ]; then
  BUILD_ERROR="n/a (no binary at $BIN)"
fi
[ -z "$BUILD_ERROR" ] && log "binary: $BIN"

HAVE_TASK=0; command -v task >/dev/null 2>&1 && HAVE_TASK=1
HAVE_CALCURSE=0; command -v calcurse >/dev/null 2>&1 && HAVE_CALCURSE=1
HAVE_TMUX=0; command -v tmux >/dev/null 2>&1 && HAVE_TMUX=1
[ "$HAVE_TASK" = 1 ] || note "taskwarrior (task) not installed: the \`task 1 done\` baseline was skipped (apt-get install taskwarrior)."
[ "$HAVE_CALCURSE" = 1 ] || note "calcurse not installed: its first-frame baseline was skipped (apt-get install calcurse)."
[ "$HAVE_TMUX" = 1 ] || note "tmux not installed: first-frame figures were skipped."
if command -v hyperfine >/dev/null 2>&1; then
  note "hyperfine is installed but not used: all figures come from Benchmarks/timeit.py so that they carry peak RSS."
fi

TIMEIT=("$PY" "$HERE/timeit.py" --runs "$RUNS" --warmup "$WARMUP" --json-out "$RESULTS")
FRAME=("$PY" "$HERE/first_frame.py" --runs "$RUNS" --warmup "$WARMUP" --json-out "$RESULTS")

# ---------------------------------------------------------------- tmux floor (size-independent)
if [ "$HAVE_TMUX" = 1 ]; then
  log "tmux floor"
  "${FRAME[@]}" --label tmux-floor --expect ready -- sh -c 'echo ready; exec sleep 60' > /dev/null
fi

# ---------------------------------------------------------------- calcurse with no data (size-independent)
if [ "$HAVE_CALCURSE" = 1 ] && [ "$HAVE_TMUX" = 1 ]; then
  log "calcurse first frame, empty"
  rm -rf "$OUT/calcurse-empty"; mkdir -p "$OUT/calcurse-empty"
  "${FRAME[@]}" --label calcurse --expect "TODO" -- calcurse -D "$OUT/calcurse-empty" > /dev/null
fi

# ---------------------------------------------------------------- process start floor
if [ -z "$BUILD_ERROR" ]; then
  log "ctoboard --version (start-up floor)"
  "${TIMEIT[@]}" --label version -- "$BIN" --version > /dev/null
fi

# ---------------------------------------------------------------- per size
for N in $SIZES; do
  D="$OUT/pair-$LAYOUT-$N"
  rm -rf "$D"
  log "size $N: generating $D"
  "$PY" "$HERE/generate.py" "$D" --tasks "$N" --layout "$LAYOUT" --seed "$SEED" --quiet
  if ! "$PY" "$HERE/check_pair.py" "$D" > "$D.pair.json"; then
    note "size $N: check_pair.py found problems in the generated pair: $(cat "$D.pair.json")"
  fi
  O="$D/docs/Development/CTO_OWNER.md"
  T="$D/docs/Project Management/TODO.md"
  CTO=(--owner-doc "$O" --todo "$T")

  if [ -n "$BUILD_ERROR" ]; then
    for l in list check toggle sync board; do na_row "$l" "$N" "$BUILD_ERROR"; done
  else
    log "size $N: list --json"
    "${TIMEIT[@]}" --cwd "$D" --label list --size "$N" -- "$BIN" list --json "${CTO[@]}" > /dev/null
    plan_cli list "$N" "$D" "" 0 -- "$BIN" list --json "${CTO[@]}"
    log "size $N: check"
    "${TIMEIT[@]}" --cwd "$D" --label check --size "$N" -- "$BIN" check "${CTO[@]}" > /dev/null
    plan_cli check "$N" "$D" "" 0 -- "$BIN" check "${CTO[@]}"

    log "size $N: toggle"
    (cd "$D" && "$BIN" list --json "${CTO[@]}") > "$D.list.json" 2> "$D.list.err"
    RC=$?
    ID=""
    if [ $RC -eq 0 ]; then
      ID="$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
tasks = d["tasks"] if isinstance(d, dict) else d
print(tasks[0]["id"])' "$D.list.json" 2> "$D.id.err")"
    fi
    if [ -z "$ID" ]; then
      if [ $RC -ne 0 ]; then
        na_row toggle "$N" "n/a (no task id: list --json exit $RC: $(first_line "$D.list.err"))"
      else
        na_row toggle "$N" "n/a (no task id in list --json: $(tail -n1 "$D.id.err" | cut -c1-120))"
      fi
    else
      TOG="$("${TIMEIT[@]}" --cwd "$D" --label toggle --size "$N" -- "$BIN" toggle "$ID" "${CTO[@]}")"
      plan_cli toggle "$N" "$D" "" 1 -- "$BIN" toggle "$ID" "${CTO[@]}"
      EXECS="$(printf '%s' "$TOG" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["executions"])')"
      # Every execution toggled (the failing one may not have): keep the pair in its first state.
      if printf '%s' "$TOG" | grep -q '"median_ms"' && [ $((EXECS % 2)) -eq 1 ]; then
        (cd "$D" && "$BIN" toggle "$ID" "${CTO[@]}") > /dev/null 2>&1 || log "size $N: toggling back failed"
      fi
    fi

    log "size $N: sync after an external edit"
    "${TIMEIT[@]}" --cwd "$D" --label sync --size "$N" \
      --before "$(printf '%q %q %q' "$PY" "$HERE/external_edit.py" "$T")" \
      -- "$BIN" sync "${CTO[@]}" > /dev/null
    plan_cli sync "$N" "$D" "$(printf '%q %q %q' "$PY" "$HERE/external_edit.py" "$T")" 0 -- "$BIN" sync "${CTO[@]}"

    if [ "$HAVE_TMUX" = 1 ]; then
      log "size $N: board first frame"
      "${FRAME[@]}" --cwd "$D" --label board --size "$N" --expect "In Progress" -- "$BIN" "${CTO[@]}" > /dev/null
      plan_frame board "$N" "$D" "In Progress" -- "$BIN" "${CTO[@]}"
    fi
  fi

  # ------------------------------------------------------------ baselines
  log "size $N: baseline flip"
  B="$OUT/flip-$N"
  rm -rf "$B"; cp -a "$D/docs" "$B"
  # -S: no site import, so the figure is the interpreter's bare start plus the I/O.
  "${TIMEIT[@]}" --cwd "$B" --label flip --size "$N" -- \
    "$PY" -S "$HERE/baseline_flip.py" "$B/Development/CTO_OWNER.md" "$B/Project Management/TODO.md" > /dev/null

  if [ "$HAVE_TASK" = 1 ]; then
    log "size $N: taskwarrior task 1 done"
    TW="$OUT/taskwarrior-$N"
    if "$PY" "$HERE/baseline_setup.py" taskwarrior "$T" "$TW" > "$TW.setup.json" 2> "$TW.setup.err"; then
      TASKRC="$TW/rc" "${TIMEIT[@]}" --label task-done --size "$N" \
        --before "$(printf 'rm -rf %q && cp -a %q %q' "$TW/data" "$TW/pristine" "$TW/data")" \
        -- task 1 done > /dev/null
    else
      na_row task-done "$N" "n/a (setup failed: $(first_line "$TW.setup.err"))"
    fi
  fi

  if [ "$HAVE_CALCURSE" = 1 ] && [ "$HAVE_TMUX" = 1 ]; then
    if [ "$N" -le "$CALCURSE_MAX" ]; then
      log "size $N: calcurse first frame with $N todo items"
      CC="$OUT/calcurse-$N"
      "$PY" "$HERE/baseline_setup.py" calcurse "$T" "$CC" > /dev/null
      "${FRAME[@]}" --label calcurse-n --size "$N" --expect "TODO" -- calcurse -D "$CC" > /dev/null
    else
      na_row calcurse-n "$N" "skipped: calcurse loads todo items in quadratic time (no first frame within 300 s at 100,000); set CALCURSE_MAX to try"
    fi
  fi
done

# ---------------------------------------------------------------- growth, interleaved
# The two largest sizes again, each run at one followed by a run at the other (see growth.py).
read -r -a SORTED <<< "$(printf '%s\n' $SIZES | sort -n | tr '\n' ' ')"
if [ -z "$BUILD_ERROR" ] && [ "${#SORTED[@]}" -ge 2 ]; then
  SMALL="${SORTED[${#SORTED[@]}-2]}"; LARGE="${SORTED[${#SORTED[@]}-1]}"
  log "growth: $SMALL and $LARGE tasks, interleaved"
  "$PY" "$HERE/growth.py" --runs "$RUNS" --warmup "$WARMUP" --json-out "$RESULTS" "$PLAN" "$SMALL" "$LARGE" > /dev/null
fi

note "Machine: $(nproc) cores, $(uname -sr), load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(tmux -V 2>/dev/null); data in $OUT ($(df -PT "$OUT" | awk 'NR==2{print $2}')); layout $LAYOUT, seed $SEED, $RUNS runs after $WARMUP warmup per figure."
echo
"$PY" "$HERE/report.py" "$RESULTS"
echo
log "raw results: $RESULTS"
