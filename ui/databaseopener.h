#pragma once

#include "dberror.h"
#include "openoptions.h"
#include "openresult.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace kalito {
class Connection;
struct OpenAdvice;
} // namespace kalito

namespace kalito::ui {

// Everything File > Open does before the window shows the new database, none of it on the GUI
// thread: the checks (OpenAdvice, on the connection thread, where no open can race them), the
// question about -wal/-shm owners (a modal box, which keeps the event loop running), closing the
// old connection, making a read-only copy or the demo database (a worker thread, with progress
// and, for the copy, cancel) and the open itself (the connection thread).
// One request runs at a time. A request made while one runs waits for it, and only the latest
// such request is kept: a person who picked the wrong file picks another and gets that one.
class DatabaseOpener : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Open, Copy, Demo };

    DatabaseOpener(Connection *connection, QWidget *dialogParent);
    ~DatabaseOpener() override; // cancels a copy and waits for the worker (one chunk)

    // File > Open, Open Recent, a drop, the start-up path: ask first if opening would create
    // -wal/-shm owned by another user, then open.
    void open(const OpenOptions &options) { request(Kind::Open, options); }
    // Opens a private copy read-only (File > Open Read-Only Copy, or the answer to that question).
    void openCopy(const OpenOptions &options) { request(Kind::Copy, options); }
    // Creates the demo database at options.path (it must not exist yet), then opens it.
    void createDemo(const OpenOptions &options) { request(Kind::Demo, options); }
    // Stops a copy between chunks (the half-made copy is removed and what was open stays open);
    // other steps cannot be stopped and are short.
    void cancel();

    bool isBusy() const { return m_current.has_value(); }
    bool canCancel() const { return m_working && m_current && m_current->kind == Kind::Copy; }
    // The folder of the read-only copy open now (removed when the next database opened, and by
    // the window on exit), or empty.
    QString copyFolder() const { return m_copyFolder; }

signals:
    // A step began: what the window should say it is doing (e.g. "Copying kalito.db…").
    void busy(const QString &what);
    // Bytes copied of total (total 0: no measure, just busy).
    void progress(qint64 done, qint64 total);
    // The open's answer (ok or not). superseded: another request waits, so an error need not be
    // shown in a dialog.
    void opened(const kalito::OpenResult &result, bool superseded);
    // The copy failed or was cancelled (then nothing is left of it); what was open before opens
    // again if it had to be closed for the copy, answered by opened().
    void copyFailed(const kalito::DbError &error, bool cancelled);
    void demoFailed(const kalito::DbError &error);
    // Nothing under way any more.
    void idle();

private:
    struct Request
    {
        Kind kind = Kind::Open;
        OpenOptions options;
    };
    struct WorkerState; // shared with the worker thread

    void request(Kind kind, const OpenOptions &options);
    void start();
    void afterAdvice(const OpenAdvice &advice);
    void closeThenCopy();
    void copy(const OpenOptions &reopen);
    void makeDemo();
    void openNow(const OpenOptions &options);
    void finish();
    void runWorker(const QString &what, std::function<void(WorkerState &)> work, std::function<void()> done);

    Connection *m_connection;
    QPointer<QWidget> m_dialogParent;
    std::optional<Request> m_current;
    std::optional<Request> m_pending;
    QThreadPool m_pool; // the copy's or the demo's one thread
    bool m_working = false;
    std::shared_ptr<WorkerState> m_state;
    QString m_copyFolder;
    QString m_newCopyFolder; // made by the running request, not open yet
};

} // namespace kalito::ui
