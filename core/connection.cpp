#include "connection.h"

#include "logging.h"

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
    post([this] {
        m_db = std::make_unique<Database>();
        m_interruptible = m_db.get();
    });
}

Connection::~Connection()
{
    interrupt();
    close().waitForFinished();
    post([this] {
        m_interruptible = nullptr;
        m_db.reset();
    });
    m_thread.quit();
    m_thread.wait();
}

void Connection::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
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
    post([this, promise, options] {
        const OpenResult r = m_db->open(options);
        {
            std::lock_guard<std::mutex> lock(m_stateMutex);
            m_openResult = r;
            m_isOpen = r.ok();
        }
        m_pending.deref();
        promise->addResult(r);
        promise->finish();
        emit opened(r);
    });
    return future;
}

QFuture<CloseReport> Connection::close()
{
    auto promise = std::make_shared<QPromise<CloseReport>>();
    QFuture<CloseReport> future = promise->future();
    promise->start();
    post([this, promise] {
        CloseReport r;
        if (m_db && m_db->isOpen())
            r = m_db->close();
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

void Connection::interrupt()
{
    // m_db is created by the first job and destroyed by the last; in between, interrupt() is
    // guarded inside Database by its own mutex.
    if (Database *db = m_interruptible.load())
        db->interrupt();
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
