#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace kalito::ui {

// Asks for a database file to open, through SafeFileDialog (which never opens the files it lists).
class DatabaseFileDialog
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFileDialog)
public:
    // Returns the chosen path, or an empty string when cancelled.
    static QString getOpenFileName(QWidget *parent, const QString &title, const QString &directory);
};

} // namespace kalito::ui
