#pragma once

#include "sqllog.h"

#include "listtablemodel.h"

namespace kalito::ui {

// The statements the inspector ran and SQLite's error-log messages, newest last.
class SqlLogModel : public ListTableModel<SqlLogEntry>
{
    Q_OBJECT
public:
    enum Columns { TimeColumn, DurationColumn, TextColumn, NumColumns };
    explicit SqlLogModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    // Pulls new entries from SqlLog (appends rows; drops the oldest beyond the cap).
    int pull();
    void clear();
    void setCap(int rows) { m_cap = rows; }

protected:
    QStringList headers() const override;
    QVariant cell(const SqlLogEntry &e, int row, int column, int role) const override;

private:
    qint64 m_lastSequence = 0;
    int m_cap = 2000;
};

} // namespace kalito::ui
