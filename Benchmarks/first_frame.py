#!/usr/bin/env python3
"""Time to first frame of a terminal program in tmux.

    first_frame.py --expect TEXT [--runs K] [--timeout S] [--cwd DIR]
                   [--label L] [--size N] [--json-out FILE] -- CMD ARG...

Per run: `tmux new-session -d -x 120 -y 40 'CMD'` is started on a private tmux server
(its own socket, `-L`), then `tmux capture-pane -p` is polled back to back until TEXT
appears in the pane. The figure is wall-clock from just before `new-session` to the
capture that first contained TEXT. The session is killed after each run. The tmux server
is started once, before the first run, with an idle session, so server start-up is not
counted. Peak RSS: VmHWM of the processes in the pane, read right after the frame
appeared (the board keeps running, so this is its footprint at first frame).

Prints one JSON object like timeit.py (and appends it to --json-out). A run that times
out or whose program exits before TEXT appears gives "n/a (...)" with the last pane text.
Python 3 standard library only; needs tmux.
"""

import argparse
import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import time


def tmux(sock, *args, check=True):
    return subprocess.run(["tmux", "-u", "-L", sock] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=check)


def descendants(pid):
    """pid and all its descendants, via /proc/*/stat."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def peak_rss_mb(pid):
    best = 0
    for p in descendants(pid):
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best / 1024.0


def one_run(sock, name, command, expect, timeout, cwd, width, height):
    args = ["new-session", "-d", "-s", name, "-x", str(width), "-y", str(height)]
    if cwd:
        args += ["-c", cwd]
    t0 = time.perf_counter_ns()
    tmux(sock, *(args + [command]))
    target = name + ":0.0"
    deadline = time.monotonic() + timeout
    last = ""
    polls = 0
    pids = []
    try:
        while True:
            polls += 1
            cap = tmux(sock, "capture-pane", "-p", "-t", target, check=False)
            if cap.returncode == 0:
                pane = cap.stdout.decode("utf-8", "replace")
                if first_text(pane) != "empty":
                    last = pane  # tmux 3.3 may blank the pane when it dies: keep what it showed
                if expect in pane:
                    t1 = time.perf_counter_ns()
                    pid = tmux(sock, "display-message", "-p", "-t", target, "#{pane_pid}", check=False)
                    rss = None
                    if pid.returncode == 0 and pid.stdout.strip().isdigit():
                        pids = descendants(int(pid.stdout.strip()))
                        rss = peak_rss_mb(int(pid.stdout.strip()))
                    return (t1 - t0) / 1e6, rss, None
                if "Pane is dead" in pane:
                    return None, None, "n/a (exited before %r appeared: %s)" % (expect, first_text(last))
            elif b"can't find" in cap.stderr or b"no server" in cap.stderr:
                return None, None, "n/a (exited before %r appeared)" % expect
            if polls % 25 == 0 and tmux(sock, "display-message", "-p", "-t", target,
                                        "#{pane_dead}", check=False).stdout.strip() == b"1":
                return None, None, "n/a (exited before %r appeared: %s)" % (expect, first_text(last))
            if time.monotonic() > deadline:
                return None, None, "n/a (timeout %.0fs, pane: %s)" % (timeout, first_text(last))
    finally:
        # Collect the pane's processes while the session still exists, so that whatever
        # path got us here, the next run starts only after this program has exited.
        pid = tmux(sock, "display-message", "-p", "-t", target, "#{pane_pid}", check=False)
        if pid.returncode == 0 and pid.stdout.strip().isdigit():
            pids = list(set(pids) | set(descendants(int(pid.stdout.strip()))))
        tmux(sock, "kill-session", "-t", name, check=False)
        reap(pids)


def alive(pid):
    """Whether pid still exists, zombies included: a program that checks a pid file with
    kill(pid, 0) (calcurse does) still sees a zombie as running."""
    return os.path.exists("/proc/%d" % pid)


def reap(pids, grace=3.0):
    """Wait for the program (sent SIGHUP by kill-session) to exit and be reaped by tmux, so
    its locks are free for the next run; SIGKILL it, by pid, if it is still there after
    `grace` seconds."""
    deadline = time.monotonic() + grace
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            for p in pids:
                if alive(p):
                    try:
                        os.kill(p, signal.SIGKILL)
                    except OSError:
                        pass
            break
        time.sleep(0.01)


def first_text(pane):
    lines = [l.strip() for l in pane.splitlines() if l.strip() and not l.startswith("Pane is dead")]
    return (lines[0][:120] if lines else "empty")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect", required=True, help="text that marks the first frame")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--width", type=int, default=120)
    ap.add_argument("--height", type=int, default=40)
    ap.add_argument("--label", default=None)
    ap.add_argument("--size", type=int, default=None)
    ap.add_argument("--json-out", default=None)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")
    # One argument is taken as a shell command line; several are quoted for the shell.
    command = cmd[0] if len(cmd) == 1 else " ".join(shlex.quote(c) for c in cmd)
    # Keep the pane open after the program exits, so an early exit is seen, not mistaken.
    sock = "ctoboard-bench-%d" % os.getpid()
    times, rss = [], []
    error = None
    socket_path = None
    try:
        tmux(sock, "-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 86400")
        tmux(sock, "set-option", "-g", "remain-on-exit", "on")
        socket_path = tmux(sock, "display-message", "-p", "#{socket_path}").stdout.decode().strip()
        for i in range(a.warmup + a.runs):
            ms, mb, err = one_run(sock, "run%d" % i, command, a.expect, a.timeout, a.cwd, a.width, a.height)
            if err:
                error = err
                break
            if i >= a.warmup:
                times.append(ms)
                if mb is not None:
                    rss.append(mb)
    finally:
        tmux(sock, "kill-server", check=False)
        if socket_path and os.path.basename(socket_path) == sock:
            try:
                os.unlink(socket_path)
            except OSError:
                pass
    result = {"label": a.label or command, "size": a.size, "runs": len(times)}
    if error is None and times:
        result.update({"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
                       "times_ms": [round(t, 3) for t in times]})
        if rss:
            result["peak_rss_mb"] = max(rss)
            result["rss_source"] = "VmHWM at first frame"
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
