#pragma once

#include "textmatch.h"

#include <QStyledItemDelegate>

namespace kalito::ui {

// A one-line text cell with the found text highlighted (the grid's Text column while a find is
// open or a search result was opened): TextMatch's ranges, bold on the highlight colour, the cell
// scrolled to keep the first one in view. Without a needle it paints as any cell.
class HighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HighlightDelegate(QObject *parent = nullptr);

    void setNeedle(const QString &needle) { m_match = TextMatch(needle); }
    QString needle() const { return m_match.needle(); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    TextMatch m_match;
};

} // namespace kalito::ui
