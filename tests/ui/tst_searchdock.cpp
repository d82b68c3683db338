#include "connection.h"
#include "copyselection.h"
#include "database.h"
#include "mainwindow.h"
#include "searchdock.h"
#include "searchhitdelegate.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "sessionexportcontroller.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>

using namespace kalito;

namespace {

// n messages in the first session; every fifth holds "Axolotl".
QString makeDb(const QString &dir, const QString &name, int n)
{
    const QString path = test::makeKalitoDb(dir, name, 2, 1);
    Database db;
    db.open({path});
    db.execute(QStringLiteral("BEGIN"));
    db.execute(QStringLiteral("DELETE FROM messages"));
    for (int i = 0; i < n; ++i)
        db.execute(QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) "
                                  "VALUES ((SELECT id FROM sessions ORDER BY id LIMIT 1), 'user', ?, ?)"),
                   {i % 5 == 0 ? QStringLiteral("the Axolotl number %1").arg(i)
                               : QStringLiteral("nothing %1").arg(i),
                    QStringLiteral("2024-06-01T00:00:00Z")});
    db.execute(QStringLiteral("COMMIT"));
    db.close();
    return path;
}

QStringList dump(const QAbstractItemModel &m)
{
    QStringList rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m.columnCount(); ++c)
            cells << m.index(r, c).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TestSearchDock : public QObject
{
    Q_OBJECT
private slots:
    void modelUnderTester();
    void resultsStreamIntoTheDock();
    void cancelButtonStopsTheSearch();
    void findShortcutShowsTheDock();
    void copySelectionGivesTsv();
    void exportControllerWritesTheFile();
    void windowComposesSearchAndExport();
    void snippetHighlightsWhatTheSearchMatched();
    void snippetKeepsTheHitInViewWhenNarrow_data();
    void snippetKeepsTheHitInViewWhenNarrow();
    void resultsArePaintedWithTheHitHighlighted();
    void theLimitTellsHowFarTheResultsGo();

private:
    QTemporaryDir m_dir;
};

void TestSearchDock::modelUnderTester()
{
    ui::SearchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SearchHit a;
    a.messageId = 7;
    a.sessionId = QStringLiteral("s1");
    a.sessionName = QStringLiteral("First");
    a.role = QStringLiteral("user");
    a.createdAt = QStringLiteral("2024-01-01T10:20:30Z"); // shown as the transcript shows times
    a.snippet = QStringLiteral("<b>not bold</b>");
    SearchHit b = a;
    b.messageId = 9;
    b.sessionName.clear();
    b.role = QStringLiteral("assistant");
    model.appendHits({a});
    model.appendHits({});
    model.appendHits({b, a});
    const QString shown = QDateTime::fromString(a.createdAt, Qt::ISODate)
                              .toLocalTime()
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QCOMPARE(dump(model), (QStringList{QStringLiteral("First|user|%1|<b>not bold</b>").arg(shown),
                                       QStringLiteral("s1|assistant|%1|<b>not bold</b>").arg(shown),
                                       QStringLiteral("First|user|%1|<b>not bold</b>").arg(shown)}));
    QCOMPARE(model.index(1, 0).data(ui::SearchResultsModel::MessageIdRole).toLongLong(), qint64(9));
    QCOMPARE(model.index(1, 3).data(ui::SearchResultsModel::SessionIdRole).toString(), QStringLiteral("s1"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSearchDock::resultsStreamIntoTheDock()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("dock.db"), 1500);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    ui::SearchDock dock(&c);
    dock.show();
    QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.runner()->setInitialChunkRows(100);
    dock.runner()->setFixedChunkRows(true);
    QSignalSpy inserted(dock.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(dock.runner(), &SearchRunner::finished);
    dock.search(QStringLiteral("AXOLOTL"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(dock.model()->rowCount(), 300);
    QVERIFY2(inserted.size() >= 10, qPrintable(QString::number(inserted.size())));
    QCOMPARE(dock.findChild<QProgressBar *>()->value(), dock.findChild<QProgressBar *>()->maximum());
    const auto buttons = dock.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text() == QLatin1String("Cancel") && b->objectName() != QLatin1String("cancelSearchIndex"))
            QVERIFY(!b->isEnabled());
    }
    QVERIFY(dock.findChild<QLabel *>()->text().startsWith(QLatin1String("300 result")));

    // Activating a result (Enter on the current row) asks to open that message.
    QSignalSpy open(&dock, &ui::SearchDock::openMessage);
    const QModelIndex index = dock.model()->index(2, ui::SearchResultsModel::SnippetColumn);
    dock.view()->setCurrentIndex(index);
    QTest::keyClick(dock.view(), Qt::Key_Return);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(), dock.model()->hit(2).sessionId);
    QCOMPARE(open.first().at(1).toLongLong(), dock.model()->hit(2).messageId);
    QVERIFY(dock.model()->hit(2).snippet.contains(QLatin1String("Axolotl number 10")));
}

void TestSearchDock::cancelButtonStopsTheSearch()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("cancel.db"), 3000);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    ui::SearchDock dock(&c);
    dock.show();
    dock.runner()->setInitialChunkRows(1); // one row per request: thousands of round trips
    dock.runner()->setFixedChunkRows(true);
    QSignalSpy finished(dock.runner(), &SearchRunner::finished);
    dock.search(QStringLiteral("axolotl"));
    QTRY_VERIFY(dock.model()->rowCount() > 0);
    QPushButton *cancel = nullptr;
    const auto buttons = dock.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text() == QLatin1String("Cancel") && b->objectName() != QLatin1String("cancelSearchIndex"))
            cancel = b;
    }
    QVERIFY(cancel && cancel->isEnabled());
    QVERIFY(finished.isEmpty());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!cancel->isEnabled());
    const int rows = dock.model()->rowCount();
    QVERIFY(rows < 600);
    QTest::qWait(100); // time passing is the behaviour: chunks that come late must be dropped
    QCOMPARE(dock.model()->rowCount(), rows);
    QVERIFY(dock.findChild<QLabel *>()->text().contains(QLatin1String("Cancelled")));
}

void TestSearchDock::findShortcutShowsTheDock()
{
    Connection c;
    QMainWindow window;
    auto *dock = new ui::SearchDock(&c, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    window.addAction(dock->findAction());
    dock->hide();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(dock->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    QVERIFY(!dock->isVisible());
    QTest::keySequence(&window, QKeySequence::Find);
    QTRY_VERIFY(dock->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), dock->findChild<QLineEdit *>());
}

void TestSearchDock::copySelectionGivesTsv()
{
    QStandardItemModel model(3, 3);
    const QStringList texts = {
        QStringLiteral("a"),           QStringLiteral("b"), QStringLiteral("tab\there"),
        QStringLiteral("line\nbreak"), QStringLiteral("e"), QStringLiteral("f"),
        QStringLiteral("\"quoted\""),  QStringLiteral("h"), QStringLiteral("émoji 🎉")};
    for (int i = 0; i < 9; ++i)
        model.setItem(i / 3, i % 3, new QStandardItem(texts.at(i)));
    QTableView view;
    view.setModel(&model);
    view.setSelectionMode(QAbstractItemView::MultiSelection);
    QAction *copy = ui::CopySelection::install(&view);
    QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
    auto *sel = view.selectionModel();
    // Added in a scrambled order: the text follows the model's order.
    sel->select(model.index(2, 2), QItemSelectionModel::Select);
    sel->select(model.index(0, 0), QItemSelectionModel::Select);
    sel->select(model.index(0, 2), QItemSelectionModel::Select);
    sel->select(model.index(1, 0), QItemSelectionModel::Select);
    const QString expected = QStringLiteral("a\t\"tab\there\"\n"
                                            "\"line\nbreak\"\t\n"
                                            "\témoji 🎉\n");
    QCOMPARE(ui::CopySelection::toTsv(sel->selectedIndexes()), expected);
    QApplication::clipboard()->clear();
    copy->trigger();
    QCOMPARE(QApplication::clipboard()->text(), expected);

    sel->clearSelection();
    sel->select(model.index(2, 0), QItemSelectionModel::Select);
    sel->select(model.index(2, 1), QItemSelectionModel::Select);
    QCOMPARE(ui::CopySelection::toTsv(sel->selectedIndexes()), QStringLiteral("\"\"\"quoted\"\"\"\th\n"));
    QCOMPARE(ui::CopySelection::toTsv({}), QString());
}

void TestSearchDock::exportControllerWritesTheFile()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("export.db"), 20);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    const QString session =
        c.run([](Database &db) {
             return db.scalar(QStringLiteral("SELECT id FROM sessions ORDER BY id LIMIT 1")).toString();
         }).result();
    QWidget parent;
    ui::SessionExportController controller(&c, &parent);
    QVERIFY(!controller.action()->isEnabled());
    controller.setCurrentSession(session, QStringLiteral("name"));
    QVERIFY(controller.action()->isEnabled());
    bool bom = false;
    QCOMPARE(ui::SessionExportController::formatForFilter(ui::SessionExportController::nameFilters().at(0)),
             ExportFormat::Markdown);
    QCOMPARE(
        ui::SessionExportController::formatForFilter(ui::SessionExportController::nameFilters().at(3), &bom),
        ExportFormat::Csv);
    QVERIFY(bom);
    QSignalSpy finished(&controller, &ui::SessionExportController::finished);
    const QString out = m_dir.filePath(QStringLiteral("ui-export.md"));
    controller.exportTo(session, out, ExportFormat::Markdown);
    QTRY_COMPARE(finished.size(), 1);
    const auto r = finished.first().at(0).value<ExportResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.messages, qint64(20));
    QFile f(out); // the export, not the database
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(QLatin1String("the Axolotl number 15")));
}

void TestSearchDock::windowComposesSearchAndExport()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("window.db"), 50);
    Connection c;
    ui::MainWindow window(&c);
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::databaseOpened);
    window.openDatabase({path});
    QTRY_COMPARE(opened.size(), 1);
    auto *dock = window.findChild<ui::SearchDock *>();
    QVERIFY(dock);
    QStringList menuActions;
    const auto menus = window.menuBar()->actions();
    for (QAction *m : menus) {
        if (m->menu()) {
            const auto actions = m->menu()->actions();
            for (QAction *a : actions)
                menuActions << a->text();
        }
    }
    QVERIFY(menuActions.contains(QStringLiteral("&Export session…")));
    QVERIFY(menuActions.contains(QStringLiteral("&Find in messages…")));
    QSignalSpy finished(dock->runner(), &SearchRunner::finished);
    dock->search(QStringLiteral("axolotl"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(dock->model()->rowCount(), 10);
    // Opening a result reaches the window (the stub enables "Export session…" for that session).
    dock->view()->setCurrentIndex(dock->model()->index(0, 0));
    QTest::keyClick(dock->view(), Qt::Key_Return);
    QAction *exportAction = nullptr;
    for (QAction *m : menus) {
        if (m->menu()) {
            const auto actions = m->menu()->actions();
            for (QAction *a : actions) {
                if (a->text() == QStringLiteral("&Export session…"))
                    exportAction = a;
            }
        }
    }
    QVERIFY(exportAction && exportAction->isEnabled());
}

// The ranges the model gives the delegate are TextMatch's: what LIKE found, not what Qt's
// case-insensitive search would (a Kelvin sign is no "k" to SQLite).
void TestSearchDock::snippetHighlightsWhatTheSearchMatched()
{
    ui::SearchResultsModel model;
    SearchHit h;
    h.messageId = 3;
    h.sessionId = QStringLiteral("s1");
    h.sessionName = QStringLiteral("Garden");
    h.role = QStringLiteral("user");
    h.createdAt = QStringLiteral("2024-01-01T10:20:30Z");
    h.snippet = QStringLiteral("…the Kiwi, the \u212Aiwi and the KIWI");
    model.setNeedle(QStringLiteral("kiwi"));
    model.appendHits({h});
    const auto ranges = model.index(0, ui::SearchResultsModel::SnippetColumn)
                            .data(ui::SearchResultsModel::MatchRangesRole)
                            .value<QList<TextRange>>();
    QCOMPARE(ranges, (QList<TextRange>{{5, 4}, {28, 4}}));
    const QString context = model.index(0, ui::SearchResultsModel::SnippetColumn)
                                .data(ui::SearchResultsModel::ContextLineRole)
                                .toString();
    QVERIFY2(context.startsWith(QStringLiteral("Garden · user · ")), qPrintable(context));
    // Another needle: the same rows, highlighted again.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNeedle(QStringLiteral("THE"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.matchRanges(0).size(), 3);
}

void TestSearchDock::snippetKeepsTheHitInViewWhenNarrow_data()
{
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("hit");
    // The hit near the end of a long snippet: at a narrow width it would fall below three lines.
    QTest::newRow("hit at the end") << QStringLiteral("…") + QStringLiteral("word ").repeated(40) +
                                           QStringLiteral("<b>Axolotl</b> end…")
                                    << QStringLiteral("Axolotl");
    // The hit inside a long line: at some widths the elided last line ended inside it ("Zanzibarit…").
    QTest::newRow("hit inside the text")
        << QStringLiteral("Reminder: the ") + QStringLiteral("mineral sample ").repeated(6) +
               QStringLiteral("Zanzibarite appointment is moved to Thursday afternoon at the harbour office, "
                              "bring the paperwork and the second key")
        << QStringLiteral("Zanzibarite");
}

void TestSearchDock::snippetKeepsTheHitInViewWhenNarrow()
{
    QFETCH(QString, snippet);
    QFETCH(QString, hit);
    ui::SearchResultsModel model;
    SearchHit h;
    h.sessionId = QStringLiteral("s1");
    h.snippet = snippet;
    model.setNeedle(hit.toLower());
    model.appendHits({h});
    const QModelIndex index = model.index(0, ui::SearchResultsModel::SnippetColumn);
    const QFont font = QApplication::font();
    // Every width from a narrow dock to a wide one.
    QList<int> widths{2000};
    for (int width = 100; width <= 700; ++width)
        widths << width;
    for (int width : std::as_const(widths)) {
        const auto fitted = ui::SearchHitDelegate::fittedSnippet(index, font, width);
        QVERIFY(fitted.lines <= ui::SearchHitDelegate::kSnippetLines);
        QVERIFY2(!fitted.ranges.isEmpty(), qPrintable(QString::number(width)));
        QVERIFY2(fitted.text.mid(fitted.ranges.first().start, fitted.ranges.first().length) == hit,
                 qPrintable(QStringLiteral("at %1 px: %2").arg(width).arg(fitted.text)));
        // Laid out at that width, the whole hit is on the lines shown.
        QTextLayout layout(fitted.text, font);
        layout.setFormats(ui::WrappedText::formatsFor(fitted.ranges, QColor(), QColor()));
        ui::WrappedText::layOut(layout, width);
        QVERIFY(layout.lineForTextPosition(fitted.ranges.first().start + int(hit.size()) - 1).lineNumber() <
                ui::SearchHitDelegate::kSnippetLines);
        // Clipped exactly when the whole snippet needs more lines than a card shows.
        QTextLayout whole(h.snippet, font);
        whole.setFormats(ui::WrappedText::formatsFor(model.matchRanges(0), QColor(), QColor())); // bold hits
        QCOMPARE(fitted.clipped,
                 ui::WrappedText::layOut(whole, width) > ui::SearchHitDelegate::kSnippetLines);
    }
}

void TestSearchDock::resultsArePaintedWithTheHitHighlighted()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("paint.db"), 20);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    ui::SearchDock dock(&c);
    dock.resize(300, 500); // about a docked panel's default width
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QSignalSpy finished(dock.runner(), &SearchRunner::finished);
    dock.search(QStringLiteral("axolotl"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(dock.model()->rowCount(), 4);
    // Each result is a card of the quiet line and three lines of snippet, across the whole width.
    QCOMPARE(dock.view()->rowHeight(0), ui::SearchHitDelegate::rowHeight(dock.view()->font()));
    QVERIFY(dock.view()->rowHeight(0) >= 4 * QFontMetrics(dock.view()->font()).height());
    const QRect cell = dock.view()->visualRect(dock.model()->index(0, ui::SearchResultsModel::SnippetColumn));
    QVERIFY2(cell.width() >= dock.view()->viewport()->width() - 2, qPrintable(QString::number(cell.width())));
    const QImage image = dock.view()->viewport()->grab().toImage();
    int marked = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x)
            marked += image.pixelColor(x, y) == ui::SearchHitDelegate::highlightColor() ? 1 : 0;
    }
    QVERIFY2(marked > 20, qPrintable(QString::number(marked)));
}

// Two chunks are in flight at a time: the second one's hits may go past the limit and be dropped.
// The progress (and the dock's "after searching N%") then stops at the last hit shown, not at the
// end of the chunk whose later hits were dropped.
void TestSearchDock::theLimitTellsHowFarTheResultsGo()
{
    const QString path = makeDb(m_dir.path(), QStringLiteral("limit.db"), 1500);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    ui::SearchDock dock(&c);
    dock.runner()->setInitialChunkRows(100); // 20 hits a chunk
    dock.runner()->setFixedChunkRows(true);
    dock.runner()->setMaxResults(30);
    QList<double> progress;
    connect(dock.runner(), &SearchRunner::progress, this, [&](double f) { progress << f; });
    QSignalSpy finished(dock.runner(), &SearchRunner::finished);
    dock.search(QStringLiteral("axolotl"));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(dock.runner()->limitReached());
    QCOMPARE(dock.model()->rowCount(), 30);
    const qint64 first = dock.model()->hit(0).rowid; // the first message holds a hit
    const qint64 last = dock.model()->hit(29).rowid;
    QCOMPARE(last - first, qint64(29 * 5));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(qRound(progress.last() * 1500), int(last - first + 1));
    const int percent = int((last - first + 1) * 100 / 1500);
    QVERIFY2(dock.findChild<QLabel *>()->text().contains(QStringLiteral("after searching %1%").arg(percent)),
             qPrintable(dock.findChild<QLabel *>()->text()));
}

QTEST_MAIN(TestSearchDock)
#include "tst_searchdock.moc"
