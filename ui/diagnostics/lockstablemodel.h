#pragma once

#include "lockreport.h"

#include "listtablemodel.h"

namespace kalito::ui {

// The locks of a LockReport, one lock per row; the inspector's own shown as "this inspector".
class LocksTableModel : public ListTableModel<LockReport::Lock>
{
    Q_OBJECT
public:
    enum Columns { PidColumn, ProcessColumn, FileColumn, LockColumn, ModeColumn, NumColumns };
    explicit LocksTableModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    void setLocks(const QList<LockReport::Lock> &locks) { setRows(locks); }

protected:
    QStringList headers() const override;
    QVariant cell(const LockReport::Lock &l, int row, int column, int role) const override;
};

} // namespace kalito::ui
