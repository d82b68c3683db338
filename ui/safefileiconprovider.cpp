#include "safefileiconprovider.h"

#include <QCoreApplication>
#include <QMimeDatabase>

namespace kalito::ui {

QIcon SafeFileIconProvider::icon(const QFileInfo &info) const
{
    if (info.isDir())
        return icon(Folder);
    return icon(File);
}

QString SafeFileIconProvider::type(const QFileInfo &info) const
{
    if (info.isDir())
        return QCoreApplication::translate("kalito::ui::SafeFileIconProvider", "Folder");
    // MatchExtension never reads the file.
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    return mime.isDefault() ? QCoreApplication::translate("kalito::ui::SafeFileIconProvider", "File")
                            : mime.comment();
}

} // namespace kalito::ui
