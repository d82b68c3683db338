#pragma once

#include "lockreport.h"

#include <QAbstractTableModel>

namespace kalito::ui {

// The locks of a LockReport, one lock per row; the inspector's own shown as "this inspector".
class LocksTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { PidColumn, ProcessColumn, FileColumn, LockColumn, ModeColumn, NumColumns };
    using QAbstractTableModel::QAbstractTableModel;

    void setLocks(const QList<LockReport::Lock> &locks);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LockReport::Lock> m_locks;
};

} // namespace kalito::ui
