// Scenario: the window read in Spanish (CTest runs this with LANG=es), issue 20: numbers in the
// reader's locale everywhere (a count in the sessions list as in the transcript's header, the
// connection's settings with their sizes), and no English left in what core words for the window.
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "diagnosticsdock.h"
#include "livepage.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"
#include "translations.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kalito;

class TestScenarioNumbers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void countsAndSizesInTheReadersLocale();
};

void TestScenarioNumbers::initTestCase()
{
    QCOMPARE(QLocale::system().language(), QLocale::Spanish);
    QVERIFY(
        ui::Translations::install(qApp, QLocale::system()).contains(QStringLiteral("kalito-inspector_es")));
}

void TestScenarioNumbers::cleanupTestCase()
{
    ui::Translations::uninstall(qApp);
}

void TestScenarioNumbers::countsAndSizesInTheReadersLocale()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 1, 12000);
    test::ScenarioWindow w(path);
    ui::SessionsPane *pane = w.conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    w.unwatch(w.conversations()->transcript()->model()); // 12,000 rows: too many for the tester
    // The list's count as the header says it: "12.000", not "12000".
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(0, ui::SessionsModel::Messages).data().toString().isEmpty(),
                             30000);
    QCOMPARE(model->index(0, ui::SessionsModel::Messages).data().toString(), QStringLiteral("12.000"));

    // The connection's settings in Spanish words and decimals: "… páginas (unos 3,91 MiB)".
    auto *diagnostics = w.window()->findChild<ui::DiagnosticsDock *>();
    diagnostics->show();
    QTreeWidget *settings = diagnostics->livePage()->settingsTree();
    QTRY_VERIFY_WITH_TIMEOUT(settings->topLevelItemCount() > 0, 30000);
    QString cache, pageCount;
    for (int i = 0; i < settings->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = settings->topLevelItem(i);
        if (item->text(0) == QStringLiteral("cache_size"))
            cache = item->text(1);
        if (item->text(1).contains(QStringLiteral("MiB")) || item->text(1).contains(QStringLiteral("KiB")))
            pageCount += item->text(1) + u'|';
    }
    QVERIFY2(cache.contains(QStringLiteral("páginas")) || cache.contains(QStringLiteral("KiB")),
             qPrintable(cache));
    QVERIFY2(!cache.contains(QStringLiteral("pages")) && !cache.contains(QStringLiteral("about")),
             qPrintable(cache));
    const QRegularExpression englishDecimal(QStringLiteral("\\d\\.\\d+ [KM]iB"));
    QVERIFY2(!englishDecimal.match(pageCount).hasMatch(), qPrintable(pageCount));
}

QTEST_MAIN(TestScenarioNumbers)
#include "tst_scenario_numbers.moc"
