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

} // namespace kalito
