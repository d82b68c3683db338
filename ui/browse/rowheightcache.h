#pragma once

#include <QHash>
#include <QList>

namespace kalito::ui {

// Measured heights of a long list's rows, kept per page of rows (the model's pages) and bounded:
// however many rows the list has, at most maxPages() pages of heights are held, the least
// recently used dropped first. A row never measured (or dropped) has no height: the view uses
// estimate() for it until it is laid out. Heights depend on the width they were measured at:
// setWidth() with another width forgets them all.
class RowHeightCache
{
public:
    explicit RowHeightCache(int pageSize = 200, int maxPages = 24);

    // -1 when not measured at the current width.
    int height(int row) const;
    void setHeight(int row, int height);
    // A changed row (its text, its expansion): measured again when next shown.
    void forget(int row);
    void dropPage(int page);
    void clear();
    // Returns true when the width changed (and everything was forgotten).
    bool setWidth(int width);
    int width() const { return m_width; }
    // The mean of the heights measured so far, or the fallback before any.
    int estimate(int fallback) const;
    int pageSize() const { return m_pageSize; }
    int maxPages() const { return m_maxPages; }
    int cachedPages() const { return int(m_pages.size()); }

private:
    struct Page
    {
        QList<int> heights; // -1 = not measured
        mutable quint64 used = 0;
    };
    void evict();

    int m_pageSize;
    int m_maxPages;
    int m_width = -1;
    QHash<int, Page> m_pages;
    mutable quint64 m_clock = 0;
    qint64 m_sum = 0; // of all heights ever measured at this width (the estimate outlives evictions)
    qint64 m_measured = 0;
};

} // namespace kalito::ui
