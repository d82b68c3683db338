#include "openadvicedialog.h"
#include "opentext.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

using namespace kalito;
using kalito::ui::OpenAdviceDialog;

class TestOpenAdviceDialog : public QObject
{
    Q_OBJECT
private slots:
    void offersACopyForAForeignOwner();
    void noOpenAnywayWhenItCannotWork();
    void nothingToAsk();
};

namespace {

QStringList buttonTexts(QMessageBox *box)
{
    QStringList texts;
    const QList<QAbstractButton *> buttons = box->buttons();
    for (QAbstractButton *b : buttons)
        texts << b->text();
    texts.sort();
    return texts;
}

} // namespace

void TestOpenAdviceDialog::offersACopyForAForeignOwner()
{
    OpenAdvice a;
    a.createsCompanions = a.foreignOwner = true;
    a.path = QStringLiteral("/srv/<b>kalito</b>.db");
    a.fileName = QStringLiteral("<b>kalito</b>.db");
    a.companionOwner = 1000;
    std::unique_ptr<QMessageBox> box(OpenAdviceDialog::create(nullptr, a));
    QCOMPARE(box->textFormat(), Qt::PlainText);
    // The window says what the command line says (OpenText, English here), path and owners included.
    QCOMPARE(box->informativeText(), OpenText::advice(a));
    QVERIFY(box->informativeText().startsWith(a.path + QStringLiteral(": opening it creates")));
    QVERIFY(box->informativeText().contains(QStringLiteral("owned by user 1000")));
    QCOMPARE(buttonTexts(box.get()), QStringList({QStringLiteral("Cancel"), QStringLiteral("Open Anyway"),
                                                  QStringLiteral("Open a Read-Only Copy")}));
    QCOMPARE(box->defaultButton()->property("choice").toInt(), int(OpenAdviceDialog::Choice::OpenCopy));
}

void TestOpenAdviceDialog::noOpenAnywayWhenItCannotWork()
{
    OpenAdvice a;
    a.createsCompanions = a.cannotCreate = true;
    a.path = QStringLiteral("/srv/kalito.db");
    a.fileName = QStringLiteral("kalito.db");
    std::unique_ptr<QMessageBox> box(OpenAdviceDialog::create(nullptr, a));
    QCOMPARE(buttonTexts(box.get()),
             QStringList({QStringLiteral("Cancel"), QStringLiteral("Open a Read-Only Copy")}));
}

void TestOpenAdviceDialog::nothingToAsk()
{
    // No dialog at all when opening changes nothing (exec() would block the test otherwise).
    QCOMPARE(OpenAdviceDialog::ask(nullptr, OpenAdvice()), OpenAdviceDialog::Choice::OpenAnyway);
}

QTEST_MAIN(TestOpenAdviceDialog)
#include "tst_openadvicedialog.moc"
