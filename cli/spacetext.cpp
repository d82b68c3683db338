#include "spacetext.h"

#include "spacescan.h"

#include <QLocale>

namespace kalito::cli {

namespace {

QString grouped(qint64 n)
{
    // 1,234,567: readable in a terminal whatever the locale.
    QString digits = QString::number(n < 0 ? -n : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString percent(double p)
{
    return QString::asprintf("%5.1f %%", p);
}

QString pad(const QString &s, int width)
{
    return s.leftJustified(width, QLatin1Char(' '), false);
}

QString rpad(const QString &s, int width)
{
    return s.rightJustified(width, QLatin1Char(' '), false);
}

QString cut(const QString &s, int width)
{
    return s.size() <= width ? s : s.left(width - 1) + QChar(0x2026);
}

QString treeLine(const QString &label, const SpaceTree &t, qint64 pages, const SpaceReport &r, int nameWidth)
{
    return QStringLiteral("  ") + pad(cut(label, nameWidth), nameWidth) + rpad(grouped(pages), 11) +
           rpad(SpaceText::bytes(pages * r.pageSize), 11) + rpad(percent(r.shareOfFile(pages)), 9) +
           rpad(SpaceText::bytes(t.payload), 11) + rpad(SpaceText::bytes(t.unused()), 11) +
           rpad(t.depth > 0 ? QString::number(t.depth) : QStringLiteral("-"), 6) +
           rpad(grouped(t.overflowPages), 10) + QLatin1Char('\n');
}

} // namespace

QString SpaceText::bytes(qint64 b)
{
    if (b < 1024)
        return QStringLiteral("%1 B").arg(b);
    const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
    double v = double(b) / 1024.0;
    int u = 0;
    while (v >= 1024.0 && u < 3) {
        v /= 1024.0;
        ++u;
    }
    return QString::asprintf(v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
}

QString SpaceText::expectation(const SpaceScanState &s)
{
    const SpaceReport &r = s.report;
    return QStringLiteral("reading %1 pages (%2): about %3 s in all; the largest table is read in one go, "
                          "holding a read snapshot for about %4 s: a writer's checkpoints wait for it "
                          "meanwhile (its commits do not)\n")
        .arg(grouped(r.pageCount), bytes(r.databaseBytes()))
        .arg(double(s.expectedTotalMs()) / 1000.0, 0, 'f', 1)
        .arg(double(s.expectedLongestReadMs()) / 1000.0, 0, 'f', 1);
}

QString SpaceText::report(const SpaceReport &r)
{
    QString out;
    out += QStringLiteral("%1\n").arg(r.path);
    out += QStringLiteral("  pages            %1 of %2 bytes = %3 (journal mode %4)\n")
               .arg(grouped(r.pageCount), grouped(r.pageSize), bytes(r.databaseBytes()), r.journalMode);
    out += QStringLiteral("  file on disk     %1 (%2 bytes)\n").arg(bytes(r.fileBytes), grouped(r.fileBytes));
    out += QStringLiteral("  in use           %1 pages %2 of the file\n")
               .arg(grouped(r.usedPages()), percent(r.shareOfFile(r.usedPages())).trimmed());
    out += QStringLiteral("  user payload     %1 (%2 of the file)\n")
               .arg(bytes(r.userPayload()), percent(r.databaseBytes() > 0 ? 100.0 * double(r.userPayload()) /
                                                                                double(r.databaseBytes())
                                                                          : 0)
                                                .trimmed());
    // sql-ok: words for the terminal that name VACUUM, not SQL
    out += QStringLiteral("  freelist         %1 pages = %2: VACUUM gives back at least this\n")
               .arg(grouped(r.freelistPages), bytes(r.freelistPages * r.pageSize));
    if (r.autovacuumPages > 0)
        out += QStringLiteral("  pointer map      %1 pages (auto_vacuum)\n").arg(grouped(r.autovacuumPages));
    if (r.walExists && r.walBytes == 0)
        out += QStringLiteral("  -wal             0 B: nothing for a checkpoint to give back\n");
    else if (r.walExists)
        out += QStringLiteral("  -wal             %1: a TRUNCATE checkpoint gives it back (when no reader "
                              "holds an older snapshot)\n")
                   .arg(bytes(r.walBytes));
    else
        out += QStringLiteral("  -wal             none\n");
    out += r.shmExists ? QStringLiteral("  -shm             %1\n").arg(bytes(r.shmBytes))
                       : QStringLiteral("  -shm             none\n");

    const QList<SpaceTable> tables = r.tables();
    int nameWidth = 12;
    for (const SpaceTable &t : tables) {
        nameWidth = std::max(nameWidth, int(t.name.size()) + 2);
        for (const SpaceTree &i : t.indexes)
            nameWidth = std::max(nameWidth, int(i.name.size()) + 4);
    }
    nameWidth = std::min(nameWidth, 46);
    out += QStringLiteral("\nTables with their indexes, largest first\n");
    out += QStringLiteral("  ") + pad(QStringLiteral("name"), nameWidth) + rpad(QStringLiteral("pages"), 11) +
           rpad(QStringLiteral("bytes"), 11) + rpad(QStringLiteral("file"), 9) +
           rpad(QStringLiteral("payload"), 11) + rpad(QStringLiteral("unused"), 11) +
           rpad(QStringLiteral("depth"), 6) + rpad(QStringLiteral("overflow"), 10) + QLatin1Char('\n');
    for (const SpaceTable &t : tables) {
        if (t.indexes.isEmpty()) {
            out += treeLine(t.name, t.tree, t.pages(), r, nameWidth);
            continue;
        }
        SpaceTree sum = t.tree;
        sum.payload = t.payload();
        sum.interiorUnused = t.unused();
        sum.leafUnused = sum.overflowUnused = 0;
        sum.depth = 0;
        sum.overflowPages = t.tree.overflowPages;
        for (const SpaceTree &i : t.indexes)
            sum.overflowPages += i.overflowPages;
        out += treeLine(t.name + QStringLiteral(" (all)"), sum, t.pages(), r, nameWidth);
        out += treeLine(QStringLiteral("  table"), t.tree, t.tree.pages(), r, nameWidth);
        for (const SpaceTree &i : t.indexes)
            out += treeLine(QStringLiteral("  ") + i.name, i, i.pages(), r, nameWidth);
    }

    if (r.sessionsScanned) {
        out += QStringLiteral("\nSessions holding the most message text (%1 messages, %2 of text in all)\n")
                   .arg(grouped(r.messagesScanned), bytes(r.messageBytes));
        out += QStringLiteral("  %1%2%3  %4\n")
                   .arg(rpad(QStringLiteral("text"), 11), rpad(QStringLiteral("share"), 9),
                        rpad(QStringLiteral("messages"), 10), QStringLiteral("session"));
        for (const SpaceSession &s : r.topSessions) {
            const double share = r.messageBytes > 0 ? 100.0 * double(s.bytes) / double(r.messageBytes) : 0;
            out += QStringLiteral("  %1%2%3  %4%5\n")
                       .arg(rpad(bytes(s.bytes), 11), rpad(percent(share), 9), rpad(grouped(s.messages), 10),
                            s.id, s.name.isEmpty() ? QString() : QStringLiteral("  ") + cut(s.name, 40));
        }
        out += QStringLiteral("\nLargest messages\n");
        out += QStringLiteral("  %1%2  %3\n")
                   .arg(rpad(QStringLiteral("text"), 11), rpad(QStringLiteral("id"), 10),
                        QStringLiteral("session"));
        for (const SpaceMessage &m : r.largestMessages)
            out +=
                QStringLiteral("  %1%2  %3%4\n")
                    .arg(rpad(bytes(m.bytes), 11), rpad(QString::number(m.id), 10), m.sessionId,
                         m.sessionName.isEmpty() ? QString() : QStringLiteral("  ") + cut(m.sessionName, 40));
    }
    out += QStringLiteral("\nRead in %1 steps, %2 ms; the longest single read %3 ms (%4)\n")
               .arg(r.steps)
               .arg(r.elapsedMs)
               .arg(r.longestStepMs)
               .arg(r.longestStep);
    return out;
}

} // namespace kalito::cli
