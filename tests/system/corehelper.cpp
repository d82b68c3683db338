// kalito-test-corehelper: the inspector's core (Connection, Database, and through InspectorWork the
// product's CheckpointRunner, IntegrityCheck, SchemaInfo, KeysetPager...) in a separate process, for
// what a test cannot do in its own process: be killed with SIGKILL in the middle of work, or run
// as another user (setpriv) to meet permission problems that root never sees.
//
//   kalito-test-corehelper open PATH [--read-only]   open, walk the schema and first pages; print
//                                                     "ok ROWS" (exit 0) or "error PATH: reason" (exit 2)
//   kalito-test-corehelper loop MODE PATH [--read-only]
//                                                     MODE checkpoint | check | browse: repeat that
//                                                     work forever, printing "begin ..." before each step
#include "connection.h"
#include "inspectorwork.h"
#include "opentext.h"

#include <QCoreApplication>

#include <cstdio>

using namespace kalito;
using test::InspectorWork;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int openAndWalk(Connection &c, const OpenOptions &options)
{
    const OpenResult r = c.open(options).result();
    if (!r.ok()) {
        say(QStringLiteral("error ") + r.error.toString());
        return 2;
    }
    for (const QString &w : OpenText::warnings(r))
        say(QStringLiteral("warning ") + w);
    const InspectorWork::Outcome o =
        c.run([](Database &db) { return InspectorWork::walkSchema(db); }).result();
    if (o.error.isError()) {
        say(QStringLiteral("error ") + o.error.toString());
        return 1;
    }
    say(QStringLiteral("ok %1").arg(o.rows));
    return 0;
}

int loop(Connection &c, const QString &mode, const OpenOptions &options)
{
    const OpenResult r = c.open(options).result();
    if (!r.ok()) {
        say(QStringLiteral("error ") + r.error.toString());
        return 2;
    }
    say(QStringLiteral("open"));
    InspectorWork::BrowseState browse;
    for (quint64 step = 0;; ++step) {
        if (mode == QLatin1String("checkpoint")) {
            const auto cp = InspectorWork::checkpoints().at(int(step % 4));
            say(QStringLiteral("begin checkpoint ") + InspectorWork::name(cp));
            c.run([cp](Database &db) { return InspectorWork::checkpoint(db, cp); }).waitForFinished();
            say(QStringLiteral("end"));
        } else if (mode == QLatin1String("check")) {
            const auto ck = InspectorWork::checks().at(int(step % 3));
            const bool perTable = (step / 3) % 2 == 1;
            say(QStringLiteral("begin check ") + InspectorWork::name(ck) +
                (perTable ? QStringLiteral(" per table") : QString()));
            c.run([ck, perTable](Database &db) {
                 return InspectorWork::check(db, ck, perTable);
             }).waitForFinished();
            say(QStringLiteral("end"));
        } else {
            say(QStringLiteral("begin browse"));
            c.run([&browse](Database &db) {
                 InspectorWork::dataVersion(db);
                 return InspectorWork::browse(db, browse);
             }).waitForFinished();
            say(QStringLiteral("end"));
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    OpenOptions options;
    options.readOnly = args.contains(QStringLiteral("--read-only"));
    QStringList positional;
    for (const QString &a : args.mid(1)) {
        if (!a.startsWith(QLatin1String("--")))
            positional << a;
    }
    Connection c;
    if (positional.value(0) == QLatin1String("open") && positional.size() == 2) {
        options.path = positional.at(1);
        return openAndWalk(c, options);
    }
    if (positional.value(0) == QLatin1String("loop") && positional.size() == 3) {
        options.path = positional.at(2);
        return loop(c, positional.at(1), options);
    }
    std::fputs("usage: kalito-test-corehelper open PATH [--read-only] | loop MODE PATH [--read-only]\n",
               stderr);
    return 2;
}
