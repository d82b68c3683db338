#include "databasefiledialog.h"

#include "safefileiconprovider.h"

#include <QFileDialog>

namespace kalito::ui {

QString DatabaseFileDialog::getOpenFileName(QWidget *parent, const QString &title, const QString &directory)
{
    SafeFileIconProvider icons;
    QFileDialog dialog(parent, title, directory);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setNameFilters({tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3)"), tr("All files (*)")});
    dialog.setObjectName(QStringLiteral("databaseFileDialog"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

} // namespace kalito::ui
