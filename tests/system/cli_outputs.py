#!/usr/bin/env python3
"""Every subcommand's output, byte for byte, against recorded expected outputs.

Builds a set of databases deterministically (the demo with a seed, sqlite3-made files, a damaged
copy, a file that is not a database, a missing one, one a live sqlite3 process holds open with a
read transaction and uncheckpointed WAL frames), runs each subcommand on them as a user would, and
compares exit code, stdout and stderr with tests/system/data/cli-outputs/<case>.txt after masking
what changes from run to run: the temporary folder, pids, times, dates, the log file's path.

The expected files were recorded with the binary from before the headless split (issue 21), so the
split provably changed no subcommand's output:
    cli_outputs.py --inspector OLD/kalito-inspector --expected DIR --record
Usage: cli_outputs.py --inspector PATH --expected DIR [--record] [--only SUBSTRING]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def sqlite3(path, sql):
    subprocess.run(["sqlite3", "-batch", path], input=sql, text=True, check=True,
                   stdout=subprocess.DEVNULL)


def make_databases(inspector, d, env):
    """The databases; returns the live sqlite3 process (to be ended by the caller)."""
    run = lambda args: subprocess.run([inspector] + args, env=env, cwd=d, check=True,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run(["demo", os.path.join(d, "demo.db"), "--sessions", "6", "--messages-per-session", "7",
         "--large-session", "40", "--seed", "11"])
    shutil.copy(os.path.join(d, "demo.db"), os.path.join(d, "damaged.db"))
    # Damage a page in the middle of the file (not page 1: the file still opens).
    with open(os.path.join(d, "damaged.db"), "r+b") as f:
        size = f.seek(0, 2)
        page = 4096
        f.seek((size // page // 2) * page + 100)
        f.write(b"\xff" * 600)
    sqlite3(os.path.join(d, "rollback.db"),
            "PRAGMA journal_mode=DELETE; CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
            "INSERT INTO notes(body) VALUES ('one'),('two'),('three');")
    sqlite3(os.path.join(d, "foreign.db"),
            "PRAGMA journal_mode=WAL; CREATE TABLE a(id INTEGER PRIMARY KEY);"
            "CREATE TABLE b(id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id));"
            "INSERT INTO a VALUES (1); INSERT INTO b VALUES (1, 1), (2, 7), (3, 9);")
    open(os.path.join(d, "empty.db"), "wb").close()
    with open(os.path.join(d, "text.db"), "w") as f:
        f.write("this is not a database\n" * 20)
    # A live process: WAL frames left uncheckpointed, and a read transaction held open.
    live = os.path.join(d, "live.db")
    shutil.copy(os.path.join(d, "demo.db"), live)
    proc = subprocess.Popen(["sqlite3", "-batch", live], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    proc.stdin.write("PRAGMA wal_autocheckpoint=0;\n"
                     "UPDATE sessions SET name = name || ' (edited)';\n"
                     "BEGIN; SELECT count(*) FROM messages;\n"
                     "SELECT 'ready';\n")
    proc.stdin.flush()
    while proc.stdout.readline().strip() != "ready":
        pass
    return proc


def cases():
    """(name, arguments): every subcommand, its options, and its usage errors."""
    c = [("version", ["--version"]), ("help", ["--help"]), ("h", ["-h"])]
    for sub in ["status", "check", "checkpoint", "locks", "demo"]:
        c.append((sub + "-help", [sub, "--help"]))
    dbs = ["demo", "damaged", "rollback", "foreign", "empty", "text", "missing", "live"]
    for db in dbs:
        p = db + ".db"
        c += [("status-text-" + db, ["status", p]),
              ("status-json-" + db, ["status", "--json", p]),
              ("status-readonly-" + db, ["status", "--read-only", "--json", p]),
              ("check-quick-" + db, ["check", "--quick", p]),
              ("check-full-json-" + db, ["check", "--full", "--json", p]),
              ("check-fk-" + db, ["check", "--foreign-keys", p]),
              ("check-pertable-" + db, ["check", "--per-table", "--json", p]),
              ("locks-" + db, ["locks", p]),
              ("locks-json-" + db, ["locks", "--json", p])]
    c += [("status-two-paths", ["status", "demo.db", "rollback.db"]),
          ("status-bad-timeout", ["status", "--busy-timeout", "soon", "demo.db"]),
          ("status-unknown-option", ["status", "--frobnicate", "demo.db"]),
          ("status-no-path", ["status"]),
          ("check-two-modes", ["check", "--quick", "--full", "demo.db"]),
          ("checkpoint-no-mode", ["checkpoint", "demo.db"]),
          ("checkpoint-bad-mode", ["checkpoint", "--mode", "sideways", "demo.db"]),
          ("checkpoint-passive-json-foreign", ["checkpoint", "--mode", "passive", "--json", "foreign.db"]),
          ("checkpoint-truncate-foreign", ["checkpoint", "--mode", "truncate", "foreign.db"]),
          ("checkpoint-passive-rollback", ["checkpoint", "--mode", "passive", "rollback.db"]),
          ("checkpoint-passive-missing", ["checkpoint", "--mode", "passive", "missing.db"]),
          ("locks-watch-duration", ["locks", "--watch", "--duration", "1", "--interval", "200", "rollback.db"]),
          ("demo-exists", ["demo", "demo.db"]),
          ("demo-no-path", ["demo"]),
          ("demo-bad-number", ["demo", "new.db", "--sessions", "many"]),
          ("demo-new", ["demo", "fresh.db", "--sessions", "2", "--messages-per-session", "3", "--seed", "5"]),
          ("probe-files-usage", ["probe-files"])]
    return c


MASKS = [
    (re.compile(r"\bpid[s]?\b(\W+)\d+"), r"pid\1<PID>"),
    (re.compile(r'"pid":\s*\d+'), '"pid":<PID>'),
    (re.compile(r'"pids":\[[\d,]*\]'), '"pids":[<PIDS>]'),
    (re.compile(r'"self_pid":\s*\d+'), '"self_pid":<PID>'),
    (re.compile(r"\(pid [\d,]+\)"), "(pid <PID>)"),
    (re.compile(r"\b\d+(\.\d+)?\s?ms\b"), "<N> ms"),
    (re.compile(r'"(\w*(?:_ms|_time|time|elapsed|seconds|_at|when|started|ended|duration)\w*)":\s*-?[\d.]+'),
     r'"\1":<T>'),
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?"), "<DATE>"),
    (re.compile(r"\b\d\d:\d\d:\d\d(\.\d+)?\b"), "<TIME>"),
    (re.compile(r"\b\d+(\.\d+)? ?s\b"), "<N> s"),
    (re.compile(r"\b\d+ samples\b"), "<N> samples"),
    (re.compile(r'"samples":\s*\d+'), '"samples":<N>'),
]


def mask(text, d, pids=()):
    text = text.replace(os.path.realpath(d), "<DIR>").replace(d, "<DIR>")
    text = text.replace(os.path.basename(d), "<DIRNAME>")
    for pid in pids:
        # A right-aligned pid column pads by the pid's digits: one space before it, whatever its width.
        text = re.sub(r" +%d\b" % pid, " <PID>", text)
        text = re.sub(r"\b%d\b" % pid, "<PID>", text)
    for pattern, repl in MASKS:
        text = pattern.sub(repl, text)
    return text


def run_case(inspector, args, d, env, pids):
    # argv[0] as a user's shell gives it (found on PATH): --help prints it.
    p = subprocess.run(["kalito-inspector"] + args, executable=inspector, env=env, cwd=d, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    return "exit: %d\n--- stdout\n%s--- stderr\n%s" % (p.returncode, mask(out, d, pids), mask(err, d, pids))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inspector", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    inspector = os.path.abspath(a.inspector)
    d = tempfile.mkdtemp(prefix="kalito-cli-outputs-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KALITO_", "QT_", "DISPLAY", "WAYLAND"))}
    env.update({"HOME": os.path.join(d, "home"), "XDG_CONFIG_HOME": os.path.join(d, "config"),
                "XDG_STATE_HOME": os.path.join(d, "state"), "XDG_DATA_HOME": os.path.join(d, "data"),
                "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": ""})
    os.makedirs(env["HOME"])
    live = make_databases(inspector, d, env)
    failures, count = [], 0
    try:
        for name, args in cases():
            if a.only not in name:
                continue
            count += 1
            got = run_case(inspector, args, d, env, [live.pid])
            path = os.path.join(a.expected, name + ".txt")
            if a.record:
                with open(path, "w") as f:
                    f.write(got)
                continue
            want = open(path).read() if os.path.exists(path) else None
            if got != want:
                failures.append(name)
                sys.stdout.write("FAIL %s: %s\n" % (name, " ".join(args)))
                import difflib
                sys.stdout.writelines(difflib.unified_diff(
                    (want or "").splitlines(True), got.splitlines(True), "expected", "got"))
    finally:
        live.stdin.close()
        live.wait(10)
        shutil.rmtree(d, ignore_errors=True)
    if a.record:
        print("recorded %d cases in %s" % (count, a.expected))
        return 0
    print("%d cases, %d differ" % (count, len(failures)))
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
