#include "integrityresult.h"

#include <QJsonArray>

namespace kalito {

QString IntegrityResult::kindName(IntegrityKind kind)
{
    switch (kind) {
    case IntegrityKind::Quick:
        return QStringLiteral("quick_check");
    case IntegrityKind::Full:
        return QStringLiteral("integrity_check");
    case IntegrityKind::ForeignKeys:
        return QStringLiteral("foreign_key_check");
    }
    return QString();
}

QJsonObject IntegrityResult::toJson() const
{
    QJsonObject o{{QStringLiteral("check"), kindName(kind)},
                  {QStringLiteral("ok"), clean},
                  {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                  {QStringLiteral("elapsed_ms"), elapsedMs},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("tables_checked"), tablesChecked}};
    if (error.isError())
        o.insert(QStringLiteral("error"), error.toString());
    return o;
}

QString IntegrityResult::toText() const
{
    QString out = QStringLiteral("%1: %2 (%3 ms)\n")
                      .arg(kindName(kind), cancelled         ? QStringLiteral("cancelled")
                                           : error.isError() ? QStringLiteral("could not run")
                                           : clean           ? QStringLiteral("ok")
                                                   : QStringLiteral("%1 problem(s)").arg(problems.size()))
                      .arg(elapsedMs);
    for (const QString &p : problems)
        out += QStringLiteral("  ") + p + QLatin1Char('\n');
    return out;
}

} // namespace kalito
