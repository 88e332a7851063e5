#!/usr/bin/env python3
"""Time ctoboard against its anchors, alternately, and print one Markdown table.

    compare.py --bin CTOBOARD --flip FLIP --data DIR [--runs 15] [--warmup 2]

DIR holds what run.sh prepared: example/, 20000/ and 100000/ (each a docs/ pair as
generate.py writes it). Every figure is a pair of commands, A (ctoboard) and B (its
anchor), run A, B, A, B, ... in the same run, so that both medians see the same machine
conditions; the warmup rounds are not counted. Each command that writes gets its own copy
of the pair. Standard library only; needs tmux, taskwarrior and calcurse for their rows
and GNU time (/usr/bin/time) for peak RSS.
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import baseline_setup  # noqa: E402

OWNER = os.path.join("docs", "Development", "CTO_OWNER.md")
TODO = os.path.join("docs", "Project Management", "TODO.md")
PAIR = ["--owner-doc", OWNER, "--todo", TODO]


class Failed(Exception):
    pass


def first_line(text):
    return next((l.strip()[:160] for l in text.splitlines() if l.strip()), "")


# ---------------------------------------------------------------- one command line

class Cli:
    """A command run to completion; the time covers fork, exec and wait."""

    def __init__(self, cmd, cwd=None, env=None):
        self.cmd, self.cwd, self.env = cmd, cwd, dict(os.environ, **(env or {}))

    def run(self):
        with tempfile.TemporaryFile() as err:
            t0 = time.perf_counter_ns()
            code = subprocess.call(self.cmd, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=err)
            t1 = time.perf_counter_ns()
            if code != 0:
                err.seek(0)
                raise Failed("%s exited %d: %s" % (os.path.basename(self.cmd[0]), code,
                                                   first_line(err.read().decode("utf-8", "replace"))))
        return (t1 - t0) / 1e6

    def peak_rss_mb(self):
        """Maximum resident set size of one run under GNU time: a child's ru_maxrss seen from
        Python would also count the Python process it was forked from."""
        if not os.access("/usr/bin/time", os.X_OK):
            return None
        with tempfile.NamedTemporaryFile("r") as out:
            Cli(["/usr/bin/time", "-q", "-f", "%M", "-o", out.name] + self.cmd, self.cwd, self.env).run()
            return int(open(out.name).read().split()[-1]) / 1024.0


# ---------------------------------------------------------------- first frame in tmux

class Tmux:
    """A private tmux server, started once with an idle session so its start-up is not timed."""

    def __init__(self):
        self.sock = "ctoboard-bench-%d" % os.getpid()
        self.count = 0
        self("-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 86400")
        # Keep a pane after its program exits, so an early exit is seen as such.
        self("set-option", "-g", "remain-on-exit", "on")

    def __call__(self, *args, check=True):
        return subprocess.run(["tmux", "-u", "-L", self.sock] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=check)

    def close(self):
        path = self("display-message", "-p", "#{socket_path}", check=False).stdout.decode().strip()
        self("kill-server", check=False)
        if path and os.path.basename(path) == self.sock and os.path.exists(path):
            os.unlink(path)


class Frame:
    """A terminal program started in a new 120x40 tmux session; the time runs from just before
    `new-session` to the `capture-pane` that first shows `expect`."""

    def __init__(self, tmux, cmd, expect, cwd=None, timeout=60.0):
        self.tmux, self.command, self.expect, self.cwd, self.timeout = tmux, shlex.join(cmd), expect, cwd, timeout
        self.rss = 0.0

    def run(self):
        t = self.tmux
        t.count += 1
        name = "run%d" % t.count
        target = name + ":0.0"
        pids = []
        t0 = time.perf_counter_ns()
        t("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", self.cwd or os.getcwd(), self.command)
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                pane = t("capture-pane", "-p", "-t", target, check=False).stdout.decode("utf-8", "replace")
                if self.expect in pane:
                    t1 = time.perf_counter_ns()
                    pids = descendants(pane_pid(t, target))
                    self.rss = max(self.rss, vm_hwm_mb(pids))
                    return (t1 - t0) / 1e6
                if "Pane is dead" in pane:
                    raise Failed("%s exited before %r appeared: %s" % (self.command.split()[0], self.expect, first_line(pane)))
                if time.monotonic() > deadline:
                    raise Failed("no %r within %.0f s" % (self.expect, self.timeout))
        finally:
            pids = set(pids) | set(descendants(pane_pid(t, target)))
            t("kill-session", "-t", name, check=False)
            reap(pids)

    def peak_rss_mb(self):
        return self.rss or None


def pane_pid(t, target):
    out = t("display-message", "-p", "-t", target, "#{pane_pid}", check=False).stdout.strip()
    return int(out) if out.isdigit() else None


def descendants(pid):
    if pid is None:
        return []
    children = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        children.setdefault(int(stat[stat.rfind(")") + 2:].split()[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def vm_hwm_mb(pids):
    best = 0
    for p in pids:
        try:
            with open("/proc/%d/status" % p) as f:
                best = max([best] + [int(l.split()[1]) for l in f if l.startswith("VmHWM:")])
        except OSError:
            pass
    return best / 1024.0


def reap(pids, grace=3.0):
    """Wait until the program (sent SIGHUP by kill-session) is gone, so locks it holds (calcurse
    checks a pid file) are free for the next run; SIGKILL it by pid after `grace` seconds."""
    deadline = time.monotonic() + grace
    while any(os.path.exists("/proc/%d" % p) for p in pids):
        if time.monotonic() > deadline:
            for p in pids:
                try:
                    os.kill(p, signal.SIGKILL)
                except OSError:
                    pass
            return
        time.sleep(0.01)


# ---------------------------------------------------------------- alternation

def alternate(a, b, runs, warmup):
    """Runs a, b, a, b, ...; returns the two medians in ms."""
    times = ([], [])
    for i in range(warmup + runs):
        for k, x in enumerate((a, b)):
            ms = x.run()
            if i >= warmup:
                times[k].append(ms)
    return statistics.median(times[0]), statistics.median(times[1])


def copy_pair(data, name, copy):
    dest = os.path.join(data, "copies", "%s-%s" % (name, copy))
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(os.path.join(data, name, "docs"), os.path.join(dest, "docs"))
    return dest


def first_task_id(bin, folder):
    out = subprocess.run([bin, "list", "--json"] + PAIR, cwd=folder,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if out.returncode != 0:
        raise Failed("list --json exited %d: %s" % (out.returncode, first_line(out.stderr.decode("utf-8", "replace"))))
    doc = json.loads(out.stdout)
    return str((doc["tasks"] if isinstance(doc, dict) else doc)[0]["id"])


def tasks_in(data, name):
    with open(os.path.join(data, name, TODO), encoding="utf-8-sig") as f:
        return sum(1 for line in f if line.startswith(("- [ ] ", "- [x] ")))


# ---------------------------------------------------------------- the figures

class Bench:
    def __init__(self, a):
        self.a = a
        self.data = a.data
        self.tmux = None
        self.rows = []
        self.rss = []  # (MB, what)

    def toggle(self, name):
        folder = copy_pair(self.data, name, "toggle")
        return Cli([self.a.bin, "toggle", first_task_id(self.a.bin, folder)] + PAIR, folder)

    def floor(self, name):
        folder = copy_pair(self.data, name, "flip")
        return Cli([self.a.flip, OWNER, TODO], folder)

    def list_json(self, name):
        return Cli([self.a.bin, "list", "--json"] + PAIR, copy_pair(self.data, name, "list"))

    def board(self, name):
        folder = copy_pair(self.data, name, "board")
        return Frame(self.need_tmux(), [self.a.bin] + PAIR, "In Progress", folder)

    def calcurse(self, name):
        folder = os.path.join(self.data, "calcurse-" + name)
        baseline_setup.calcurse(os.path.join(self.data, name, TODO), folder)
        return Frame(self.need_tmux(), ["calcurse", "-D", folder], "TODO", folder, timeout=300.0)

    def task_export(self, name):
        folder = os.path.join(self.data, "taskwarrior-" + name)
        baseline_setup.taskwarrior(os.path.join(self.data, name, TODO), folder)
        shutil.copytree(os.path.join(folder, "pristine"), os.path.join(folder, "data"))
        return Cli(["task", "export"], folder, {"TASKRC": os.path.join(folder, "rc")})

    def need_tmux(self):
        if self.tmux is None:
            self.tmux = Tmux()
        return self.tmux

    def figure(self, title, anchor_name, target, make_a, make_b, needs=()):
        missing = [t for t in needs if shutil.which(t) is None]
        if missing:
            self.rows.append((title, "n/a", anchor_name, "n/a", target,
                              "not run: %s not installed" % " and ".join(missing)))
            return
        try:
            a, b = make_a(), make_b()
            ma, mb = alternate(a, b, self.a.runs, self.a.warmup)
        except (Failed, subprocess.CalledProcessError, OSError, KeyError, ValueError) as e:
            self.rows.append((title, "n/a", anchor_name, "n/a", target, "failed: %s" % e))
            return
        ratio = ma / mb
        self.rows.append((title, fmt_ms(ma), "%s %s" % (anchor_name, fmt_ms(mb)), "%.2f×" % ratio, "≤ %g×" % target,
                          "yes" if ratio <= target else "**no**"))
        return a

    def rss_of(self, what, thing):
        try:
            mb = thing.peak_rss_mb()
        except Failed:
            mb = None
        if mb:
            self.rss.append((mb, what))

    def run(self):
        n_ex, n_20, n_100 = (tasks_in(self.data, n) for n in ("example", "20000", "100000"))
        k = "{:,}".format
        self.figure("`toggle`, example pair (%d tasks)" % n_ex, "C floor", 5,
                    lambda: self.toggle("example"), lambda: self.floor("example"))
        toggle20 = self.figure("`toggle`, %s tasks" % k(n_20), "C floor", 8,
                               lambda: self.toggle("20000"), lambda: self.floor("20000"))
        list20 = self.figure("`list --json`, %s tasks" % k(n_20), "`task export`", 0.25,
                             lambda: self.list_json("20000"), lambda: self.task_export("20000"), needs=("task",))
        self.figure("first frame in tmux, example pair", "calcurse, same tasks", 1,
                    lambda: self.board("example"), lambda: self.calcurse("example"), needs=("tmux", "calcurse"))
        board20 = self.figure("first frame in tmux, %s tasks" % k(n_20), "calcurse, same tasks", 1,
                              lambda: self.board("20000"), lambda: self.calcurse("20000"), needs=("tmux", "calcurse"))
        growth = "growth %s → %s tasks: " % (k(n_20), k(n_100))
        self.figure(growth + "`list --json`", "at %s" % k(n_20), 5,
                    lambda: self.list_json("100000"), lambda: self.list_json("20000"))
        self.figure(growth + "`toggle`", "at %s" % k(n_20), 5,
                    lambda: self.toggle("100000"), lambda: self.toggle("20000"))
        self.figure(growth + "first frame", "at %s" % k(n_20), 5,
                    lambda: self.board("100000"), lambda: self.board("20000"), needs=("tmux",))
        for what, thing in (("`list --json`", list20), ("`toggle`", toggle20), ("first frame", board20)):
            if thing is not None:
                self.rss_of(what, thing)
        if self.rss:
            mb, what = max(self.rss)
            self.rows.append(("peak RSS, %s tasks (largest of `list --json`, `toggle`, first frame)" % k(n_20),
                              "%.1f MB (%s)" % (mb, what), "—", "—", "≤ 40 MB", "yes" if mb <= 40 else "**no**"))
        else:
            self.rows.append(("peak RSS, %s tasks" % k(n_20), "n/a", "—", "—", "≤ 40 MB",
                              "not run: needs /usr/bin/time (apt-get install time) and tmux"))

    def close(self):
        if self.tmux:
            self.tmux.close()


def fmt_ms(x):
    return ("%.0f ms" if x >= 100 else "%.1f ms") % x


def tool_version(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=10)
        return first_line(out.stdout.decode("utf-8", "replace"))
    except (OSError, subprocess.TimeoutExpired):
        return None


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    return "%d cores%s, %s %s, load average %.1f" % (os.cpu_count() or 0, " (%s)" % model if model else "",
                                                     platform.system(), platform.release(), os.getloadavg()[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--flip", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--build", default="", help="what was built, for the header (e.g. a commit)")
    a = ap.parse_args()
    bench = Bench(a)
    try:
        bench.run()
    finally:
        bench.close()
    versions = [("ctoboard", [a.bin, "--version"]), ("taskwarrior", ["task", "--version"]),
                ("calcurse", ["calcurse", "--version"]), ("tmux", ["tmux", "-V"])]
    tools = []
    for name, cmd in versions:
        v = tool_version(cmd)
        if v:
            tools.append("%s %s" % (name, v.split()[-1] if name != "calcurse" else v.split()[1]))
    if a.build and tools and tools[0].startswith("ctoboard"):
        tools[0] += " (%s)" % a.build
    print("Measured %s on %s; %s. Medians of %d alternating runs after %d warmup rounds."
          % (datetime.date.today().isoformat(), machine(), ", ".join(tools), a.runs, a.warmup))
    print()
    print("| figure | ctoboard | anchor | ratio | target | met |")
    print("|---|---:|---:|---:|---:|---|")
    for row in bench.rows:
        print("| %s |" % " | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
