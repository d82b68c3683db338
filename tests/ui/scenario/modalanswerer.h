#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace kalito::test {

// Answers every modal dialog and closes every popup menu that appears while a scenario runs, so
// that a QMessageBox::exec() in the window never blocks the test, and records what each said.
// By default a message box gets its Escape (or default) button; accept() makes it press the
// default button instead (e.g. "Yes" to a confirmation).
class ModalAnswerer : public QObject
{
    Q_OBJECT
public:
    explicit ModalAnswerer(QObject *parent = nullptr);

    void setAccepting(bool accept) { m_accept = accept; }
    // Off while a test looks into a dialog itself (and closes it).
    void setAnswering(bool on) { on ? m_timer.start() : m_timer.stop(); }
    // "title: text informative" of every message box answered, oldest first.
    QStringList texts() const { return m_texts; }
    void clear() { m_texts.clear(); }

private:
    void answer();

    QTimer m_timer;
    QStringList m_texts;
    bool m_accept = false;
};

} // namespace kalito::test
