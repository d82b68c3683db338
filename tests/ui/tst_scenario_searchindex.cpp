// Scenario: a person builds the search index from the search dock of the real MainWindow (issue 24
// parts 3 and 4): the estimate first, then the build with progress, Cancel keeping what was indexed,
// searches through the index with the same results as without it, a search of two characters that
// says it read every message, and rows the backend appends found at once and then indexed.
#include "connection.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchindexpanel.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "testsupport.h"
#include "textlocale.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestScenarioSearchIndex : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void buildCancelFinishAndSearch();

private:
    static void search(test::ScenarioWindow &w, const QString &text);
    static QString statusText(ui::SearchDock *dock);
    static QList<qint64> scanIds(Connection *c, const QString &text);
    static QList<qint64> dockIds(ui::SearchDock *dock);
    QTemporaryDir m_cache;
};

void TestScenarioSearchIndex::initTestCase()
{
    QVERIFY(m_cache.isValid());
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    KALITO_REQUIRE(SearchIndexFile::trigramAvailable(), "this SQLite has no FTS5 trigram tokenizer");
}

void TestScenarioSearchIndex::search(test::ScenarioWindow &w, const QString &text)
{
    QTest::keyClick(w.window(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SearchDock *dock = w.window()->searchDock();
    QTRY_VERIFY(dock->isVisible());
    auto *edit = dock->findChild<QLineEdit *>();
    QTRY_VERIFY(edit->hasFocus());
    edit->selectAll();
    QSignalSpy finished(dock->runner(), &SearchRunner::finished);
    test::ScenarioWindow::typeText(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
}

QString TestScenarioSearchIndex::statusText(ui::SearchDock *dock)
{
    QStringList texts{dock->indexPanel()->stateText()};
    for (QLabel *l : dock->findChildren<QLabel *>()) {
        if (l->isVisible())
            texts << l->text();
    }
    return texts.join(QLatin1Char('\n'));
}

// The same search without the index, through the window's own connection.
QList<qint64> TestScenarioSearchIndex::scanIds(Connection *c, const QString &text)
{
    SearchRunner runner(c);
    runner.setIndexEnabled(false);
    QList<qint64> ids;
    QObject::connect(&runner, &SearchRunner::resultsFound, &runner, [&ids](const QList<SearchHit> &hits) {
        for (const SearchHit &h : hits)
            ids << h.messageId;
    });
    QSignalSpy finished(&runner, &SearchRunner::finished);
    runner.start(text);
    if (!finished.wait(30000))
        qWarning("the scan did not finish");
    return ids;
}

QList<qint64> TestScenarioSearchIndex::dockIds(ui::SearchDock *dock)
{
    QList<qint64> ids;
    for (int r = 0; r < dock->model()->rowCount(); ++r)
        ids << dock->model()->hit(r).messageId;
    return ids;
}

void TestScenarioSearchIndex::buildCancelFinishAndSearch()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 60, 100);
    test::ScenarioWindow w(path);
    ui::SearchDock *dock = w.window()->searchDock();
    ui::SearchIndexPanel *panel = dock->indexPanel();

    // Without an index the dock says so, offers to build one, and searches as before.
    search(w, QStringLiteral("ibuprofen"));
    QTRY_VERIFY(panel->buildButton()->isVisible());
    QCOMPARE(panel->info().state, SearchIndexInfo::State::Absent);
    QVERIFY2(statusText(dock).contains(QStringLiteral("No search index")), qPrintable(statusText(dock)));
    const QList<qint64> withoutIndex = dockIds(dock);
    QVERIFY(!withoutIndex.isEmpty());

    // "Build search index…": the expected size and time first; nothing is built until confirmed.
    QCOMPARE(panel->buildButton()->text(), QStringLiteral("Build search index…"));
    QTest::mouseClick(panel->buildButton(), Qt::LeftButton);
    QTRY_VERIFY(panel->confirmButton()->isVisible() && panel->confirmButton()->isEnabled());
    const QString estimate = statusText(dock);
    QVERIFY2(estimate.contains(QStringLiteral("About %1 messages").arg(TextLocale::get().toString(6000))),
             qPrintable(estimate));
    QVERIFY2(estimate.contains(QStringLiteral("on disk")) && estimate.contains(QStringLiteral("to build")),
             qPrintable(estimate));
    QVERIFY(!QFileInfo::exists(SearchIndexFile::pathFor(path)));

    // Build, and Cancel at its first progress: what was indexed stays, as a partial index.
    SearchIndexBuilder *builder = panel->builder();
    QSignalSpy finished(builder, &SearchIndexBuilder::finished);
    QMetaObject::Connection cancelAtFirstStep =
        connect(builder, &SearchIndexBuilder::progress, this, [panel](double f) {
            if (f < 1.0 && panel->cancelButton()->isVisible())
                QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        });
    QTest::mouseClick(panel->confirmButton(), Qt::LeftButton);
    QVERIFY(panel->cancelButton()->isVisible());
    QVERIFY(dock->findChild<QProgressBar *>(QString(), Qt::FindChildrenRecursively) != nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    disconnect(cancelAtFirstStep);
    QCOMPARE(finished.at(0).at(1).toBool(), true); // cancelled
    QTRY_COMPARE(panel->info().state, SearchIndexInfo::State::Partial);
    QVERIFY2(statusText(dock).contains(QStringLiteral("partly built")), qPrintable(statusText(dock)));
    QVERIFY(!panel->cancelButton()->isVisible());

    // Finish it: it goes on from where it stopped.
    QCOMPARE(panel->buildButton()->text(), QStringLiteral("Finish the search index…"));
    QTest::mouseClick(panel->buildButton(), Qt::LeftButton);
    QTRY_VERIFY(panel->confirmButton()->isVisible() && panel->confirmButton()->isEnabled());
    QTest::mouseClick(panel->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    QCOMPARE(finished.at(1).at(1).toBool(), false);
    QTRY_COMPARE(panel->info().state, SearchIndexInfo::State::Ready);
    QVERIFY2(statusText(dock).contains(QStringLiteral("Search index in use")), qPrintable(statusText(dock)));
    QCOMPARE(panel->buildButton()->text(), QStringLiteral("Rebuild search index…"));

    // The same search through the index: the same results, and the dock says which way it went.
    search(w, QStringLiteral("ibuprofen"));
    QCOMPARE(dock->runner()->indexUse(), IndexedSearch::Use::Index);
    QCOMPARE(dockIds(dock), withoutIndex);
    QVERIFY2(statusText(dock).contains(QStringLiteral("Through the search index.")),
             qPrintable(statusText(dock)));
    search(w, QStringLiteral("ESTÉN"));
    QCOMPARE(dockIds(dock), scanIds(w.connection(), QStringLiteral("ESTÉN")));

    // Two characters: the scan, and the dock says why.
    search(w, QStringLiteral("ib"));
    QCOMPARE(dock->runner()->indexUse(), IndexedSearch::Use::ShortText);
    QVERIFY2(statusText(dock).contains(QStringLiteral("One or two characters")),
             qPrintable(statusText(dock)));
    QCOMPARE(dockIds(dock), scanIds(w.connection(), QStringLiteral("ib")));

    // The backend appends a message (a second process): found at once (the rows beyond the index
    // are read), then the index is brought up to date by rowid without asking.
    int rc = -1;
    test::sqlite3(
        path,
        QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) SELECT id, 'user', "
                       "'a quokkafish appeared', '2099-01-01T00:00:00.000Z' FROM sessions LIMIT 1;"),
        &rc);
    QCOMPARE(rc, 0);
    search(w, QStringLiteral("quokkafish"));
    QCOMPARE(dock->model()->rowCount(), 1);
    QCOMPARE(dock->runner()->indexUse(), IndexedSearch::Use::Index);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000); // the update
    QTRY_COMPARE(panel->info().behindRows(), qint64(0));
    QCOMPARE(panel->info().indexedRows, qint64(6001));
    search(w, QStringLiteral("quokkafish"));
    QCOMPARE(dock->model()->rowCount(), 1);
    w.quit();
}

QTEST_MAIN(TestScenarioSearchIndex)
#include "tst_scenario_searchindex.moc"
