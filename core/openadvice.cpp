#include "openadvice.h"

#include "database.h"
#include "fileprobe.h"
#include "filesizes.h"

#include <QFileInfo>

#include <unistd.h>

namespace kalito {

OpenAdvice OpenAdvice::before(const QString &path, bool readOnly)
{
    Q_UNUSED(readOnly) // a read-only open creates them just the same (it needs the WAL index)
    OpenAdvice a;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (Database::isOpenInThisProcess(absolute))
        return a;
    const FileProbe probe = FileProbe::inspect(absolute);
    if (probe.error.isError()) {
        a.error = probe.error;
        return a;
    }
    a.databaseOwner = probe.ownerUid;
    const FileSizes sizes = FileSizes::of(absolute);
    a.createsCompanions = probe.walHeader && (!sizes.walExists || !sizes.shmExists);
    if (!a.createsCompanions)
        return a;
    // SQLite (os_unix.c, robustFchown) hands the files it creates to the database's owner when it
    // runs as root; anyone else creates them as themselves.
    const uint self = ::geteuid();
    a.companionOwner = self == 0 ? probe.ownerUid : self;
    a.foreignOwner = a.companionOwner != a.databaseOwner;
    a.cannotCreate = !probe.directoryWritable;
    a.path = absolute;
    a.fileName = QFileInfo(absolute).fileName();
    return a;
}

QString OpenAdvice::englishWarning() const
{
    if (cannotCreate) {
        return QStringLiteral("%1: to read this WAL database SQLite must create %2-wal and %2-shm, and this "
                              "user cannot write to its folder; opening it will fail. Open a read-only "
                              "copy instead.")
            .arg(path, fileName);
    }
    if (foreignOwner) {
        return QStringLiteral("%1: opening it creates %2-wal and %2-shm owned by user %3, but the database "
                              "belongs to user %4: the backend may then fail with \"attempt to write a "
                              "readonly database\". Open a read-only copy instead, or run the inspector "
                              "as user %4.")
            .arg(path, fileName)
            .arg(companionOwner)
            .arg(databaseOwner);
    }
    return QString();
}

} // namespace kalito
