#!/usr/bin/env bash
# The fault matrix: for every step of a commit (the debug binary lists them:
# `CTOBOARD_FAULT=list ctoboard --version`) and for `toggle` and
# `move`, kill ctoboard at that step (SIGKILL) and, separately, fail it with EIO, ENOSPC and
# EACCES. After each case `ctoboard check` (which recovers first) must exit 0, the pair must be
# both old or both new (byte for byte against a clean run), no `*.ctoboard-tmp` or journal may
# be left, and a failure must be one line on stderr naming the file. Also: a full disk (a small tmpfs), an immutable file (chattr +i)
# and a document replaced by a folder.
#
#   Scripts/fault-matrix.sh [BINARY]     (default .build/debug/ctoboard; a debug build: a
#                                         release build has no fault points)
#
# Prints a table of cases and exits 1 when any case fails. Each case runs in a fresh temp git
# repository holding a copy of Examples/workspace; the steps are also run for `toggle` on a
# generated pair of 6,000 tasks (half a megabyte).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/.build/debug/ctoboard}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "fault-matrix: no ctoboard binary at $bin; build it (swift build) or pass its path" >&2
  exit 2
fi
command -v git >/dev/null || { echo "fault-matrix: needs git" >&2; exit 2; }
exec python3 - "$bin" "$root" <<'PY'
import atexit, json, os, shutil, signal, subprocess, sys, tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, "Examples", "workspace")
OWNER_REL = "docs/Development/CTO_OWNER.md"
TODO_REL = "docs/Project Management/TODO.md"
_listed = subprocess.run([BIN, "--version"], capture_output=True, text=True,
                         env={**os.environ, "CTOBOARD_FAULT": "list"})
STEPS = _listed.stdout.split()
if _listed.returncode != 0 or "journal-written" not in STEPS or "history-stored" not in STEPS:
    sys.exit(f"fault-matrix: {BIN} lists no fault steps (CTOBOARD_FAULT=list --version printed "
             f"{_listed.stdout.strip()[:80]!r}): build it in debug (swift build)")
# From journal-written on, a crash is rolled forward; a failure once the documents are renamed
# and their folders fsynced is finished by the next start (the command itself reports success).
COMMIT_POINT = STEPS.index("journal-written")
FINISHED = STEPS.index("history-stored")
OPERATIONS = {
    "toggle": ["toggle", "Conduct security audits"],
    "move": ["move", "Document Phoenix/Elixir stack architecture", "--to", "high"],
}
ERRNOS = ["EIO", "ENOSPC", "EACCES"]
ENV = {k: v for k, v in os.environ.items() if not k.startswith("CTOBOARD_")}
ENV.update({"CTOBOARD_TODAY": "2026-11-05", "NO_COLOR": "1"})
TMP = tempfile.mkdtemp(prefix="ctoboard-faults-")
results = []
mounts = []


@atexit.register
def cleanup():
    for m in mounts:
        subprocess.run(["umount", m], capture_output=True)
    subprocess.run(["chattr", "-R", "-i", TMP], capture_output=True)
    shutil.rmtree(TMP, ignore_errors=True)


class Workspace:
    def __init__(self, parent=TMP, source=EXAMPLE):
        self.root = tempfile.mkdtemp(prefix="ws-", dir=parent)
        shutil.copytree(source, self.root, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
        subprocess.run(["git", "init", "-q", self.root], check=True)
        self.owner = os.path.join(self.root, OWNER_REL)
        self.todo = os.path.join(self.root, TODO_REL)

    def run(self, args, env=None, timeout=60):
        e = dict(ENV)
        e.update(env or {})
        p = subprocess.run([BIN] + args + ["--owner-doc", self.owner], cwd=self.root, env=e,
                           capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")

    def docs(self):
        out = []
        for p in (self.owner, self.todo):
            try:
                with open(p, "rb") as f:
                    out.append(f.read())
            except OSError as e:
                out.append(("unreadable", str(e)))
        return tuple(out)

    def leftovers(self):
        found = []
        for d, dirs, files in os.walk(self.root):
            for f in files:
                if f.endswith(".ctoboard-tmp") or (d.endswith("ctoboard") and f == "journal"):
                    found.append(os.path.relpath(os.path.join(d, f), self.root))
        return found


def names_file(stderr, ws):
    """One line, naming a path of the pair or its state folder."""
    lines = stderr.strip("\n").split("\n") if stderr.strip() else []
    if len(lines) != 1:
        return False, f"{len(lines)} lines on stderr: {stderr.strip()[:200]!r}"
    line = lines[0]
    for p in (ws.owner, ws.todo, os.path.join(ws.root, ".git", "ctoboard")):
        if p in line:
            return True, line.replace(ws.root + "/", "")
    return False, f"names no file: {line[:200]!r}"


def record(case, expect, ok, detail):
    results.append((case, expect, "PASS" if ok else "FAIL", detail))
    print(f"  {'PASS' if ok else 'FAIL'}  {case}: {detail}" if not ok or os.environ.get("VERBOSE") else f"  PASS  {case}", flush=True)


def after_checks(ws, old, new, problems, allowed=("old", "new")):
    """check exits 0 (recovering first), both old or both new, nothing left behind."""
    rc, out, err = ws.run(["check"])
    if rc != 0:
        problems.append(f"check exit {rc}: {(out + err).strip()[:200]}")
    docs = ws.docs()
    state = "old" if docs == old else "new" if docs == new else None
    if state is None:
        half = "owner " + ("old" if docs[0] == old[0] else "new" if docs[0] == new[0] else "other") \
               + ", TODO.md " + ("old" if docs[1] == old[1] else "new" if docs[1] == new[1] else "other")
        problems.append(f"pair is neither both old nor both new ({half})")
    elif state not in allowed:
        problems.append(f"pair is {state}, expected {'/'.join(allowed)}")
    left = ws.leftovers()
    if left:
        problems.append(f"left behind: {', '.join(left)}")
    return state


def clean_run(op, source=EXAMPLE):
    ws = Workspace(source=source)
    old = ws.docs()
    rc, out, err = ws.run(op)
    if rc != 0:
        sys.exit(f"fault-matrix: clean `{' '.join(op)}` failed ({rc}): {err}")
    new = ws.docs()
    if new[0] == old[0] or new[1] == old[1]:
        sys.exit(f"fault-matrix: `{' '.join(op)}` does not change both documents")
    return old, new


# A larger pair (half a megabyte).
LARGE = os.path.join(TMP, "large-pair")
subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), LARGE,
                "--tasks", "6000", "--seed", "3", "--quiet"], check=True)
_probe = Workspace(source=LARGE)
_rc, _out, _err = _probe.run(["list", "--json"])
if _rc != 0:
    sys.exit(f"fault-matrix: list --json on the large pair failed ({_rc}): {_err}")
LARGE_OPERATIONS = {"toggle (large pair)": ["toggle", json.loads(_out)["tasks"][0]["id"]]}

print(f"fault-matrix: {BIN}\nfault-matrix: steps {', '.join(STEPS)}")
for name, op, source in [(n, o, EXAMPLE) for n, o in OPERATIONS.items()] + \
                        [(n, o, LARGE) for n, o in LARGE_OPERATIONS.items()]:
    old, new = clean_run(op, source)
    for i, step in enumerate(STEPS):
        # SIGKILL at the step: no message; the next start rolls forward or discards.
        ws = Workspace(source=source)
        rc, out, err = ws.run(op, {"CTOBOARD_FAULT": step})
        problems = []
        if rc != -signal.SIGKILL:
            problems.append(f"exit {rc}, expected SIGKILL")
        expect = "new" if i >= COMMIT_POINT else "old"
        state = after_checks(ws, old, new, problems, allowed=(expect,))
        record(f"{name} kill@{step}", f"SIGKILL, then {expect}", not problems,
               "; ".join(problems) or f"killed, recovered to {state}")
        for code in ERRNOS:
            ws = Workspace(source=source)
            rc, out, err = ws.run(op, {"CTOBOARD_FAIL": f"{step}:{code}"})
            problems = []
            if i >= FINISHED:
                # The documents are both new and the journal durable: the change is made and
                # reported; the next start finishes storing the base and history.
                expect, allowed = "exit 0, new", ("new",)
                if rc != 0:
                    problems.append(f"exit {rc}: {err.strip()[:200]}")
                detail = "committed; next start finishes"
            else:
                expect, allowed = "exit 3, old, names file", ("old",)
                if rc != 3:
                    problems.append(f"exit {rc}, expected 3: {err.strip()[:200]}")
                ok, detail = names_file(err, ws)
                if not ok:
                    problems.append(detail)
                elif code == "EIO" and "Input/output error" not in detail or \
                     code == "ENOSPC" and "No space left" not in detail or \
                     code == "EACCES" and "Permission denied" not in detail:
                    problems.append(f"the message does not give the cause: {detail[:200]}")
                if ws.docs() != old:
                    problems.append("a document changed before check")
            state = after_checks(ws, old, new, problems, allowed=allowed)
            record(f"{name} {code}@{step}", expect, not problems, "; ".join(problems) or detail)


def failing_write(case, ws, op, old, new, expect_code=3, cleanup=None, names=None):
    """Runs `op`, expecting a clean failure: exit code, one line naming the file (`names` when
    given), nothing changed; then `cleanup` restores the workspace and check must pass with the
    pair old."""
    rc, out, err = ws.run(op)
    problems = []
    if rc != expect_code:
        problems.append(f"exit {rc}, expected {expect_code}: {err.strip()[:200]}")
    ok, detail = names_file(err, ws)
    if not ok:
        problems.append(detail)
    elif names and os.path.relpath(names, ws.root) not in detail:
        problems.append(f"does not name {os.path.relpath(names, ws.root)}: {detail[:200]}")
    if cleanup:
        cleanup()
    after_checks(ws, old, new, problems, allowed=("old",))
    record(case, f"exit {expect_code}, old, names file", not problems, "; ".join(problems) or detail)


print("fault-matrix: environment cases")
for name, op in OPERATIONS.items():
    old, new = clean_run(op)

    # A full disk: the workspace on a 512 KiB tmpfs, filled up after a first change.
    mnt = tempfile.mkdtemp(prefix="tmpfs-", dir=TMP)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mnt], capture_output=True).returncode != 0:
        results.append((f"{name} full disk (tmpfs)", "exit 3", "SKIP", "mounting a tmpfs is not permitted here"))
        print(f"  SKIP  {name} full disk: mounting a tmpfs is not permitted here")
    else:
        mounts.append(mnt)
        try:
            ws = Workspace(parent=mnt)
            ws.run(op)
            ws.run(["undo"])   # the state folder, base and history exist; the pair is old again
            filler = os.path.join(mnt, "filler")
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                while True:
                    os.write(fd, b"\0" * 4096)
            except OSError:
                pass
            os.close(fd)
            n = 0
            while True:   # and the last partial pages
                try:
                    fd = os.open(os.path.join(mnt, f"f{n}"), os.O_WRONLY | os.O_CREAT, 0o644)
                    n += 1
                    os.write(fd, b"x" * 512)
                    os.close(fd)
                except OSError:
                    try: os.close(fd)
                    except OSError: pass
                    break
            if ws.docs() != old:
                record(f"{name} full disk (tmpfs)", "setup", False, "undo did not restore the pair")
            else:
                def free():
                    os.unlink(filler)
                    for k in range(n + 1):
                        try: os.unlink(os.path.join(mnt, f"f{k}"))
                        except OSError: pass
                failing_write(f"{name} full disk (tmpfs)", ws, op, old, new, cleanup=free)
        finally:
            subprocess.run(["umount", mnt], capture_output=True)
            mounts.remove(mnt)

    # An immutable document.
    for which in ("owner", "todo"):
        ws = Workspace()
        path = ws.owner if which == "owner" else ws.todo
        if subprocess.run(["chattr", "+i", path], capture_output=True).returncode != 0:
            results.append((f"{name} immutable {which} document", "exit 3", "SKIP", "chattr +i is not supported here"))
            print(f"  SKIP  {name} immutable {which} document: chattr +i is not supported here")
            continue
        try:
            failing_write(f"{name} immutable {which} document", ws, op, old, new, names=path,
                          cleanup=lambda path=path: subprocess.run(["chattr", "-i", path]))
        finally:
            subprocess.run(["chattr", "-i", path], capture_output=True)

    # A document replaced by a folder: a clear bad-input error naming it, the other document
    # untouched. TODO.md is passed with --todo (the sync line would not find a folder).
    for which in ("owner", "todo"):
        ws = Workspace()
        path = ws.owner if which == "owner" else ws.todo
        saved = open(path, "rb").read()
        os.unlink(path)
        os.mkdir(path)

        def restore(path=path, saved=saved):
            os.rmdir(path)
            with open(path, "wb") as f:
                f.write(saved)
        failing_write(f"{name} {which} document is a folder", ws, op + ["--todo", ws.todo], old, new,
                      expect_code=2, cleanup=restore, names=path)


w = max(len(r[0]) for r in results)
e = max(len(r[1]) for r in results)
print()
print(f"{'CASE':<{w}}  {'EXPECT':<{e}}  RESULT  DETAIL")
for case, expect, res, detail in results:
    print(f"{case:<{w}}  {expect:<{e}}  {res:<6}  {detail[:160]}")
fails = sum(1 for r in results if r[2] == "FAIL")
skips = sum(1 for r in results if r[2] == "SKIP")
print(f"\n{len(results)} cases: {len(results) - fails - skips} passed, {fails} failed, {skips} skipped")
sys.exit(1 if fails else 0)
PY
