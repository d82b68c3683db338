#include "safefiledialog.h"

#include "safefileiconprovider.h"

#include <QFileDialog>

namespace kalito::ui {

QString SafeFileDialog::ask(QWidget *parent, const Request &request)
{
    SafeFileIconProvider icons;
    QFileDialog dialog(parent, request.title, request.path);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    dialog.setAcceptMode(request.save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog.setFileMode(request.save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    dialog.setNameFilters(request.nameFilters);
    if (request.selectedFilter && !request.selectedFilter->isEmpty())
        dialog.selectNameFilter(*request.selectedFilter);
    if (!request.defaultSuffix.isEmpty())
        dialog.setDefaultSuffix(request.defaultSuffix);
    if (!request.objectName.isEmpty())
        dialog.setObjectName(request.objectName);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    if (request.selectedFilter)
        *request.selectedFilter = dialog.selectedNameFilter();
    return dialog.selectedFiles().constFirst();
}

} // namespace kalito::ui
