// Scenario: a person browsing the sessions list of the real MainWindow: typing in the filter key
// by key, the persona and saved filters, every column header clicked twice, selecting with the
// mouse and the keyboard. What is asserted is what the person sees, checked against the sqlite3
// CLI on the same file.
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "sessionexportcontroller.h"
#include "testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

QString sqlString(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The filter's meaning, written independently: the text literally (LIKE with ESCAPE), in the
// name, id, model or recap.
QString filterWhere(const QString &text, const QString &table = QString())
{
    QString p = text;
    p.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    p.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    p.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    const QString like =
        QStringLiteral(" LIKE %1 ESCAPE '\\'").arg(sqlString(QLatin1Char('%') + p + QLatin1Char('%')));
    return QStringLiteral("(%2name%1 OR %2id%1 OR %2model%1 OR %2recap%1)").arg(like, table);
}

} // namespace

class TestScenarioSessions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void opensNewestFirstWithNoSortIndicator();
    void typingInTheFilterKeyByKeyAndErasingIt();
    void filterTextIsLiteral_data();
    void filterTextIsLiteral();
    void eachPersonaAndSavedFilter();
    void everyHeaderClickedTwice();
    void selectingWithTheMouseAndTheKeyboard();
    void theSelectedSessionStaysSelectedWhenANewOneArrives();
    void noOtherSessionIsHighlightedWhenTheOneShownMovesAway();

private:
    QStringList cliIds(const QString &whereAndOrder, int limit = 20) const;
    qint64 cliCount(const QString &where) const;
    static QStringList shownIds(ui::SessionsModel *model, int rows = 20);
    static void waitForList(ui::SessionsModel *model);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestScenarioSessions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 450 sessions: three pages of 200, enough to scroll.
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 450, 4);
    QVERIFY(QFileInfo::exists(m_path));
}

QStringList TestScenarioSessions::cliIds(const QString &whereAndOrder, int limit) const
{
    const QString out = test::sqlite3(
        m_path,
        QStringLiteral("SELECT s.id FROM sessions s LEFT JOIN personas p ON p.id = s.persona_id %1 LIMIT %2;")
            .arg(whereAndOrder)
            .arg(limit));
    return out.isEmpty() ? QStringList() : out.split(QLatin1Char('\n'));
}

qint64 TestScenarioSessions::cliCount(const QString &where) const
{
    return test::sqlite3(m_path, QStringLiteral("SELECT count(*) FROM sessions %1;").arg(where)).toLongLong();
}

QStringList TestScenarioSessions::shownIds(ui::SessionsModel *model, int rows)
{
    QStringList ids;
    for (int r = 0; r < qMin(rows, model->rowCount()); ++r)
        ids << model->index(r, 0).data(ui::SessionsModel::SessionIdRole).toString();
    return ids;
}

void TestScenarioSessions::waitForList(ui::SessionsModel *model)
{
    QTRY_VERIFY_WITH_TIMEOUT(model->knownCount() >= 0 && !model->isBusy() &&
                                 (model->rowCount() == 0 || !model->sessionIdAt(0).isEmpty()),
                             20000);
}

void TestScenarioSessions::opensNewestFirstWithNoSortIndicator()
{
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    waitForList(pane->model());
    QCOMPARE(pane->model()->knownCount(), qint64(450));
    // Newest first in stored order, and the header claims no sort it did not do.
    QCOMPARE(shownIds(pane->model()), cliIds(QStringLiteral("ORDER BY s.rowid DESC")));
    QHeaderView *header = pane->view()->horizontalHeader();
    QVERIFY(header->sortIndicatorSection() < 0 ||
            header->sortIndicatorSection() >= pane->model()->columnCount());
    // The newest conversation is open, as in a mail client.
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), pane->model()->sessionIdAt(0));
    QCOMPARE(pane->view()->currentIndex().row(), 0);
}

void TestScenarioSessions::typingInTheFilterKeyByKeyAndErasingIt()
{
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    waitForList(model);
    const QString shownBefore = w.conversations()->transcript()->model()->sessionId();
    auto *filter = pane->findChild<QLineEdit *>();
    QVERIFY(filter);
    filter->setFocus();
    const QString word = QStringLiteral("an");
    QString typed;
    for (const QChar c : word) {
        QTest::keyClick(filter, c.toLatin1());
        typed += c;
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().text, typed, 5000);
        waitForList(model);
        QCOMPARE(model->knownCount(), cliCount(QStringLiteral("WHERE ") + filterWhere(typed)));
        QCOMPARE(shownIds(model), cliIds(QStringLiteral("WHERE ") + filterWhere(typed, QStringLiteral("s.")) +
                                         QStringLiteral(" ORDER BY s.rowid DESC")));
        // The person's place is kept: the transcript they were reading stays on screen.
        QCOMPARE(w.conversations()->transcript()->model()->sessionId(), shownBefore);
    }
    // A letter nothing matches empties the list and says so.
    QTest::keyClick(filter, 'q');
    QTest::keyClick(filter, 'q');
    QTest::keyClick(filter, 'q');
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().text, QStringLiteral("anqqq"), 5000);
    waitForList(model);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(pane->findChildren<QLabel *>().size() > 0);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(filter, Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().text, QString(), 5000);
    waitForList(model);
    QCOMPARE(model->knownCount(), qint64(450));
    QCOMPARE(shownIds(model), cliIds(QStringLiteral("ORDER BY s.rowid DESC")));
    // After all that the list still works: a click opens the session clicked.
    test::ScenarioWindow::clickRow(pane->view(), 5);
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), model->sessionIdAt(5));
}

void TestScenarioSessions::filterTextIsLiteral_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("percent") << QStringLiteral("%");
    QTest::newRow("underscore") << QStringLiteral("_");
    QTest::newRow("quote") << QStringLiteral("'");
    QTest::newRow("double quote") << QStringLiteral("\"");
    QTest::newRow("backslash") << QStringLiteral("\\");
    QTest::newRow("statement") << QStringLiteral("'; DROP TABLE sessions; --");
    QTest::newRow("arabic") << QStringLiteral("مرحبا");
    QTest::newRow("cjk") << QStringLiteral("日本");
    QTest::newRow("emoji") << QStringLiteral("🙂");
}

void TestScenarioSessions::filterTextIsLiteral()
{
    QFETCH(QString, text);
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    waitForList(model);
    auto *filter = pane->findChild<QLineEdit *>();
    filter->setFocus();
    test::ScenarioWindow::typeText(filter, text);
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().text, text.trimmed(), 5000);
    waitForList(model);
    QCOMPARE(model->knownCount(), cliCount(QStringLiteral("WHERE ") + filterWhere(text.trimmed())));
    filter->selectAll();
    QTest::keyClick(filter, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().text, QString(), 5000);
    waitForList(model);
    QCOMPARE(model->knownCount(), qint64(450));
    QCOMPARE(cliCount(QString()), qint64(450)); // and the table is still there
}

void TestScenarioSessions::eachPersonaAndSavedFilter()
{
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    waitForList(model);
    const QList<QComboBox *> combos = pane->findChildren<QComboBox *>();
    QCOMPARE(combos.size(), 2);
    QComboBox *persona =
        combos.at(0)->itemData(0).typeId() == QMetaType::QString ? combos.at(0) : combos.at(1);
    QComboBox *saved = persona == combos.at(0) ? combos.at(1) : combos.at(0);
    QTRY_VERIFY(persona->count() >= 3); // "All personas" and the two seeded ones
    persona->setFocus();
    for (int i = 1; i < persona->count(); ++i) {
        QTest::keyClick(persona, Qt::Key_Down);
        QCOMPARE(persona->currentIndex(), i);
        const QString id = persona->currentData().toString();
        QTRY_COMPARE_WITH_TIMEOUT(model->filter().personaId, id, 5000);
        waitForList(model);
        QCOMPARE(model->knownCount(), cliCount(QStringLiteral("WHERE persona_id = %1").arg(sqlString(id))));
        QCOMPARE(shownIds(model),
                 cliIds(QStringLiteral("WHERE s.persona_id = %1 ORDER BY s.rowid DESC").arg(sqlString(id))));
    }
    persona->setCurrentIndex(0);
    waitForList(model);
    saved->setFocus();
    const QStringList savedWhere = {QString(), QStringLiteral("WHERE coalesce(saved, 0) != 0"),
                                    QStringLiteral("WHERE coalesce(saved, 0) = 0")};
    for (int i = 1; i < saved->count(); ++i) {
        QTest::keyClick(saved, Qt::Key_Down);
        QCOMPARE(saved->currentIndex(), i);
        QTRY_COMPARE_WITH_TIMEOUT(int(model->filter().saved), saved->currentData().toInt(), 5000);
        waitForList(model);
        const qint64 expected = cliCount(savedWhere.at(i));
        QVERIFY(expected > 0);
        QCOMPARE(model->knownCount(), expected);
        QString where = savedWhere.at(i);
        where.replace(QStringLiteral("saved"), QStringLiteral("s.saved"));
        QCOMPARE(shownIds(model), cliIds(where + QStringLiteral(" ORDER BY s.rowid DESC")));
        // Clicking a session of the filtered list opens it.
        test::ScenarioWindow::clickRow(pane->view(), 1);
        QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), model->sessionIdAt(1));
    }
}

void TestScenarioSessions::everyHeaderClickedTwice()
{
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    QTableView *view = pane->view();
    waitForList(model);
    for (int c = 0; c < model->columnCount(); ++c)
        view->setColumnHidden(c, false); // what the header's context menu offers
    using M = ui::SessionsModel;
    const QHash<int, QString> sortExpr = {
        {M::Name, QStringLiteral("s.name")},          {M::Persona, QStringLiteral("p.name")},
        {M::Model, QStringLiteral("s.model")},        {M::Saved, QStringLiteral("s.saved")},
        {M::Created, QStringLiteral("s.created_at")}, {M::Updated, QStringLiteral("s.updated_at")}};
    QStringList before = shownIds(model);
    for (int c = 0; c < model->columnCount(); ++c) {
        for (int click = 0; click < 2; ++click) {
            test::ScenarioWindow::clickHeader(view, c);
            QHeaderView *header = view->horizontalHeader();
            if (sortExpr.contains(c)) {
                QCOMPARE(header->sortIndicatorSection(), c);
                const QString dir = header->sortIndicatorOrder() == Qt::AscendingOrder
                                        ? QStringLiteral("ASC")
                                        : QStringLiteral("DESC");
                const QString order =
                    QStringLiteral("ORDER BY coalesce(%1, '') %2, s.id %2").arg(sortExpr.value(c), dir);
                const QStringList expected = cliIds(order);
                QTRY_COMPARE(shownIds(model), expected); // once the new order's rows arrived
                waitForList(model);
            } else {
                // Not sortable (counts arrive later; unknown columns): no indicator claims it and
                // the order stays (sort() returns at once: nothing is asked for).
                QVERIFY(header->sortIndicatorSection() != c);
                QCOMPARE(shownIds(model), before);
            }
            before = shownIds(model);
        }
        // The list is usable after every sort: a click opens that session.
        test::ScenarioWindow::clickRow(view, 2, M::Name);
        QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), model->sessionIdAt(2));
    }
}

void TestScenarioSessions::selectingWithTheMouseAndTheKeyboard()
{
    test::ScenarioWindow w(m_path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    QTableView *view = pane->view();
    ui::TranscriptView *transcript = w.conversations()->transcript();
    ui::SessionExportController *exporter = w.window()->exportController();
    waitForList(model);
    auto expectShown = [&](int row) {
        const QString id = model->sessionIdAt(row);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE(transcript->model()->sessionId(), id);
        const QString name = test::sqlite3(
            m_path, QStringLiteral("SELECT name FROM sessions WHERE id = %1;").arg(sqlString(id)));
        QCOMPARE(transcript->title(), name);
        QCOMPARE(exporter->currentSessionId(), id);
        QTRY_COMPARE(
            transcript->model()->knownCount(),
            test::sqlite3(
                m_path,
                QStringLiteral("SELECT count(*) FROM messages WHERE session_id = %1;").arg(sqlString(id)))
                .toLongLong());
    };
    test::ScenarioWindow::clickRow(view, 3);
    expectShown(3);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), 4);
    expectShown(4);
    QTest::keyClick(view, Qt::Key_Up);
    QTest::keyClick(view, Qt::Key_Up);
    expectShown(2);
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->currentIndex().row(), 449);
    QTRY_VERIFY_WITH_TIMEOUT(!model->sessionIdAt(449).isEmpty(), 10000);
    expectShown(449);
    QCOMPARE(model->sessionIdAt(449), cliIds(QStringLiteral("ORDER BY s.rowid ASC"), 1).value(0));
    QTest::keyClick(view, Qt::Key_PageUp);
    const int afterPageUp = view->currentIndex().row();
    QVERIFY(afterPageUp < 449);
    QTRY_VERIFY_WITH_TIMEOUT(!model->sessionIdAt(afterPageUp).isEmpty(), 10000);
    expectShown(afterPageUp);
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    expectShown(0);
}

void TestScenarioSessions::theSelectedSessionStaysSelectedWhenANewOneArrives()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 30, 3);
    test::ScenarioWindow w(path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    waitForList(model);
    test::ScenarioWindow::clickRow(pane->view(), 3);
    const QString chosen = model->sessionIdAt(3);
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), chosen);
    // The backend starts a conversation: it is the newest, at the top; the one being read moves
    // down a row and stays the selected one.
    test::sqlite3(path, QStringLiteral(
                            "INSERT INTO sessions(id, name, created_at, updated_at) VALUES "
                            "('new-session', 'Brand new', '2099-01-01T00:00:00Z', '2099-01-01T00:00:00Z');"));
    QTRY_COMPARE_WITH_TIMEOUT(model->knownCount(), qint64(31), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->sessionIdAt(0), QStringLiteral("new-session"), 10000);
    QTRY_COMPARE(pane->view()->currentIndex().row(), 4);
    QCOMPARE(model->sessionIdAt(4), chosen);
    QCOMPARE(w.conversations()->transcript()->model()->sessionId(), chosen);
}

void TestScenarioSessions::noOtherSessionIsHighlightedWhenTheOneShownMovesAway()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 450, 2);
    test::ScenarioWindow w(path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    waitForList(model);
    // Sorted by the last update, newest first, and the third session opened.
    const int updated = ui::SessionsModel::Updated;
    while (pane->view()->horizontalHeader()->sortIndicatorSection() != updated ||
           pane->view()->horizontalHeader()->sortIndicatorOrder() != Qt::DescendingOrder) {
        test::ScenarioWindow::clickHeader(pane->view(), updated);
        waitForList(model);
    }
    test::ScenarioWindow::clickRow(pane->view(), 2);
    const QString chosen = model->sessionIdAt(2);
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), chosen);
    // The backend touches 300 other sessions: the one being read falls to row 302, beyond the
    // rows loaded. Whatever now sits at row 2 must not look selected.
    test::sqlite3(path,
                  QStringLiteral("UPDATE sessions SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id IN "
                                 "(SELECT id FROM sessions WHERE id != '%1' ORDER BY rowid LIMIT 300);")
                      .arg(chosen));
    QTRY_VERIFY_WITH_TIMEOUT(model->sessionIdAt(2) != chosen && !model->sessionIdAt(2).isEmpty(), 10000);
    QTRY_VERIFY(!pane->view()->currentIndex().isValid() ||
                model->sessionIdAt(pane->view()->currentIndex().row()) == chosen);
    QVERIFY(!pane->view()->selectionModel()->isRowSelected(2, QModelIndex()));
    QCOMPARE(w.conversations()->transcript()->model()->sessionId(), chosen);
    // Scrolling down to it highlights it again.
    pane->view()->scrollTo(model->index(302, 0));
    QTRY_VERIFY_WITH_TIMEOUT(model->sessionIdAt(302) == chosen, 10000);
    QTRY_COMPARE(pane->view()->currentIndex().row(), 302);
}

QTEST_MAIN(TestScenarioSessions)
#include "tst_scenario_sessions.moc"
