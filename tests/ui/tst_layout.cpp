// The real MainWindow, composed as app/main.cpp composes it, on a demo database, with every page,
// tab and dock shown, at 1024x768 and 1280x800, in the language of the environment (CTest runs it
// twice: tst_layout in English, tst_layout_es with LANG=es). It fails when a visible widget lies
// outside its window or parent, or a label's or button's text is cut (LayoutCheck), and saves what
// it rendered as PNG files in the build folder (the path is printed) for a person to look at.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "checkpointcontroller.h"
#include "checkpointresult.h"
#include "diagnosticsdock.h"
#include "elidedlabel.h"
#include "healthmonitor.h"
#include "healthstrip.h"
#include "integritycontroller.h"
#include "integrityresult.h"
#include "mainwindow.h"
#include "proberunner.h"
#include "scenario/layoutcheck.h"
#include "scenario/layoutsettle.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchrunner.h"
#include "space/spacepage.h"
#include "stallwatch.h"
#include "testsupport.h"
#include "translations.h"

#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using namespace kalito;

class TestLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyPageFits_data();
    void everyPageFits();

private:
    void readable(test::ScenarioWindow &w, const QSize &size);
    void spaceReadable(ui::SpacePage *page, const QSize &size);
    void look(test::ScenarioWindow &w, const QSize &size, const QString &state);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_shots;
    QString m_language;
    QStringList m_problems;
};

void TestLayout::initTestCase()
{
    // The child processes (probe, lock watcher) are the headless executable, as app/windowmain.cpp sets.
    ProbeRunner::setProgram(test::inspectorPath());
    const QStringList loaded = ui::Translations::install(qApp, QLocale::system());
    m_language =
        QLocale::system().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
    if (m_language == QLatin1String("es"))
        QVERIFY2(loaded.contains(QStringLiteral("kalito-inspector_es")), qPrintable(loaded.join(u',')));
    m_db = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 40, 30);
    QVERIFY(!m_db.isEmpty());
    m_shots = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("layout-shots"));
    QVERIFY(QDir().mkpath(m_shots));
    qInfo().noquote() << "screenshots in" << m_shots;
}

void TestLayout::cleanupTestCase()
{
    ui::Translations::uninstall(qApp);
}

void TestLayout::look(test::ScenarioWindow &w, const QSize &size, const QString &state)
{
    test::LayoutSettle::wait();
    const QString name =
        QStringLiteral("%1-%2x%3-%4.png").arg(m_language).arg(size.width()).arg(size.height()).arg(state);
    {
        const test::StallWatch::Pause
            testsOwnWork; // rendering and saving the screenshot is the test's, not the window's
        QVERIFY(w.window()->grab().save(QDir(m_shots).filePath(name)));
    }
    for (const QString &p : test::LayoutCheck::problems(w.window(), size))
        m_problems << QStringLiteral("[%1] %2").arg(name, p);
    // The sessions list shows its columns whole, without a horizontal scroll bar, each header
    // with its text (and the sort arrow's room).
    QTableView *sessions = w.conversations()->sessions()->view();
    if (!sessions->isVisible())
        return;
    if (sessions->horizontalScrollBar()->isVisible())
        m_problems << QStringLiteral("[%1] the sessions list needs a horizontal scroll bar").arg(name);
    QHeaderView *header = sessions->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c) || c == ui::SessionsModel::Name)
            continue;
        const QString title = sessions->model()->headerData(c, Qt::Horizontal).toString();
        const int need = header->fontMetrics().horizontalAdvance(title) + 8;
        if (header->sectionSize(c) < need)
            m_problems << QStringLiteral("[%1] the sessions list's \"%2\" header is cut (%3 of %4 px)")
                              .arg(name, title)
                              .arg(header->sectionSize(c))
                              .arg(need);
    }
    const QString time = sessions->model()->index(0, ui::SessionsModel::Updated).data().toString();
    if (!time.isEmpty() &&
        sessions->fontMetrics().horizontalAdvance(time) + 6 > header->sectionSize(ui::SessionsModel::Updated))
        m_problems << QStringLiteral("[%1] the sessions list cuts the time \"%2\"").arg(name, time);
}

// What the conversations page must show whole at its default split, docks closed (issue 20): the
// transcript's title (the buttons go to a second line rather than cut it), and in the sessions
// list the first 14 characters of a session's name at 1024 px and 22 at 1280 px (the rest, if
// any, ends in "…", with the whole name in the tooltip).
void TestLayout::readable(test::ScenarioWindow &w, const QSize &size)
{
    ui::ConversationsPage *page = w.conversations();
    auto *title = page->transcript()->findChild<ui::ElidedLabel *>(QStringLiteral("transcriptTitle"));
    QVERIFY(title);
    QVERIFY(!title->fullText().isEmpty());
    if (title->text() != title->fullText())
        m_problems << QStringLiteral("[%1x%2] the transcript's title is cut: \"%3\" of \"%4\"")
                          .arg(size.width())
                          .arg(size.height())
                          .arg(title->text(), title->fullText());
    QTableView *sessions = page->sessions()->view();
    const int whole = size.width() >= 1280 ? 22 : 14;
    const int room = sessions->columnWidth(ui::SessionsModel::Name) - 8; // the cell's padding
    for (int row = 0; row < qMin(10, sessions->model()->rowCount()); ++row) {
        const QString name = sessions->model()->index(row, ui::SessionsModel::Name).data().toString();
        QString shown = name.left(whole); // a shorter name shows whole, a longer one this much
        if (!shown.isEmpty() && shown.back().isHighSurrogate())
            shown.chop(1);
        if (sessions->fontMetrics().horizontalAdvance(shown) > room)
            m_problems << QStringLiteral("[%1x%2] the sessions list cuts \"%3\" (%4 px for %5)")
                              .arg(size.width())
                              .arg(size.height())
                              .arg(shown)
                              .arg(room)
                              .arg(sessions->fontMetrics().horizontalAdvance(shown));
    }
}

// The Space page's table of tables and indexes keeps Size and Share in view, whole, beside the
// names, and gives each name at least its first 14 characters (the other figures may be
// scrolled to; every one is in the row's tooltip).
void TestLayout::spaceReadable(ui::SpacePage *page, const QSize &size)
{
    QTreeWidget *tree = page->tablesTree();
    QHeaderView *header = tree->header();
    const QString where =
        QStringLiteral("[%1x%2] the Space page's tables").arg(size.width()).arg(size.height());
    for (int c : {1, 2}) {
        const QString title = tree->headerItem()->text(c);
        const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
        if (right > tree->viewport()->width())
            m_problems << QStringLiteral("%1: \"%2\" is out of view (ends at %3 of %4 px)")
                              .arg(where, title)
                              .arg(right)
                              .arg(tree->viewport()->width());
        int need = header->fontMetrics().horizontalAdvance(title);
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            need = qMax(need, tree->fontMetrics().horizontalAdvance((*it)->text(c)));
        if (header->sectionSize(c) < need)
            m_problems << QStringLiteral("%1: \"%2\" is cut (%3 of %4 px)")
                              .arg(where, title)
                              .arg(header->sectionSize(c))
                              .arg(need);
    }
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        const QString shown = (*it)->text(0).left(14);
        const int room = header->sectionSize(0) - tree->visualItemRect(*it).left() - 8;
        if (tree->fontMetrics().horizontalAdvance(shown) > room)
            m_problems << QStringLiteral("%1: \"%2\" is cut (%3 px)").arg(where, shown).arg(room);
    }
}

void TestLayout::everyPageFits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1280x800") << QSize(1280, 800);
}

void TestLayout::everyPageFits()
{
    QFETCH(QSize, size);
    m_problems.clear();
    test::ScenarioWindow w(m_db);
    ui::MainWindow *window = w.window();
    window->resize(size);
    ui::ConversationsPage *page = w.conversations();
    test::ScenarioWindow::clickRow(page->sessions()->view(), 0);
    QTRY_VERIFY(page->transcript()->model()->rowCount() > 0);
    look(w, size, QStringLiteral("conversations"));
    readable(w, size);

    // Search, with results and the limit's message.
    ui::SearchDock *search = window->searchDock();
    search->activateFind();
    QSignalSpy searched(search->runner(), &SearchRunner::finished);
    search->search(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(searched.size() >= 1, 30000);
    look(w, size, QStringLiteral("search"));

    // Every tab of the Diagnostics dock beside the search, then the SQL log.
    auto *diagnostics = window->findChild<ui::DiagnosticsDock *>();
    diagnostics->show();
    diagnostics->raise();
    for (int i = 0; i < diagnostics->tabs()->count(); ++i) {
        diagnostics->tabs()->setCurrentIndex(i);
        look(w, size, QStringLiteral("diagnostics%1").arg(i));
    }
    auto *sqlLog = window->findChild<QDockWidget *>(QStringLiteral("dockSqlLog"));
    sqlLog->show();
    sqlLog->raise();
    look(w, size, QStringLiteral("sqllog"));
    diagnostics->raise();

    // The health strip at its busiest: long figures, every warning, both results.
    auto *strip = window->findChild<ui::HealthStrip *>();
    strip->monitor()->setDatabasePath(QString()); // no live samples over the one made here
    ui::HealthSample s;
    s.atMs = 1;
    s.sizes.walExists = s.sizes.shmExists = true;
    s.sizes.walBytes = qint64(48289382);
    s.sizes.shmBytes = qint64(98304);
    s.walIndexKnown = true;
    s.mxFrame = 11719;
    s.nBackfill = 880;
    s.backlog = 10839;
    s.readers = {{WalReader{2316543, 1}, 161000}, {WalReader{2316544, 2}, 3000}};
    s.walGrowing = s.backlogGrowing = s.readerPinsTooLong = true;
    emit strip->monitor()->updated(s);
    CheckpointResult cp;
    cp.mode = CheckpointMode::Passive;
    cp.walMode = true;
    cp.busy = true;
    cp.logFrames = 11719;
    cp.checkpointedFrames = 880;
    emit diagnostics->checkpointController()->finished(cp);
    IntegrityResult ir;
    ir.kind = IntegrityKind::Quick;
    for (int row : {12, 13}) {
        IntegrityFinding f;
        f.text = QStringLiteral("row %1 missing from index messages_by_session").arg(row);
        ir.problems << f;
    }
    emit diagnostics->integrityController()->finished(ir);
    for (int i = 0; i < diagnostics->tabs()->count(); ++i) {
        diagnostics->tabs()->setCurrentIndex(i);
        look(w, size, QStringLiteral("busy-diagnostics%1").arg(i));
    }

    // Every page of the browser, docks closed.
    search->hide();
    diagnostics->hide();
    sqlLog->hide();
    QTabWidget *pages = window->browser()->tabs();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        look(w, size, QStringLiteral("page%1").arg(i));
    }
    // The Space page with its report read.
    auto *space = window->findChild<ui::SpacePage *>();
    QVERIFY(space);
    pages->setCurrentWidget(space);
    QTRY_VERIFY_WITH_TIMEOUT(!space->isRunning() && space->tablesTree()->topLevelItemCount() > 0, 30000);
    look(w, size, QStringLiteral("space"));
    spaceReadable(space, size);
    for (const QString &p : std::as_const(m_problems))
        qWarning().noquote() << p;
    QVERIFY2(m_problems.isEmpty(),
             qPrintable(QStringLiteral("%1 layout problems (listed above)").arg(m_problems.size())));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
