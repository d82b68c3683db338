// The browsing models and panes against real SQLite files, with real second processes.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/dataversionwatcher.h"
#include "browse/messagedetailpane.h"
#include "browse/messagequery.h"
#include "browse/messagesmodel.h"
#include "browse/notesmodel.h"
#include "browse/notespane.h"
#include "browse/schemainfo.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/tablebrowser.h"
#include "browse/tablemodel.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;
using namespace kalito::ui;

namespace {

SchemaInfo readSchema(Connection &c)
{
    return c.run([](Database &db) { return SchemaInfo::read(db); }).result();
}

bool openConnection(Connection &c, const QString &path)
{
    return c.open({path}).result().ok();
}

// Loads every row of a paged model, one page at a time, in the given row order.
bool loadRows(PagedModel &model, const QList<int> &rows, QList<qint64> *ids)
{
    for (int row : rows) {
        if (!model.cachedRow(row)) {
            model.fetchRow(row);
            if (!QTest::qWaitFor([&] { return model.cachedRow(row) != nullptr; }, 10000))
                return false;
        }
        if (ids)
            ids->append(model.cachedRow(row)->value(0).toLongLong());
    }
    return true;
}

QList<qint64> expectedIds(const QString &path, const QString &session)
{
    QList<qint64> list;
    const QString out = test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' "
                                                           "ORDER BY created_at, id;")
                                                .arg(session));
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        list << line.toLongLong();
    return list;
}

} // namespace

class TestBrowseModels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sessionsModelUnderTester();
    void messagesModelPagesWithSharedTimestampsBothWays();
    void cacheStaysBounded();
    void tableAndNotesModelsUnderTester();
    void tenMegabyteMessage();
    void invalidUtf8Text();
    void htmlIsShownLiterally();
    void noReadTransactionWhileViewsAreOpen();
    void liveUpdateFromAnotherProcess();
    void missingPinsDisablesOnlyPins();
    void nonKalitoOpensInTheGridAlone();
    void slowCountsAreNotRepeatedBackToBack();

private:
    QTemporaryDir m_dir;
    QString m_dup;
};

void TestBrowseModels::initTestCase()
{
    m_dup = test::makeKalitoDb(m_dir.path(), QStringLiteral("dup.db"), 6, 5);
    // 700 messages in one session sharing 5 timestamps; id order disagrees with time order.
    test::sqlite3(
        m_dup, QStringLiteral("INSERT INTO sessions (id, name, created_at, updated_at, persona_id) VALUES "
                              "('dup', 'Dup', '2025-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', "
                              "'default-cloud');"
                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 700) "
                              "INSERT INTO messages (session_id, role, text, created_at) SELECT 'dup', "
                              "CASE x % 2 WHEN 0 THEN 'user' ELSE 'assistant' END, 'm' || x, "
                              "'2025-01-01T00:00:0' || ((x * 3) % 5) || '.000Z' FROM c;"));
}

void TestBrowseModels::sessionsModelUnderTester()
{
    Connection c;
    QVERIFY(openConnection(c, m_dup));
    SessionsModel model(&c);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(3);
    model.setSchema(readSchema(c));
    QTRY_COMPARE(model.knownCount(), qint64(7));
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(loadRows(model, {0, 1, 2, 3, 4, 5, 6}, nullptr));
    // Newest first: 'dup' was updated in 2030.
    QCOMPARE(model.sessionIdAt(0), QStringLiteral("dup"));
    QCOMPARE(model.index(0, SessionsModel::Name).data().toString(), QStringLiteral("Dup"));
    QVERIFY(model.index(0, SessionsModel::Persona).data().toString().contains(QStringLiteral("Cloud")));
    QTRY_COMPARE(model.index(0, SessionsModel::Messages).data().toLongLong(), qint64(700));
    QTRY_COMPARE(model.index(6, SessionsModel::Messages).data().toLongLong(), qint64(5));

    model.sort(SessionsModel::Name, Qt::AscendingOrder);
    QTRY_COMPARE(model.knownCount(), qint64(7));
    QVERIFY(loadRows(model, {0, 1, 2, 3, 4, 5, 6}, nullptr));
    for (int r = 1; r < 7; ++r)
        QVERIFY(model.index(r - 1, SessionsModel::Name).data().toString() <=
                model.index(r, SessionsModel::Name).data().toString());

    SessionFilter f = model.filter();
    f.text = QStringLiteral("Dup");
    model.setFilter(f);
    QTRY_COMPARE(model.knownCount(), qint64(1));
    QCOMPARE(model.rowCount(), 1);
    // A view with no current row asks for row -1 (the crash of issue 9), and past the end.
    QVERIFY(!model.cachedRow(-1));
    QVERIFY(model.sessionIdAt(-1).isEmpty());
    QVERIFY(model.keyOf(-1).isEmpty());
    QVERIFY(!model.cachedRow(1));
    QVERIFY(model.sessionIdAt(model.rowCount()).isEmpty());
    QCOMPARE(model.findSessionRow(QStringLiteral("dup")), 0);
}

void TestBrowseModels::messagesModelPagesWithSharedTimestampsBothWays()
{
    Connection c;
    QVERIFY(openConnection(c, m_dup));
    MessagesModel model(&c);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(9);
    model.setMaxCachedPages(4);
    model.setSchema(readSchema(c));
    model.setSession(QStringLiteral("dup"));
    QTRY_COMPARE(model.knownCount(), qint64(700));
    const QList<qint64> expected = expectedIds(m_dup, QStringLiteral("dup"));
    QCOMPARE(expected.size(), 700);

    QList<int> rows;
    for (int r = 0; r < 700; ++r)
        rows << r;
    QList<qint64> forward;
    QVERIFY(loadRows(model, rows, &forward));
    QCOMPARE(forward, expected);

    // Start over, jump to the end, walk back to the start.
    model.setSession(QStringLiteral("dup"));
    QTRY_COMPARE(model.knownCount(), qint64(700));
    std::reverse(rows.begin(), rows.end());
    QList<qint64> backward;
    QVERIFY(loadRows(model, rows, &backward));
    std::reverse(backward.begin(), backward.end());
    QCOMPARE(backward, expected);

    // Random jumps far from anything cached (seek), each row where it belongs.
    model.setSession(QStringLiteral("dup"));
    QTRY_COMPARE(model.knownCount(), qint64(700));
    for (int r : {500, 37, 699, 250, 251, 8, 9, 640}) {
        QList<qint64> one;
        QVERIFY(loadRows(model, {r}, &one));
        QCOMPARE(one.first(), expected.at(r));
    }
    QCOMPARE(model.index(0, MessagesModel::Role).data().toString().isEmpty(), false);
}

void TestBrowseModels::cacheStaysBounded()
{
    Connection c;
    QVERIFY(openConnection(c, m_dup));
    MessagesModel model(&c);
    model.setPageSize(10);
    model.setMaxCachedPages(5);
    model.setSchema(readSchema(c));
    model.setSession(QStringLiteral("dup"));
    QTRY_COMPARE(model.knownCount(), qint64(700));
    QList<int> rows;
    for (int r = 0; r < 700; r += 5)
        rows << r;
    QVERIFY(loadRows(model, rows, nullptr));
    QVERIFY2(model.cachedPages() <= 5, qPrintable(QString::number(model.cachedPages())));
    QCOMPARE(model.anchorCount(), 70); // one key per page: 70 pages of 10
}

void TestBrowseModels::tableAndNotesModelsUnderTester()
{
    Connection c;
    QVERIFY(openConnection(c, m_dup));
    const SchemaInfo schema = readSchema(c);
    TableModel table(&c);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    table.setPageSize(50);
    QVERIFY(table.setTable(*schema.table(QStringLiteral("messages"))).isEmpty());
    QTRY_COMPARE(table.knownCount(), qint64(6 * 5 + 700));
    QCOMPARE(table.columnCount(), schema.table(QStringLiteral("messages"))->columns.size());
    QVERIFY(loadRows(table, {0, 100, 729}, nullptr));
    QCOMPARE(table.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));

    NotesModel notes;
    QAbstractItemModelTester notesTester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NotesPane pane(&c);
    pane.setSchema(schema);
    const QString sid = test::sqlite3(m_dup, QStringLiteral("SELECT session_id FROM semantic_pins LIMIT 1;"));
    QSignalSpy loaded(&pane, &NotesPane::loaded);
    // Kalito has no index on the notes' session_id: nothing is read while the pane is not shown.
    pane.setSession(sid);
    QTRY_COMPARE(c.pending(), 0);
    QCoreApplication::processEvents();
    QTRY_COMPARE(c.pending(), 0); // the answers taken in queued nothing more
    QCOMPARE(loaded.size(), 0);
    QVERIFY(pane.isOpen()); // a small table: open from the start
    pane.show();
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(pane.model()->rowCount() > 0);
    QList<SessionNote> list;
    for (int r = 0; r < pane.model()->rowCount(); ++r)
        list << *pane.model()->noteAt(r);
    notes.setNotes(list);
    QCOMPARE(notes.rowCount(), list.size());
    QCOMPARE(notes.index(0, NotesModel::Kind).data().toString(), QStringLiteral("Pin"));
}

void TestBrowseModels::tenMegabyteMessage()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("big.db"), 1, 2);
    test::sqlite3(
        path, QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) SELECT id, "
                             "'assistant', 'start ' || replace(hex(zeroblob(5242880)), '0', 'x') || ' end', "
                             "'2099-01-01T00:00:00.000Z' FROM sessions;"));
    Connection c;
    QVERIFY(openConnection(c, path));
    MessagesModel model(&c);
    model.setSchema(readSchema(c));
    const QString sid = test::sqlite3(path, QStringLiteral("SELECT id FROM sessions;"));
    model.setSession(sid);
    QTRY_COMPARE(model.knownCount(), qint64(3));
    QVERIFY(loadRows(model, {2}, nullptr));
    const QString preview = model.index(2, MessagesModel::Text).data().toString();
    QVERIFY(preview.startsWith(QStringLiteral("start xxx")));
    QVERIFY2(preview.size() < 400, "the row carries a preview, not 10 MB");
    QVERIFY(preview.contains(QStringLiteral("10485770")));

    MessageDetailPane detail(&c);
    QSignalSpy loaded(&detail, &MessageDetailPane::loaded);
    detail.showMessage(model.messageIdAt(2));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30000);
    // The pane lays out its first 100,000 characters (10 MB as one line froze the window for
    // seconds); Copy all gives the whole text.
    const QString text = detail.textEdit()->toPlainText();
    QVERIFY(detail.isClipped());
    QCOMPARE(text.size(), MessageDetailPane::kShownCharacters);
    QVERIFY(text.startsWith(QStringLiteral("start xxx")));
    detail.copyAll();
    const QString all = QGuiApplication::clipboard()->text();
    QCOMPARE(all.size(), 10485760 + 10);
    QVERIFY(all.endsWith(QStringLiteral("x end")));
    // A short message afterwards is shown whole, with no note.
    detail.showMessage(model.messageIdAt(0));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 30000);
    QVERIFY(!detail.isClipped());
}

void TestBrowseModels::invalidUtf8Text()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("utf8.db"), 1, 0);
    const QString sid = test::sqlite3(path, QStringLiteral("SELECT id FROM sessions;"));
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) VALUES ('%1', "
                                 "'user', CAST(X'48656c6c6fff20c328776f726c64' AS TEXT), '2025');")
                      .arg(sid));
    Connection c;
    QVERIFY(openConnection(c, path));
    MessagesModel model(&c);
    model.setSchema(readSchema(c));
    model.setSession(sid);
    QTRY_COMPARE(model.knownCount(), qint64(1));
    QVERIFY(loadRows(model, {0}, nullptr));
    const QString shown = model.index(0, MessagesModel::Text).data().toString();
    QVERIFY2(shown.startsWith(QStringLiteral("Hello")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("world")), qPrintable(shown));
    MessageDetailPane detail(&c);
    QSignalSpy loaded(&detail, &MessageDetailPane::loaded);
    detail.showMessage(model.messageIdAt(0));
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(detail.textEdit()->toPlainText().startsWith(QStringLiteral("Hello")));
}

void TestBrowseModels::htmlIsShownLiterally()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("html.db"), 1, 0);
    const QString sid = test::sqlite3(path, QStringLiteral("SELECT id FROM sessions;"));
    const QString html = QStringLiteral("<b>bold</b> <i>x</i> <a href=\"http://x\">link</a> **md** &amp;");
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) VALUES ('%1', "
                                 "'assistant', '%2', '2025');")
                      .arg(sid, html));
    Connection c;
    QVERIFY(openConnection(c, path));
    MessagesModel model(&c);
    model.setSchema(readSchema(c));
    model.setSession(sid);
    QTRY_COMPARE(model.knownCount(), qint64(1));
    QVERIFY(loadRows(model, {0}, nullptr));
    QCOMPARE(model.index(0, MessagesModel::Text).data().toString(), html);
    MessageDetailPane detail(&c);
    QSignalSpy loaded(&detail, &MessageDetailPane::loaded);
    detail.showMessage(model.messageIdAt(0));
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(detail.textEdit()->toPlainText(), html);
    for (QLabel *label : detail.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestBrowseModels::noReadTransactionWhileViewsAreOpen()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("ckpt.db"), 20, 30);
    Connection c;
    QVERIFY(openConnection(c, path));
    BrowserWidget browser(&c);
    browser.resize(1200, 800);
    browser.show();
    QSignalSpy loaded(&browser, &BrowserWidget::schemaLoaded);
    browser.load();
    QTRY_COMPARE(loaded.size(), 1);
    SessionsModel *sessions = browser.conversations()->sessions()->model();
    QTRY_COMPARE(sessions->knownCount(), qint64(20));
    QVERIFY(loadRows(*sessions, {0}, nullptr));
    MessagesModel *messages = browser.conversations()->transcript()->model();
    messages->setSession(sessions->sessionIdAt(0));
    QTRY_COMPARE(messages->knownCount(), qint64(30));
    browser.tables()->showTable(QStringLiteral("messages"));
    QTRY_COMPARE(browser.tables()->model()->knownCount(), qint64(600));

    // Another process writes, so the WAL holds frames, and the views reload them. The write adds a
    // message to the session shown: the new count can only come from a refresh that ran.
    QSignalSpy recounted(messages, &PagedModel::countChanged);
    test::sqlite3(path, QStringLiteral("UPDATE messages SET importance_score = 0.9 WHERE id % 3 = 0;"
                                       "INSERT INTO messages (session_id, role, text, created_at) "
                                       "VALUES ('%1', 'user', 'one more', '2099-01-01T00:00:00.000Z');")
                            .arg(sessions->sessionIdAt(0)));
    QTRY_VERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    // The data_version poll noticed, the transcript recounted (a signal, not a sleep).
    QTRY_VERIFY_WITH_TIMEOUT(!recounted.isEmpty() && recounted.last().at(0).toLongLong() == 31, 10000);
    QCOMPARE(messages->knownCount(), qint64(31));
    QVERIFY(loadRows(*messages, {0, 30}, nullptr));
    QCOMPARE(messages->index(30, MessagesModel::Text).data().toString(), QStringLiteral("one more"));
    const QString result =
        test::sqlite3(path, QStringLiteral(".timeout 2000\nPRAGMA wal_checkpoint(TRUNCATE);"));
    QCOMPARE(result, QStringLiteral("0|0|0"));
    QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), qint64(0));
}

void TestBrowseModels::liveUpdateFromAnotherProcess()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("live.db"), 5, 40);
    Connection c;
    QVERIFY(openConnection(c, path));
    ConversationsPage page(&c);
    page.resize(1200, 700);
    page.show();
    page.setSchema(readSchema(c));
    SessionsModel *sessions = page.sessions()->model();
    QTRY_COMPARE(sessions->knownCount(), qint64(5));
    QVERIFY(loadRows(*sessions, {0, 4}, nullptr));
    const QString sid = sessions->sessionIdAt(4);
    page.sessions()->selectSession(sid);
    page.transcript()->setMode(TranscriptView::Mode::Grid); // the grid's scroll bar is checked below
    page.showMessage(sid, expectedIds(path, sid).at(20));
    MessagesModel *messages = page.transcript()->model();
    QTRY_COMPARE(messages->knownCount(), qint64(40));
    QTRY_COMPARE(page.transcript()->view()->currentIndex().row(), 20);
    const int scroll = page.transcript()->view()->verticalScrollBar()->value();

    DataVersionWatcher watcher(&c);
    connect(&watcher, &DataVersionWatcher::changed, &page, &ConversationsPage::refresh);
    watcher.start(200);
    test::SqliteProcess writer(path);
    QVERIFY(writer.start());
    writer.exec(
        QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) VALUES ('%1', 'user', "
                       "'live one', '2099-01-01T00:00:00.000Z');")
            .arg(sid));
    QTRY_COMPARE_WITH_TIMEOUT(messages->knownCount(), qint64(41), 5000);
    QTRY_VERIFY(loadRows(*messages, {40}, nullptr));
    QCOMPARE(messages->index(40, MessagesModel::Text).data().toString(), QStringLiteral("live one"));
    // Selection and scroll position kept.
    QCOMPARE(page.transcript()->view()->currentIndex().row(), 20);
    QCOMPARE(page.transcript()->view()->verticalScrollBar()->value(), scroll);
    QCOMPARE(page.sessions()->currentSessionId(), sid);
    writer.stop();
}

void TestBrowseModels::missingPinsDisablesOnlyPins()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("nopins.db"), 3, 10);
    test::sqlite3(path, QStringLiteral("DROP TABLE semantic_pins;"));
    Connection c;
    QVERIFY(openConnection(c, path));
    BrowserWidget browser(&c);
    QSignalSpy loaded(&browser, &BrowserWidget::schemaLoaded);
    browser.load();
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(browser.tabs()->isTabEnabled(browser.tabs()->indexOf(browser.conversations())));
    bool said = false;
    for (QLabel *l : browser.conversations()->notes()->findChildren<QLabel *>())
        said = said || l->text().contains(QStringLiteral("semantic_pins"));
    QVERIFY(said);
    QTRY_COMPARE(browser.conversations()->sessions()->model()->knownCount(), qint64(3));
}

void TestBrowseModels::nonKalitoOpensInTheGridAlone()
{
    const QString path = m_dir.filePath(QStringLiteral("plain.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE medications (name TEXT, dose TEXT);"
                                       "INSERT INTO medications VALUES ('a', '1 mg'), ('b', '<b>2</b>');"));
    Connection c;
    QVERIFY(openConnection(c, path));
    BrowserWidget browser(&c);
    QSignalSpy loaded(&browser, &BrowserWidget::schemaLoaded);
    browser.load();
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!browser.tabs()->isTabEnabled(browser.tabs()->indexOf(browser.conversations())));
    QVERIFY(!browser.tabs()->isTabEnabled(browser.tabs()->indexOf(browser.personas())));
    QCOMPARE(browser.tabs()->currentWidget(), browser.tables());
    browser.tables()->showTable(QStringLiteral("medications"));
    QTRY_COMPARE(browser.tables()->model()->knownCount(), qint64(2));
    QVERIFY(loadRows(*browser.tables()->model(), {1}, nullptr));
    QCOMPARE(browser.tables()->model()->index(1, 1).data().toString(), QStringLiteral("<b>2</b>"));
}

void TestBrowseModels::slowCountsAreNotRepeatedBackToBack()
{
    // A filter that scans the table: its count holds a read snapshot while it runs. Refreshes
    // asked for every 100 ms (another process writing) must not run it back to back, or no
    // checkpoint could ever reset the backend's -wal. Only counts of 50 ms or more are throttled
    // in the product; here the throttle is set to take every count as slow (ListCounter's own
    // limits are tested in tst_listcounter), so the table's size and the machine's speed do not
    // matter: after each count, the next one waits about 300 ms, its duty factor times that
    // count's statements.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    test::sqlite3(
        path,
        QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                       "INSERT INTO notes SELECT i, 'note number ' || i || ' about nothing much' FROM n;"));
    Connection c;
    QVERIFY(openConnection(c, path));
    const SchemaInfo schema = readSchema(c);
    TableModel model(&c);
    model.setTable(*schema.table(QStringLiteral("notes")));
    model.setFilter(QStringLiteral("needle"));
    QTRY_COMPARE_WITH_TIMEOUT(model.knownCount(), qint64(0), 30000);
    const qint64 factor = qMax<qint64>(10, 300000 / qMax<qint64>(1, model.lastCountUs()));
    model.setCountThrottle(0, factor);
    qDebug() << "a count took" << model.lastCountUs() << "us; duty factor" << factor;
    // Each count's reply, and how long its statements ran.
    QList<QPair<qint64, qint64>> replies; // (ms since the window opened, the count's µs)
    QElapsedTimer window;
    window.start();
    connect(&model, &PagedModel::countChanged, this, [&] {
        replies.append({window.elapsed(), model.lastCountUs()});
    });
    test::sqlite3(path, QStringLiteral("INSERT INTO notes(body) VALUES ('the needle');"));
    const int refreshes = 20;
    for (int i = 0; i < refreshes; ++i) {
        model.refresh();
        // Time passing is the behaviour here: refreshes arriving every 100 ms, as a writer's would.
        QTest::qWait(100);
    }
    // The refresh put off is not lost: the new row is counted.
    QTRY_COMPARE_WITH_TIMEOUT(model.knownCount(), qint64(1), 60000);
    qDebug() << replies.size() << "counts for" << refreshes << "refreshes:" << replies;
    QVERIFY2(replies.size() < refreshes, "every refresh ran a count");
    // No count started sooner than its duty factor times the previous count's time after that
    // count's reply (a count's own reply comes after it started, so the gap between two replies
    // is at least that). 2 ms for the timer's and the clock's rounding.
    for (int i = 1; i < replies.size(); ++i) {
        const qint64 gap = replies[i].first - replies[i - 1].first;
        const qint64 owed = replies[i - 1].second * factor / 1000;
        QVERIFY2(gap + 2 >= owed,
                 qPrintable(QStringLiteral("count %1 came %2 ms after the one before, which was owed %3 ms")
                                .arg(i)
                                .arg(gap)
                                .arg(owed)));
    }
}

QTEST_MAIN(TestBrowseModels)
#include "tst_browsemodels.moc"
