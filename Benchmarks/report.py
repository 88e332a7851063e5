#!/usr/bin/env python3
"""Turn the JSON lines written by timeit.py / first_frame.py into Markdown tables.

    report.py RESULTS.jsonl

Each line has a "label" (see ORDER below), a "size" and either median_ms/min_ms/max_ms/
peak_rss_mb or "error"; lines from growth.py have a "growth" label instead. Prints the
results table (with ratios to the baselines), the growth table, and the interleaved growth
table. Standard library only.
"""

import json
import sys

# label -> (display name, [(baseline label, short name)])
ORDER = [
    ("version", "`ctoboard --version` (process start-up floor)", []),
    ("list", "`ctoboard list --json`", []),
    ("check", "`ctoboard check`", []),
    ("toggle", "`ctoboard toggle ID`", [("flip", "flip"), ("task-done", "`task 1 done`")]),
    ("sync", "`ctoboard sync` (after an external edit)", [("flip", "flip")]),
    ("board", "board: first frame in tmux", [("calcurse-n", "calcurse with N todos"), ("calcurse", "calcurse empty"),
                                              ("tmux-floor", "tmux floor")]),
    ("flip", "baseline: flip + fsync both files (Python)", []),
    ("task-done", "baseline: taskwarrior `task 1 done`", []),
    ("calcurse-n", "baseline: calcurse first frame, N todo items", []),
    ("calcurse", "baseline: calcurse first frame, no data", []),
    ("tmux-floor", "baseline: tmux floor (`sh -c 'echo ready'`)", []),
]


def fmt(x):
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    return "%.2f" % x


def size_str(n):
    return "—" if n is None else "{:,}".format(n)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = {}
    notes = []
    growth = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if r.get("note"):
                notes.append(r["note"])
                continue
            if r.get("growth"):
                growth.append(r)
                continue
            rows[(r["label"], r.get("size"))] = r
    sizes = sorted({s for (_, s) in rows if s is not None})

    def get(label, size):
        r = rows.get((label, size))
        if r is None and label in ("tmux-floor", "calcurse"):
            r = rows.get((label, None))
        return r

    out = []
    out.append("| command | size (tasks) | median ms | min–max ms | peak RSS MB | ratio to baseline |")
    out.append("|---|---:|---:|---:|---:|---|")
    for size in sizes + [None]:
        for label, name, bases in ORDER:
            r = rows.get((label, size))
            if r is None:
                continue
            if "error" in r:
                out.append("| %s | %s | %s | | | |" % (name, size_str(size), r["error"].replace("|", "\\|")))
                continue
            ratios = []
            for bl, bname in bases:
                b = get(bl, size)
                if b and "median_ms" in b and b["median_ms"] > 0:
                    ratios.append("×%.2f vs %s" % (r["median_ms"] / b["median_ms"], bname))
            rss = r.get("peak_rss_mb")
            out.append("| %s | %s | %s | %s–%s | %s | %s |" % (
                name, size_str(size), fmt(r["median_ms"]), fmt(r["min_ms"]), fmt(r["max_ms"]),
                "%.1f" % rss if rss is not None else "", ", ".join(ratios) or "—"))
    print("\n".join(out))

    if len(sizes) > 1:
        print()
        print("Growth: the median at each size divided by the median at the previous size,")
        print("next to the size ratio (×10 tasks taking ×10 time is linear; much less means fixed costs dominate).")
        print()
        head = "| command | " + " | ".join("%s→%s" % (size_str(a), size_str(b)) for a, b in zip(sizes, sizes[1:])) + " |"
        out = [head, "|---|" + "---:|" * (len(sizes) - 1)]
        for label, name, _ in ORDER:
            cells = []
            anything = False
            for a, b in zip(sizes, sizes[1:]):
                ra, rb = rows.get((label, a)), rows.get((label, b))
                if ra and rb and "median_ms" in ra and "median_ms" in rb and ra["median_ms"] > 0:
                    cells.append("×%.2f time (×%g tasks)" % (rb["median_ms"] / ra["median_ms"], b / a))
                    anything = True
                else:
                    cells.append("n/a")
            if anything:
                out.append("| %s | %s |" % (name, " | ".join(cells)))
        print("\n".join(out))
    if growth:
        small, large = growth[0]["small"], growth[0]["large"]
        print()
        print("Growth, interleaved: each command run at %s tasks, then at %s, in alternation, so that"
              % (size_str(small), size_str(large)))
        print("both medians of a ratio are taken under the same machine conditions.")
        print()
        out = ["| command | median at %s | median at %s | ratio (×%g tasks) |" % (size_str(small), size_str(large), large / small),
               "|---|---:|---:|---:|"]
        names = {label: name for label, name, _ in ORDER}
        for r in growth:
            name = names.get(r["growth"], r["growth"])
            if "error" in r:
                out.append("| %s | %s | | |" % (name, r["error"].replace("|", "\\|")))
            else:
                out.append("| %s | %s | %s | ×%.2f |" % (name, fmt(r["small_median_ms"]), fmt(r["large_median_ms"]), r["ratio"]))
        print("\n".join(out))
    if notes:
        print()
        for n in notes:
            print("- " + n)


if __name__ == "__main__":
    main()
