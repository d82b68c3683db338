#include "browse/pagecache.h"

namespace kalito {

void PageCache::setRows(int rows)
{
    if (rows < m_rows) {
        const int firstGone = rows / m_pageSize + (rows % m_pageSize ? 1 : 0);
        for (QHash<int, Page> *h : {&m_pages, &m_stale}) {
            for (auto it = h->begin(); it != h->end();) {
                if (it.key() >= firstGone)
                    it = h->erase(it);
                else
                    ++it;
            }
        }
    }
    m_rows = qMax(0, rows);
}

void PageCache::clear()
{
    m_pages.clear();
    m_stale.clear();
    m_anchors.clear();
    m_rows = 0;
}

void PageCache::makeStale()
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        m_stale.insert(it.key(), it.value());
    m_pages.clear();
    m_anchors.clear();
}

void PageCache::store(int page, const QList<QVariantList> &rows, const QList<QVariantList> &keys, bool fresh)
{
    Page p;
    p.rows = rows;
    p.keys = keys;
    p.used = ++m_clock;
    if (!fresh) {
        if (!m_pages.contains(page))
            m_stale.insert(page, p);
        return;
    }
    m_pages.insert(page, p);
    m_stale.remove(page);
    if (!p.keys.isEmpty())
        m_anchors.insert(page, p.keys.first());
}

void PageCache::evict()
{
    while (m_pages.size() + m_stale.size() > m_maxPages) {
        QHash<int, Page> &from = m_stale.isEmpty() ? m_pages : m_stale;
        auto oldest = from.begin();
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (it.value().used < oldest.value().used)
                oldest = it;
        }
        from.erase(oldest);
    }
}

const PageCache::Page *PageCache::fresh(int page) const
{
    const auto it = m_pages.constFind(page);
    return it == m_pages.constEnd() ? nullptr : &it.value();
}

const PageCache::Page *PageCache::pageFor(int row, int *offset, bool *stale) const
{
    *offset = 0;
    *stale = false;
    if (row < 0 || row >= m_rows)
        return nullptr;
    const int page = row / m_pageSize;
    *offset = row - page * m_pageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        it = m_stale.constFind(page);
        if (it == m_stale.constEnd())
            return nullptr;
        *stale = true;
    }
    it.value().used = ++m_clock;
    return &it.value();
}

const QVariantList *PageCache::row(int row) const
{
    int offset = 0;
    bool stale = false;
    const Page *p = pageFor(row, &offset, &stale);
    return p && offset < p->rows.size() ? &p->rows.at(offset) : nullptr;
}

QVariantList PageCache::keyOf(int row) const
{
    int offset = 0;
    bool stale = false;
    const Page *p = pageFor(row, &offset, &stale);
    return p && offset < p->keys.size() ? p->keys.at(offset) : QVariantList();
}

int PageCache::findRow(const QVariant &id) const
{
    for (const QHash<int, Page> *h : {&m_pages, &m_stale}) {
        for (auto it = h->cbegin(); it != h->cend(); ++it) {
            for (int i = 0; i < it.value().keys.size(); ++i) {
                const int row = it.key() * m_pageSize + i;
                if (it.value().keys.at(i).last() == id && row < m_rows)
                    return row;
            }
        }
    }
    return -1;
}

int PageCache::findRowWithValue(int field, const QVariant &value) const
{
    for (const QHash<int, Page> *h : {&m_pages, &m_stale}) {
        for (auto it = h->cbegin(); it != h->cend(); ++it) {
            for (int i = 0; i < it.value().rows.size(); ++i) {
                const int row = it.key() * m_pageSize + i;
                if (it.value().rows.at(i).value(field) == value && row < m_rows)
                    return row;
            }
        }
    }
    return -1;
}

int PageCache::lastRow() const
{
    int last = -1;
    for (const QHash<int, Page> *h : {&m_pages, &m_stale}) {
        for (auto it = h->cbegin(); it != h->cend(); ++it) {
            if (!it.value().rows.isEmpty())
                last = qMax(last, it.key() * m_pageSize + int(it.value().rows.size()) - 1);
        }
    }
    return qMin(last, m_rows - 1);
}

} // namespace kalito
