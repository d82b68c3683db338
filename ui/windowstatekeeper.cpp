#include "windowstatekeeper.h"

#include "settingswriter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMainWindow>
#include <QSettings>

namespace kalito::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
// Bumped when the docks change so much that an old layout would restore badly.
constexpr int kStateVersion = 1;
} // namespace

WindowStateKeeper::WindowStateKeeper(QMainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("windowStateKeeper"));
    window->installEventFilter(this);
    // QApplication::quit() (SIGTERM, session end) closes no window: save then too.
    if (QCoreApplication::instance())
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &WindowStateKeeper::save);
}

void WindowStateKeeper::save() const
{
    SettingsWriter::write([geometry = m_window->saveGeometry(),
                           state = m_window->saveState(kStateVersion)](QSettings &settings) {
        settings.setValue(kGeometry, geometry);
        settings.setValue(kState, state);
    });
}

bool WindowStateKeeper::restore()
{
    m_restored = true;
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    const QByteArray state = settings.value(kState).toByteArray();
    bool ok = !geometry.isEmpty() && m_window->restoreGeometry(geometry);
    if (!state.isEmpty())
        ok = m_window->restoreState(state, kStateVersion) && ok;
    return ok;
}

bool WindowStateKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::Show && !m_restored)
            restore();
        else if (event->type() == QEvent::Close)
            save();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kalito::ui
