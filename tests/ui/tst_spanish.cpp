// With LANG=es (set for this test in tests/ui/CMakeLists.txt) the window speaks Spanish in what
// core reports too: the open errors (DbError worded by ErrorText), the open advice, a lock
// diagnosis (LockFinding worded by LockText), and Qt's own buttons (qtbase_es). The same words,
// without a catalogue, are the command line's English.
#include "database.h"
#include "errortext.h"
#include "lockdiagnosis.h"
#include "lockreport.h"
#include "locktext.h"
#include "openadvice.h"
#include "opentext.h"
#include "recordingfault.h"
#include "testsupport.h"
#include "translations.h"

#include <QFile>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestSpanish : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void openErrorsAreSpanish();
    void openAdviceIsSpanish();
    void lockDiagnosisIsSpanish();
    void qtButtonsAreSpanish();
    void commandLineWordsStayEnglish();
    void withoutACatalogueTheWordsAreEnglish(); // last: it uninstalls the Spanish catalogue

private:
    QTemporaryDir m_dir;
    QStringList m_loaded;
};

void TestSpanish::initTestCase()
{
    // What main() does: the system's locale, which LANG=es makes Spanish.
    QCOMPARE(QLocale::system().language(), QLocale::Spanish);
    m_loaded = ui::Translations::install(qApp, QLocale::system());
    QVERIFY2(m_loaded.contains(QStringLiteral("kalito-inspector_es")), qPrintable(m_loaded.join(u',')));
}

void TestSpanish::cleanupTestCase()
{
    ui::Translations::uninstall(qApp);
}

void TestSpanish::openErrorsAreSpanish()
{
    Database db;
    const QString missing = m_dir.filePath(QStringLiteral("falta.db"));
    OpenResult r = db.open({missing});
    QCOMPARE(r.error.kind, DbError::Kind::NotFound);
    QCOMPARE(ErrorText::describe(r.error), missing + QStringLiteral(": el archivo no existe"));

    const QString empty = m_dir.filePath(QStringLiteral("vacio.db"));
    QFile f(empty);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    r = db.open({empty});
    QCOMPARE(r.error.kind, DbError::Kind::EmptyFile);
    QVERIFY2(ErrorText::reason(r.error).startsWith(QStringLiteral("el archivo está vacío (0 bytes)")),
             qPrintable(ErrorText::reason(r.error)));

    const QString text = m_dir.filePath(QStringLiteral("texto.db"));
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write(QByteArray(200, 'x'));
    t.close();
    r = db.open({text});
    QCOMPARE(r.error.kind, DbError::Kind::NotADatabase);
    QVERIFY2(ErrorText::reason(r.error).startsWith(QStringLiteral("no es una base de datos SQLite")),
             qPrintable(ErrorText::reason(r.error)));
}

void TestSpanish::openAdviceIsSpanish()
{
    OpenAdvice a;
    a.createsCompanions = a.foreignOwner = true;
    a.path = QStringLiteral("/srv/kalito.db");
    a.fileName = QStringLiteral("kalito.db");
    a.companionOwner = 1000;
    a.databaseOwner = 998;
    const QString w = OpenText::advice(a);
    QVERIFY2(w.startsWith(QStringLiteral("/srv/kalito.db: abrirla crea kalito.db-wal y kalito.db-shm")),
             qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("usuario 1000")) && w.contains(QStringLiteral("usuario 998")),
             qPrintable(w));
}

void TestSpanish::lockDiagnosisIsSpanish()
{
    // A report as LockReport::assemble makes it: a backend in a write transaction.
    LockReport r;
    r.path = m_dir.filePath(QStringLiteral("kalito.db"));
    r.selfPid = 1;
    r.walMode = true;
    r.procAvailable = r.procLocksAvailable = true;
    r.processes.append({4242,
                        QStringLiteral("node"),
                        QStringLiteral("node server.js"),
                        QStringLiteral("kalito"),
                        {QStringLiteral("db"), QStringLiteral("shm")},
                        true});
    r.locks.append(
        {4242, QStringLiteral("node"), QStringLiteral("shm"), QStringLiteral("wal-write"), true, false});
    const QList<LockFinding> findings = LockDiagnosis::findings(r);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(findings.constFirst().kind, LockFinding::Kind::Writing);
    const QString spanish = LockText::describe(findings.constFirst());
    QVERIFY2(
        spanish.startsWith(QStringLiteral("pid 4242 (node server.js, usuario kalito) tiene el bloqueo de "
                                          "escritura del WAL (visto ahora mismo)")),
        qPrintable(spanish));
    // Why the WAL-index cannot be read, as the health strip and the live page say it.
    QCOMPARE(LockText::walIndexProblem(WalIndexHeader()),
             QStringLiteral("falta el archivo -shm o es más corto que su cabecera"));
    // A lock recording that cannot be loaded: a DbError like any other, its reason in Spanish.
    RecordingFault fault;
    fault.kind = RecordingFault::Kind::NotJson;
    fault.line = 3;
    fault.offset = 7;
    fault.detail = QStringLiteral("garbage at the end");
    const DbError notARecording = DbError::make(DbError::Kind::Corrupt, DbError::Reason::NotARecording,
                                                QStringLiteral("/r.jsonl"), fault.toArgs(), fault.detail);
    QCOMPARE(
        ErrorText::describe(notARecording),
        QStringLiteral("/r.jsonl: no es una grabación de bloqueos: línea 3: no es JSON (garbage at the end "
                       "en el carácter 7)"));
}

void TestSpanish::qtButtonsAreSpanish()
{
    const QString qm = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm");
    KALITO_REQUIRE(QFile::exists(qm), QStringLiteral("qtbase_es.qm is missing: install qt6-translations-l10n "
                                                     "(dev's PACKAGES, the .deb's Depends)"));
    QVERIFY2(m_loaded.contains(QStringLiteral("qtbase_es")), qPrintable(m_loaded.join(u',')));
    QMessageBox box;
    box.setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    const QString yes = box.button(QMessageBox::Yes)->text();
    QVERIFY2(yes == QStringLiteral("&Sí") || yes == QStringLiteral("Sí"), qPrintable(yes));
}

void TestSpanish::commandLineWordsStayEnglish()
{
    // The command line stays English whatever the locale (README: scripts and logs read it).
    const test::Run run =
        test::inspector({QStringLiteral("status"), m_dir.filePath(QStringLiteral("falta.db"))}, 60000,
                        {QStringLiteral("LANG=es_ES.UTF-8")});
    QVERIFY2(run.err.contains(QStringLiteral("the file does not exist")), qPrintable(run.err));
}

void TestSpanish::withoutACatalogueTheWordsAreEnglish()
{
    // Each sentence is written once (core/text); the command line installs no catalogue and so
    // says the source English, the very words the window says in Spanish above.
    ui::Translations::uninstall(qApp);
    const DbError missing =
        DbError::make(DbError::Kind::NotFound, DbError::Reason::FileMissing, QStringLiteral("/p.db"));
    QCOMPARE(ErrorText::describe(missing), QStringLiteral("/p.db: the file does not exist"));
    QCOMPARE(missing.toString(), ErrorText::describe(missing));
    QCOMPARE(LockText::walIndexProblem(WalIndexHeader()),
             QStringLiteral("the -shm file is missing or shorter than its header"));
    LockFinding f;
    f.kind = LockFinding::Kind::Writing;
    f.holder.pid = 4242;
    f.holder.command = QStringLiteral("node server.js");
    f.holder.user = QStringLiteral("kalito");
    QVERIFY2(LockText::describe(f).startsWith(QStringLiteral(
                 "pid 4242 (node server.js, user kalito) holds the WAL write lock (seen just now)")),
             qPrintable(LockText::describe(f)));
}

QTEST_MAIN(TestSpanish)
#include "tst_spanish.moc"
