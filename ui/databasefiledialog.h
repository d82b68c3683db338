#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace kalito::ui {

// Asks for a database file to open. Always Qt's own dialog with a SafeFileIconProvider: an
// in-process native dialog would sniff file contents (opening the database we hold; see
// safefileiconprovider.h) and we cannot tell it not to.
class DatabaseFileDialog
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFileDialog)
public:
    // Returns the chosen path, or an empty string when cancelled.
    static QString getOpenFileName(QWidget *parent, const QString &title, const QString &directory);
};

} // namespace kalito::ui
