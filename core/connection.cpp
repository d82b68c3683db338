#include "connection.h"

#include "logging.h"

#include <utility>

namespace kalito {

Connection::Connection(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<kalito::OpenResult>();
    qRegisterMetaType<kalito::CloseReport>();
    m_thread.setObjectName(QStringLiteral("kalito-connection"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    // The Database (and so its QSqlDatabase) is created on the thread that will use it.
    postBarrier([this] { m_db = std::make_unique<Database>(); });
}

Connection::~Connection()
{
    interrupt();
    close().waitForFinished();
    postBarrier([this] {
        std::lock_guard<std::mutex> lock(m_interruptMutex);
        m_db.reset();
    });
    m_thread.quit();
    m_thread.wait();
}

void Connection::post(std::function<void()> job, Priority priority)
{
    m_queue.push(std::move(job), priority);
    // One wake-up per job: each runs whichever job comes first by then.
    QMetaObject::invokeMethod(
        m_worker, [this] { runNext(); }, Qt::QueuedConnection);
}

void Connection::postBarrier(std::function<void()> job)
{
    m_queue.pushBarrier(std::move(job));
    QMetaObject::invokeMethod(
        m_worker, [this] { runNext(); }, Qt::QueuedConnection);
}

void Connection::runNext()
{
    if (const RequestQueue::Job job = m_queue.take())
        job();
}

void Connection::afterRequest()
{
    // The promise the class makes: no statement or transaction survives a request.
    const int active = m_db->activeStatements();
    if (active > 0 || !m_db->isAutocommit()) {
        qCWarning(lcDb) << "a request left" << active << "statement(s) active"
                        << (m_db->isAutocommit() ? "" : "and a transaction open") << "- rolling back";
        if (!m_db->isAutocommit())
            m_db->execute(QStringLiteral("ROLLBACK"));
    }
}

QFuture<OpenResult> Connection::open(const OpenOptions &options)
{
    auto promise = std::make_shared<QPromise<OpenResult>>();
    QFuture<OpenResult> future = promise->future();
    promise->start();
    m_pending.ref();
    postBarrier([this, promise, options] {
        // The new database opens beside the old one; only when it opened does it replace it, so a
        // file that turns out not to be a database leaves the open one open and usable.
        auto fresh = std::make_unique<Database>();
        const OpenResult r = fresh->open(options);
        if (r.ok()) {
            if (m_db->isOpen())
                m_db->close();
            std::unique_ptr<Database> old;
            {
                std::lock_guard<std::mutex> lock(m_interruptMutex);
                old = std::exchange(m_db, std::move(fresh));
            }
            ++m_databaseSerial;
            std::vector<std::function<void(Database &)>> hooks;
            {
                std::lock_guard<std::mutex> lock(m_stateMutex);
                m_openResult = r;
                m_isOpen = true;
                hooks = m_openHooks;
            }
            for (const auto &hook : hooks)
                hook(*m_db);
        }
        m_pending.deref();
        // Signalled before the future finishes: the parts that follow the connection (the one way
        // the window's parts learn of an open) have it before whoever asked for the open goes on.
        emit opened(r);
        promise->addResult(r);
        promise->finish();
    });
    return future;
}

QFuture<CloseReport> Connection::close()
{
    auto promise = std::make_shared<QPromise<CloseReport>>();
    QFuture<CloseReport> future = promise->future();
    promise->start();
    postBarrier([this, promise] {
        CloseReport r;
        if (m_db && m_db->isOpen()) {
            r = m_db->close();
            ++m_databaseSerial;
        }
        {
            std::lock_guard<std::mutex> lock(m_stateMutex);
            m_isOpen = false;
        }
        promise->addResult(r);
        promise->finish();
        emit closed(r);
    });
    return future;
}

void Connection::addOpenHook(std::function<void(Database &)> hook)
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    m_openHooks.push_back(std::move(hook));
}

void Connection::interrupt()
{
    // m_db is replaced on the connection thread (open) under this mutex; Database::interrupt is
    // guarded against its own close by the Database's mutex.
    std::lock_guard<std::mutex> lock(m_interruptMutex);
    if (m_db && !m_serving)
        m_db->interrupt();
}

void Connection::serveInteractive()
{
    Q_ASSERT(QThread::currentThread() == &m_thread);
    while (const RequestQueue::Job job = m_queue.takeInteractive()) {
        {
            std::lock_guard<std::mutex> lock(m_interruptMutex);
            m_serving = true;
        }
        job();
        std::lock_guard<std::mutex> lock(m_interruptMutex);
        m_serving = false;
    }
}

bool Connection::isOpen() const
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    return m_isOpen;
}

OpenResult Connection::openResult() const
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    return m_openResult;
}

} // namespace kalito
