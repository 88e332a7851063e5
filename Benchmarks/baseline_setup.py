#!/usr/bin/env python3
"""Prepare the data of the third-party baselines from a generated TODO.md.

    baseline_setup.py taskwarrior TODO.md DIR   # DIR/rc, DIR/pristine (N pending tasks)
    baseline_setup.py calcurse TODO.md DIR      # DIR/todo with N todo items

taskwarrior: every task of TODO.md becomes a pending task (description = the title,
project = the owner, priority from the section), imported with `task import` into
DIR/pristine with rc.confirmation=off; DIR/rc points at DIR/data, which the caller fills
(compare.py copies DIR/pristine there before timing `task export`).
calcurse: every task becomes a todo line `[priority] title` in DIR/todo.
Standard library only.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import uuid

LINE = re.compile(r"^- \[( |x)\] (.*?)(?: \[Status: [^\]]+\] \[Priority: (\w+)\])? \[Owner: (\w+)\]\r?$")


def tasks_of(todo):
    section = "medium"
    with open(todo, encoding="utf-8-sig") as f:
        for line in f:
            if line.startswith("### ") and line.rstrip().endswith("Priority"):
                section = line[4:].split()[0].lower()
            elif line.startswith("## "):
                section = "medium"
            m = LINE.match(line.rstrip("\n"))
            if m:
                title = m.group(2)
                if title.startswith("**VERIFY**: ") and title.endswith(" (needs verification)"):
                    title = title[12:-21]
                elif title.startswith("**CRITICAL**: "):
                    title = title[14:]
                yield title, m.group(4), (m.group(3) or section).lower()


def taskwarrior(todo, out):
    data = os.path.join(out, "pristine")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(data)
    rc = os.path.join(out, "rc")
    with open(rc, "w") as f:
        f.write("data.location=%s\nconfirmation=off\nnews.version=9.9.9\nhooks=off\n" % data)
    items = []
    for i, (title, owner, prio) in enumerate(tasks_of(todo)):
        items.append({"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "ctoboard-bench/%d" % i)),
                      "description": title, "status": "pending", "entry": "20260101T000000Z",
                      "project": owner, "priority": {"high": "H", "medium": "M", "low": "L"}.get(prio, "M")})
    jpath = os.path.join(out, "tasks.json")
    with open(jpath, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)
    env = dict(os.environ, TASKRC=rc)
    subprocess.run(["task", "import", jpath], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    count = subprocess.run(["task", "count", "status:pending"], env=env, check=True, capture_output=True).stdout.split()[-1]
    # Point the rc at DIR/data, the working copy the benchmark restores before each run.
    with open(rc, "w") as f:
        f.write("data.location=%s\nconfirmation=off\nnews.version=9.9.9\nhooks=off\n" % os.path.join(out, "data"))
    return {"rc": rc, "pending": int(count), "tasks": len(items)}


def calcurse(todo, out):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    prio = {"high": 1, "medium": 5, "low": 9}
    n = 0
    with open(os.path.join(out, "todo"), "w", encoding="utf-8") as f:
        for title, owner, p in tasks_of(todo):
            f.write("[%d] %s\n" % (prio.get(p, 5), title))
            n += 1
    for name in ("apts", "conf"):
        open(os.path.join(out, name), "w").close()
    return {"dir": out, "todos": n}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("taskwarrior", "calcurse"):
        sys.exit(__doc__)
    print(json.dumps({"taskwarrior": taskwarrior, "calcurse": calcurse}[sys.argv[1]](sys.argv[2], sys.argv[3])))


if __name__ == "__main__":
    main()
