#include "opentext.h"

#include "errortext.h"

#include <QFileInfo>

namespace kalito {

QString OpenText::advice(const OpenAdvice &advice)
{
    if (advice.cannotCreate) {
        return tr("%1: to read this WAL database SQLite must create %2-wal and %2-shm, and this user cannot "
                  "write to its folder; opening it will fail. Open a read-only copy instead.")
            .arg(advice.path, advice.fileName);
    }
    if (advice.foreignOwner) {
        return tr("%1: opening it creates %2-wal and %2-shm owned by user %3, but the database belongs to "
                  "user %4: the backend may then fail with \"attempt to write a readonly database\". Open a "
                  "read-only copy instead, or run the inspector as user %4.")
            .arg(advice.path, advice.fileName)
            .arg(advice.companionOwner)
            .arg(advice.databaseOwner);
    }
    return QString();
}

QStringList OpenText::warnings(const OpenResult &r)
{
    QStringList out;
    const QString name = QFileInfo(r.path).fileName();
    if (r.keptWalBytes > 0) {
        out << tr("%1-wal holds %2 bytes that no running program has open (left by a crash, or copied from "
                  "elsewhere): they are shown, but the inspector leaves both files as they are instead of "
                  "checkpointing")
                   .arg(name)
                   .arg(r.keptWalBytes);
    }
    if (r.createsCompanions) {
        out << tr("SQLite creates %1-wal and %1-shm to read this WAL database; they belong to the user "
                  "running "
                  "the inspector")
                   .arg(name);
    }
    return out;
}

QString OpenText::closeWhy(const CloseReport &report)
{
    switch (report.why) {
    case CloseReport::Why::NotOpen:
        return QString();
    case CloseReport::Why::ReadOnly:
        return tr("read-only: no checkpoint");
    case CloseReport::Why::KeptWal:
        return tr("the -wal was left by a process that is gone: left for the backend");
    case CloseReport::Why::NotWal:
        return tr("not in WAL mode: nothing to checkpoint");
    case CloseReport::Why::Alone:
        return tr("no other process has the database open");
    case CloseReport::Why::OthersOpen:
        return tr("%1 other process(es) have the database open").arg(report.others);
    case CloseReport::Why::CannotTell:
        return tr("cannot tell whether other processes have it open");
    }
    return QString();
}

QString OpenText::pragmaReason(const PragmaSetting &setting)
{
    switch (setting.why) {
    case PragmaSetting::Why::None:
        return QString();
    case PragmaSetting::Why::KeptOwnValue:
        return tr("SQLite kept its own value");
    case PragmaSetting::Why::KeptJournalMode:
        return tr("SQLite kept the journal mode");
    case PragmaSetting::Why::ReadOnlyJournal:
        return tr("opened read-only: the journal mode stays as the file has it");
    case PragmaSetting::Why::JournalNotConverted:
        return tr("the database uses the '%1' journal; the inspector does not convert a file it was asked to "
                  "inspect (the backend switches it to WAL when it opens it)")
            .arg(setting.actual);
    case PragmaSetting::Why::Failed:
        return ErrorText::reason(setting.error);
    }
    return QString();
}

} // namespace kalito
