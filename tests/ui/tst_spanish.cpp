// With LANG=es (set for this test in tests/ui/CMakeLists.txt) the window speaks Spanish in what
// core reports too: the open errors (DbError worded by ErrorText), the open advice, a lock
// diagnosis (LockFinding worded by LockText), and Qt's own buttons (qtbase_es).
#include "database.h"
#include "diagnostics/locktext.h"
#include "errortext.h"
#include "lockdiagnosis.h"
#include "lockreport.h"
#include "lockwords.h"
#include "openadvice.h"
#include "openadvicedialog.h"
#include "testsupport.h"
#include "translations.h"

#include <QFile>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;
using kalito::ui::ErrorText;

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
    void englishWindowSaysWhatTheCommandLineSays(); // last: it uninstalls the Spanish catalogue

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
    // The command line's and the log's words stay English.
    QVERIFY(r.error.toString().contains(QStringLiteral("not a SQLite database")));
}

void TestSpanish::openAdviceIsSpanish()
{
    OpenAdvice a;
    a.createsCompanions = a.foreignOwner = true;
    a.path = QStringLiteral("/srv/kalito.db");
    a.fileName = QStringLiteral("kalito.db");
    a.companionOwner = 1000;
    a.databaseOwner = 998;
    const QString w = ui::OpenAdviceDialog::warning(a);
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
    const QString spanish = ui::LockText::describe(findings.constFirst());
    QVERIFY2(
        spanish.startsWith(QStringLiteral("pid 4242 (node server.js, usuario kalito) tiene el bloqueo de "
                                          "escritura del WAL (visto ahora mismo)")),
        qPrintable(spanish));
    // Why the WAL-index cannot be read, as the health strip and the live page say it.
    QCOMPARE(ui::LockText::walIndexProblem(WalIndexHeader()),
             QStringLiteral("falta el archivo -shm o es más corto que su cabecera"));
    // The same finding in English, as `locks` prints it.
    QVERIFY(LockDiagnosis::sentences(r).constFirst().startsWith(
        QStringLiteral("pid 4242 (node server.js, user kalito) holds the WAL write lock (seen just now)")));
}

void TestSpanish::qtButtonsAreSpanish()
{
    const QString qm = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm");
    if (!QFile::exists(qm))
        QSKIP("qtbase_es.qm is missing: install qt6-translations-l10n (dev's PACKAGES, the .deb's Depends)");
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

void TestSpanish::englishWindowSaysWhatTheCommandLineSays()
{
    // Without a catalogue the window's describers (tr()) give the command line's English word for
    // word: the two wordings of each code cannot drift apart unnoticed.
    ui::Translations::uninstall(qApp);
    for (int r = 0; r <= int(DbError::Reason::ProbeFailed); ++r) {
        for (const QString &first : {QStringLiteral("directory"), QStringLiteral("A")}) {
            const DbError e =
                DbError::make(DbError::Kind::Io, DbError::Reason(r), QStringLiteral("/p.db"),
                              {first, QStringLiteral("B"), QStringLiteral("C")}, QStringLiteral("D"));
            QCOMPARE(ErrorText::describe(e), e.toString());
        }
    }
    QCOMPARE(ui::LockText::walIndexProblem(WalIndexHeader()), WalIndexHeader().problem());
    LockHolder h;
    h.pid = 4242;
    h.command = QStringLiteral("node server.js");
    h.user = QStringLiteral("kalito");
    for (int k = 0; k <= int(LockFinding::Kind::ReportFailed); ++k) {
        for (int variant = 0; variant < 2; ++variant) {
            LockFinding f;
            f.kind = LockFinding::Kind(k);
            f.holder = h;
            f.holder.known = LockHolder::Known(variant == 0 ? 0 : (k % 7));
            f.heldForMs = variant == 0 ? -1 : 12000;
            f.slot = 2;
            f.mark = 10;
            f.mxFrame = 40;
            f.backfilled = 5;
            f.backlog = variant == 0 ? -1 : 35;
            f.backlogKiB = 140;
            f.ownShmMemory = variant == 1;
            f.shmProblem = LockFinding::ShmProblem(k % 4);
            f.othersWaiting = variant == 1;
            if (variant == 1) {
                f.others = {h, h};
                f.waits = {LockWaiter{h, 0, -1, 40}, LockWaiter{h, 3, 10, 40}};
                f.restartWaits = {LockWaiter{h, 4, -1, 40}};
                f.hiddenByUser.insert(QStringLiteral("kalito"), 2);
            }
            f.error =
                DbError::make(DbError::Kind::NotFound, DbError::Reason::FileMissing, QStringLiteral("/p.db"));
            QCOMPARE(ui::LockText::describe(f), LockWords::english(f));
        }
    }
}

QTEST_MAIN(TestSpanish)
#include "tst_spanish.moc"
