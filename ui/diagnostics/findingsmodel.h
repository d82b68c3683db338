#pragma once

#include "listtablemodel.h"

namespace kalito::ui {

// Integrity-check findings, one per row.
class FindingsModel : public ListTableModel<QString>
{
    Q_OBJECT
public:
    enum Columns { NumberColumn, FindingColumn, NumColumns };
    explicit FindingsModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    void setFindings(const QStringList &findings) { setRows(findings); }
    const QStringList &findings() const { return rows(); }

protected:
    QStringList headers() const override;
    QVariant cell(const QString &finding, int row, int column, int role) const override;
};

} // namespace kalito::ui
