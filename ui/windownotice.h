#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace kalito::ui {

// A bar above the pages that says what the window shows when it is not the person's own data, and
// what to do next: the generated demo database ("this is a demo; File > Open… opens yours"), or
// nothing open at all (after a failed open, with why). One button opens a database.
class WindowNotice : public QFrame
{
    Q_OBJECT
public:
    explicit WindowNotice(QWidget *parent = nullptr);

    void showDemo(const QString &path);
    void showNothingOpen(const QString &why);
    QString text() const;
    QPushButton *openButton() const { return m_open; }

signals:
    void openRequested();

private:
    QLabel *m_label;
    QPushButton *m_open;
};

} // namespace kalito::ui
