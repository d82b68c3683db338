#pragma once

#include <QList>
#include <QPair>
#include <QString>

// The window's own first open, measured as a person meets it: a real ui::MainWindow composed as
// app/main.cpp composes it (offscreen), opened on a database, until the first page of sessions is
// in the sessions view (the model holds the rows and the view paints them). A GUI-thread
// heartbeat (tests/support/stallwatch.h) runs from the open until the connection is idle.
namespace WindowBench {

struct Run
{
    QString error;
    double firstPageMs = -1;       // from constructing the Connection and the window to that paint
    double idleMs = -1;            // ... to the connection having nothing left to do (counts, overview)
    qint64 stallToFirstPageMs = 0; // longest GUI stall before the first page was painted
    qint64 longestStallMs = 0;     // longest GUI stall from the open until idle
    int stallsOver100Ms = 0;
};

struct Series
{
    QString error;
    QList<double> cold; // each after dropping the files from the OS cache
    QList<double> warm; // each after a run that left them in the cache
    QList<double> coldIdle, warmIdle;
    qint64 longestStallMs = 0;
    qint64 longestStallToFirstPageMs = 0;
    int stallsOver100Ms = 0;       // over every run: the scenario tests' heartbeat limit
    double residentAfterDrop = -1; // largest fraction of the database still cached after a drop
};

// What a window reads from disk after a cold open (issue 24): the database, -wal and -shm dropped
// from the OS cache, then one window opened and left alone for `seconds`; read_bytes of
// /proc/self/io (bytes this process made the kernel fetch from storage) sampled along the way.
struct ColdRead
{
    QString error;
    qint64 fileBytes = 0;
    QList<QPair<int, qint64>> readAt; // (seconds after the open, bytes read since the open)
    double firstPageMs = -1;
    double countsInMs = -1; // the overview's report shown: every table's exact count in
    double idleMs = -1;     // the connection last busy
    double residentAfterDrop = -1;
};
ColdRead readAfterColdOpen(const QString &path, int seconds);

// One window, opened and destroyed (with its Connection) before it returns.
Run once(const QString &path);
// coldRuns cold runs, one warm-up run, then warmRuns warm runs.
Series measure(const QString &path, int coldRuns, int warmRuns);

} // namespace WindowBench
