#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace kalito::ui {

// The databases opened lately, newest first, kept in QSettings ("recentFiles") so that they survive
// a restart. Each entry remembers whether it was opened read-only: reopening from the list must
// never write to a file the user chose to only read.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString path;
        bool readOnly = false;
        bool operator==(const Entry &other) const { return path == other.path && readOnly == other.readOnly; }
    };

    static constexpr int DefaultMaximum = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QList<Entry> entries() const { return m_entries; }
    int maximum() const { return m_maximum; }
    void setMaximum(int maximum);

    // Moves (or puts) path to the front; the oldest entries beyond the maximum fall off.
    void add(const QString &path, bool readOnly);
    void remove(const QString &path);
    void clear();

signals:
    void changed();

private:
    void load();
    void save() const;

    QList<Entry> m_entries;
    int m_maximum = DefaultMaximum;
};

} // namespace kalito::ui
