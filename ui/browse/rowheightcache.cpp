#include "rowheightcache.h"

#include <QtGlobal>

namespace kalito::ui {

RowHeightCache::RowHeightCache(int pageSize, int maxPages)
    : m_pageSize(qMax(1, pageSize)), m_maxPages(qMax(1, maxPages))
{}

int RowHeightCache::height(int row) const
{
    if (row < 0)
        return -1;
    const auto it = m_pages.constFind(row / m_pageSize);
    if (it == m_pages.constEnd())
        return -1;
    it->used = ++m_clock;
    return it->heights.at(row % m_pageSize);
}

void RowHeightCache::setHeight(int row, int height)
{
    if (row < 0 || height < 0)
        return;
    const int page = row / m_pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        Page p;
        p.heights = QList<int>(m_pageSize, -1);
        it = m_pages.insert(page, p);
    }
    it->used = ++m_clock;
    int &slot = it->heights[row % m_pageSize];
    if (slot < 0) {
        m_sum += height;
        ++m_measured;
    }
    slot = height;
    evict();
}

void RowHeightCache::forget(int row)
{
    if (row < 0)
        return;
    const auto it = m_pages.find(row / m_pageSize);
    if (it != m_pages.end())
        it->heights[row % m_pageSize] = -1;
}

void RowHeightCache::dropPage(int page)
{
    m_pages.remove(page);
}

void RowHeightCache::clear()
{
    m_pages.clear();
    m_sum = 0;
    m_measured = 0;
}

bool RowHeightCache::setWidth(int width)
{
    if (width == m_width)
        return false;
    m_width = width;
    clear();
    return true;
}

int RowHeightCache::estimate(int fallback) const
{
    return m_measured > 0 ? int(m_sum / m_measured) : fallback;
}

void RowHeightCache::evict()
{
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->used < oldest->used)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

} // namespace kalito::ui
