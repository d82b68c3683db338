#include "checktext.h"

#include "errortext.h"

namespace kalito {

QString CheckText::finding(const IntegrityFinding &f)
{
    switch (f.kind) {
    case IntegrityFinding::Kind::Reported:
        return f.text;
    case IntegrityFinding::Kind::CheckFailed:
        return tr("%1: %2").arg(f.table.isEmpty() ? tr("database") : f.table, ErrorText::reason(f.error));
    case IntegrityFinding::Kind::ForeignKey:
        return tr("%1 row %2: no matching row in %3 (foreign key #%4)")
            .arg(f.table, f.row.isEmpty() ? QStringLiteral("?") : f.row, f.parent, f.fkid);
    }
    return f.text;
}

QStringList CheckText::findings(const QList<IntegrityFinding> &findings)
{
    QStringList out;
    for (const IntegrityFinding &f : findings)
        out.append(finding(f));
    return out;
}

QString CheckText::result(const IntegrityResult &r)
{
    const QString outcome = r.cancelled         ? tr("cancelled")
                            : r.error.isError() ? tr("could not run")
                            : r.clean           ? tr("ok")
                                                : tr("%1 problem(s)").arg(r.problems.size());
    QString out = tr("%1: %2 (%3 ms)").arg(IntegrityResult::kindName(r.kind), outcome).arg(r.elapsedMs) +
                  QLatin1Char('\n');
    for (const IntegrityFinding &f : r.problems)
        out += QStringLiteral("  ") + finding(f) + QLatin1Char('\n');
    return out;
}

} // namespace kalito
