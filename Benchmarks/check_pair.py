#!/usr/bin/env python3
"""Independent sanity check of a generated pair (no ctoboard needed).

    check_pair.py OUT            # OUT as given to generate.py
    check_pair.py OWNER.md TODO.md

Checks: strict UTF-8, one line-ending style per file, every task line well formed,
(owner, title) unique, and the CTO tasks of TODO.md equal to the owner document's
tasks with the same section and checkbox. Prints a JSON summary; exits 1 on a problem.
"""

import json
import os
import re
import sys

BOX = re.compile(r"^- \[( |x)\] (.*)$")
TAGGED = re.compile(r"^(.*?)(?: \[Status: (Completed|In Progress|Pending)\] \[Priority: (High|Medium|Low)\])? \[Owner: ([A-Za-z]+)\]$")


def load(path, problems):
    data = open(path, "rb").read()
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("%s: invalid UTF-8: %s" % (path, e))
        text = data.decode("utf-8", "replace")
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if crlf not in (0, lf):
        problems.append("%s: mixed line endings (%d CRLF of %d)" % (path, crlf, lf))
    if not text.endswith("\n"):
        problems.append("%s: no final newline" % path)
    return text.replace("\r\n", "\n").split("\n")[:-1], {"bom": bom, "crlf": crlf > 0, "bytes": os.path.getsize(path)}


def body_title(body):
    if body.startswith("**VERIFY**: ") and body.endswith(" (needs verification)"):
        return body[len("**VERIFY**: "):-len(" (needs verification)")]
    if body.startswith("**CRITICAL**: "):
        return body[len("**CRITICAL**: "):]
    return body


def parse_todo(lines, problems):
    tasks = []
    section = None
    area_layout = False
    for no, line in enumerate(lines, 1):
        if line.startswith("## "):
            h = line[3:]
            section = ("completed" if "Completed" in h else "in-progress" if "In Progress" in h
                       else "pending" if "Pending" in h else None)
            if section is None:
                area_layout = True
                section = "area"
        elif line.startswith("### ") and section in ("pending", "high", "medium", "low"):
            section = line[4:].split()[0].lower()
        m = BOX.match(line)
        if not m:
            if line.startswith("- ["):
                problems.append("TODO.md:%d: malformed checkbox line" % no)
            continue
        t = TAGGED.match(m.group(2))
        if not t:
            problems.append("TODO.md:%d: no [Owner: X] tag: %r" % (no, line[:80]))
            continue
        body, status, prio, owner = t.groups()
        sec = section
        if section == "area":
            if not status:
                problems.append("TODO.md:%d: area layout task without [Status:]/[Priority:]" % no)
                continue
            sec = {"Completed": "completed", "In Progress": "in-progress"}.get(status, prio.lower())
        elif status:
            problems.append("TODO.md:%d: [Status:] tag in a sectioned layout" % no)
        if sec not in ("completed", "in-progress", "high", "medium", "low"):
            problems.append("TODO.md:%d: task outside a task section" % no)
        tasks.append((owner, body, m.group(1) == "x", sec))
    return tasks, area_layout


def parse_owner(lines, problems):
    tasks = []
    section = None
    in_current = False
    for no, line in enumerate(lines, 1):
        if line.startswith("## "):
            in_current = "Current Tasks" in line
            section = None
        elif in_current and line.startswith("### "):
            section = ("completed" if "Completed" in line else "in-progress" if "In Progress" in line
                       else "pending" if "Pending" in line else None)
        elif in_current and section in ("pending", "high", "medium", "low") and line.startswith("**") and line.endswith("Priority**:"):
            section = line[2:].split()[0].lower()
        m = BOX.match(line)
        if not m:
            continue
        if not in_current or section in (None, "pending"):
            problems.append("CTO_OWNER.md:%d: task outside Current Tasks sections" % no)
            continue
        tasks.append(("CTO", m.group(2), m.group(1) == "x", section))
    return tasks


def main():
    args = sys.argv[1:]
    if len(args) == 1:
        owner = os.path.join(args[0], "docs", "Development", "CTO_OWNER.md")
        todo = os.path.join(args[0], "docs", "Project Management", "TODO.md")
    elif len(args) == 2:
        owner, todo = args
    else:
        sys.exit(__doc__)
    problems = []
    olines, oinfo = load(owner, problems)
    tlines, tinfo = load(todo, problems)
    ttasks, area = parse_todo(tlines, problems)
    otasks = parse_owner(olines, problems)

    keys = [(o, body_title(b)) for o, b, _, _ in ttasks]
    if len(set(keys)) != len(keys):
        problems.append("TODO.md: duplicate (owner, title) pairs: %d" % (len(keys) - len(set(keys))))
    cto_todo = [(b, x, s) for o, b, x, s in ttasks if o == "CTO"]
    cto_owner = [(b, x, s) for _, b, x, s in otasks]
    if sorted(cto_todo) != sorted(cto_owner):
        a, b = set(cto_todo), set(cto_owner)
        problems.append("CTO tasks differ: %d only in TODO.md, %d only in owner doc; e.g. %r / %r" % (
            len(a - b), len(b - a), sorted(a - b)[:1], sorted(b - a)[:1]))
    # A task the owner doc lists in TODO order within each section.
    for sec in ("completed", "in-progress", "high", "medium", "low"):
        if [t for t in cto_todo if t[2] == sec] != [t for t in cto_owner if t[2] == sec]:
            problems.append("CTO tasks of %s are not in the same order" % sec)
    summary = {
        "todo": tinfo, "owner": oinfo, "layout": "area" if area else "sectioned",
        "tasks": len(ttasks), "cto_tasks": len(cto_todo), "owner_doc_tasks": len(cto_owner),
        "owners": sorted({o for o, _, _, _ in ttasks}),
        "critical": sum(1 for _, b, _, _ in ttasks if b.startswith("**CRITICAL**")),
        "verify": sum(1 for _, b, _, _ in ttasks if b.startswith("**VERIFY**")),
        "non_ascii_titles": sum(1 for _, b, _, _ in ttasks if not b.isascii()),
        "code_spans": sum(1 for _, b, _, _ in ttasks if "`" in b),
        "problems": problems[:20],
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
