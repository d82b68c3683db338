#include "scenariowindow.h"

#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "connection.h"
#include "desktopshell.h"
#include "fileactions.h"
#include "mainwindow.h"

#include "windowfit.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>

#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

namespace kalito::test {

ScenarioWindow::ScenarioWindow(const QString &path, bool readOnly)
    : m_connection(std::make_unique<Connection>()),
      m_window(std::make_unique<ui::MainWindow>(m_connection.get()))
{
    m_stallWatch.start();
    // The offscreen screen is 800x600, where the window opens maximized (WindowFit); a scenario
    // plays a person at the default 1280x800 (tst_layout tries the other sizes).
    m_window->setWindowState(Qt::WindowNoState);
    m_window->resize(ui::WindowFit::kPreferred);
    m_window->show();
    m_window->activateWindow(); // keyboard shortcuts go to the active window
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    if (qEnvironmentVariableIsSet("KALITO_STALL_TRACE"))
        qInfo() << "shown at" << m_stallWatch.elapsedMs() << "ms, longest stall so far"
                << m_stallWatch.longestMs();
    watchModels();
    if (path.isEmpty())
        return;
    QSignalSpy opened(m_window.get(), &ui::MainWindow::databaseOpened);
    QSignalSpy schema(m_window->browser(), &ui::BrowserWidget::schemaLoaded);
    OpenOptions options;
    options.path = path;
    options.readOnly = readOnly;
    m_window->openDatabase(options);
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 30000);
    if (qEnvironmentVariableIsSet("KALITO_STALL_TRACE"))
        qInfo() << "opened at" << m_stallWatch.elapsedMs() << "ms, longest stall so far"
                << m_stallWatch.longestMs();
    QTRY_VERIFY_WITH_TIMEOUT(schema.size() == 1, 30000);
    ui::SessionsModel *sessions = conversations()->sessions()->model();
    if (m_window->browser()->schema().isKalito())
        QTRY_VERIFY_WITH_TIMEOUT(sessions->knownCount() >= 0 &&
                                     (sessions->rowCount() == 0 || !sessions->sessionIdAt(0).isEmpty()),
                                 30000);
    if (qEnvironmentVariableIsSet("KALITO_STALL_TRACE"))
        qInfo() << "first page at" << m_stallWatch.elapsedMs() << "ms, stalls"
                << m_stallWatch.describeOver(20);
    watchModels();
}

ScenarioWindow::~ScenarioWindow()
{
    if (m_window)
        reportStalls();
    qDeleteAll(m_testers);
    m_window.reset();
    m_connection.reset();
}

ui::ConversationsPage *ScenarioWindow::conversations() const
{
    return m_window ? m_window->browser()->conversations() : nullptr;
}

void ScenarioWindow::openThroughMenu(const QString &path, bool readOnly)
{
    ui::FileActions *actions = m_window->desktopShell()->fileActions();
    actions->setDialogProvider([path](QWidget *, const QString &, const QString &) { return path; });
    QSignalSpy answered(m_connection.get(), &Connection::opened);
    QSignalSpy taken(m_window.get(), &ui::MainWindow::databaseOpened);
    const qsizetype modalsBefore = m_modals.texts().size();
    (readOnly ? actions->openReadOnlyAction() : actions->openAction())->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(answered.size() == 1, 30000);
    // The window has handled the answer when it took the database in, or said why not (a dialog).
    QTRY_VERIFY_WITH_TIMEOUT(taken.size() == 1 || m_modals.texts().size() > modalsBefore, 30000);
    watchModels();
}

void ScenarioWindow::openThroughMenuNoWait(const QString &path, bool readOnly)
{
    ui::FileActions *actions = m_window->desktopShell()->fileActions();
    actions->setDialogProvider([path](QWidget *, const QString &, const QString &) { return path; });
    (readOnly ? actions->openReadOnlyAction() : actions->openAction())->trigger();
}

void ScenarioWindow::watchModels()
{
    if (!m_window)
        return;
    for (QAbstractItemModel *model : m_window->findChildren<QAbstractItemModel *>()) {
        if (m_watched.contains(model))
            continue;
        // The private models behind QTreeWidget and QListWidget are Qt's, not ours; QTreeModel
        // trips the tester while an item gains children before it is in the tree.
        const QByteArray cls = model->metaObject()->className();
        if (cls == "QTreeModel" || cls == "QListModel" || cls == "QTableModel")
            continue;
        m_watched.insert(model);
        m_testers.insert(model, new QAbstractItemModelTester(
                                    model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }
}

void ScenarioWindow::unwatch(const QAbstractItemModel *model)
{
    delete m_testers.take(model); // stays in m_watched: never watched again
}

bool ScenarioWindow::withinStallLimit(QString *why) const
{
    if (StallWatch::sanitized() || m_stallWatch.longestMs() <= kStallLimitMs)
        return true;
    if (why)
        *why = QStringLiteral("the GUI event loop stalled over %1 ms: %2")
                   .arg(kStallLimitMs)
                   .arg(m_stallWatch.describeOver(kStallLimitMs + 1));
    return false;
}

void ScenarioWindow::reportStalls()
{
    m_stallWatch.stop();
    QString why;
    const bool ok = m_stallWatch.report(QStringLiteral("window"), &why);
    // Not QVERIFY: its return would skip the rest of a destructor.
    QTest::qVerify(ok, "StallWatch::report()", qPrintable(why), __FILE__, __LINE__);
    m_stallWatch.start();
}

void ScenarioWindow::quit()
{
    reportStalls();
    m_stallWatch.stop();
    qDeleteAll(m_testers);
    m_testers.clear();
    m_watched.clear();
    if (m_window) {
        action(QStringLiteral("actionQuit"))->trigger();
        QVERIFY(!m_window->isVisible());
    }
    m_window.reset();
    m_connection.reset();
}

void ScenarioWindow::clickRow(QAbstractItemView *view, int row, int column)
{
    const QModelIndex index = view->model()->index(row, column);
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY2(rect.isValid(), "row not on screen");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
}

void ScenarioWindow::doubleClickRow(QAbstractItemView *view, int row, int column)
{
    const QModelIndex index = view->model()->index(row, column);
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY2(rect.isValid(), "row not on screen");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
}

void ScenarioWindow::clickHeader(QTableView *view, int section)
{
    QHeaderView *header = view->horizontalHeader();
    const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
}

void ScenarioWindow::typeText(QWidget *widget, const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x7f && c.isPrint()) {
            QTest::keyClick(widget, c.toLatin1());
            continue;
        }
        // Outside ASCII QTest has no key: deliver the character the way an input method does,
        // a key event carrying the text (a surrogate pair as one character).
        QString chunk(c);
        if (c.isHighSurrogate() && i + 1 < text.size())
            chunk += text.at(++i);
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, chunk, Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, chunk, Qt::NoModifier);
    }
}

QAction *ScenarioWindow::action(const QString &objectName) const
{
    const QList<QAction *> all = m_window->findChildren<QAction *>(objectName);
    return all.isEmpty() ? nullptr : all.first();
}

QStringList ScenarioWindow::columnTexts(const QAbstractItemModel *model, int column, int rows)
{
    QStringList texts;
    for (int r = 0; r < qMin(rows, model->rowCount()); ++r)
        texts << model->index(r, column).data().toString();
    return texts;
}

} // namespace kalito::test
