#!/usr/bin/env bash
# The fuzz run for CI. It builds the targets, replays every committed seed once (each earlier
# finding is among them: a failure there fails CI), then explores each target for
# FUZZ_CI_SECONDS (default 30) from the committed seeds in a fresh work folder, so the time stays
# bounded whatever earlier runs left in Fuzz/work/. A new finding from the exploration is
# reported and kept in Fuzz/crashes/ to be fixed and added to Fuzz/corpus/, without failing the
# run: exploration is not reproducible from one run to the next.
set -uo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
FUZZ_NICE="${FUZZ_NICE:-0}" FUZZ_WORK="$work" FUZZ_REPLAY=1 ./run.sh 0
status=$?
if ! FUZZ_NICE="${FUZZ_NICE:-0}" FUZZ_WORK="$work" ./run.sh "${FUZZ_CI_SECONDS:-30}"; then
  echo "fuzz ci: the exploration found something new (Fuzz/crashes/); fix it and add it to Fuzz/corpus/"
fi
echo "fuzz ci: $(( $(date +%s) - start )) s in all, exit $status"
exit $status
