#include "integrityresult.h"

#include "checktext.h"

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
                  {QStringLiteral("problems"), QJsonArray::fromStringList(problemTexts())},
                  {QStringLiteral("elapsed_ms"), elapsedMs},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("tables_checked"), tablesChecked}};
    if (error.isError())
        o.insert(QStringLiteral("error"), error.toString());
    return o;
}

QString IntegrityResult::toText() const
{
    return CheckText::result(*this);
}

QStringList IntegrityResult::problemTexts() const
{
    return CheckText::findings(problems);
}

} // namespace kalito
