#pragma once

#include "messagesearch.h"
#include "searchindexinfo.h"

#include <QMetaType>
#include <QString>

namespace kalito {

class Database;

// A message search through the search index (SearchIndexFile): the index gives the rows that hold
// every trigram of the text, and MessageSearch::chunkByIds checks each of them against the live row
// with the very condition of the scan (LIKE or GLOB), so the hits are the scan's hits wherever the
// index is a superset of them. plan() says when it cannot be: no usable index, a text of one or two
// characters (no trigram), a text whose cased forms the tokenizer does not fold together.
class IndexedSearch
{
public:
    enum class Use {
        Scan,             // no index (absent, unavailable): the scan, as without the feature
        Index,            // the index answers rows up to indexedThrough; newer ones are scanned
        ShortText,        // fewer than three characters: a trigram index cannot answer
        TextNotIndexable, // a character the tokenizer does not fold as the search matches it, or NUL
        IndexNotUsable,   // an index exists but is partial, foreign, replaced or damaged
        IndexFailed,      // the index failed during the search: the rest was scanned
    };

    struct Plan
    {
        Use use = Use::Scan;
        SearchIndexInfo info;
        QString match;             // the FTS5 query: every trigram of the text
        qint64 indexedThrough = 0; // rows above it are scanned
    };

    static constexpr int kMinimumCharacters = 3;
    static constexpr int kCandidatesPerChunk = 2000;

    static Plan plan(Database &db, const QString &needle);
    // Rows in [from, to] (to <= indexedThrough): the index's candidates, checked live.
    static MessageSearch::Chunk chunk(Database &db, const MessageSearch::Plan &search, const Plan &plan,
                                      qint64 from, qint64 to, int maxHits);

    // "abc" AND "bcd" AND ...: each trigram a phrase of its own (detail=none keeps no positions).
    static QString matchExpression(const QString &needle);
    // Whether the trigram tokenizer folds every form TextMatch accepts for each character of the
    // needle into one token (asked of the tokenizer itself, in memory): else the index could miss
    // a row the GLOB finds, and the search scans.
    static bool foldsLikeTextMatch(const QString &needle);
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::IndexedSearch::Use)
