#include "lockstablemodel.h"

#include <QFont>

namespace kalito::ui {

QVariant LocksTableModel::cell(const LockReport::Lock &l, int, int column, int role) const
{
    if (role == Qt::FontRole && l.write) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
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

QStringList LocksTableModel::headers() const
{
    return {tr("PID"), tr("Process"), tr("File"), tr("Lock"), tr("Mode")};
}

} // namespace kalito::ui
