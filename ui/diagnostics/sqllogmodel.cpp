#include "sqllogmodel.h"

#include <QBrush>
#include <QColor>

namespace kalito::ui {

int SqlLogModel::pull()
{
    const QList<SqlLogEntry> fresh = SqlLog::instance().since(m_lastSequence);
    if (fresh.isEmpty())
        return 0;
    m_lastSequence = fresh.constLast().sequence;
    const int overflow = int(rows().size() + fresh.size()) - m_cap;
    if (overflow > 0)
        removeFirstRows(overflow);
    const QList<SqlLogEntry> add = fresh.mid(qMax(0, int(fresh.size()) - m_cap));
    appendRows(add);
    return int(add.size());
}

void SqlLogModel::clear()
{
    setRows({});
}

QVariant SqlLogModel::cell(const SqlLogEntry &e, int, int column, int role) const
{
    if (role == Qt::ForegroundRole && e.isError)
        return QBrush(QColor(0xb0, 0x30, 0x20));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case TimeColumn:
        return e.when.toString(QStringLiteral("HH:mm:ss.zzz"));
    case DurationColumn:
        if (e.isError)
            return tr("error %1").arg(e.code);
        return e.durationUs >= 1000 ? tr("%1 ms").arg(double(e.durationUs) / 1000.0, 0, 'f', 1)
                                    : tr("%1 µs").arg(e.durationUs);
    case TextColumn:
        return e.text;
    default:
        return {};
    }
}

QStringList SqlLogModel::headers() const
{
    return {tr("Time"), tr("Duration"), tr("Statement / SQLite message")};
}

} // namespace kalito::ui
