#!/usr/bin/env python3
"""Time each command at two sizes in alternation and report the ratio of their medians.

    growth.py [--runs K] [--warmup W] [--json-out FILE] PLAN SMALL LARGE

PLAN is the JSON-lines file `run.sh` writes while it times each size: one object per
command and size, {"label", "size", "cwd", "cmd": [...], "before": shell or null,
"toggles": bool} for a CLI command, or {"label", "size", "cwd", "frame": command line,
"expect": text} for a first frame in tmux.

Why: `run.sh` times every command at one size, then at the next, so the two medians of a
ratio are taken a minute or more apart. On a shared machine (hypervisor steal time) the load
can change in between, and a ratio then says as much about the machine as about the
program. Here each run at SMALL is followed by a run at LARGE, for every command, so both
medians see the same conditions. Each warmup run is untimed; a command that toggles is run
an even number of times in all (one more, untimed, if needed), so the pair ends as it began.

Prints one JSON object per command ({"growth": label, "small": N, "large": M,
"small_median_ms", "large_median_ms", "ratio", "runs"}) and appends it to --json-out.
Python 3 standard library only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import first_frame  # noqa: E402
import timeit as cli_timeit  # noqa: E402  (this folder's timeit.py, not the standard module)


class Frames:
    """A tmux server for first-frame runs, set up as first_frame.py sets up its own."""

    def __init__(self):
        self.sock = "ctoboard-growth-%d" % os.getpid()
        self.count = 0
        first_frame.tmux(self.sock, "-f", "/dev/null", "new-session", "-d", "-s", "idle",
                         "-x", "80", "-y", "24", "sleep 86400")
        first_frame.tmux(self.sock, "set-option", "-g", "remain-on-exit", "on")
        self.path = first_frame.tmux(self.sock, "display-message", "-p",
                                     "#{socket_path}").stdout.decode().strip()

    def run(self, spec):
        self.count += 1
        ms, _, err = first_frame.one_run(self.sock, "g%d" % self.count, spec["frame"], spec["expect"],
                                         60.0, spec["cwd"], 120, 40)
        return ms, err

    def close(self):
        first_frame.tmux(self.sock, "kill-server", check=False)
        if self.path and os.path.basename(self.path) == self.sock:
            try:
                os.unlink(self.path)
            except OSError:
                pass


def run_cli(spec):
    if spec.get("before"):
        b = subprocess.run(spec["before"], shell=True, cwd=spec["cwd"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if b.returncode != 0:
            return None, "setup exit %d: %s" % (b.returncode, cli_timeit.first_line(b.stderr.decode("utf-8", "replace")))
    ms, _, code, stderr = cli_timeit.run_once(spec["cmd"], spec["cwd"], os.environ)
    if code != 0:
        return None, "exit %d: %s" % (code, cli_timeit.first_line(stderr))
    return ms, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--json-out", default=None)
    ap.add_argument("plan")
    ap.add_argument("small", type=int)
    ap.add_argument("large", type=int)
    a = ap.parse_args()

    specs = {}
    order = []
    with open(a.plan, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                s = json.loads(line)
                if s["label"] not in order:
                    order.append(s["label"])
                specs[(s["label"], s["size"])] = s

    frames = None
    try:
        for label in order:
            pair = [specs.get((label, a.small)), specs.get((label, a.large))]
            if None in pair:
                continue
            if any("frame" in s for s in pair) and frames is None:
                frames = Frames()
            times = ([], [])
            executions = [0, 0]
            error = None
            for i in range(a.warmup + a.runs):
                for k, spec in enumerate(pair):
                    ms, error = frames.run(spec) if "frame" in spec else run_cli(spec)
                    if error:
                        error = "n/a (%s at %d tasks)" % (error, spec["size"])
                        break
                    executions[k] += 1
                    if i >= a.warmup:
                        times[k].append(ms)
                if error:
                    break
            for k, spec in enumerate(pair):
                if spec.get("toggles") and executions[k] % 2 == 1:
                    run_cli(dict(spec, before=None))
            result = {"growth": label, "small": a.small, "large": a.large, "runs": len(times[1])}
            if error is None:
                sm, lm = statistics.median(times[0]), statistics.median(times[1])
                result.update({"small_median_ms": sm, "large_median_ms": lm, "ratio": lm / sm,
                               "small_times_ms": [round(t, 3) for t in times[0]],
                               "large_times_ms": [round(t, 3) for t in times[1]]})
            else:
                result["error"] = error
            line = json.dumps(result, ensure_ascii=False)
            if a.json_out:
                with open(a.json_out, "a", encoding="utf-8") as f:
                    f.write(line + "\n")
            print(line)
    finally:
        if frames:
            frames.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
