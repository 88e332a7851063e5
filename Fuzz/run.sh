#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 600).
#
#   Fuzz/run.sh [SECONDS]            one target after the other
#   FUZZ_PARALLEL=1 Fuzz/run.sh 900  all three at once
#   FUZZ_TARGETS="FuzzSync" Fuzz/run.sh 60
#
# The targets are built in debug with -O added (bounds and overflow checks stay; about 2.5 times
# the executions per second of -Onone); FUZZ_ONONE=1 builds them without it.
# New coverage goes to Fuzz/work/TARGET (FUZZ_WORK; kept between runs; the committed seeds in
# Fuzz/corpus/TARGET are only read). Crashes, hangs (-timeout=10) and leaks go to
# Fuzz/crashes/TARGET-*; reproduce one with `Fuzz/.build/debug/TARGET FILE`.
# Exits 1 when a target found anything.
set -uo pipefail
cd "$(dirname "$0")"

secs="${1:-600}"
targets=(${FUZZ_TARGETS:-FuzzParser FuzzMatcher FuzzSync})
nice_cmd=(nice -n "${FUZZ_NICE:-10}")
work="${FUZZ_WORK:-work}"

flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
[ "${FUZZ_ONONE:-0}" = 1 ] || flags+=(-Xswiftc -O)
echo "fuzz: building (${flags[*]})"
if ! "${nice_cmd[@]}" swift build "${flags[@]}" >.build-fuzz.log 2>&1; then
  grep -v "Cannot export local symbol" .build-fuzz.log | tail -40
  echo "fuzz: build failed" >&2
  exit 2
fi
grep -E "(error|warning):" .build-fuzz.log | grep -v "Cannot export local symbol" && { echo "fuzz: the build has warnings" >&2; }
export SWIFT_BACKTRACE=enable=no
bin="$(swift build "${flags[@]}" --show-bin-path)"

mkdir -p crashes logs
run_one() {
  local t="$1"
  mkdir -p "$work/$t"
  local t0=$(date +%s)
  local dirs=("$work/$t" "corpus/$t") limit=(-max_total_time="$secs")
  # FUZZ_REPLAY=1: run every committed seed once (regressions), no exploration.
  if [ "${FUZZ_REPLAY:-0}" = 1 ]; then dirs=("corpus/$t"); limit=(-runs=0); fi
  "${nice_cmd[@]}" "$bin/$t" "${dirs[@]}" \
    "${limit[@]}" -timeout=10 -rss_limit_mb=2560 -max_len=16384 \
    -artifact_prefix="crashes/$t-" -print_final_stats=1 -close_fd_mask=1 \
    >"logs/$t.log" 2>&1
  echo $? >"logs/$t.status"
  echo $(( $(date +%s) - t0 )) >"logs/$t.seconds"
}

start=$(date +%s)
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  for t in "${targets[@]}"; do run_one "$t" & done
  wait
else
  for t in "${targets[@]}"; do echo "fuzz: $t for ${secs}s"; run_one "$t"; done
fi

failed=0
printf '%-12s %-6s %12s %10s %8s  %s\n' TARGET STATUS EXECS EXEC/S SECONDS FINDINGS
for t in "${targets[@]}"; do
  status=$(cat "logs/$t.status")
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | awk '{print $2}')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | awk '{print $2}')
  found=$(grep -o "Test unit written to [^ ]*" "logs/$t.log" | awk '{print $5}' | tr '\n' ' ')
  word=ok
  if [ "$status" != 0 ] || [ -n "$found" ]; then word=FOUND; failed=1; fi
  printf '%-12s %-6s %12s %10s %8s  %s\n' "$t" "$word" "${execs:-?}" "${rate:-?}" "$(cat "logs/$t.seconds")" "${found:--}"
  if [ "$word" = FOUND ]; then grep -E "invariant broken|Fatal error|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY" "logs/$t.log" | head -5; fi
done
echo "fuzz: $(( $(date +%s) - start ))s of fuzzing; logs in Fuzz/logs/"
exit $failed
