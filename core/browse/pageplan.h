#pragma once

#include "browse/keysetspec.h"
#include "browse/rowpage.h"

#include <QMap>

namespace kalito {

class Database;

// How to fetch page N of a keyset-paged list from what a model knows (the row count, the first
// key of pages seen, the last key of the page before), and running that plan on the connection.
// Plans aimed from the end of the list (the last page, a jump nearer the end than any key seen)
// recount in the same read transaction as they fetch, so rows appended meanwhile never shift the
// page: the rows returned are the ones at positions page*pageSize.. of the list as it is now.
struct PagePlan
{
    enum class Kind { None, First, From, After, Before, Last, Seek };

    Kind kind = Kind::None;
    int page = 0; // -1 with Kind::Last: whichever page is the last when it runs
    int pageSize = 200;
    QVariantList key;      // From/After/Before: the key to start at; Seek: the key to walk from
    bool forward = true;   // Seek: walk forward from key (or the start), else backward from key/the end
    qint64 distance = 0;   // Seek: rows to walk
    qint64 countHint = -1; // Last: a count already known (the sessions list's), so none is taken

    bool isValid() const { return kind != Kind::None; }
    // Aimed at the end of the list: the count is taken again when it runs.
    bool fromEnd() const { return kind == Kind::Last || (kind == Kind::Seek && !forward && key.isEmpty()); }

    // count < 0: not known yet. previousLastKey: the last key of page-1 when that page is cached
    // and full, else empty. Returns an invalid plan when the page cannot exist as far as is known.
    static PagePlan make(int page, int pageSize, qint64 count, const QMap<int, QVariantList> &anchors,
                         const QVariantList &previousLastKey);

    // The last page of a list whose length is not known yet (a session opened at its newest
    // message): counted and fetched in one read transaction; which page it was follows from
    // RowPage::count (lastPageOf). One round trip instead of a count and then the page. With a
    // countHint >= 0 the rows are placed by that count and none is taken (counting a long session
    // cold from disk takes far longer than its newest rows): the caller recounts afterwards.
    static PagePlan lastUncounted(int pageSize, qint64 countHint = -1);
    static int lastPageOf(qint64 count, int pageSize) { return count > 0 ? int((count - 1) / pageSize) : 0; }

    // Runs the plan; RowPage::count is set when the plan counted (fromEnd()).
    RowPage run(Database &db, const KeysetSpec &spec) const;
};

} // namespace kalito
