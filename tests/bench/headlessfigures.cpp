#include "headlessfigures.h"

#include "benchreport.h"
#include "sidebyside.h"

namespace {

bool failed(Bench *bench, const QString &what, const QString &error)
{
    if (error.isEmpty())
        return false;
    bench->out << what << ": " << error << Qt::endl;
    return true;
}

// Figure names as before issue 21 where they existed (README's tables compare runs by name).
void addPair(Bench *bench, const QString &msName, const QString &ratioName, const SideBySide::Pair &pair,
             const QString &what, const QString &goalText, double goal)
{
    bench->add({msName, pair.oursMedian(), QStringLiteral("ms"), pair.cliMedian(),
                QStringLiteral("%1, whole processes, median of %2 interleaved%3")
                    .arg(what)
                    .arg(pair.ours.size())
                    .arg(pair.detail.isEmpty() ? QString() : QStringLiteral("; ") + pair.detail)});
    bench->add({ratioName, pair.ratio(), QStringLiteral("x"), -1,
                goal > 0 ? QStringLiteral("goal <= %1").arg(goal) : QStringLiteral("no goal")});
    if (goal > 0)
        bench->addGoal(goalText, pair.ratio(), goal);
}

} // namespace

bool addHeadlessFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                        const QString &bigPath, int rounds)
{
    // The counts: medians of 9 for the short commands, 5 for the checks (default rounds 5).
    const int many = rounds + 4;
    const SideBySide::Pair version = SideBySide::version(inspector, many);
    if (failed(bench, QStringLiteral("--version"), version.error))
        return false;
    addPair(bench, QStringLiteral("version_ms"), QStringLiteral("version_vs_cli_ratio"), version,
            QStringLiteral("`--version` vs `sqlite3 --version`"),
            QStringLiteral("--version within 2x of sqlite3 --version"), 2.0);
    for (const auto &[path, suffix] :
         {std::pair{demoPath, QStringLiteral("demo")}, std::pair{bigPath, QStringLiteral("big")}}) {
        const bool big = suffix == QLatin1String("big");
        const SideBySide::Pair status = SideBySide::status(inspector, path, many);
        if (failed(bench, QStringLiteral("status"), status.error))
            return false;
        addPair(bench, QStringLiteral("status_ms_") + suffix,
                big ? QStringLiteral("status_vs_cli_ratio") : QStringLiteral("status_vs_cli_ratio_demo"),
                status, QStringLiteral("`status --json` vs sqlite3 counting the same tables"),
                QStringLiteral("status --json within %1x of the CLI's counts (%2)")
                    .arg(big ? 1.5 : 2.5)
                    .arg(suffix),
                big ? 1.5 : 2.5);
        const SideBySide::Pair check = SideBySide::quickCheck(inspector, path, rounds);
        if (failed(bench, QStringLiteral("check --quick"), check.error))
            return false;
        addPair(bench, QStringLiteral("check_quick_ms_") + suffix,
                big ? QStringLiteral("check_quick_vs_cli_ratio")
                    : QStringLiteral("check_quick_vs_cli_ratio_demo"),
                check, QStringLiteral("`check --quick --json` vs sqlite3 'PRAGMA quick_check;'"),
                QStringLiteral("check --quick within 1.1x of the CLI's PRAGMA quick_check (big)"),
                big ? 1.1 : -1);
    }
    return true;
}
