#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kalito::ui {

class DatabaseOpener;

// The status bar's account of an open under way: what is being done, a progress bar (busy, or
// bytes copied) and Cancel while a copy runs. Hidden when nothing is under way; the window stays
// usable meanwhile.
class OpenStatus : public QWidget
{
    Q_OBJECT
public:
    OpenStatus(DatabaseOpener *opener, QWidget *parent = nullptr);

    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }
    QString text() const;

private:
    void showProgress(qint64 done, qint64 total);

    DatabaseOpener *m_opener;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace kalito::ui
