#pragma once

#include <QObject>

class QMimeData;
class QWidget;

namespace kalito::ui {

// Lets the user drop a database file (from a file manager) onto the window to open it. Accepts
// exactly one local file; folders, several files and remote URLs are refused at drag time, so the
// cursor tells the user before they let go.
class DropOpener : public QObject
{
    Q_OBJECT
public:
    explicit DropOpener(QWidget *target);

    // The local file the data names, or an empty string when it names anything else.
    static QString localFileFrom(const QMimeData *data);

signals:
    void fileDropped(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace kalito::ui
