#include "recentfiles.h"

#include "settingswriter.h"

#include <QFileInfo>
#include <QSettings>

namespace kalito::ui {

namespace {
const QString kGroup = QStringLiteral("recentFiles");
const QString kPath = QStringLiteral("path");
const QString kReadOnly = QStringLiteral("readOnly");
} // namespace

RecentFiles::RecentFiles(QObject *parent) : QObject(parent)
{
    load();
}

void RecentFiles::setMaximum(int maximum)
{
    m_maximum = qMax(1, maximum);
    if (m_entries.size() > m_maximum) {
        m_entries.resize(m_maximum);
        save();
        emit changed();
    }
}

void RecentFiles::add(const QString &path, bool readOnly)
{
    // One entry per file, however it was spelled when it was opened.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute.isEmpty())
        return;
    m_entries.removeIf([&](const Entry &e) { return e.path == absolute; });
    m_entries.prepend({absolute, readOnly});
    if (m_entries.size() > m_maximum)
        m_entries.resize(m_maximum);
    save();
    emit changed();
}

void RecentFiles::remove(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_entries.removeIf([&](const Entry &e) { return e.path == absolute; }) == 0)
        return;
    save();
    emit changed();
}

void RecentFiles::clear()
{
    if (m_entries.isEmpty())
        return;
    m_entries.clear();
    save();
    emit changed();
}

void RecentFiles::load()
{
    QSettings settings;
    const int size = settings.beginReadArray(kGroup);
    for (int i = 0; i < size && m_entries.size() < m_maximum; ++i) {
        settings.setArrayIndex(i);
        const Entry e{settings.value(kPath).toString(), settings.value(kReadOnly).toBool()};
        if (!e.path.isEmpty())
            m_entries.append(e);
    }
    settings.endArray();
}

void RecentFiles::save() const
{
    SettingsWriter::write([entries = m_entries](QSettings &settings) {
        settings.remove(kGroup); // a shorter list must not leave stale indexes behind
        settings.beginWriteArray(kGroup, int(entries.size()));
        for (int i = 0; i < entries.size(); ++i) {
            settings.setArrayIndex(i);
            settings.setValue(kPath, entries.at(i).path);
            settings.setValue(kReadOnly, entries.at(i).readOnly);
        }
        settings.endArray();
    });
}

} // namespace kalito::ui
