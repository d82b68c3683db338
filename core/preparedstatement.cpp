#include "preparedstatement.h"

#include "database.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace kalito {

PreparedStatement::PreparedStatement(Database &db, QSqlQuery query, const QString &sql,
                                     const DbError &prepareError)
    : m_db(db), m_query(std::move(query)), m_sql(sql), m_error(prepareError),
      m_prepared(!prepareError.isError())
{}

PreparedStatement::~PreparedStatement()
{
    m_query.finish();
    // One line for all the runs, as select() writes one per statement.
    qCDebug(lcSql).noquote() << m_us << "us" << m_runs << "runs of" << m_sql
                             << (m_error.isError() ? QStringLiteral("-> ") + m_error.reasonText()
                                                   : QString());
}

DbError PreparedStatement::run(const QVariantList &values)
{
    if (!m_prepared)
        return m_error;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < values.size(); ++i)
        m_query.bindValue(i, values.at(i));
    if (m_query.exec()) {
        m_error = DbError();
        m_lastInsertId = m_query.lastInsertId().toLongLong();
    } else {
        m_error = m_db.errorFrom(m_query);
    }
    m_query.finish();
    ++m_runs;
    m_us += timer.nsecsElapsed() / 1000;
    return m_error;
}

} // namespace kalito
