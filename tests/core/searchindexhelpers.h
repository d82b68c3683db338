#pragma once

#include "connection.h"
#include "indexedsearch.h"
#include "searchhit.h"
#include "searchindexinfo.h"

#include <QList>
#include <QString>
#include <QStringList>

// What tst_searchindex and tst_searchindexinput share: a database filled with given texts, a
// search run to its end (with or without the index), a build run to its end, a dump of the hits.
namespace kalito::test {

// Replaces the messages with the given texts (one session); returns their ids in order.
QList<qint64> fillMessages(const QString &path, const QStringList &texts);

struct SearchOutcome
{
    QList<SearchHit> hits;
    IndexedSearch::Use use = IndexedSearch::Use::Scan;
    DbError error;
};
SearchOutcome searchAll(Connection &c, const QString &text, bool withIndex);

// Every field the dock shows, one line per hit.
QStringList dump(const QList<SearchHit> &hits);

struct Built
{
    SearchIndexInfo info;
    bool cancelled = false;
    DbError error;
    int progressSignals = 0;
    int steps = 0;
};
// fresh: a new index; update: bring a built one up to date; else build (resuming a partial one).
Built buildIndex(Connection &c, bool fresh = false, bool update = false);
SearchIndexInfo inspectIndex(Connection &c);

} // namespace kalito::test
