#!/usr/bin/env python3
"""Run a command K times and report wall time and peak RSS per run.

    timeit.py [--runs K] [--warmup W] [--cwd DIR] [--before SHELL] [--label L]
              [--size N] [--json-out FILE] -- CMD ARG...

Each run: the optional --before shell command runs untimed, then CMD is started with
subprocess (stdout to /dev/null, stderr to a temp file) and reaped with os.wait4. The time
is wall-clock from just before the fork to just after the child is reaped
(perf_counter_ns), so it includes exec and dynamic loading but not the Python helper's
own startup.

Peak RSS: on Linux a child's ru_maxrss also counts the memory of the process that forked
it (here Python, about 10-15 MB), so a small program can't be measured from Python
directly. The warmup runs (at least one) are therefore run under GNU `/usr/bin/time -f %M`,
whose own footprint is about 1 MB, and their figure is reported as peak_rss_mb. Without
/usr/bin/time the wait4 figure of the timed runs is reported instead, with
"rss_floor_mb" (the same measure for /bin/true) so a reader can tell the floor.

If any run exits non-zero the result is "n/a (exit CODE: first line of stderr)"; the
remaining runs are skipped. Prints one JSON object (and appends it to --json-out).
Python 3 standard library only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, cwd, env, probe_rss=False):
    """Returns (ms, rss_mb, exit code, stderr). With probe_rss, runs under GNU time."""
    if probe_rss and GNU_TIME:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
            ms, _, code, stderr = run_once([GNU_TIME, "-q", "-f", "%M", "-o", out.name] + cmd, cwd, env)
            try:
                kb = float(open(out.name).read().split()[-1])
            except (ValueError, IndexError):
                kb = float("nan")
            return ms, kb / 1024.0, code, stderr
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter_ns()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter_ns()
        p.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from reaping again
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return (t1 - t0) / 1e6, ru.ru_maxrss / 1024.0, p.returncode, stderr


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--before", default=None, help="shell command run untimed before every run (and warmup)")
    ap.add_argument("--label", default=None)
    ap.add_argument("--size", type=int, default=None)
    ap.add_argument("--json-out", default=None)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")

    times, rss, probed = [], [], []
    executions = 0
    warmup = max(a.warmup, 1 if GNU_TIME else 0)
    error = None
    for i in range(warmup + a.runs):
        if a.before:
            b = subprocess.run(a.before, shell=True, cwd=a.cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
            if b.returncode != 0:
                error = "n/a (setup exit %d: %s)" % (b.returncode, first_line(b.stderr.decode("utf-8", "replace")))
                break
        try:
            ms, mb, code, stderr = run_once(cmd, a.cwd, os.environ, probe_rss=i < warmup)
        except OSError as e:
            error = "n/a (%s)" % e
            break
        executions += 1
        if code != 0:
            error = "n/a (exit %d: %s)" % (code, first_line(stderr))
            break
        if i < warmup:
            probed.append(mb)
        else:
            times.append(ms)
            rss.append(mb)

    result = {"label": a.label or " ".join(cmd), "size": a.size, "runs": len(times),
              "executions": executions}
    if error is None and times:
        result.update({
            "median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
            "times_ms": [round(t, 3) for t in times],
        })
        if GNU_TIME and probed:
            result["peak_rss_mb"] = max(probed)
            result["rss_source"] = "/usr/bin/time (warmup)"
        else:
            result["peak_rss_mb"] = max(rss)
            result["rss_source"] = "wait4"
            result["rss_floor_mb"] = run_once(["/bin/true"], None, os.environ)[1]
    else:
        result["error"] = error or "n/a (no runs)"
    line = json.dumps(result, ensure_ascii=False)
    if a.json_out:
        with open(a.json_out, "a", encoding="utf-8") as f:
            f.write(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
