#include "settingswriter.h"

#include "offthread.h"

#include <QCoreApplication>
#include <QSettings>

namespace kalito::ui {

namespace {
SettingsWriter *s_writer = nullptr;
}

SettingsWriter::SettingsWriter()
{
    m_pool.setMaxThreadCount(1); // one thread: the writes run in the order they were queued
    m_pool.setObjectName(QStringLiteral("kalito-settings"));
}

SettingsWriter::~SettingsWriter()
{
    m_pool.waitForDone();
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

void SettingsWriter::write(std::function<void(QSettings &)> change)
{
    if (!QCoreApplication::instance()) { // no application object to outlive: in place
        QSettings settings;
        change(settings);
        return;
    }
    offThread(
        [change = std::move(change)] {
            QSettings settings;
            change(settings);
        }, // synced here
        &instance()->m_pool);
}

void SettingsWriter::flush()
{
    if (s_writer)
        s_writer->m_pool.waitForDone();
}

} // namespace kalito::ui
