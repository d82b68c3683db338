#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QLabel;
class QStatusBar;

namespace kalito::ui {

// Permanent status bar fields: the database open now, its mode (read-write / read-only) and the
// live size of its -wal, refreshed every second from stat() alone: no SQL, no descriptor on the
// database (see FileSizes).
class StatusIndicators : public QObject
{
    Q_OBJECT
public:
    explicit StatusIndicators(QStatusBar *bar);

    void setDatabase(const QString &path, bool readOnly);
    void clear();

    QString pathText() const;
    QString modeText() const;
    QString walText() const;

    // Reads the -wal size now (the timer does it every second).
    void updateWalSize();

private:
    QLabel *m_path;
    QLabel *m_mode;
    QLabel *m_wal;
    QTimer m_timer;
    QString m_database;
};

} // namespace kalito::ui
