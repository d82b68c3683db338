#include "pagedmodel.h"
#include "whenfinished.h"

#include "browse/keysetpager.h"
#include "connection.h"

namespace kalito::ui {

PagedModel::PagedModel(Connection *connection, QObject *parent)
    : QAbstractTableModel(parent), m_connection(connection)
{
    // Only requests slower than this show the busy indicator; fast pages never flicker it.
    m_busyTimer.setSingleShot(true);
    m_busyTimer.setInterval(150);
    connect(&m_busyTimer, &QTimer::timeout, this, [this] {
        if (m_requests > 0 && !m_busy) {
            m_busy = true;
            emit busyChanged(true);
        }
    });
}

int PagedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
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
    ++m_generation;
    m_spec = KeysetSpec();
    m_rows = 0;
    m_count = -1;
    m_awaitingCount = false;
    m_pages.clear();
    m_stale.clear();
    m_anchors.clear();
    m_inflight.clear();
    endResetModel();
}

void PagedModel::setSpec(const KeysetSpec &spec)
{
    clear();
    m_spec = spec;
    if (!m_spec.isValid())
        return;
    fetchPage(0);
    // Queued behind the first page on the one connection: rows show first, the count follows.
    requestCount();
}

void PagedModel::refresh()
{
    if (!m_spec.isValid())
        return;
    ++m_generation;
    m_inflight.clear();
    // Keep showing what we have; keys may have shifted (rows inserted or re-sorted), so forget
    // the anchors and plan pages again once the fresh count is known.
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        m_stale.insert(it.key(), it.value());
    m_pages.clear();
    m_anchors.clear();
    m_awaitingCount = true;
    requestCount();
}

void PagedModel::requestCount()
{
    const quint64 generation = m_generation;
    const KeysetSpec spec = m_spec;
    beginRequest();
    whenFinished(this, m_connection->run([spec](Database &db) {
        DbError error;
        const qint64 n = KeysetPager::count(db, spec, &error);
        return qMakePair(n, error.isError() ? error.toString() : QString());
    }),
                 [this, generation](const QPair<qint64, QString> &r) {
                     endRequest();
                     onCount(generation, r.first, r.second);
                 });
}

void PagedModel::onCount(quint64 generation, qint64 count, const QString &error)
{
    if (generation != m_generation)
        return;
    if (!error.isEmpty() || count < 0) {
        m_awaitingCount = false;
        emit failed(error);
        return;
    }
    m_count = count;
    setRows(int(qMin<qint64>(count, std::numeric_limits<int>::max())));
    emit countChanged(count);
    if (m_awaitingCount) {
        m_awaitingCount = false;
        // The view asks again for what it shows; only those pages are fetched.
        if (m_rows > 0)
            emit dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1));
    }
}

void PagedModel::setRows(int rows)
{
    if (rows > m_rows) {
        beginInsertRows(QModelIndex(), m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows(QModelIndex(), rows, m_rows - 1);
        m_rows = rows;
        const int firstGone = rows / m_pageSize + (rows % m_pageSize ? 1 : 0);
        for (QHash<int, Page> *h : {&m_pages, &m_stale}) {
            for (auto it = h->begin(); it != h->end();) {
                if (it.key() >= firstGone)
                    it = h->erase(it);
                else
                    ++it;
            }
        }
        endRemoveRows();
    }
}

void PagedModel::fetchRow(int row)
{
    if (row >= 0)
        fetchPage(row / m_pageSize);
}

void PagedModel::fetchPage(int page)
{
    if (!m_spec.isValid() || m_pages.contains(page) || m_inflight.contains(page) || m_awaitingCount)
        return;
    const int P = m_pageSize;
    const KeysetSpec spec = m_spec;
    // Plan on this thread from what is known; the connection thread only runs the statements.
    enum class Plan { First, From, After, Before, Last, Seek } plan;
    QVariantList key;
    int limit = P;
    bool forward = true;
    qint64 distance = 0;
    const int lastPage = m_count > 0 ? int((m_count - 1) / P) : -1;
    if (page == 0) {
        plan = Plan::First;
    } else if (m_anchors.contains(page)) {
        plan = Plan::From;
        key = m_anchors.value(page);
    } else if (m_pages.contains(page - 1) && m_pages.value(page - 1).keys.size() == P) {
        plan = Plan::After;
        key = m_pages.value(page - 1).keys.last();
    } else if (m_anchors.contains(page + 1)) {
        plan = Plan::Before;
        key = m_anchors.value(page + 1);
    } else if (m_count >= 0 && page == lastPage) {
        plan = Plan::Last;
        limit = int(m_count - qint64(page) * P);
    } else if (m_count >= 0 && page < lastPage) {
        // A jump far from any page seen: walk the keys from the nearest known anchor or the end.
        plan = Plan::Seek;
        auto below = m_anchors.lowerBound(page);
        const qint64 fromStart = qint64(page) * P;
        qint64 bestForward = fromStart;
        QVariantList forwardFrom;
        if (below != m_anchors.begin()) {
            --below;
            bestForward = qint64(page - below.key()) * P;
            forwardFrom = below.value();
        }
        auto above = m_anchors.upperBound(page);
        qint64 bestBackward = m_count - fromStart;
        QVariantList backwardFrom;
        if (above != m_anchors.end()) {
            bestBackward = qint64(above.key() - page) * P;
            backwardFrom = above.value();
        }
        forward = bestForward <= bestBackward;
        distance = forward ? bestForward : bestBackward;
        key = forward ? forwardFrom : backwardFrom;
    } else {
        return; // beyond what is known to exist; the count will tell
    }
    m_inflight.insert(page);
    const quint64 generation = m_generation;
    beginRequest();
    whenFinished(this, m_connection->run([spec, plan, key, limit, forward, distance](Database &db) {
        switch (plan) {
        case Plan::First:
            return KeysetPager::first(db, spec, limit);
        case Plan::From:
            return KeysetPager::after(db, spec, key, limit, true);
        case Plan::After:
            return KeysetPager::after(db, spec, key, limit);
        case Plan::Before:
            return KeysetPager::before(db, spec, key, limit);
        case Plan::Last:
            return KeysetPager::last(db, spec, limit);
        case Plan::Seek:
            break;
        }
        RowPage seekFailed;
        const QVariantList start = KeysetPager::seek(db, spec, key, forward, distance, &seekFailed.error);
        if (seekFailed.error.isError() || start.isEmpty())
            return seekFailed;
        return KeysetPager::after(db, spec, start, limit, true);
    }),
                 [this, generation, page](const RowPage &r) {
                     endRequest();
                     onPage(generation, page, r);
                 });
}

void PagedModel::onPage(quint64 generation, int page, const RowPage &result)
{
    if (generation != m_generation)
        return;
    m_inflight.remove(page);
    if (!result.ok()) {
        emit failed(result.error.toString());
        return;
    }
    const int first = page * m_pageSize;
    Page p;
    p.rows = result.rows;
    p.keys = result.keys;
    p.used = ++m_clock;
    m_pages.insert(page, p);
    m_stale.remove(page);
    if (!p.keys.isEmpty())
        m_anchors.insert(page, p.keys.first());
    if (m_count < 0 && first + result.size() > m_rows)
        setRows(first + result.size());
    evict();
    const int last = qMin(first + result.size(), m_rows) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
    pageArrived(first, result);
    emit pageLoaded(first, last);
}

void PagedModel::pageArrived(int, const RowPage &) {}

void PagedModel::evict()
{
    while (m_pages.size() + m_stale.size() > m_maxPages) {
        // Stale rows go first, then the least recently used page.
        QHash<int, Page> &from = m_stale.isEmpty() ? m_pages : m_stale;
        auto oldest = from.begin();
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (it.value().used < oldest.value().used)
                oldest = it;
        }
        from.erase(oldest);
    }
}

const PagedModel::Page *PagedModel::pageFor(int row, int *offset, bool *stale) const
{
    const int page = row / m_pageSize;
    *offset = row - page * m_pageSize;
    auto it = m_pages.constFind(page);
    *stale = false;
    if (it == m_pages.constEnd()) {
        it = m_stale.constFind(page);
        if (it == m_stale.constEnd())
            return nullptr;
        *stale = true;
    }
    it.value().used = ++m_clock;
    return &it.value();
}

const QVariantList *PagedModel::cachedRow(int row) const
{
    // Callers pass a view's current row, which is -1 after a reload: nothing there.
    if (row < 0 || row >= rowCount())
        return nullptr;
    int offset = 0;
    bool stale = false;
    const Page *p = pageFor(row, &offset, &stale);
    if (!p || offset >= p->rows.size())
        return nullptr;
    return &p->rows.at(offset);
}

QVariantList PagedModel::keyOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return QVariantList();
    int offset = 0;
    bool stale = false;
    const Page *p = pageFor(row, &offset, &stale);
    return p && offset < p->keys.size() ? p->keys.at(offset) : QVariantList();
}

int PagedModel::findCachedRow(const QVariant &id) const
{
    for (const QHash<int, Page> *h : {&m_pages, &m_stale}) {
        for (auto it = h->cbegin(); it != h->cend(); ++it) {
            for (int i = 0; i < it.value().keys.size(); ++i) {
                if (it.value().keys.at(i).last() == id) {
                    const int row = it.key() * m_pageSize + i;
                    if (row < m_rows)
                        return row;
                }
            }
        }
    }
    return -1;
}

QVariant PagedModel::placeholder(int column, int role) const
{
    if (role == Qt::DisplayRole && column == 0)
        return tr("…");
    return QVariant();
}

QVariant PagedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    int offset = 0;
    bool stale = false;
    const Page *p = pageFor(index.row(), &offset, &stale);
    if (!p || stale) {
        // Asked for by the view: fetch it. data() is const for Qt, the cache is not.
        const_cast<PagedModel *>(this)->fetchRow(index.row());
    }
    if (p && offset < p->rows.size())
        return rowData(p->rows.at(offset), index.column(), role);
    return placeholder(index.column(), role);
}

} // namespace kalito::ui
