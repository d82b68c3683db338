#include "databasefiledialog.h"

#include "safefiledialog.h"

namespace kalito::ui {

QString DatabaseFileDialog::getOpenFileName(QWidget *parent, const QString &title, const QString &directory)
{
    SafeFileDialog::Request request;
    request.title = title;
    request.path = directory;
    request.nameFilters = {tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3)"), tr("All files (*)")};
    request.objectName = QStringLiteral("databaseFileDialog");
    return SafeFileDialog::ask(parent, request);
}

} // namespace kalito::ui
