#include "modalwatcher.h"

#include "failurereport.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QTest>

namespace kalito::monkey {

ModalWatcher::ModalWatcher(std::uint64_t seed, const QString &exportFolder, QObject *parent)
    : QObject(parent), m_random(seed ^ 0x9e3779b97f4a7c15ULL), m_exportFolder(exportFolder)
{
    m_timer.setInterval(40);
    connect(&m_timer, &QTimer::timeout, this, &ModalWatcher::handle);
    m_timer.start();
}

void ModalWatcher::handle()
{
    // A nested event loop still counts as progress: the watchdog is for a window that stopped.
    FailureReport::progress();
    if (QWidget *popup = QApplication::activePopupWidget()) {
        handlePopup(popup);
        return;
    }
    m_popupTicks = 0;
    QWidget *modal = QApplication::activeModalWidget();
    if (!modal) {
        m_lastModal = nullptr;
        return;
    }
    m_modalTicks = modal == m_lastModal ? m_modalTicks + 1 : 0;
    m_lastModal = modal;
    // Leave it open a tick or two, as a person would take a moment to read it.
    if (m_modalTicks < 2)
        return;
    handleModal(modal);
}

void ModalWatcher::handleModal(QWidget *modal)
{
    // Everything that answers is queued: acting inside this timer's slot would run the next nested
    // loop (a message box after a cancelled dialog) inside it, and this timer would not fire there.
    QPointer<QWidget> guard(modal);
    if (m_modalTicks > 20) {
        // An answer did not close it: close it for good.
        QTimer::singleShot(0, modal, [guard] {
            if (auto *d = qobject_cast<QDialog *>(guard.data()))
                d->reject();
            else if (guard)
                guard->close();
        });
        return;
    }
    if (m_modalTicks % 4 != 2)
        return; // an answer is on its way; give it time
    ++m_dialogs;
    if (auto *box = qobject_cast<QMessageBox *>(modal)) {
        const QList<QAbstractButton *> buttons = box->buttons();
        if (buttons.isEmpty()) {
            QTimer::singleShot(0, box, &QMessageBox::reject);
            return;
        }
        QPointer<QAbstractButton> button = buttons.at(pick(int(buttons.size())));
        QTimer::singleShot(0, box, [button] {
            if (button)
                button->click();
        });
        return;
    }
    if (auto *files = qobject_cast<QFileDialog *>(modal)) {
        if (files->acceptMode() == QFileDialog::AcceptSave && pick(3) == 0) {
            const QString path = QDir(m_exportFolder).filePath(QStringLiteral("export-%1").arg(++m_exports));
            QTimer::singleShot(0, files, [files, path] {
                files->selectFile(path);
                static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected
            });
            return;
        }
        QTimer::singleShot(0, files, &QDialog::reject);
        return;
    }
    if (auto *dialog = qobject_cast<QDialog *>(modal)) {
        QTimer::singleShot(0, dialog, pick(2) ? &QDialog::reject : &QDialog::accept);
        return;
    }
    QTimer::singleShot(0, modal, &QWidget::close);
}

void ModalWatcher::handlePopup(QWidget *popup)
{
    // Menus and combo box lists: the monkey's keys go to them while they are open; after a moment
    // one of their actions is triggered or they are closed.
    if (++m_popupTicks < 3 + pick(4))
        return;
    m_popupTicks = 0;
    ++m_popups;
    QPointer<QWidget> guard(popup);
    if (auto *menu = qobject_cast<QMenu *>(popup)) {
        QList<QAction *> candidates;
        for (QAction *a : menu->actions()) {
            if (a->isEnabled() && a->isVisible() && !a->isSeparator() && !a->menu())
                candidates << a;
        }
        if (!candidates.isEmpty() && pick(3) != 0) {
            QPointer<QAction> action = candidates.at(pick(int(candidates.size())));
            // As a person does: highlight it and press Return. The menu closes before the action
            // runs, and whatever dialog it opens runs in this queued call, not in the timer's slot.
            QTimer::singleShot(0, menu, [menu, action] {
                if (!action)
                    return;
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
            });
            return;
        }
    }
    QTimer::singleShot(0, popup, [guard] {
        if (guard)
            guard->close();
    });
}

} // namespace kalito::monkey
