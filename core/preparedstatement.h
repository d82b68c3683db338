#pragma once

#include "dberror.h"

#include <QSqlQuery>
#include <QVariantList>

namespace kalito {

class Database;

// One statement prepared once and run for many rows (the demo database's bulk inserts), made by
// Database::prepare: the same path as Database::select (its errors, its SQL log), without preparing
// the statement again for every row. Each run binds every value positionally and finishes the
// statement before it returns, so no read transaction outlives a run.
class PreparedStatement
{
public:
    ~PreparedStatement();
    PreparedStatement(PreparedStatement &&) = default;
    PreparedStatement &operator=(PreparedStatement &&) = delete;
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;

    bool isValid() const { return m_prepared; }
    // The preparation's error, then the last run's.
    const DbError &error() const { return m_error; }
    DbError run(const QVariantList &values);
    // The rowid of the row the last run inserted.
    qint64 lastInsertId() const { return m_lastInsertId; }

private:
    friend class Database;
    PreparedStatement(Database &db, QSqlQuery query, const QString &sql, const DbError &prepareError);

    Database &m_db;
    QSqlQuery m_query;
    QString m_sql;
    DbError m_error;
    bool m_prepared = false;
    qint64 m_lastInsertId = -1;
    qint64 m_runs = 0;
    qint64 m_us = 0;
};

} // namespace kalito
