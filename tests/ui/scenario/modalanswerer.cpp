#include "modalanswerer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace kalito::test {

ModalAnswerer::ModalAnswerer(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(20);
    connect(&m_timer, &QTimer::timeout, this, &ModalAnswerer::answer);
    m_timer.start();
}

void ModalAnswerer::answer()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    QWidget *modal = QApplication::activeModalWidget();
    if (!modal)
        return;
    if (auto *box = qobject_cast<QMessageBox *>(modal)) {
        m_texts << box->windowTitle() + QStringLiteral(": ") + box->text() + QLatin1Char(' ') +
                       box->informativeText();
        QAbstractButton *button = m_accept ? box->defaultButton() : box->escapeButton();
        // A question whose default is No (a checkpoint that makes writers wait): accepting is Yes.
        if (button && m_accept) {
            const QMessageBox::ButtonRole role = box->buttonRole(button);
            if (role == QMessageBox::NoRole || role == QMessageBox::RejectRole)
                button = nullptr;
        }
        if (!button) {
            // No default set (QMessageBox::question): the Yes/accepting button, or the rejecting one.
            for (QAbstractButton *b : box->buttons()) {
                const QMessageBox::ButtonRole role = box->buttonRole(b);
                const bool accepts = role == QMessageBox::YesRole || role == QMessageBox::AcceptRole;
                const bool rejects = role == QMessageBox::NoRole || role == QMessageBox::RejectRole;
                if ((m_accept && accepts) || (!m_accept && rejects)) {
                    button = b;
                    break;
                }
            }
        }
        if (button)
            button->click();
        else
            box->reject();
        return;
    }
    if (auto *dialog = qobject_cast<QDialog *>(modal)) {
        m_texts << dialog->windowTitle();
        if (m_accept)
            dialog->accept();
        else
            dialog->reject();
    }
}

} // namespace kalito::test
