#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <random>

class QWidget;

namespace kalito::monkey {

// Keeps the monkey going when the window runs a modal dialog or a menu in a nested event loop
// (QMessageBox::exec, the export's QFileDialog, the open-advice dialog, QMenu::exec): every few
// milliseconds it answers what is open, a random button of a message box, reject() for other dialogs
// (now and then accepting the export's save dialog with a file in exportFolder), and closes a popup
// or triggers one of its actions. Its own generator, so that the monkey's action sequence does not
// depend on when a dialog happened to be open.
class ModalWatcher : public QObject
{
    Q_OBJECT
public:
    ModalWatcher(std::uint64_t seed, const QString &exportFolder, QObject *parent = nullptr);

    // Deals with what is open now; the monkey calls this before each action too.
    void handle();

    int dialogsAnswered() const { return m_dialogs; }
    int popupsHandled() const { return m_popups; }

private:
    void handleModal(QWidget *modal);
    void handlePopup(QWidget *popup);
    int pick(int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(m_random)); }

    std::mt19937_64 m_random;
    QString m_exportFolder;
    QTimer m_timer;
    QWidget *m_lastModal = nullptr;
    int m_modalTicks = 0;
    int m_popupTicks = 0;
    int m_dialogs = 0;
    int m_popups = 0;
    int m_exports = 0;
};

} // namespace kalito::monkey
