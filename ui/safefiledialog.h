#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace kalito::ui {

// Every file the window asks for goes through here: Qt's own dialog (never an in-process native
// one, which we could not tell how to find icons) with a SafeFileIconProvider. Browsing the
// database's own folder then never opens, and closes, the database, its -wal or its -shm: that
// close would drop every lock this process holds on the file (see safefileiconprovider.h).
class SafeFileDialog
{
public:
    struct Request
    {
        QString title;
        QString path; // the folder to start in, or a suggested file (its folder, and it selected)
        QStringList nameFilters;
        QString *selectedFilter = nullptr; // in: the filter to select; out: the one chosen
        bool save = false;                 // a file to write (may not exist) rather than to read
        QString defaultSuffix;
        QString objectName;
    };

    // The chosen path, or an empty string when cancelled.
    static QString ask(QWidget *parent, const Request &request);
};

} // namespace kalito::ui
