#pragma once

#include "modalanswerer.h"
#include "stallwatch.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

class QAbstractItemModel;
class QAbstractItemModelTester;
class QAbstractItemView;
class QAction;
class QTableView;

namespace kalito {
class Connection;
namespace ui {
class ConversationsPage;
class MainWindow;
} // namespace ui
} // namespace kalito

namespace kalito::test {

// The real MainWindow on a real database, composed as app/main.cpp composes it, and the things a
// person does to it: clicks on rows and headers, keys, menu actions. Every model in the window
// runs under QAbstractItemModelTester (fatal), and every modal dialog is answered. A heartbeat
// (StallWatch) runs for the window's whole life: the longest stall of the GUI event loop is
// reported when the window is closed (StallWatch::report: measured and summarised by the
// perf-labelled gui_stalls check, not asserted). The test's own blocking helpers
// (tests/support) pause it; wrap any other such work in StallWatch::Pause.
class ScenarioWindow
{
public:
    // Opens path (unless empty) and waits until the first page of sessions is shown.
    explicit ScenarioWindow(const QString &path, bool readOnly = false);
    ~ScenarioWindow();

    ui::MainWindow *window() const { return m_window.get(); }
    Connection *connection() const { return m_connection.get(); }
    ui::ConversationsPage *conversations() const;
    ModalAnswerer &modals() { return m_modals; }
    StallWatch &stallWatch() { return m_stallWatch; }

    static constexpr qint64 kStallLimitMs = StallWatch::kGoalMs;
    // True when no stall over the goal was seen (or in a sanitizer build); else *why says which.
    // For the test that proves the heartbeat sees a blocked GUI thread.
    bool withinStallLimit(QString *why = nullptr) const;
    // Reports the longest stall so far (StallWatch::report), then watches on from zero.
    void reportStalls();

    // Opens a database the way File > Open does (through the window's dialog), and waits for
    // the open to be answered (success or an error dialog).
    void openThroughMenu(const QString &path, bool readOnly = false);
    // The same, without waiting: the menu action returns at once, the open goes on meanwhile.
    void openThroughMenuNoWait(const QString &path, bool readOnly = false);
    // Attaches a model tester to every model in the window not watched yet.
    void watchModels();
    // Detaches the tester from one model (it walks every row on each change: too slow for a
    // model of hundreds of thousands of rows, which other tests cover at a smaller size).
    void unwatch(const QAbstractItemModel *model);
    // Closes and destroys the window (as Quit does), then the connection.
    void quit();

    // A person's actions.
    static void clickRow(QAbstractItemView *view, int row, int column = 0);
    static void doubleClickRow(QAbstractItemView *view, int row, int column = 0);
    static void clickHeader(QTableView *view, int section);
    // Types text key by key into widget, as a keyboard (or an input method, for non-Latin text) does.
    static void typeText(QWidget *widget, const QString &text);
    QAction *action(const QString &objectName) const;
    // The display texts of column `column` of the first `rows` rows of a model.
    static QStringList columnTexts(const QAbstractItemModel *model, int column, int rows);

private:
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ui::MainWindow> m_window;
    ModalAnswerer m_modals;
    StallWatch m_stallWatch;
    QHash<const QAbstractItemModel *, QAbstractItemModelTester *> m_testers;
    QSet<const QAbstractItemModel *> m_watched;
};

} // namespace kalito::test
