#include "lockholders.h"
#include "lockstates.h"
#include "locktext.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// "kind pid" for each holder: what every door must agree on (not its sentences).
QStringList kindsAndPids(const QJsonArray &holders)
{
    QStringList out;
    for (const QJsonValue &v : holders) {
        const QJsonObject o = v.toObject();
        out << QStringLiteral("%1 %2")
                   .arg(o.value(QStringLiteral("kind")).toString())
                   .arg(o.value(QStringLiteral("pid")).toInteger());
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList kindsAndPids(const QList<LockFinding> &holders)
{
    return kindsAndPids(LockHolders::toJson(holders));
}

// The holders of `locks --json` whose lock keeps a FULL checkpoint waiting (their "blocks").
QJsonArray blockingFull(const QJsonArray &holders)
{
    QJsonArray out;
    for (const QJsonValue &v : holders) {
        if (v.toObject()
                .value(QStringLiteral("blocks"))
                .toArray()
                .contains(QStringLiteral("checkpoint-full")))
            out.append(v);
    }
    return out;
}

QJsonObject jsonOf(const test::Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

void TestLockStates::checkDoors(const QString &row, bool probe, const LockReport &r)
{
    const QStringList probeEnv =
        probe ? QStringList{QStringLiteral("KALITO_LOCK_SOURCE=probe")} : QStringList{};
    // 1. `locks --json`: the holders, each with its kind, pid, lock and what it blocks.
    const test::Run locks =
        test::inspector({QStringLiteral("locks"), QStringLiteral("--json"), m_path}, 60000, probeEnv);
    QCOMPARE(locks.exitCode, 0);
    const QJsonArray holders = jsonOf(locks).value(QStringLiteral("holders")).toArray();
    const QStringList expected = kindsAndPids(holders);
    // The same report made in this process says the same (F_GETLK names one sharer of a byte: for
    // a shared slot the kernel may name either, so only the /proc/locks rows compare exactly).
    if (!probe || row != QLatin1String("readN-shared-slot"))
        QCOMPARE(kindsAndPids(r.holders()), expected);
    for (const QJsonValue &v : holders) {
        const QJsonObject o = v.toObject();
        QVERIFY(!o.value(QStringLiteral("lock")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("pid")).toInteger() != 0);
    }

    // 2. The Locks tab's diagnosis and the health strip's figure and tooltip (the functions they
    // show): every holder's pid, the strip naming writers and checkpointers and the first reader.
    const QList<LockFinding> mine = r.holders();
    const QString diagnosis = r.diagnosis().join(QLatin1Char('\n'));
    const QString strip = LockText::holdersLine(mine);
    const QString tip = LockText::holdersToolTip(mine);
    QList<qint64> readers;
    for (const LockFinding &f : mine) {
        const QString pid = QStringLiteral("pid %1 (").arg(f.holder.pid);
        QVERIFY2(diagnosis.contains(pid), qPrintable(diagnosis));
        QVERIFY2(tip.contains(pid), qPrintable(tip));
        if (!LockHolders::isReader(f.kind))
            QVERIFY2(strip.contains(QStringLiteral("pid %1 ").arg(f.holder.pid)), qPrintable(strip));
        else if (!readers.contains(f.holder.pid))
            readers << f.holder.pid;
    }
    if (!readers.isEmpty())
        QVERIFY2(strip.contains(readers.size() == 1
                                    ? QStringLiteral("1 reader: pid %1").arg(readers.first())
                                    : QStringLiteral("%1 readers, first pid ").arg(readers.size())),
                 qPrintable(strip));
    else if (mine.isEmpty())
        QCOMPARE(strip, QStringLiteral("no readers"));

    if (probe || row == QLatin1String("stale-shm"))
        return; // status and checkpoint open a connection: recovery would repair the stale -shm

    // 3. `status --json`: the same holders, by the same serializer.
    const test::Run status =
        test::inspector({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--read-only"),
                         QStringLiteral("--busy-timeout"), QStringLiteral("200"), m_path});
    const bool readsBlocked = std::any_of(r.blocks.cbegin(), r.blocks.cend(), [](const LockEdge &e) {
        return e.operation == QLatin1String("read");
    });
    if (status.exitCode != 0) {
        QVERIFY2(readsBlocked, qPrintable(status.err)); // only a lock that stops readers stops status
    } else {
        const QJsonObject o = jsonOf(status);
        QCOMPARE(kindsAndPids(o.value(QStringLiteral("holders")).toArray()), expected);
        // Read slot 0 is among the readers status lists.
        for (const QJsonValue &v : holders) {
            if (v.toObject().value(QStringLiteral("lock")) != QLatin1String("read0"))
                continue;
            bool listed = false;
            for (const QJsonValue &reader :
                 o.value(QStringLiteral("wal")).toObject().value(QStringLiteral("readers")).toArray())
                listed |= reader.toObject().value(QStringLiteral("slot")).toInt() == 0 &&
                          reader.toObject()
                              .value(QStringLiteral("pids"))
                              .toArray()
                              .contains(v.toObject().value(QStringLiteral("pid")));
            QVERIFY2(listed, qPrintable(status.out));
        }
    }

    // 4. A FULL checkpoint now: busy (or partial) names exactly the holders whose lock keeps a
    // FULL checkpoint waiting, as `locks --json` gave them.
    const test::Run full = test::inspector({QStringLiteral("checkpoint"), QStringLiteral("--mode"),
                                            QStringLiteral("full"), QStringLiteral("--busy-timeout"),
                                            QStringLiteral("200"), QStringLiteral("--json"), m_path});
    if (full.out.isEmpty()) {
        QVERIFY2(readsBlocked, qPrintable(full.err)); // could not even open
        return;
    }
    const QJsonObject result = jsonOf(full);
    const QStringList blockers = kindsAndPids(blockingFull(holders));
    if (result.value(QStringLiteral("busy")).toInt() == 1) {
        QVERIFY2(result.contains(QStringLiteral("blocked_by")), qPrintable(full.out));
        QCOMPARE(kindsAndPids(result.value(QStringLiteral("blocked_by")).toArray()), blockers);
        QVERIFY(!blockers.isEmpty());
    } else if (!result.contains(QStringLiteral("blocked_by"))) {
        // Finished: nobody held a lock a FULL checkpoint waits for (rollback mode: no checkpoint).
        QVERIFY2(blockers.isEmpty(), qPrintable(blockers.join(u',') + QStringLiteral(" | ") + full.out));
    }
}
