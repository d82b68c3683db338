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
    const int overflow = int(m_entries.size() + fresh.size()) - m_cap;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_entries.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_entries.remove(0, drop);
            endRemoveRows();
        }
    }
    QList<SqlLogEntry> add = fresh.mid(qMax(0, int(fresh.size()) - m_cap));
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + add.size()) - 1);
    m_entries.append(add);
    endInsertRows();
    return int(add.size());
}

void SqlLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int SqlLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SqlLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant SqlLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SqlLogEntry &e = m_entries.at(index.row());
    if (role == Qt::ForegroundRole && e.isError)
        return QBrush(QColor(0xb0, 0x30, 0x20));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
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

QVariant SqlLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DurationColumn:
        return tr("Duration");
    case TextColumn:
        return tr("Statement / SQLite message");
    default:
        return {};
    }
}

} // namespace kalito::ui
