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
};

using PragmaSettings = QList<PragmaSetting>;

} // namespace kalito
