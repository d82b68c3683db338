#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QVariant>
#include <QVariantList>

namespace kalito {

// The rows of a paged list that a model holds (PagedModel's cache): pages of pageSize() rows,
// fresh ones and stale ones (read before another process wrote: right rows, perhaps not at these
// places, shown until they are read again), and the first key of every page seen, the anchors a
// page plan starts from. At most maxPages() pages are held, however far the person scrolls: stale
// ones go first, then the least recently used. It knows the list's row count (rows()): no row at
// or past it is ever given out, and pages past it are dropped when it shrinks.
class PageCache
{
public:
    struct Page
    {
        QList<QVariantList> rows;
        QList<QVariantList> keys;
        mutable quint64 used = 0;
    };

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    int rows() const { return m_rows; }
    // Grows or shrinks the list; shrinking drops the pages past its end.
    void setRows(int rows);

    // Forgets every page and anchor; the list is empty.
    void clear();
    // Another process wrote: every page is kept as stale, the anchors are forgotten.
    void makeStale();
    // A page read at its place in the current list (fresh: it replaces a stale one and anchors
    // the page), or planned before the last write (stale, unless a fresh one is held).
    void store(int page, const QList<QVariantList> &rows, const QList<QVariantList> &keys, bool fresh);
    // Forgets a fresh page (to read it again).
    void remove(int page) { m_pages.remove(page); }
    // Drops pages beyond maxPages(): stale first, then the least recently used.
    void evict();

    bool hasFresh(int page) const { return m_pages.contains(page); }
    const Page *fresh(int page) const;
    QList<int> freshPages() const { return m_pages.keys(); }
    const QMap<int, QVariantList> &anchors() const { return m_anchors; }
    int pageCount() const { return int(m_pages.size() + m_stale.size()); }

    // The page holding row (fresh, else stale), and the row's place in it; nullptr when none is
    // held or the row is outside the list (a view with no current row asks for -1).
    const Page *pageFor(int row, int *offset, bool *stale) const;
    const QVariantList *row(int row) const;
    QVariantList keyOf(int row) const;
    // A held row whose key's last part (the id) equals id, or -1.
    int findRow(const QVariant &id) const;
    // A held row whose value at field equals value, or -1.
    int findRowWithValue(int field, const QVariant &value) const;
    // The last row held (fresh or stale), or -1.
    int lastRow() const;

private:
    QHash<int, Page> m_pages;
    QHash<int, Page> m_stale;
    QMap<int, QVariantList> m_anchors; // first key of every page seen
    mutable quint64 m_clock = 0;
    int m_rows = 0;
    int m_pageSize = 200;
    int m_maxPages = 12;
};

} // namespace kalito
