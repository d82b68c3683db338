#pragma once

#include "sqllog.h"

#include <QAbstractTableModel>

namespace kalito::ui {

// The statements the inspector ran and SQLite's error-log messages, newest last.
class SqlLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { TimeColumn, DurationColumn, TextColumn, NumColumns };
    using QAbstractTableModel::QAbstractTableModel;

    // Pulls new entries from SqlLog (appends rows; drops the oldest beyond the cap).
    int pull();
    void clear();
    void setCap(int rows) { m_cap = rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SqlLogEntry> m_entries;
    qint64 m_lastSequence = 0;
    int m_cap = 2000;
};

} // namespace kalito::ui
