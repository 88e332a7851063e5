#!/usr/bin/env python3
"""Baseline: the least I/O a safe two-file toggle can do.

    baseline_flip.py OWNER.md TODO.md [--title-of-first-cto]

Reads both files, finds the first `[Owner: CTO]` task line of TODO.md and the owner
document line with the same text (without the tag), flips the checkbox byte of each
(`[ ]` <-> `[x]`), and writes each file the POSIX-safe way: a temp file in the same
folder, fsync, rename over the original, fsync the folder. No parsing beyond that,
no journal, no lock. Running it twice restores both files.

Python 3 standard library only. Exits 1 if no matching pair of lines is found.
"""

import os
import sys

TAG = b" [Owner: CTO]"


def line_ranges(data):
    start = 0
    n = len(data)
    while start < n:
        end = data.find(b"\n", start)
        if end < 0:
            end = n
        content_end = end - 1 if end > start and data[end - 1:end] == b"\r" else end
        yield start, content_end
        start = end + 1


def find_cto_task(todo):
    for s, e in line_ranges(todo):
        line = todo[s:e]
        if line.startswith((b"- [ ] ", b"- [x] ")) and line.endswith(TAG):
            body = line[6:-len(TAG)]
            # Area layout: drop the [Status: ...] [Priority: ...] tags too.
            cut = body.find(b" [Status: ")
            if cut >= 0:
                body = body[:cut]
            return s, body
    return None, None


def find_owner_line(owner, body):
    for s, e in line_ranges(owner):
        if e - s == len(body) + 6 and owner[s:s + 3] == b"- [" and owner[s + 6:e] == body:
            return s
    return None


def flip(data, line_start):
    b = bytearray(data)
    i = line_start + 3
    b[i] = ord("x") if b[i] == ord(" ") else ord(" ")
    return bytes(b)


def replace_file(path, data):
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, ".%s.flip-%d.tmp" % (os.path.basename(path), os.getpid()))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(tmp, path)
    dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    owner_path, todo_path = sys.argv[1], sys.argv[2]
    with open(owner_path, "rb") as f:
        owner = f.read()
    with open(todo_path, "rb") as f:
        todo = f.read()
    t_start, body = find_cto_task(todo)
    if t_start is None:
        print("no [Owner: CTO] task in %s" % todo_path, file=sys.stderr)
        return 1
    o_start = find_owner_line(owner, body)
    if o_start is None:
        print("task not found in %s: %s" % (owner_path, body.decode("utf-8", "replace")), file=sys.stderr)
        return 1
    replace_file(todo_path, flip(todo, t_start))
    replace_file(owner_path, flip(owner, o_start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
