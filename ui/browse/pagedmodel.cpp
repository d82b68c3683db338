#include "pagedmodel.h"
#include "whenfinished.h"

#include "browse/keysetpager.h"
#include "browse/pagecheck.h"
#include "browse/steppedcount.h"
#include "connection.h"
#include "counttext.h"

#include <limits>
#include <utility>

namespace kalito::ui {

PagedModel::PagedModel(Connection *connection, QObject *parent)
    : QAbstractTableModel(parent), m_connection(connection)
{
    // Only requests slower than this show the busy indicator; fast pages never flicker it.
    m_busyTimer.setSingleShot(true);
    m_busyTimer.setInterval(150);
    connect(&m_counter, &ListCounter::due, this, &PagedModel::refresh);
    connect(&m_counter, &ListCounter::counted, this, &PagedModel::onCount);
    connect(&m_counter, &ListCounter::requestStarted, this, &PagedModel::beginRequest);
    connect(&m_counter, &ListCounter::requestEnded, this, &PagedModel::endRequest);
    connect(&m_counter, &ListCounter::progress, this, [this](const SteppedCount::State &s) {
        // Only before a first count, and only of the whole table (a filter's rows are unknown).
        if (m_count < 0 && m_spec.where.isEmpty() && !CountText::estimateOf(s).isEmpty())
            emit countEstimated(s.estimate, CountText::estimateToolTip(s.estimateSource));
    });
    connect(&m_busyTimer, &QTimer::timeout, this, [this] {
        if (m_requests > 0 && !m_busy) {
            m_busy = true;
            emit busyChanged(true);
        }
    });
}

int PagedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_cache.rows();
}

void PagedModel::beginRequest()
{
    if (m_requests++ == 0)
        m_busyTimer.start();
}

void PagedModel::endRequest()
{
    if (--m_requests > 0)
        return;
    m_requests = 0;
    m_busyTimer.stop();
    if (m_busy) {
        m_busy = false;
        emit busyChanged(false);
    }
}

void PagedModel::clear()
{
    beginResetModel();
    m_query = m_latest.next(); // the old query's requests stop at their running statement
    m_spec = KeysetSpec();
    m_cache.clear();
    m_count = -1;
    m_counter.reset();
    m_inflight.clear();
    m_recheck.clear();
    m_damage = DbError();
    m_verifyHint = false;
    endResetModel();
}

void PagedModel::setSpec(const KeysetSpec &spec, Start start, qint64 countHint)
{
    m_start = start; // before the reset: views read it then
    clear();
    m_spec = spec;
    if (!m_spec.isValid())
        return;
    if (start == Start::Last) {
        // The count and the newest rows in one read; no first page that nobody looks at, and no
        // count queued behind background work.
        runPlan(PagePlan::lastUncounted(pageSize(), countHint));
        m_verifyHint = countHint >= 0;
        return;
    }
    fetchPage(0);
    // Queued behind the first page on the one connection: rows show first, the count follows.
    m_counter.count(m_spec, m_query);
}

void PagedModel::refresh()
{
    if (!m_spec.isValid())
        return;
    // A slow count is not run after every write (ListCounter's throttle): it calls again when due.
    if (!m_counter.mayRecount())
        return;
    // Keep showing what we have; keys may have shifted (rows inserted or re-sorted), so forget
    // the anchors and plan pages again once the fresh count is known. Pages on their way stay
    // wanted: they arrive as stale rows, shown until fetched again, never as empty "…" rows.
    ++m_refreshes;
    m_cache.makeStale();
    m_counter.recount(m_spec, m_query); // one at a time: one asked for meanwhile follows it
}

void PagedModel::onCount(const ListCounter::Reply &reply)
{
    if (reply.error.isError() || reply.count < 0) {
        emit failed(reply.error);
        return;
    }
    const qint64 count = reply.count;
    m_count = count;
    setRows(int(qMin<qint64>(count, std::numeric_limits<int>::max())));
    emit countChanged(count);
    // The first page comes before the count: one that the count says is short is read again.
    QList<int> shortPages;
    for (int page : m_cache.freshPages()) {
        if (isShort(page, int(m_cache.fresh(page)->rows.size()), count))
            shortPages << page;
    }
    for (int page : std::as_const(shortPages))
        recheck(page);
    if (reply.recount) {
        // The view asks again for what it shows; only those pages are fetched.
        if (m_cache.rows() > 0)
            emit dataChanged(index(0, 0), index(m_cache.rows() - 1, columnCount() - 1));
        // Another write came while this count ran: count again (pages asked for meanwhile still
        // arrive, and show as stale rows until fetched once more).
        if (reply.again)
            refresh();
    }
}

void PagedModel::setRows(int rows)
{
    const int now = m_cache.rows();
    if (rows > now) {
        beginInsertRows(QModelIndex(), now, rows - 1);
        m_cache.setRows(rows);
        endInsertRows();
    } else if (rows < now) {
        beginRemoveRows(QModelIndex(), rows, now - 1);
        m_cache.setRows(rows); // and the pages past the new end go
        endRemoveRows();
    }
}

void PagedModel::fetchRow(int row)
{
    if (row >= 0)
        fetchPage(row / pageSize());
}

void PagedModel::fetchPage(int page)
{
    if (!m_spec.isValid() || m_cache.hasFresh(page) || m_inflight.contains(page) || m_counter.isRecounting())
        return;
    // Planned on this thread from what is known; the connection thread only runs the statements.
    const PageCache::Page *previous = m_cache.fresh(page - 1);
    const QVariantList previousLast =
        previous && previous->keys.size() == pageSize() ? previous->keys.last() : QVariantList();
    const PagePlan plan = PagePlan::make(page, pageSize(), m_count, m_cache.anchors(), previousLast);
    if (!plan.isValid())
        return; // beyond what is known to exist; the count will tell
    runPlan(plan);
}

void PagedModel::runPlan(const PagePlan &plan)
{
    const int page = plan.page; // -1: the last page, whichever it is when the plan runs
    m_inflight.insert(page);
    const LatestReply::Ticket query = m_query;
    const quint64 refreshes = m_refreshes;
    const quint64 serial = ++*m_requestSerial;
    const bool check = m_recheck.contains(page);
    beginRequest();
    auto work = [spec = m_spec, plan, serial, check, latest = m_requestSerial](Database &db) {
        // A far jump is the one costly plan; when the view has asked for several other pages
        // since (the user kept scrolling), it is no longer on screen: skip it rather than make
        // the pages that are wait behind it. Asked for again, it runs.
        PageReply reply;
        if (plan.kind == PagePlan::Kind::Seek && latest->load() - serial > kSkipAfterNewer) {
            reply.skipped = true;
            return reply;
        }
        reply.rechecked = check;
        reply.page = check ? PageCheck::recheck(db, spec, plan) : plan.run(db, spec);
        return reply;
    };
    whenFinished(this, m_connection->run(work, Connection::Priority::Interactive, query.token()),
                 [this, query, refreshes, page](const PageReply &r) {
                     endRequest();
                     onPage(query, refreshes, page, r);
                 });
}

void PagedModel::onPage(const LatestReply::Ticket &query, quint64 refreshes, int page, const PageReply &reply)
{
    if (!query.isCurrent())
        return;
    m_inflight.remove(page);
    if (reply.skipped) {
        // Ask the view again: if the page is on screen it is fetched now, else nothing happens.
        const int first = page * pageSize();
        const int last = qMin(first + pageSize(), m_cache.rows()) - 1;
        if (last >= first)
            emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        return;
    }
    const RowPage &result = reply.page;
    if (!result.ok()) {
        emit failed(result.error);
        return;
    }
    if (page < 0) // the last page: which one it is, the count read with it tells
        page = PagePlan::lastPageOf(result.count, pageSize());
    // A page placed by a count hint is short when the hint was high (rows deleted since): that says
    // nothing of damage, and the recount that follows checks the pages against the real count.
    if (!reply.rechecked && !m_verifyHint && refreshes == m_refreshes && m_spec.canReadAlone() &&
        isShort(page, result.size(), result.count >= 0 ? result.count : m_count)) {
        recheck(page);
        return;
    }
    if (result.damage.isError()) {
        m_damage = result.damage;
        emit failed(m_damage);
    }
    const int first = page * pageSize();
    // Planned before another process wrote: right rows, perhaps not at these places; stale, shown
    // until the page is fetched again.
    m_cache.store(page, result.rows, result.keys, refreshes == m_refreshes);
    if (result.count >= 0 && result.count != m_count && refreshes == m_refreshes) {
        // The plan counted again in the snapshot it read: the list as it is now. (After the page
        // is stored: views told of the new rows find them there instead of asking again.)
        m_count = result.count;
        setRows(int(qMin<qint64>(result.count, std::numeric_limits<int>::max())));
        emit countChanged(result.count);
    }
    if (m_count < 0 && first + result.size() > m_cache.rows())
        setRows(first + result.size());
    m_cache.evict();
    const int last = qMin(first + result.size(), m_cache.rows()) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
    pageArrived(first, result);
    emit pageLoaded(first, last);
    if (std::exchange(m_verifyHint, false))
        refresh(); // the hint placed these rows: count now, and move them if it was off
}

void PagedModel::pageArrived(int, const RowPage &) {}

bool PagedModel::isShort(int page, int rows, qint64 count) const
{
    return rows < PageCheck::expectedRows(page, pageSize(), count);
}

void PagedModel::recheck(int page)
{
    if (!m_spec.canReadAlone())
        return;
    m_recheck.insert(page);
    m_cache.remove(page);
    fetchPage(page);
}

const QVariantList *PagedModel::cachedRow(int row) const
{
    return m_cache.row(row);
}

QVariantList PagedModel::keyOf(int row) const
{
    return m_cache.keyOf(row);
}

int PagedModel::findCachedRow(const QVariant &id) const
{
    return m_cache.findRow(id);
}

int PagedModel::findCachedRowWithValue(int field, const QVariant &value) const
{
    return m_cache.findRowWithValue(field, value);
}

int PagedModel::lastCachedRow() const
{
    return m_cache.lastRow();
}

QVariant PagedModel::placeholder(int column, int role) const
{
    if (role == Qt::DisplayRole && column == 0)
        return tr("…");
    return QVariant();
}

QVariant PagedModel::data(const QModelIndex &index, int role) const
{
    // An invalid index gets nothing, quietly: Qt 6.4's item view asks for one when Ctrl+C is
    // pressed with no current row (an empty session's grid). Any other bad index warns.
    if (!index.isValid())
        return QVariant();
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    int offset = 0;
    bool stale = false;
    const PageCache::Page *p = m_cache.pageFor(index.row(), &offset, &stale);
    if (!p || stale) {
        // Asked for by the view: fetch it. data() is const for Qt, the cache is not.
        const_cast<PagedModel *>(this)->fetchRow(index.row());
    }
    if (p && offset < p->rows.size())
        return rowData(p->rows.at(offset), index.column(), role);
    return placeholder(index.column(), role);
}

} // namespace kalito::ui
