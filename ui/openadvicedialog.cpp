#include "openadvicedialog.h"

#include "opentext.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>

namespace kalito::ui {

QMessageBox *OpenAdviceDialog::create(QWidget *parent, const OpenAdvice &advice)
{
    auto *box = new QMessageBox(parent);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Opening would change the database's folder"));
    box->setTextFormat(Qt::PlainText); // the warning holds a path: never rich text
    box->setText(advice.cannotCreate ? tr("This database cannot be opened in place.")
                                     : tr("Opening this database creates files owned by another user."));
    box->setInformativeText(OpenText::advice(advice));
    auto add = [box](const QString &text, QMessageBox::ButtonRole role, Choice choice) {
        QPushButton *b = box->addButton(text, role);
        b->setProperty("choice", int(choice));
        return b;
    };
    QPushButton *copy = add(tr("Open a Read-Only Copy"), QMessageBox::AcceptRole, Choice::OpenCopy);
    if (!advice.cannotCreate)
        add(tr("Open Anyway"), QMessageBox::DestructiveRole, Choice::OpenAnyway);
    add(tr("Cancel"), QMessageBox::RejectRole, Choice::Cancel);
    box->setDefaultButton(copy);
    return box;
}

OpenAdviceDialog::Choice OpenAdviceDialog::ask(QWidget *parent, const OpenAdvice &advice)
{
    if (!advice.offerCopy())
        return Choice::OpenAnyway;
    QMessageBox *box = create(parent, advice);
    box->exec();
    const QAbstractButton *clicked = box->clickedButton();
    const Choice choice = clicked ? Choice(clicked->property("choice").toInt()) : Choice::Cancel;
    box->deleteLater();
    return choice;
}

} // namespace kalito::ui
