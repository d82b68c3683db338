#pragma once

#include "dberror.h"
#include "searchhit.h"
#include "textmatch.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace kalito {

class Database;

// Searching message text, one rowid range at a time. Each call is one short statement that is
// finished before it returns, so a search made of many chunks never holds a read transaction
// between them (see SearchRunner for the driver that schedules the chunks).
//
// Matching is literal: the text is always a bound parameter, and `%`, `_`, `\`, quotes and
// GLOB's `*?[` are escaped. Case is ignored:
// - a needle made only of ASCII uses `LIKE ? ESCAPE '\'` (SQLite folds ASCII case only, which is
//   exact for such a needle and is what the sqlite3 CLI user would run);
// - a needle with non-ASCII characters uses GLOB with each cased letter turned into a class of
//   its lower/upper/title/folded forms (`[éÉ]`), so "émile" finds "ÉMILE" without loading any
//   extension. Not handled: one-to-many folds (ß/SS), Unicode normalisation (é vs e + U+0301).
class MessageSearch
{
public:
    // What one search needs to know about the schema (columns are looked up with table_xinfo;
    // a missing optional column comes back as NULL).
    struct Plan
    {
        DbError error;
        qint64 firstRowid = 0; // messages' rowid range when the search started
        qint64 lastRowid = -1;
        QString sql;                // the chunk statement (a rowid range)
        QString sqlByIds;           // the same for a list of rowids (a search index's candidates)
        QVariantList positionBinds; // bound before the rowid range (where the match is)
        QVariant patternBind;       // the LIKE or GLOB pattern
        TextMatch match;            // the same matching in C++ (where the snippet's match is)
        bool isEmpty() const { return lastRowid < firstRowid; }
    };

    struct Chunk
    {
        bool ran = false; // false when the connection shut down before the chunk ran
        DbError error;
        QList<SearchHit> hits;
        qint64 nextRowid = 0; // where the next chunk starts
        qint64 elapsedUs = 0;
        // A search index's chunk only: the index failed (damaged, busy); the rows were not searched.
        bool indexFailed = false;
        DbError indexError;
    };

    static constexpr int kSnippetBefore = 40; // characters kept before the match
    static constexpr int kSnippetLength = 160;

    static Plan plan(Database &db, const QString &needle);
    // Searches rowids in [from, to]; stops after maxHits hits (nextRowid then follows the last hit).
    static Chunk chunk(Database &db, const Plan &plan, qint64 from, qint64 to, int maxHits);
    // Checks the given rows (ascending rowids, all <= to) against the live text, as chunk() would
    // find them; nextRowid is to + 1 unless maxHits stopped it.
    static Chunk chunkByIds(Database &db, const Plan &plan, const QList<qint64> &rowids, qint64 to,
                            int maxHits);

private:
    static Chunk run(Database &db, const Plan &plan, const QString &sql, const QVariantList &binds,
                     qint64 from, qint64 to, int maxHits);
};

} // namespace kalito
