#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QStatusBar;

namespace kalito::ui {

class ElidedLabel;

// Permanent status bar fields: the database open now and its mode (read-write / read-only). The
// live -wal and -shm sizes are in the health strip (HealthStrip), not repeated here.
class StatusIndicators : public QObject
{
    Q_OBJECT
public:
    explicit StatusIndicators(QStatusBar *bar);

    void setDatabase(const QString &path, bool readOnly);
    void clear();

    QString pathText() const;
    QString modeText() const;

private:
    ElidedLabel *m_path;
    QLabel *m_mode;
};

} // namespace kalito::ui
