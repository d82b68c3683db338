#pragma once

#include "dberror.h"

#include <QList>
#include <QString>

namespace kalito {

// One connection setting as the backend sets it, and what the connection reads back.
struct PragmaSetting
{
    // Why actual differs from expected (worded by OpenText::pragmaReason).
    enum class Why {
        None,                // it took (or nobody knows why not)
        KeptOwnValue,        // setting it raised no error, SQLite kept its value
        KeptJournalMode,     // likewise for journal_mode
        ReadOnlyJournal,     // opened read-only: the journal mode stays as the file has it
        JournalNotConverted, // the file uses another journal; the inspector does not convert it
        Failed,              // setting or reading it failed: error
    };

    QString name;     // "journal_mode"
    QString expected; // "wal"
    QString actual;   // what PRAGMA name returned after setting it
    Why why = Why::None;
    DbError error; // Failed: what failed

    bool took() const { return actual == expected; }
    // The reason as a code for the log ("kept-own-value"; the error's own text when it failed):
    // the log is written in one language whatever the window's, and OpenText words it for people.
    QString whyCode() const;
    // The values as people read them: "NORMAL (1)" rather than "1" (see describe()).
    QString actualText(qint64 pageSize = 0) const { return describe(name, actual, pageSize); }
    QString expectedText(qint64 pageSize = 0) const { return describe(name, expected, pageSize); }

    // A pragma's value with its meaning, in the one place the window, the diagnostics dock and
    // `kalito-inspector status` all take it from. Values it does not know are returned unchanged.
    // With the page size, a cache_size in pages also says how much memory that is.
    static QString describe(const QString &name, const QString &value, qint64 pageSize = 0);
};

using PragmaSettings = QList<PragmaSetting>;

} // namespace kalito
