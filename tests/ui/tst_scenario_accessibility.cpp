// Scenario: a person who uses a screen reader. Through the QAccessible API (what AT-SPI serves on
// Linux): every control of the real MainWindow has a name; the conversation, which paints its
// messages itself, is a list of messages, each with its author, time and text; moving through it
// with the arrow keys moves the reader's focus from message to message; the health strip's
// figures read in full even when the strip shortens them.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "diagnosticsdock.h"
#include "healthmonitor.h"
#include "healthstrip.h"
#include "mainwindow.h"
#include "scenario/layoutcheck.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "testsupport.h"

#include <QAccessible>
#include <QDockWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

struct Seen
{
    QAccessible::Event type;
    QString name;
};
QList<Seen> g_events;

void record(QAccessibleEvent *event)
{
    QAccessibleInterface *iface = event->accessibleInterface();
    g_events.append({event->type(), iface ? iface->text(QAccessible::Name) : QString()});
}

bool isControl(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTabList:
    case QAccessible::ProgressBar:
        return true;
    default:
        return false;
    }
}

// Controls a person can reach that have no name, as "Role in parent-name" lines.
void unnamed(QAccessibleInterface *iface, QStringList *out, int depth = 0)
{
    if (!iface || depth > 40 || iface->state().invisible)
        return;
    const QAccessible::Role role = iface->role();
    if (isControl(role) && iface->text(QAccessible::Name).trimmed().isEmpty()) {
        QObject *o = iface->object();
        *out << QStringLiteral("role %1: %2")
                    .arg(int(role))
                    .arg(o && o->isWidgetType() ? test::LayoutCheck::describe(static_cast<QWidget *>(o))
                                                : QStringLiteral("(no widget)"));
    }
    // Rows of tables and lists are the model's; their names are the data.
    if (role == QAccessible::Table || role == QAccessible::List || role == QAccessible::Tree)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        unnamed(iface->child(i), out, depth + 1);
}

} // namespace

class TestScenarioAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyControlHasAName();
    void theConversationReadsMessageByMessage();
    void theHealthFiguresReadInFull();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestScenarioAccessibility::initTestCase()
{
    QAccessible::installUpdateHandler(record);
    QAccessible::setActive(true);
    m_db = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 6, 20);
}

void TestScenarioAccessibility::cleanup()
{
    g_events.clear();
}

void TestScenarioAccessibility::everyControlHasAName()
{
    test::ScenarioWindow w(m_db);
    ui::MainWindow *window = w.window();
    test::ScenarioWindow::clickRow(w.conversations()->sessions()->view(), 0);
    QTRY_VERIFY(w.conversations()->transcript()->model()->rowCount() > 0);
    window->searchDock()->show();
    auto *diagnostics = window->findChild<ui::DiagnosticsDock *>();
    diagnostics->show();
    QStringList missing;
    for (int i = 0; i < diagnostics->tabs()->count(); ++i) {
        diagnostics->tabs()->setCurrentIndex(i);
        QApplication::processEvents();
        unnamed(QAccessible::queryAccessibleInterface(window), &missing);
    }
    QTabWidget *pages = window->browser()->tabs();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QApplication::processEvents();
        unnamed(QAccessible::queryAccessibleInterface(window), &missing);
    }
    missing.removeDuplicates();
    for (const QString &m : std::as_const(missing))
        qWarning().noquote() << "no accessible name:" << m;
    QVERIFY2(missing.isEmpty(), qPrintable(u'\n' + missing.join(u'\n')));
}

void TestScenarioAccessibility::theConversationReadsMessageByMessage()
{
    test::ScenarioWindow w(m_db);
    ui::ConversationsPage *page = w.conversations();
    test::ScenarioWindow::clickRow(page->sessions()->view(), 0);
    ui::ConversationView *conv = page->transcript()->conversation();
    ui::MessagesModel *messages = page->transcript()->model();
    QTRY_COMPARE(messages->knownCount(), qint64(20));
    QTRY_VERIFY(conv->items()->item(19) != nullptr);

    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(conv);
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::List);
    QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Conversation"));
    QCOMPARE(list->childCount(), 20);
    QAccessibleInterface *last = list->child(19);
    QVERIFY(last && last->isValid());
    QCOMPARE(last->role(), QAccessible::ListItem);
    QCOMPARE(list->indexOfChild(last), 19);
    QCOMPARE(last->parent(), list);
    // Its three parts, as the bubble shows them.
    QCOMPARE(last->childCount(), 3);
    const QString author = last->child(0)->text(QAccessible::Name);
    const QString time = last->child(1)->text(QAccessible::Name);
    const QString text = last->child(2)->text(QAccessible::Name);
    QVERIFY2(author == QStringLiteral("User") || author == QStringLiteral("Assistant"), qPrintable(author));
    QVERIFY2(!time.isEmpty() && time.contains(u':'), qPrintable(time));
    QCOMPARE(text, conv->displayedText(19));
    QVERIFY(!text.isEmpty());
    QCOMPARE(last->text(QAccessible::Name), QStringLiteral("%1, %2: %3").arg(author, time, text));
    QVERIFY(!last->state().invisible); // on screen: the session opened at its newest message
    QVERIFY(!last->rect().isEmpty());
    QVERIFY(list->child(0)->state().invisible); // the oldest is scrolled out of view

    // The keyboard moves the reader through the messages: each move is a focus event on the
    // message now current, named with its text.
    conv->setFocus();
    QTRY_VERIFY(conv->hasFocus());
    conv->setCurrentRow(19);
    g_events.clear();
    QTest::keyClick(conv, Qt::Key_Up);
    QTRY_COMPARE(conv->currentRow(), 18);
    QTRY_VERIFY(conv->items()->item(18) != nullptr);
    const QString expected = list->child(18)->text(QAccessible::Name);
    QVERIFY(expected.contains(conv->displayedText(18)));
    // What a reader asks on a focus event: the focused child, and its state.
    QCOMPARE(list->focusChild(), list->child(18));
    // The event itself goes out only while a reader listens (offscreen, QAccessible::isActive()
    // stays false and Qt drops it; tests/ui/atspi checks it by hand through AT-SPI).
    if (QAccessible::isActive()) {
        bool focused = false;
        for (const Seen &e : std::as_const(g_events))
            focused = focused || (e.type == QAccessible::Focus && e.name == expected);
        QVERIFY2(focused, "no focus event on the message moved to");
    }
    QVERIFY(list->child(18)->state().focused);
    QVERIFY(!list->child(19)->state().focused);
    // And back down: the newest message is the focused one again.
    QTest::keyClick(conv, Qt::Key_Down);
    QTRY_COMPARE(conv->currentRow(), 19);
    QCOMPARE(list->focusChild(), list->child(19));
    QVERIFY(list->child(19)->state().focused);
    QVERIFY(!list->child(18)->state().focused);
}

void TestScenarioAccessibility::theHealthFiguresReadInFull()
{
    test::ScenarioWindow w(m_db);
    w.window()->resize(1024, 768);
    auto *strip = w.window()->findChild<ui::HealthStrip *>();
    QTRY_VERIFY(strip->walText().startsWith(QStringLiteral("-wal ")) ||
                strip->walText() == QStringLiteral("no -wal"));
    strip->monitor()->setDatabasePath(QString());
    ui::HealthSample s;
    s.atMs = 1;
    s.sizes.walExists = s.sizes.shmExists = true;
    s.sizes.walBytes = 48289382;
    s.sizes.shmBytes = 98304;
    s.walIndexKnown = true;
    s.mxFrame = 11719;
    s.backlog = 10839;
    s.readers = {{WalReader{2316543, 1}, 161000}, {WalReader{2316544, 2}, 3000}};
    s.walGrowing = s.backlogGrowing = s.readerPinsTooLong = true;
    emit strip->monitor()->updated(s);
    QApplication::processEvents();
    // Every figure's whole text is a name in the strip's tree, however short it is painted.
    QStringList names;
    std::function<void(QAccessibleInterface *)> walk = [&](QAccessibleInterface *i) {
        if (!i)
            return;
        if (i->role() == QAccessible::StaticText && !i->state().invisible)
            names << i->text(QAccessible::Name);
        for (int c = 0; c < i->childCount(); ++c)
            walk(i->child(c));
    };
    walk(QAccessible::queryAccessibleInterface(strip));
    for (const QString &figure :
         {strip->walText(), strip->backlogText(), strip->readersText(), strip->warningText()})
        QVERIFY2(names.contains(figure), qPrintable(figure + QStringLiteral(" not in ") + names.join(u'|')));
    QVERIFY(strip->warningText().contains(QStringLiteral("backlog growing")));
}

QTEST_MAIN(TestScenarioAccessibility)
#include "tst_scenario_accessibility.moc"
