// Scenario: a damaged file whose index lacks rows its table has (PRAGMA quick_check says ok,
// integrity_check finds it), the damage of the fuzz input harness-slow-input.db. The window must
// show every row, read another way, and say what is wrong, never a row that stays blank.
#include "browse/conversationspage.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestScenarioDamaged : public QObject
{
    Q_OBJECT
private slots:
    void anIndexLackingRowsShowsEveryRowAndSaysSo();

private:
    static QList<qint64> ids(const QString &path, const QString &sql);
    static QString labelsText(QWidget *parent);
};

QList<qint64> TestScenarioDamaged::ids(const QString &path, const QString &sql)
{
    QList<qint64> list;
    for (const QString &line : test::sqlite3(path, sql).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        list << line.toLongLong();
    return list;
}

QString TestScenarioDamaged::labelsText(QWidget *parent)
{
    QString all;
    for (QLabel *l : parent->findChildren<QLabel *>())
        all += l->text() + QLatin1Char('\n');
    return all;
}

void TestScenarioDamaged::anIndexLackingRowsShowsEveryRowAndSaysSo()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("damaged.db"), 3, 12);
    // idx_messages_session_created built without every fifth message, then declared whole: the
    // table has rows its index lacks, as in harness-slow-input.db. Both indexes in the schema's own
    // order, so that (as in that file) a count walks the other, whole one.
    test::sqlite3(path,
                  QStringLiteral("DROP INDEX idx_messages_session_created;"
                                 "DROP INDEX idx_messages_session_importance_created;"
                                 "CREATE INDEX idx_messages_session_created ON messages(session_id, "
                                 "created_at DESC) WHERE id % 5 <> 0;"
                                 "CREATE INDEX idx_messages_session_importance_created ON "
                                 "messages(session_id, importance_score DESC, created_at DESC);"
                                 "PRAGMA writable_schema = ON;"
                                 "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_messages_session_created "
                                 "ON messages(session_id, created_at DESC)' WHERE name = "
                                 "'idx_messages_session_created';"));
    QCOMPARE(test::sqlite3(path, QStringLiteral("PRAGMA quick_check;")), QStringLiteral("ok"));
    QVERIFY(test::sqlite3(path, QStringLiteral("PRAGMA integrity_check;"))
                .contains(QStringLiteral("missing from index idx_messages_session_created")));

    test::ScenarioWindow w(path);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    transcript->setMode(ui::TranscriptView::Mode::Grid);
    ui::MessagesModel *messages = transcript->model();
    QTRY_VERIFY(!messages->sessionId().isEmpty());
    const QString session = messages->sessionId();
    const QList<qint64> expected =
        ids(path, QStringLiteral("SELECT id FROM messages NOT INDEXED WHERE session_id = '%1' "
                                 "ORDER BY created_at, id;")
                      .arg(session));
    // The transcript's page walks the damaged index (it lacks rows of this session); its count walks
    // the other, whole one. That disagreement is what left a row blank.
    const QList<qint64> throughIndex =
        ids(path, QStringLiteral("SELECT id FROM messages INDEXED BY idx_messages_session_created WHERE "
                                 "session_id = '%1' ORDER BY created_at, id;")
                      .arg(session));
    QCOMPARE(expected.size(), 12);
    QVERIFY(throughIndex.size() < expected.size());
    QVERIFY(test::sqlite3(path, QStringLiteral("EXPLAIN QUERY PLAN SELECT count(*) FROM messages m WHERE "
                                               "m.session_id = '%1';")
                                    .arg(session))
                .contains(QStringLiteral("idx_messages_session_importance_created")));

    // Every row shows, none stays "…": the rows the index lacks were read from the table.
    QTRY_COMPARE(messages->knownCount(), qint64(expected.size()));
    for (int row = 0; row < expected.size(); ++row) {
        QTRY_COMPARE(messages->messageIdAt(row), expected.at(row));
        QVERIFY(messages->index(row, ui::MessagesModel::Text).data().toString() != QStringLiteral("…"));
    }
    // The person is told which file, what is wrong and what to do.
    QTRY_VERIFY2(labelsText(transcript).contains(QStringLiteral("idx_messages_session_created")),
                 qPrintable(labelsText(transcript)));
    const QString said = labelsText(transcript);
    qInfo().noquote() << "the transcript says:" << said;
    QVERIFY2(said.contains(QFileInfo(path).fileName()), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("damaged")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("run Check")), qPrintable(said));
    // Said in full under the header, wrapped, not squeezed into the header's one line.
    auto *problem = transcript->findChild<QLabel *>(QStringLiteral("transcriptProblem"));
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY(problem->wordWrap());
    QVERIFY2(problem->text().contains(QStringLiteral("run Check")), qPrintable(problem->text()));

    // A row the index lacks opens in the message pane.
    const qint64 lost = [&] {
        for (qint64 id : expected) {
            if (!throughIndex.contains(id))
                return id;
        }
        return qint64(-1);
    }();
    QVERIFY(lost > 0);
    const int lostRow = int(expected.indexOf(lost));
    test::ScenarioWindow::clickRow(transcript->view(), lostRow, ui::MessagesModel::Text);
    QTRY_COMPARE(w.conversations()->detail()->messageId(), lost);

    // The sessions list is whole (its own indexes are sound).
    QTRY_COMPARE(w.conversations()->sessions()->model()->knownCount(), qint64(3));
    // The conversation view reads the same model: every message there too.
    transcript->setMode(ui::TranscriptView::Mode::Conversation);
    QCOMPARE(messages->rowCount(), int(expected.size()));
}

QTEST_MAIN(TestScenarioDamaged)
#include "tst_scenario_damaged.moc"
