#!/usr/bin/env python3
"""Writes the seed corpus for the fuzz targets from the example workspace and small tricky files.

Run from anywhere: python3 Fuzz/corpus/make-seeds.py. The seeds are committed; rerun after
changing the examples.
"""
import os
import pathlib

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
ws = root / "Examples" / "workspace" / "docs"
owner = (ws / "Development" / "CTO_OWNER.md").read_bytes()
todo = (ws / "Project Management" / "TODO.md").read_bytes()


def crlf(b):
    return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def bom(b):
    return b"\xef\xbb\xbf" + b


def mixed(b):
    # Every line ending: LF, CRLF, lone CR, in turn.
    out, n = [], 0
    for line in b.split(b"\n"):
        out.append(line + [b"\n", b"\r\n", b"\r"][n % 3])
        n += 1
    return b"".join(out)


area_todo = b"""# Project TODO

**Last Updated**: 2026-01-05

## Platform
- [ ] Evaluate Phoenix as web framework [Owner: CTO] [Status: Pending] [Priority: High]
- [x] Register domain [Owner: Backend] [Status: Done]
- [ ] Conduct security audits [Owner: CTO] [Status: In Progress]
- [ ] **VERIFY**: Netlify setup (needs verification) [Owner: CTO] [Status: Completed]

## Frontend
* [ ] Dark mode [Owner: Frontend] [Priority: Low]
1. [X] Style guide [Owner: CTO]
"""

area_owner = b"""# CTO Owner

Synchronized with `TODO.md`.

## Completed
- [ ] **VERIFY**: Netlify setup (needs verification)

## In Progress
- [ ] Conduct security audits

## Pending
**High Priority**:
- [ ] Evaluate Phoenix as web framework
**Low Priority**:
- [x] Style guide
"""

tricky = {
    "empty": b"",
    "bom-only": b"\xef\xbb\xbf",
    "newline-only": b"\n",
    "cr-only": b"\r",
    "crlf-only": b"\r\n",
    "no-final-newline": b"## Pending\n- [ ] A task [Owner: CTO]",
    "bare-cr-end": b"## Pending\n- [ ] A task [Owner: CTO]\r",
    "fences": b"## In Progress\n```\n- [ ] not a task\n```\n~~~~\n- [x] still code\n~~~\n~~~~\n- [ ] a task\n",
    "nested": b"## Pending\n" + b"".join(b"  " * i + b"- [ ] level %d [Owner: CTO]\n" % i for i in range(12)),
    "owner-tags": b"## Pending\n- [ ] in `[Owner: CTO]` backticks\n- [ ] ``[Owner: CTO]`` double\n"
                  b"- [ ] [link [Owner: CTO]](http://x)\n- [ ] *[Owner: CTO]* emph\n"
                  b"- [ ] twice [Owner: Backend] [Owner: CTO]\n- [ ] [Owner: CTO] at the start\n"
                  b"- [ ] [owner:cto] lower\n- [ ] [Owner: CTO\n",
    "headings": b"# Title\n## \xe2\x9c\x85 Completed\n### Group\n- [x] done\n## In Progress ##\n#### deep\n"
                b"- [ ] doing\n#######\n##Pending\n## Pending\n**High Priority**:\n- [ ] high\n"
                b"**Last Updated**: January 2026\n### Low Priority\n- [ ] low\n## Other\n- [ ] elsewhere\n",
    "invalid-utf8": b"## Pending\n- [ ] caf\xe9 \xff\xfe [Owner: CTO]\n- [x] \xc3 broken\n",
    "tabs": b"## Pending\n\t- [ ]\ttab task [Owner: CTO]\n-\t[x]\tdone\n    - [ ] four spaces\n",
    "verify-markers": b"## Completed\n- [ ] **VERIFY**: A (needs verification)\n- [x] B (verified 2026-01-02)\n"
                      b"- [x] **VERIFY**: C (verified 2026-01-02) (needs verification)\n",
    "duplicates": b"## Pending\n" + b"- [ ] Same title [Owner: CTO]\n" * 6 + b"- [x] same TITLE [Owner: CTO]\n",
    "last-updated": b"**Last Updated**: January 2026  \r\n**Last Updated**: 2026-01-05\r\n**Last Updated**:\r\n",
    "sync-line": b"This document is synchronized with `docs/TODO.md`.\n",
    "nested-items": b"## In Progress\n- [ ] Parent [Owner: CTO]\n  - sub-bullet\n  - [x] nested done [Owner: CTO]\n"
                    b"    - [ ] deeper\n\n  note after a blank\nlazy continuation\n\n- [ ] Next\n\t- [x] tab child\n"
                    b"  ```\n  - [ ] code\n  ```\n  ## heading ends it\n- [ ] Last\r\n  - [ ] crlf child\r\n",
    "continuation-lines": b"## Pending\n**High Priority**:\n- [ ] Task\nlazy line\n**Medium Priority**:\n1. [ ] One\n"
                          b"   1. [ ] nested numbered\n   text\n2) [x] Two\n* [ ] star\n    * [ ] deep star\n---\n",
    "empty-items": b"- [ ]\n- [x] \n- [ ] [Owner: CTO]\n1) [ ]\n- []\n-[ ] x\n",
}

scripts = {
    "toggle-all": bytes([0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 3]),
    "moves": bytes([0, 4, 0, 1, 0, 2, 0, 4, 0, 3, 0, 1, 0, 3, 0, 2, 0, 5, 0, 0, 0, 0]),
    "add-edit-delete": bytes([0, 6, 0, 1, 0, 2, 0, 3, 0, 1, 0, 7, 0, 2, 0, 1, 0, 4, 0, 8, 0, 3]),
    "external-and-sync": bytes([0, 9, 0, 1, 0, 0, 0, 0, 0, 4, 0, 11, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 10, 0, 1]),
    "verify-complete": bytes([0, 2, 0, 5, 0, 1, 0, 6, 0, 1, 0, 1, 0, 0, 0, 5, 0, 0]),
}


def write(target, name, data):
    d = here / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


variants = {"": lambda b: b, "-crlf": crlf, "-bom": bom, "-bom-crlf": lambda b: bom(crlf(b)), "-mixed": mixed}
for suffix, f in variants.items():
    write("FuzzParser", "owner" + suffix, f(owner))
    write("FuzzParser", "todo" + suffix, f(todo))
    write("FuzzMatcher", "example" + suffix, f(owner) + b"\0" + f(todo))
write("FuzzParser", "area-todo", area_todo)
write("FuzzParser", "area-owner", area_owner)
for name, data in tricky.items():
    write("FuzzParser", name, data)
    write("FuzzMatcher", "tricky-" + name, area_owner + b"\0" + data)
    write("FuzzMatcher", "tricky-owner-" + name, data + b"\0" + todo)
write("FuzzMatcher", "area", area_owner + b"\0" + area_todo)
write("FuzzMatcher", "area-crlf-bom", bom(crlf(area_owner)) + b"\0" + crlf(area_todo))

for name, script in scripts.items():
    write("FuzzSync", "example-" + name, owner + b"\0" + todo + b"\0" + script)
    write("FuzzSync", "area-" + name, area_owner + b"\0" + area_todo + b"\0" + script)
write("FuzzSync", "crlf-bom-moves", bom(crlf(owner)) + b"\0" + crlf(todo) + b"\0" + scripts["moves"])
write("FuzzSync", "mixed-add", mixed(owner) + b"\0" + mixed(todo) + b"\0" + scripts["add-edit-delete"])
write("FuzzSync", "dup-sync", tricky["duplicates"] + b"\0" + tricky["duplicates"] + b"\0" + scripts["external-and-sync"])
write("FuzzSync", "nofinal-sync", tricky["no-final-newline"] + b"\0" + tricky["bare-cr-end"] + b"\0" + scripts["external-and-sync"])
print("seeds written to", here)
