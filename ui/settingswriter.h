#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>

class QSettings;

namespace kalito::ui {

// Writes the window's settings (recent files, last database, layout, export folder) off the GUI
// thread. QSettings syncs each change to disk with fdatasync() under a lock file when the object
// goes away: observed at 45 to 150 ms on the shared build machine, after every open, on the GUI
// thread. Reading stays where it is (a read parses the file, no sync). Writes run one at a time on
// a pool of one thread (offThread), in the order they were made; the last one is on disk before
// the application object is gone.
class SettingsWriter : public QObject
{
    Q_OBJECT
public:
    // change(settings) runs on the writer's thread with a fresh QSettings; then it is synced.
    static void write(std::function<void(QSettings &)> change);
    // Blocks until every write made so far is on disk (tests, before reading what was written).
    static void flush();

private:
    SettingsWriter();
    ~SettingsWriter() override; // waits for every queued write
    static SettingsWriter *instance();

    QThreadPool m_pool;
};

} // namespace kalito::ui
