#pragma once

#include "canceltoken.h"
#include "closereport.h"
#include "openoptions.h"
#include "openresult.h"
#include "preparedstatement.h"
#include "sqlresult.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <atomic>
#include <mutex>

struct sqlite3;

namespace kalito {

// The one SQLite connection, used from one thread only (Qt's rule for QSqlDatabase).
// Connection owns an instance on its worker thread; the command line and tests may drive one
// directly. Every call finishes its statements before it returns, so an idle Database holds no
// read transaction and never starves another process's checkpoint.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    OpenResult open(const OpenOptions &options);
    // Checkpoints as politely as the situation allows (see closereport.h), then closes.
    CloseReport close();

    bool isOpen() const { return m_open; }
    bool isReadOnly() const { return m_options.readOnly; }
    QString path() const { return m_path; }
    const OpenOptions &options() const { return m_options; }
    const OpenResult &openResult() const { return m_openResult; }

    // The native handle, or nullptr when Qt's driver and our libsqlite3 are not the same library.
    sqlite3 *handle() const { return m_native ? m_handle : nullptr; }

    // Safe from any thread: stops the running statement with SQLITE_INTERRUPT, whichever request it
    // belongs to (for quitting the process only; work is cancelled through its CancelToken).
    void interrupt();

    // While a CancelScope lives, a statement stops (SQLITE_INTERRUPT, an Interrupted error) soon
    // after its token is cancelled, through SQLite's progress handler; scopes nest (a request run
    // by serveInteractive() inside a long one has its own token), the inner one wins.
    class CancelScope
    {
    public:
        CancelScope(Database &db, const CancelToken &token);
        ~CancelScope();
        CancelScope(const CancelScope &) = delete;
        CancelScope &operator=(const CancelScope &) = delete;

    private:
        Database &m_db;
        CancelToken m_token;
        const CancelToken *m_previous;
    };
    // The token of the innermost CancelScope, or nullptr.
    const CancelToken *cancelToken() const { return m_cancel; }

    // Runs one statement, binds every value positionally, reads every row, finishes the statement.
    SqlResult select(const QString &sql, const QVariantList &binds = {}, int maxRows = -1);
    DbError execute(const QString &sql, const QVariantList &binds = {});
    // One statement for many runs (bulk inserts); see PreparedStatement.
    PreparedStatement prepare(const QString &sql);
    // A single value (first column of the first row) or an invalid QVariant.
    QVariant scalar(const QString &sql, const QVariantList &binds = {}, DbError *error = nullptr);

    bool tableExists(const QString &table);
    // Statements still active on the connection (should be 0 between requests).
    int activeStatements() const;
    // True when the connection is outside any transaction.
    bool isAutocommit() const;

    // Quotes an identifier for SQL ("a""b").
    static QString quoteIdentifier(const QString &name);
    // True while a Database in this process has absolutePath open: nothing may then open the file
    // itself (FileProbe, a copy), because closing that descriptor would drop the connection's locks.
    static bool isOpenInThisProcess(const QString &absolutePath);

private:
    friend class PreparedStatement;
    DbError applyPragmas(bool fileIsWal);
    DbError errorFrom(const class QSqlQuery &query) const;
    void releaseConnection();
    static int progressCheck(void *database);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    OpenOptions m_options;
    OpenResult m_openResult;
    bool m_open = false;
    bool m_keepWal = false; // an orphan -wal found at open: never checkpoint it (see open())
    bool m_native = false;
    sqlite3 *m_handle = nullptr;
    std::mutex m_handleMutex;              // guards m_handle against interrupt() racing close()
    const CancelToken *m_cancel = nullptr; // set by CancelScope, read by progressCheck (this thread)
};

} // namespace kalito
