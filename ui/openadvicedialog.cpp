#include "openadvicedialog.h"

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
    box->setInformativeText(warning(advice));
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

QString OpenAdviceDialog::warning(const OpenAdvice &advice)
{
    if (advice.cannotCreate) {
        return tr("%1: to read this WAL database SQLite must create %2-wal and %2-shm, and this user cannot "
                  "write to its folder; opening it will fail. Open a read-only copy instead.")
            .arg(advice.path, advice.fileName);
    }
    if (advice.foreignOwner) {
        return tr("%1: opening it creates %2-wal and %2-shm owned by user %3, but the database belongs to "
                  "user %4: the backend may then fail with \"attempt to write a readonly database\". Open a "
                  "read-only copy instead, or run the inspector as user %4.")
            .arg(advice.path, advice.fileName)
            .arg(advice.companionOwner)
            .arg(advice.databaseOwner);
    }
    return QString();
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
