#include "database.h"

#include "fileprobe.h"
#include "filesizes.h"
#include "logging.h"
#include "proclocks.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <sqlite3.h>
#include <unistd.h>

namespace kalito {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// Paths this process has SQLite connections on, with how many. FileProbe reads a file's header
// through its own descriptor; doing that to a file we already have open would drop our own POSIX
// locks. Counted: while a new connection opens, the one it replaces may be open on the same file.
std::mutex s_openPathsMutex;
QHash<QString, int> s_openPaths;

bool isOpenHere(const QString &path)
{
    std::lock_guard<std::mutex> lock(s_openPathsMutex);
    return s_openPaths.value(path) > 0;
}

void markOpen(const QString &path, bool open)
{
    std::lock_guard<std::mutex> lock(s_openPathsMutex);
    int &count = s_openPaths[path];
    count += open ? 1 : -1;
    if (count <= 0)
        s_openPaths.remove(path);
}

// A setting that did not take: the error that stopped it, or else SQLite quietly kept its value.
void keptOrFailed(PragmaSetting &s, const DbError &error, PragmaSetting::Why kept)
{
    s.why = error.isError() ? PragmaSetting::Why::Failed : kept;
    s.error = error;
}

// file: URI so that "mode=rw" forbids SQLite from creating a file that vanished after our check.
QString uriFor(const QString &absolutePath, const char *mode)
{
    return QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(absolutePath, "/")) +
           QStringLiteral("?mode=") + QLatin1String(mode);
}

// A read-only connection can still start a checkpoint: SQLite only refuses one when the -wal file
// itself is read-only. Observed with SQLite 3.40 beside a live writer: PRAGMA wal_checkpoint on a
// read-only connection took the checkpoint lock (FULL/RESTART/TRUNCATE also the WAL write lock,
// making the backend wait), then failed with SQLITE_IOERR_WRITE (778) on the O_RDONLY database
// descriptor. Changing journal_mode or locking_mode would likewise write or take exclusive locks.
// So on a read-only connection these pragmas are denied before they run.
int readOnlyAuthorizer(void *, int action, const char *arg1, const char *arg2, const char *, const char *)
{
    if (action != SQLITE_PRAGMA || !arg1)
        return SQLITE_OK;
    if (sqlite3_stricmp(arg1, "wal_checkpoint") == 0)
        return SQLITE_DENY;
    const bool setsValue = arg2 != nullptr;
    if (setsValue &&
        (sqlite3_stricmp(arg1, "journal_mode") == 0 || sqlite3_stricmp(arg1, "locking_mode") == 0))
        return SQLITE_DENY;
    return SQLITE_OK;
}

} // namespace

Database::Database() = default;

Database::~Database()
{
    if (m_open)
        close();
}

OpenResult Database::open(const OpenOptions &options)
{
    if (m_open)
        close();
    m_options = options;
    OpenResult result;
    result.readOnly = options.readOnly;
    const QString absolute = QFileInfo(options.path).absoluteFilePath();
    result.path = absolute;
    m_path = absolute;

    FileProbe probe;
    if (options.create) {
        probe = FileProbe::inspectNew(absolute);
    } else if (isOpenHere(absolute)) {
        probe.absolutePath = absolute; // already open here: SQLite itself will judge the file
    } else {
        probe = FileProbe::inspect(absolute);
    }
    if (probe.error.isError()) {
        qCWarning(lcDb).noquote() << "open refused:" << probe.error.toString();
        result.error = probe.error;
        m_openResult = result;
        return result;
    }
    // A -wal with content that no running process owns was left by a crash, or copied here from
    // another database: SQLite cannot tell which. Reading shows its frames, but checkpointing
    // them on close (ours, or SQLite's own when the last connection closes) would write them into
    // a file the user only asked to look at, and a foreign WAL would corrupt it. So such a WAL
    // is left in place, untouched, for the backend to recover.
    const FileSizes sizes = FileSizes::of(absolute);
    // (-1 from otherProcessesHolding means "cannot tell": be careful then too.)
    m_keepWal = !options.create && !options.readOnly && sizes.walBytes > 32 && !isOpenHere(absolute) &&
                ProcLocks::otherProcessesHolding(absolute) <= 0;
    if (m_keepWal) {
        result.keptWalBytes = sizes.walBytes;
    }
    result.createsCompanions = options.readOnly && probe.walHeader && probe.companionsMissing;

    m_connectionName = QStringLiteral("kalito-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    const char *mode = options.create ? "rwc" : (options.readOnly ? "ro" : "rw");
    m_db.setDatabaseName(uriFor(absolute, mode));
    QString connectOptions =
        QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(connectOptions);

    if (!m_db.open()) {
        result.error = DbError::fromQt(m_db.lastError(), nullptr, absolute);
        qCWarning(lcDb).noquote() << "open failed:" << result.error.toString();
        releaseConnection();
        m_openResult = result;
        return result;
    }
    markOpen(absolute, true);
    m_open = true;

    // The native handle is only used if Qt's driver runs the very library we link against:
    // two SQLite copies in one process break POSIX locking.
    const QVariant v = m_db.driver()->handle();
    sqlite3 *h = nullptr;
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        h = *static_cast<sqlite3 *const *>(v.constData());
    const QString driverSource = scalar(QStringLiteral("SELECT sqlite_source_id()")).toString();
    const QString linkedSource = QString::fromLatin1(sqlite3_sourceid());
    result.sqliteVersion = scalar(QStringLiteral("SELECT sqlite_version()")).toString();
    if (!h) {
        result.nativeProblem =
            DbError::make(DbError::Kind::Sqlite, DbError::Reason::NoNativeHandle, QString());
    } else if (driverSource != linkedSource) {
        result.nativeProblem = DbError::make(DbError::Kind::Sqlite, DbError::Reason::NoNativeHandle,
                                             QString(), {driverSource, linkedSource});
    } else {
        std::lock_guard<std::mutex> lock(m_handleMutex);
        m_handle = h;
        m_native = true;
        if (options.readOnly)
            sqlite3_set_authorizer(h, readOnlyAuthorizer, nullptr);
        if (m_keepWal)
            sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        // Every 1000 virtual machine steps (a few microseconds): a cancelled request stops within
        // a fraction of a millisecond, and only the request whose token it is.
        sqlite3_progress_handler(h, 1000, &Database::progressCheck, this);
    }
    result.nativeAvailable = m_native;
    if (!m_native)
        qCWarning(lcDb).noquote() << result.nativeProblem.toString();

    DbError pragmaError = applyPragmas(probe.walHeader);
    if (pragmaError.kind == DbError::Kind::ReadOnly && probe.walHeader && probe.companionsMissing &&
        !probe.directoryWritable) {
        // SQLite's own words ("attempt to write a readonly database") blame a write nobody asked for.
        pragmaError.reason = DbError::Reason::WalCompanionsUnwritable;
        pragmaError.args = QStringList{QFileInfo(absolute).fileName()};
    }
    if (pragmaError.isError()) {
        result.error = pragmaError;
        qCWarning(lcDb).noquote() << "open failed:" << pragmaError.toString();
        releaseConnection();
        m_openResult = result;
        return result;
    }
    result.pragmas = m_openResult.pragmas;
    for (const PragmaSetting &p : std::as_const(result.pragmas)) {
        if (!p.took())
            qCInfo(lcDb).noquote() << "pragma" << p.name << "is" << p.actual << "not" << p.expected << "-"
                                   << p.whyCode();
    }
    qCInfo(lcDb).noquote() << "opened" << absolute << (options.readOnly ? "read-only" : "read-write")
                           << "SQLite" << result.sqliteVersion;
    m_openResult = result;
    return result;
}

DbError Database::applyPragmas(bool fileIsWal)
{
    Q_UNUSED(fileIsWal)
    PragmaSettings settings;
    auto readBack = [this](const QString &name, DbError *err) {
        // sql-ok: name is one of the pragma names written in this file
        return scalar(QStringLiteral("PRAGMA ") + name, {}, err).toString();
    };
    DbError err;

    // Its error is not fatal (the file may be damaged: the next statement says so) but is said,
    // like every pragma's below: a setting that did not take carries its reason.
    const DbError foreignKeysError = execute(QStringLiteral("PRAGMA foreign_keys = ON"));
    PragmaSetting foreignKeys{QStringLiteral("foreign_keys"),
                              QStringLiteral("1"),
                              readBack(QStringLiteral("foreign_keys"), &err),
                              {},
                              {}};
    if (!foreignKeys.took())
        keptOrFailed(foreignKeys, foreignKeysError.isError() ? foreignKeysError : err,
                     PragmaSetting::Why::KeptOwnValue);
    settings.append(foreignKeys);
    err = DbError();

    // The first statement that reads the file: a damaged or locked database fails here, cleanly.
    scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"), {}, &err);
    if (err.isError())
        return err;

    PragmaSetting journal{QStringLiteral("journal_mode"), QStringLiteral("wal"), QString(), {}, {}};
    journal.actual = readBack(QStringLiteral("journal_mode"), &err).toLower();
    if (err.isError())
        return err;
    if (journal.actual != journal.expected) {
        if (m_options.create) {
            journal.actual =
                scalar(QStringLiteral("PRAGMA journal_mode = WAL"), {}, &err).toString().toLower();
        } else if (m_options.readOnly) {
            journal.why = PragmaSetting::Why::ReadOnlyJournal;
        } else {
            journal.why = PragmaSetting::Why::JournalNotConverted;
        }
        if (journal.why == PragmaSetting::Why::None && !journal.took())
            keptOrFailed(journal, err, PragmaSetting::Why::KeptJournalMode);
    }
    settings.append(journal);

    struct Wanted
    {
        const char *name;
        const char *set;
        QString expected;
    };
    const Wanted wanted[] = {
        {"synchronous", "NORMAL", QStringLiteral("1")},
        {"cache_size", "1000", QStringLiteral("1000")},
        {"temp_store", "MEMORY", QStringLiteral("2")},
        {"busy_timeout", nullptr, QString::number(m_options.busyTimeoutMs)},
    };
    for (const Wanted &w : wanted) {
        const QString name = QLatin1String(w.name);
        const QString value = w.set ? QLatin1String(w.set) : w.expected;
        // sql-ok: name and value come from the constant table above
        DbError setError = execute(QStringLiteral("PRAGMA %1 = %2").arg(name, value));
        PragmaSetting s{name, w.expected, readBack(name, &err), {}, {}};
        if (!s.took())
            keptOrFailed(s, setError, PragmaSetting::Why::KeptOwnValue);
        settings.append(s);
    }
    m_openResult.pragmas = settings;
    return DbError();
}

CloseReport Database::close()
{
    CloseReport report;
    if (!m_open)
        return report;
    const bool wal =
        scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower() == QLatin1String("wal");
    if (m_options.readOnly) {
        report.why = CloseReport::Why::ReadOnly;
    } else if (m_keepWal) {
        report.why = CloseReport::Why::KeptWal;
    } else if (!wal) {
        report.why = CloseReport::Why::NotWal;
    } else {
        // A TRUNCATE makes a live backend's writers wait; only run it when nobody else is here.
        const int others = ProcLocks::otherProcessesHolding(m_path);
        if (others == 0) {
            report.checkpointMode = QStringLiteral("truncate");
            report.why = CloseReport::Why::Alone;
            execute(QStringLiteral("PRAGMA busy_timeout = 100"));
        } else {
            report.checkpointMode = QStringLiteral("passive");
            report.why = others > 0 ? CloseReport::Why::OthersOpen : CloseReport::Why::CannotTell;
            report.others = others;
        }
        // sql-ok: checkpointMode is "truncate" or "passive", set just above
        const SqlResult r =
            select(QStringLiteral("PRAGMA wal_checkpoint(%1)").arg(report.checkpointMode.toUpper()));
        if (r.ok() && !r.rows.isEmpty()) {
            report.busy = r.value(0, 0).toInt();
            report.logFrames = r.value(0, 1).toInt();
            report.checkpointedFrames = r.value(0, 2).toInt();
        }
    }
    qCInfo(lcDb).noquote() << "closing" << m_path << "checkpoint:"
                           << (report.checkpointMode.isEmpty() ? QStringLiteral("none")
                                                               : report.checkpointMode)
                           << QStringLiteral("(%1)").arg(report.whyCode()) << "busy" << report.busy << "log"
                           << report.logFrames << "checkpointed" << report.checkpointedFrames;
    releaseConnection();
    return report;
}

void Database::releaseConnection()
{
    {
        std::lock_guard<std::mutex> lock(m_handleMutex);
        m_handle = nullptr;
        m_native = false;
    }
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    if (m_open)
        markOpen(m_path, false);
    m_open = false;
}

void Database::interrupt()
{
    std::lock_guard<std::mutex> lock(m_handleMutex);
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

int Database::progressCheck(void *database)
{
    const CancelToken *token = static_cast<const Database *>(database)->m_cancel;
    return token && token->isCancelled() ? 1 : 0;
}

Database::CancelScope::CancelScope(Database &db, const CancelToken &token)
    : m_db(db), m_token(token), m_previous(db.m_cancel)
{
    {
        std::lock_guard<std::mutex> lock(m_db.m_handleMutex);
        m_db.m_cancel = &m_token;
    }
    // sqlite3_interrupt stops whatever runs on the connection: only while this scope is the
    // innermost one (its request's statement is the one running) may this token's cancel use it.
    Database *database = &m_db;
    const CancelToken *self = &m_token;
    m_token.setOnCancel([database, self] {
        std::lock_guard<std::mutex> lock(database->m_handleMutex);
        if (database->m_cancel == self && database->m_handle)
            sqlite3_interrupt(database->m_handle);
    });
}

Database::CancelScope::~CancelScope()
{
    m_token.setOnCancel({}); // first: a cancel() racing this end waits, then finds no hook
    std::lock_guard<std::mutex> lock(m_db.m_handleMutex);
    m_db.m_cancel = m_previous;
}

DbError Database::errorFrom(const QSqlQuery &query) const
{
    return DbError::fromQt(query.lastError(), handle(), m_path);
}

SqlResult Database::select(const QString &sql, const QVariantList &binds, int maxRows)
{
    SqlResult result;
    if (!m_open) {
        // Qt would say "Driver not loaded"; say what is really the matter.
        result.error = DbError::make(DbError::Kind::NotOpen, DbError::Reason::NotOpen, QString());
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            result.error = errorFrom(q);
        } else {
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (!q.exec()) {
                result.error = errorFrom(q);
            } else {
                const QSqlRecord rec = q.record();
                for (int i = 0; i < rec.count(); ++i)
                    result.columns << rec.fieldName(i);
                while ((maxRows < 0 || result.rows.size() < maxRows) && q.next()) {
                    QVariantList row;
                    row.reserve(rec.count());
                    for (int i = 0; i < rec.count(); ++i)
                        row << q.value(i);
                    result.rows << row;
                }
                if (q.lastError().isValid())
                    result.error = errorFrom(q);
            }
        }
        q.finish();
    }
    qCDebug(lcSql).noquote() << timer.nsecsElapsed() / 1000 << "us" << sql
                             << (result.ok() ? QString() : QStringLiteral("-> ") + result.error.reasonText());
    return result;
}

DbError Database::execute(const QString &sql, const QVariantList &binds)
{
    return select(sql, binds, 0).error;
}

PreparedStatement Database::prepare(const QString &sql)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    DbError error;
    if (!m_open)
        error = DbError::make(DbError::Kind::NotOpen, DbError::Reason::NotOpen, QString());
    else if (!q.prepare(sql))
        error = errorFrom(q);
    return PreparedStatement(*this, q, sql, error);
}

QVariant Database::scalar(const QString &sql, const QVariantList &binds, DbError *error)
{
    const SqlResult r = select(sql, binds, 1);
    if (error)
        *error = r.error;
    return r.value(0, 0);
}

bool Database::tableExists(const QString &table)
{
    return scalar(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?"),
                  {table})
               .toInt() == 1;
}

int Database::activeStatements() const
{
    sqlite3 *h = handle();
    if (!h)
        return -1;
    int busy = 0;
    for (sqlite3_stmt *s = sqlite3_next_stmt(h, nullptr); s; s = sqlite3_next_stmt(h, s)) {
        if (sqlite3_stmt_busy(s))
            ++busy;
    }
    return busy;
}

bool Database::isAutocommit() const
{
    sqlite3 *h = handle();
    return h ? sqlite3_get_autocommit(h) != 0 : true;
}

bool Database::isOpenInThisProcess(const QString &absolutePath)
{
    return isOpenHere(absolutePath);
}

QString Database::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace kalito
