#pragma once

#include <QList>
#include <QString>

namespace kalito {

// One connection setting as the backend sets it, and what the connection reads back.
struct PragmaSetting
{
    QString name;     // "journal_mode"
    QString expected; // "wal"
    QString actual;   // what PRAGMA name returned after setting it
    QString reason;   // why actual differs from expected (empty when it took)

    bool took() const { return actual == expected; }
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
