#pragma once

#include <QFileIconProvider>

namespace kalito::ui {

// Icons and type names for the file dialog from the file NAME only. Qt's default provider asks
// QMimeDatabase, which opens and reads a file whose extension is not conclusive (kalito.db is such
// a file). If that file is the database our connection holds, closing that descriptor drops all
// of this process's POSIX locks on it (see ../shared/docs/sqlite-wal-and-locks.md).
class SafeFileIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;
    QIcon icon(const QFileInfo &info) const override;
    QString type(const QFileInfo &info) const override;
};

} // namespace kalito::ui
