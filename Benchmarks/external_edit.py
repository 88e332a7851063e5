#!/usr/bin/env python3
"""Simulate an external edit of TODO.md: flip the checkbox of one CTO task in place.

    external_edit.py TODO.md

Picks the last `[Owner: CTO]` task of the Pending section (sectioned layout) or the last
one tagged `[Status: Pending]` (area layout), falling back to the last CTO task, and
flips `[ ]` <-> `[x]`. Writes the file in place (truncate and write, as many editors do),
without fsync. Used untimed before each timed `ctoboard sync`. Standard library only.
"""

import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    with open(path, "rb") as f:
        data = bytearray(f.read())
    best = fallback = None
    pending = False
    pos = 0
    n = len(data)
    while pos < n:
        end = data.find(b"\n", pos)
        end = n if end < 0 else end
        line = bytes(data[pos:end]).rstrip(b"\r")
        if line.startswith(b"## "):
            pending = b"Pending" in line
        if line.startswith((b"- [ ] ", b"- [x] ")) and line.endswith(b" [Owner: CTO]"):
            fallback = pos
            if pending or b"[Status: Pending]" in line:
                best = pos
        pos = end + 1
    at = best if best is not None else fallback
    if at is None:
        print("no [Owner: CTO] task in %s" % path, file=sys.stderr)
        return 1
    data[at + 3] = ord("x") if data[at + 3] == ord(" ") else ord(" ")
    with open(path, "r+b") as f:
        f.write(data)
        f.truncate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
