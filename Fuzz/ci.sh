#!/usr/bin/env bash
# The bounded fuzz run for CI: builds the targets and runs each for FUZZ_CI_SECONDS (default 30)
# seconds, one after the other, from the committed seeds only (a fresh work folder, so the time
# stays bounded whatever earlier runs left in Fuzz/work/). Exits 1 when a target finds a crash,
# a hang (over 10 s) or a broken invariant: the input is in Fuzz/crashes/, the log in Fuzz/logs/.
set -uo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
work=$(mktemp -d)
FUZZ_WORK="$work" FUZZ_NICE="${FUZZ_NICE:-0}" ./run.sh "${FUZZ_CI_SECONDS:-30}"
status=$?
rm -rf "$work"
echo "fuzz ci: $(( $(date +%s) - start )) s in all, exit $status"
exit $status
