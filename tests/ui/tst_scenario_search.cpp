// Scenario: a person searching all messages in the real MainWindow (Ctrl+F), opening a result in
// another session, and exporting the session now shown in every format; and the search's honest
// answers when nothing is open or the result limit is reached.
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "exportoptions.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "sessionexportcontroller.h"
#include "testsupport.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace kalito;

class TestScenarioSearch : public QObject
{
    Q_OBJECT
private slots:
    void searchOpenAResultAndExportThatSession_data();
    void searchOpenAResultAndExportThatSession();
    void searchWithNothingOpenSaysSo();
    void exportKeepsTheNameAndFollowsATypedSuffix();
    void cancellingAnExportLeavesTheFileAsItWas();
    void theResultLimitIsToldHonestly();

private:
    static void search(test::ScenarioWindow &w, const QString &text);
    static QString statusText(ui::SearchDock *dock);
};

void TestScenarioSearch::search(test::ScenarioWindow &w, const QString &text)
{
    QTest::keyClick(w.window(), Qt::Key_F, Qt::ControlModifier);
    ui::SearchDock *dock = w.window()->searchDock();
    QTRY_VERIFY(dock->isVisible());
    auto *edit = dock->findChild<QLineEdit *>();
    QTRY_VERIFY(edit->hasFocus());
    QSignalSpy finished(dock->runner(), &SearchRunner::finished);
    test::ScenarioWindow::typeText(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
}

QString TestScenarioSearch::statusText(ui::SearchDock *dock)
{
    QStringList texts;
    for (QLabel *l : dock->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}

void TestScenarioSearch::searchOpenAResultAndExportThatSession_data()
{
    QTest::addColumn<int>("filter");
    const QStringList filters = ui::SessionExportController::nameFilters();
    for (int i = 0; i < filters.size(); ++i)
        QTest::newRow(qPrintable(filters.at(i))) << i;
}

void TestScenarioSearch::searchOpenAResultAndExportThatSession()
{
    QFETCH(int, filter);
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 20, 10);
    // A word in the oldest session only, and another in the newest (the one open at first).
    const QString target =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;"));
    const QString newest =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid DESC LIMIT 1;"));
    test::sqlite3(path, QStringLiteral("UPDATE sessions SET name = 'Zebra notes' WHERE id = '%1';"
                                       "INSERT INTO messages(session_id, role, text, created_at) VALUES "
                                       "('%1', 'user', 'the zebracorn question', '2025-01-06T09:30:00.000Z'),"
                                       "('%2', 'user', 'quokkafish only here', '2099-01-06T09:30:00.000Z');")
                            .arg(target, newest));
    test::ScenarioWindow w(path);
    ui::ConversationsPage *page = w.conversations();
    QTRY_COMPARE(page->transcript()->model()->sessionId(), newest);

    search(w, QStringLiteral("zebracorn"));
    ui::SearchDock *dock = w.window()->searchDock();
    QCOMPARE(dock->model()->rowCount(), 1);
    for (int c = 0; c < dock->model()->columnCount(); ++c) { // the results' headers, twice each
        test::ScenarioWindow::clickHeader(dock->view(), c);
        test::ScenarioWindow::clickHeader(dock->view(), c);
    }
    QCOMPARE(dock->model()->rowCount(), 1);
    QVERIFY(statusText(dock).contains(QStringLiteral("1 result")));
    // Open it with the keyboard, as a person in the results list does.
    dock->view()->setFocus();
    dock->view()->setCurrentIndex(dock->model()->index(0, 0));
    QTest::keyClick(dock->view(), Qt::Key_Return);
    QTRY_COMPARE(page->transcript()->model()->sessionId(), target);
    // The header names the session, not its id; the list does not leave the old one highlighted.
    QTRY_COMPARE(page->transcript()->title(), QStringLiteral("Zebra notes"));
    const QModelIndex current = page->sessions()->view()->currentIndex();
    QVERIFY(!current.isValid() || page->sessions()->model()->sessionIdAt(current.row()) == target);
    const qint64 hitId =
        test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE text LIKE '%zebracorn%';"))
            .toLongLong();
    QTRY_COMPARE(page->transcript()->model()->messageIdAt(page->transcript()->view()->currentIndex().row()),
                 hitId);

    // File > Export session… exports the session shown, under its name.
    ui::SessionExportController *exporter = w.window()->exportController();
    QVERIFY(exporter->action()->isEnabled());
    const QString chosenFilter = ui::SessionExportController::nameFilters().at(filter);
    const QString out = dir.filePath(QStringLiteral("export-%1").arg(filter));
    QString suggested;
    exporter->setSaveDialogProvider(
        [&](QWidget *, const QString &, const QString &proposal, const QString &, QString *selected) {
            suggested = proposal;
            *selected = chosenFilter;
            return out;
        });
    QSignalSpy done(exporter, &ui::SessionExportController::finished);
    exporter->action()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(QStringLiteral("Zebra notes")),
             qPrintable(suggested));
    const ExportResult result = done.at(0).at(0).value<ExportResult>();
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const qint64 expectedMessages =
        test::sqlite3(path,
                      QStringLiteral("SELECT count(*) FROM messages WHERE session_id = '%1';").arg(target))
            .toLongLong();
    QCOMPARE(result.messages, expectedMessages);
    QFile file(result.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("zebracorn"));
    QVERIFY(!bytes.contains("quokkafish")); // nothing of the session shown before
    const ExportFormat format = ui::SessionExportController::formatForFilter(chosenFilter);
    if (format == ExportFormat::Json) {
        const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(doc.value(QStringLiteral("session")).toObject().value(QStringLiteral("id")).toString(),
                 target);
        QCOMPARE(doc.value(QStringLiteral("messages")).toArray().size(), expectedMessages);
    } else if (format == ExportFormat::Markdown) {
        QVERIFY(bytes.startsWith("# Zebra notes"));
    } else {
        QVERIFY(bytes.contains(target.toUtf8()));
    }
}

void TestScenarioSearch::exportKeepsTheNameAndFollowsATypedSuffix()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 4);
    test::sqlite3(path,
                  QStringLiteral("UPDATE sessions SET name = 'Fiesta de Lucía 🎉: ideas/planes' WHERE rowid = "
                                 "(SELECT max(rowid) FROM sessions);"));
    test::ScenarioWindow w(path);
    QTRY_VERIFY(w.window()->exportController()->action()->isEnabled());
    ui::SessionExportController *exporter = w.window()->exportController();
    QTRY_COMPARE(exporter->currentSessionName(), QStringLiteral("Fiesta de Lucía 🎉: ideas/planes"));
    QString suggested;
    const QString typed = dir.filePath(QStringLiteral("typed.csv"));
    exporter->setSaveDialogProvider(
        [&](QWidget *, const QString &, const QString &proposal, const QString &, QString *selected) {
            suggested = proposal;
            *selected = ui::SessionExportController::nameFilters().first(); // Markdown still selected
            return typed;
        });
    QSignalSpy done(exporter, &ui::SessionExportController::finished);
    exporter->action()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    // Accents and emoji stay in the name; only what no file name may hold is replaced.
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("Fiesta de Lucía 🎉_ ideas_planes.md"));
    // The typed .csv decides the format, not the filter left selected.
    QFile file(typed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray first = file.readLine();
    QVERIFY2(!first.startsWith("#"), first.constData());
    QVERIFY2(first.contains("session_id"), first.constData());
    // The next export starts in the folder of this one.
    exporter->setSaveDialogProvider(
        [&](QWidget *, const QString &, const QString &proposal, const QString &, QString *) {
            suggested = proposal;
            return QString();
        });
    exporter->action()->trigger();
    QCOMPARE(QFileInfo(suggested).absolutePath(), QFileInfo(typed).absolutePath());
}

void TestScenarioSearch::cancellingAnExportLeavesTheFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 2, 3000);
    test::ScenarioWindow w(path);
    ui::SessionExportController *exporter = w.window()->exportController();
    QTRY_VERIFY(exporter->action()->isEnabled());
    auto *cancel = w.window()->findChild<QToolButton *>(QStringLiteral("cancelExport"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible()); // nothing to cancel yet

    // A file the person already had at that path: a cancelled export must not touch it.
    const QString out = dir.filePath(QStringLiteral("already-there.md"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("what was there before\n");
    }
    exporter->setSaveDialogProvider(
        [&](QWidget *, const QString &, const QString &, const QString &, QString *) { return out; });
    QSignalSpy done(exporter, &ui::SessionExportController::finished);
    exporter->action()->trigger();
    QVERIFY(cancel->isVisible()); // offered while the export runs
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    const ExportResult result = done.at(0).at(0).value<ExportResult>();
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok());
    QTRY_VERIFY(!cancel->isVisible());
    QVERIFY2(w.window()->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(w.window()->statusBar()->currentMessage()));
    QFile kept(out);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("what was there before\n"));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("already-there.md*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("already-there.md")}); // no temporary file left behind

    // And the next export runs to its end.
    exporter->action()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
    QVERIFY(done.at(1).at(0).value<ExportResult>().ok());
    QCOMPARE(done.at(1).at(0).value<ExportResult>().messages, 3000);
    QVERIFY(!cancel->isVisible());
}

void TestScenarioSearch::searchWithNothingOpenSaysSo()
{
    test::ScenarioWindow w{QString()};
    search(w, QStringLiteral("anything"));
    const QString status = statusText(w.window()->searchDock());
    QVERIFY2(status.contains(QStringLiteral("no database is open")), qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("Driver not loaded")));
}

void TestScenarioSearch::theResultLimitIsToldHonestly()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 30, 20);
    test::ScenarioWindow w(path);
    SearchRunner *runner = w.window()->searchDock()->runner();
    runner->setMaxResults(5);
    runner->setFixedChunkRows(true);
    runner->setInitialChunkRows(20);
    search(w, QStringLiteral("e"));
    ui::SearchDock *dock = w.window()->searchDock();
    QCOMPARE(dock->model()->rowCount(), 5);
    QVERIFY(runner->limitReached());
    const QString status = statusText(dock);
    QVERIFY2(status.contains(QStringLiteral("Stopped at the limit of 5 results")), qPrintable(status));
    auto *bar = dock->findChild<QProgressBar *>();
    // The bar shows how far the search got, not a finished 100%.
    QVERIFY(bar->value() < bar->maximum());
    QVERIFY(status.contains(QStringLiteral("%1%").arg(bar->value() * 100 / bar->maximum())));
}

QTEST_MAIN(TestScenarioSearch)
#include "tst_scenario_search.moc"
