#pragma once

#include "browse/keysetspec.h"
#include "browse/listcounter.h"
#include "browse/pagecache.h"
#include "browse/pageplan.h"
#include "browse/rowpage.h"
#include "latestreply.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kalito {
class Connection;
}

namespace kalito::ui {

// A table model over a KeysetSpec that fetches pages on demand through the Connection and keeps
// them in a bounded PageCache (core/browse): however far the user scrolls, at most
// maxCachedPages() pages of rows are held, plus one key per visited page as an anchor. Rows are shown before
// they are counted; the count arrives separately and grows the model. Which pager call fetches a page is
// PagePlan's decision (core, unit-tested there): the model plans from what it knows and runs the
// plan through the connection.
class PagedModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PagedModel(Connection *connection, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Where a new query starts: at its first page (the count follows), or at its last page, which
    // is counted and fetched in one read (a conversation opens at its newest message).
    enum class Start { First, Last };
    // Starts over on a new query.
    // With Start::Last, a countHint >= 0 (a count known already) places the newest rows at once;
    // the model then recounts, as after another process's write, and moves them if it was off.
    void setSpec(const KeysetSpec &spec, Start start = Start::First, qint64 countHint = -1);
    // Where the current query started (read by views when the model resets).
    Start start() const { return m_start; }
    void clear();
    const KeysetSpec &spec() const { return m_spec; }
    // Another process wrote: recount, then refetch what is shown; rows keep their places.
    void refresh();

    // Requests the page holding `row` unless it is cached or on its way.
    void fetchRow(int row);
    void fetchPage(int page);
    // Row values, or nullptr when the page is not (yet) cached.
    const QVariantList *cachedRow(int row) const;
    QVariantList keyOf(int row) const;
    // Index of a cached row whose key's last part (the id) equals id, or -1.
    int findCachedRow(const QVariant &id) const;
    // Index of a cached row whose value at `field` (select order) equals value, or -1.
    int findCachedRowWithValue(int field, const QVariant &value) const;
    // The last row whose values are held (fresh or stale), or -1: where a view that follows the
    // newest rows stays while the rows after it are on their way.
    int lastCachedRow() const;

    qint64 knownCount() const { return m_count; }
    // How long the last count statement of this query ran (0 before the first).
    qint64 lastCountUs() const { return m_counter.lastCountUs(); }
    // For tests: ListCounter::setThrottle.
    void setCountThrottle(qint64 cheapCountMs, qint64 dutyFactor)
    {
        m_counter.setThrottle(cheapCountMs, dutyFactor);
    }
    bool isBusy() const { return m_busy; }
    // Why rows of this query were read from the table instead of through an index (the file is
    // damaged, PageCheck); the views word it with ErrorText. No error while nothing is wrong.
    const DbError &damage() const { return m_damage; }
    int pageSize() const { return m_cache.pageSize(); }
    void setPageSize(int rows) { m_cache.setPageSize(rows); }
    int maxCachedPages() const { return m_cache.maxPages(); }
    void setMaxCachedPages(int pages) { m_cache.setMaxPages(pages); }
    int cachedPages() const { return m_cache.pageCount(); }
    int anchorCount() const { return int(m_cache.anchors().size()); }

signals:
    void busyChanged(bool busy);
    void pageLoaded(int firstRow, int lastRow);
    void countChanged(qint64 count);
    // A count of a whole large table is under way: an estimate to show, marked as such, until
    // countChanged() brings the exact count; `how` says where it came from.
    void countEstimated(qint64 rows, const QString &how);
    // A count or a page failed, or a page was read around damage; the views word it (ErrorText).
    // An error of kind None (a count that gave no number) clears what they show.
    void failed(const kalito::DbError &error);

protected:
    virtual QVariant rowData(const QVariantList &row, int column, int role) const = 0;
    virtual QVariant placeholder(int column, int role) const;
    // A page arrived (after the model was updated); subclasses fetch what hangs on its rows.
    virtual void pageArrived(int firstRow, const RowPage &page);
    Connection *connection() const { return m_connection; }
    // The current query's ticket (a new one at every clear() and setSpec()): a subclass's requests
    // about this query's rows run under its token, and their replies count while it is current.
    const LatestReply::Ticket &query() const { return m_query; }
    // Runs before/after a request so that the busy indicator knows about subclass requests too.
    void beginRequest();
    void endRequest();

private:
    struct PageReply
    {
        RowPage page;
        bool skipped = false;   // not run: the view had moved on (see fetchPage)
        bool rechecked = false; // read by PageCheck
    };
    // A far jump is skipped when the view asked for more than this many pages after it.
    static constexpr quint64 kSkipAfterNewer = 3;
    void runPlan(const PagePlan &plan);
    void onPage(const LatestReply::Ticket &query, quint64 refreshes, int page, const PageReply &reply);
    void onCount(const ListCounter::Reply &reply);
    void setRows(int rows);
    // A page holding fewer rows than the count says is read again by PageCheck, never left blank.
    bool isShort(int page, int rows, qint64 count) const;
    void recheck(int page);

    Connection *m_connection;
    KeysetSpec m_spec;
    Start m_start = Start::First;
    bool m_verifyHint = false;          // the last page was placed by a count hint: recount once it shows
    LatestReply m_latest{m_connection}; // a new query (clear()): the old one's requests stop, replies drop
    LatestReply::Ticket m_query;        // the current query's: its requests run under its token
    quint64 m_refreshes = 0;            // refresh() calls: replies planned before the last one are stale
    std::shared_ptr<std::atomic<quint64>> m_requestSerial = std::make_shared<std::atomic<quint64>>(0);
    qint64 m_count = -1;
    ListCounter m_counter{m_connection}; // counts the list, one count at a time, throttled
    PageCache m_cache; // the rows held, fresh and stale, their anchors and the list's row count
    QSet<int> m_inflight;
    QSet<int> m_recheck; // pages to read through PageCheck (they came back short)
    DbError m_damage;
    int m_requests = 0;
    bool m_busy = false;
    QTimer m_busyTimer;
};

} // namespace kalito::ui
