#!/usr/bin/env python3
"""Records the series the health strip's warnings are tested on (tests/core/healthsamples.h).

Real processes on a real database: a sqlite3 writer committing three rows of 4000 random bytes
every 50 ms (wal_autocheckpoint at its default, 1000 pages), sqlite3 readers holding snapshots, a
TRUNCATE checkpoint, a burst transaction. Every second it samples what the health monitor samples:
the -wal size with stat(), and the backlog (mxFrame - nBackfill) from the WAL-index as read by
`kalito-inspector probe-files` (a child process, as in the window).

usage: record_health_samples.py KALITO_INSPECTOR > tests/core/healthsamples.h
       clang-format -i tests/core/healthsamples.h
"""
import json, os, struct, subprocess, sys, tempfile, threading, time

INSPECTOR = sys.argv[1]


class Sqlite:
    def __init__(self, db):
        self.p = subprocess.Popen(['sqlite3', '-batch', db], stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)

    def send(self, sql):
        self.p.stdin.write(sql + '\n')
        self.p.stdin.flush()

    def close(self):
        try:
            self.p.stdin.close()
        except Exception:
            pass
        self.p.wait()


class Writer(threading.Thread):
    def __init__(self, db):
        super().__init__(daemon=True)
        self.s = Sqlite(db)
        self.s.send('PRAGMA busy_timeout=5000;')
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.s.send("INSERT INTO t(x) VALUES (randomblob(4000)), (randomblob(4000)), (randomblob(4000));")
            time.sleep(0.05)

    def finish(self):
        self.stop.set()
        self.join()
        self.s.close()


def backlog(db):
    out = subprocess.run([INSPECTOR, 'probe-files', db], capture_output=True, text=True).stdout
    h = bytes.fromhex(json.loads(out).get('shm_header_hex', ''))
    if len(h) < 100:
        return -1
    mx, = struct.unpack_from('<I', h, 16)
    nb, = struct.unpack_from('<I', h, 96)
    return max(0, mx - nb)


def sample(db, seconds, series, t0, events=None):
    for i in range(seconds):
        if events and i in events:
            events[i]()
        wal = os.stat(db + '-wal').st_size if os.path.exists(db + '-wal') else 0
        series.append((int((time.time() - t0) * 1000), wal, backlog(db)))
        time.sleep(max(0.0, t0 + (len(series)) - time.time()))


def scenario(name, build):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, 'kalito.db')
        subprocess.run(['sqlite3', db, 'PRAGMA journal_mode=wal; CREATE TABLE t(id INTEGER PRIMARY KEY, x);'],
                       check=True, capture_output=True)
        keep = Sqlite(db)  # a connection that stays, as the backend's does: the -shm lives on
        keep.send('SELECT 1;')
        series = []
        build(db, series, time.time())
        keep.close()
        return name, series


def healthy(db, series, t0):
    w = Writer(db); w.start()
    sample(db, 60, series, t0)
    w.finish()


def pinned(db, series, t0):
    w = Writer(db); w.start()
    time.sleep(2)
    r = Sqlite(db); r.send('BEGIN; SELECT count(*) FROM t;')
    sample(db, 60, series, t0)
    w.finish(); r.close()


def flat(db, series, t0):
    w = Writer(db); w.start()
    time.sleep(2)
    r = Sqlite(db); r.send('BEGIN; SELECT count(*) FROM t;')
    sample(db, 100, series, t0, {40: w.finish})
    r.close()


def truncate(db, series, t0):
    w = Writer(db); w.start()
    c = Sqlite(db)

    def end():
        w.finish()
        c.send('PRAGMA wal_checkpoint(TRUNCATE);')
    sample(db, 60, series, t0, {25: end})
    c.close()


def burst(db, series, t0):
    b = Sqlite(db)
    sample(db, 60, series, t0, {20: lambda: b.send(
        'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 8000) '
        'INSERT INTO t(x) SELECT randomblob(4000) FROM c;')})
    b.close()


runs = [scenario('healthyWriter', healthy), scenario('pinnedWal', pinned),
        scenario('flatBacklogNoWriter', flat), scenario('truncate', truncate), scenario('burst', burst)]
print('#pragma once')
print('// Recorded by tests/core/record_health_samples.py (real sqlite3 processes, stat() and')
print('// kalito-inspector probe-files once a second): time ms, -wal bytes, backlog frames.')
print('#include <QtGlobal>\n#include <array>\n\nnamespace kalito::test::healthsamples {\n')
print('struct Sample\n{\n    qint64 ms;\n    qint64 walBytes;\n    qint64 backlog;\n};\n')
for name, series in runs:
    print('inline const Sample %s[] = {' % name)
    for t, w, b in series:
        print('    {%d, %d, %d},' % (t, w, b))
    print('};\n')
print('} // namespace kalito::test::healthsamples')
