#!/usr/bin/env python3
"""Time from an external edit of one document to the change landing in the other, with
`ctoboard watch` running: the figure behind "every external change reaches the other document
within 1 s".

    Benchmarks/watch_latency.py BIN OWNER_DOC TODO [--edits 10]

Flips one CTO task's checkbox in the owner document (an in-place write), then polls TODO.md every
2 ms until the same task's checkbox there matches; then flips it back in TODO.md and waits for the
owner document. Prints the median and the maximum in milliseconds.
"""
import argparse, os, re, signal, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("bin"); ap.add_argument("owner_doc"); ap.add_argument("todo")
ap.add_argument("--edits", type=int, default=10)
a = ap.parse_args()

def read(p):
    with open(p, "rb") as f:
        return f.read()

def write_in_place(p, data):
    with open(p, "r+b") as f:
        f.seek(0); f.write(data); f.truncate()

# The first unchecked CTO task of the owner document's In Progress section (any task works).
owner = read(a.owner_doc)
m = re.search(rb"^- \[ \] (?!\*\*VERIFY)(.+)$", owner[owner.find(b"In Progress"):], re.M)
title = m.group(1).strip()
pat_owner = re.compile(rb"^- \[( |x)\] " + re.escape(title) + rb"\s*$", re.M)
pat_todo = re.compile(rb"^- \[( |x)\] " + re.escape(title) + rb" .*\[Owner: CTO\]", re.M)

proc = subprocess.Popen([a.bin, "watch", "--owner-doc", a.owner_doc, "--todo", a.todo],
                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
while b"msg=watching" not in proc.stderr.readline():
    pass
os.set_blocking(proc.stderr.fileno(), False)

def flip(path, pattern, mark):
    data = read(path)
    m = pattern.search(data)
    start = m.start(1)
    write_in_place(path, data[:start] + mark + data[start + 1:])

def wait(path, pattern, mark, limit=5.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        m = pattern.search(read(path))
        if m and m.group(1) == mark:
            return (time.monotonic() - t0) * 1000
        time.sleep(0.002)
    return None

samples = []
for i in range(a.edits):
    time.sleep(0.3)  # let the previous sync settle, as a person's edits would
    if i % 2 == 0:
        t = time.monotonic(); flip(a.owner_doc, pat_owner, b"x")
        ms = wait(a.todo, pat_todo, b"x")
    else:
        t = time.monotonic(); flip(a.todo, pat_todo, b" ")
        ms = wait(a.owner_doc, pat_owner, b" ")
    if ms is None:
        print("an edit was not carried within 5 s", file=sys.stderr); proc.send_signal(signal.SIGTERM); sys.exit(1)
    samples.append(ms)
proc.send_signal(signal.SIGTERM); proc.wait(timeout=5)
print(f"edits={len(samples)} median_ms={statistics.median(samples):.0f} max_ms={max(samples):.0f}")
