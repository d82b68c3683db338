#include "settingswriter.h"

#include <QCoreApplication>
#include <QSettings>

namespace kalito::ui {

namespace {
SettingsWriter *s_writer = nullptr;
}

SettingsWriter::SettingsWriter() : m_thread([this] { run(); }) {}

SettingsWriter::~SettingsWriter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    s_writer = nullptr;
}

SettingsWriter *SettingsWriter::instance()
{
    // A child of the application object: destroyed (after its last write) when it is.
    if (!s_writer) {
        s_writer = new SettingsWriter;
        s_writer->setParent(QCoreApplication::instance());
    }
    return s_writer;
}

void SettingsWriter::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty()) // stopping, and nothing left to write
            return;
        auto change = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        {
            QSettings settings;
            change(settings);
        } // synced here
        lock.lock();
        m_busy = false;
        m_drained.notify_all();
    }
}

void SettingsWriter::write(std::function<void(QSettings &)> change)
{
    if (!QCoreApplication::instance()) { // no application object to outlive: in place
        QSettings settings;
        change(settings);
        return;
    }
    SettingsWriter *w = instance();
    {
        std::lock_guard<std::mutex> lock(w->m_mutex);
        w->m_queue.push_back(std::move(change));
    }
    w->m_wake.notify_one();
}

void SettingsWriter::flush()
{
    if (!s_writer)
        return;
    std::unique_lock<std::mutex> lock(s_writer->m_mutex);
    s_writer->m_drained.wait(lock, [] { return s_writer->m_queue.empty() && !s_writer->m_busy; });
}

} // namespace kalito::ui
