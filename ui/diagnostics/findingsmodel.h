#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace kalito::ui {

// Integrity-check findings, one per row.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { NumberColumn, FindingColumn, NumColumns };
    using QAbstractTableModel::QAbstractTableModel;

    void setFindings(const QStringList &findings);
    const QStringList &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_findings;
};

} // namespace kalito::ui
