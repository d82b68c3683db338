#include "sqllog.h"

#include "logging.h"

#include <sqlite3.h>

#include <atomic>

namespace kalito {

namespace {

std::atomic<bool> s_errorLogInstalled{false};

int traceCallback(unsigned type, void * /*context*/, void *p, void *x)
{
    if (type != SQLITE_TRACE_PROFILE)
        return 0;
    auto *stmt = static_cast<sqlite3_stmt *>(p);
    const auto ns = *static_cast<const sqlite3_int64 *>(x);
    SqlLogEntry e;
    e.when = QDateTime::currentDateTime();
    e.durationUs = ns / 1000;
    e.text = QString::fromUtf8(sqlite3_sql(stmt)).simplified();
    SqlLog::instance().append(std::move(e));
    return 0;
}

void errorLogCallback(void * /*context*/, int code, const char *message)
{
    // Called from any thread, possibly with SQLite's mutexes held: only record, never call SQLite.
    SqlLogEntry e;
    e.when = QDateTime::currentDateTime();
    e.isError = true;
    e.code = code;
    e.text = QString::fromUtf8(message);
    qCInfo(lcSql).noquote() << "sqlite log" << code << e.text;
    SqlLog::instance().append(std::move(e));
}

} // namespace

SqlLog &SqlLog::instance()
{
    static SqlLog log;
    return log;
}

bool SqlLog::installErrorLog()
{
    // SQLITE_MISUSE when SQLite is already initialised (a connection was opened before).
    const bool ok = sqlite3_config(SQLITE_CONFIG_LOG, errorLogCallback, nullptr) == SQLITE_OK;
    if (ok)
        s_errorLogInstalled = true;
    return ok;
}

bool SqlLog::errorLogInstalled()
{
    return s_errorLogInstalled;
}

void SqlLog::attach(sqlite3 *handle)
{
    if (handle) {
        sqlite3_trace_v2(handle, SQLITE_TRACE_PROFILE, traceCallback, nullptr);
        ++m_attachCount;
    }
}

void SqlLog::detach(sqlite3 *handle)
{
    if (handle)
        sqlite3_trace_v2(handle, 0, nullptr, nullptr);
}

void SqlLog::append(SqlLogEntry entry)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    entry.sequence = ++m_sequence;
    m_entries.push_back(std::move(entry));
    while (m_entries.size() > m_capacity)
        m_entries.pop_front();
}

QList<SqlLogEntry> SqlLog::since(qint64 sequence) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<SqlLogEntry> out;
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && it->sequence > sequence; ++it)
        out.prepend(*it);
    return out;
}

qint64 SqlLog::lastSequence() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_sequence;
}

void SqlLog::clear()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_entries.clear();
}

void SqlLog::setCapacity(int entries)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_capacity = size_t(qMax(1, entries));
}

} // namespace kalito
