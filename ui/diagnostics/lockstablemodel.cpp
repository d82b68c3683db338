#include "lockstablemodel.h"

#include <QFont>

namespace kalito::ui {

void LocksTableModel::setLocks(const QList<LockReport::Lock> &locks)
{
    beginResetModel();
    m_locks = locks;
    endResetModel();
}

int LocksTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_locks.size());
}

int LocksTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant LocksTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LockReport::Lock &l = m_locks.at(index.row());
    if (role == Qt::FontRole && l.write) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PidColumn:
        return l.pid;
    case ProcessColumn:
        return l.self ? tr("this inspector") : l.name;
    case FileColumn:
        return l.file == QLatin1String("shm") ? QStringLiteral("-shm") : tr("database");
    case LockColumn:
        return l.lock;
    case ModeColumn:
        return l.write ? tr("write") : tr("read");
    default:
        return {};
    }
}

QVariant LocksTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PidColumn:
        return tr("PID");
    case ProcessColumn:
        return tr("Process");
    case FileColumn:
        return tr("File");
    case LockColumn:
        return tr("Lock");
    case ModeColumn:
        return tr("Mode");
    default:
        return {};
    }
}

} // namespace kalito::ui
