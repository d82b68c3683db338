#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <deque>
#include <mutex>

struct sqlite3;

namespace kalito {

// One statement the inspector ran (with its duration) or one message of SQLite's error log.
struct SqlLogEntry
{
    qint64 sequence = 0;
    QDateTime when;
    qint64 durationUs = -1; // -1 for error-log messages
    QString text;           // the SQL as prepared (with ? placeholders: bound values are not logged)
    bool isError = false;
    int code = 0; // SQLite result code for error-log messages
};

// Collects what SQLite reports through its hooks: sqlite3_trace_v2(SQLITE_TRACE_PROFILE) on our
// connection's native handle, and sqlite3_config(SQLITE_CONFIG_LOG), which must be installed
// before any connection exists (from main(), first thing). Thread-safe; keeps the newest entries.
class SqlLog
{
public:
    static SqlLog &instance();

    // Must run before SQLite initialises (before the first connection opens); false otherwise.
    static bool installErrorLog();
    static bool errorLogInstalled();
    // On the connection thread, right after opening.
    void attach(sqlite3 *handle);
    void detach(sqlite3 *handle);
    // How many attach() calls ran (tests wait for the first).
    int attachCount() const { return m_attachCount.load(); }

    void append(SqlLogEntry entry);
    QList<SqlLogEntry> since(qint64 sequence) const; // entries with a larger sequence number
    qint64 lastSequence() const;
    void clear();
    void setCapacity(int entries);

private:
    SqlLog() = default;
    mutable std::mutex m_mutex;
    std::deque<SqlLogEntry> m_entries;
    qint64 m_sequence = 0;
    size_t m_capacity = 5000;
    std::atomic<int> m_attachCount{0};
};

} // namespace kalito
