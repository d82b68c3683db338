#include "conversationhighlighter.h"

#include "conversationitems.h"
#include "conversationview.h"
#include "messagesmodel.h"

namespace kalito::ui {

namespace {
constexpr int kMaxRangesPerMessage = 500;
}

ConversationHighlighter::ConversationHighlighter(ConversationView *view, MessagesModel *model,
                                                 QObject *parent)
    : QObject(parent), m_view(view), m_model(model)
{
    connect(m_view, &ConversationView::scrolled, this, &ConversationHighlighter::update);
    // After the view has laid the page's rows out.
    connect(m_model, &PagedModel::pageLoaded, this, &ConversationHighlighter::update, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_set.clear();
        m_scrollTo = -1;
    });
    // A message laid out anew (Show all, Show less): its text as shown changed.
    connect(m_view->items(), &ConversationItems::changed, this, &ConversationHighlighter::update,
            Qt::QueuedConnection);
}

void ConversationHighlighter::setNeedle(const QString &needle)
{
    if (needle == m_match.needle())
        return;
    m_match = TextMatch(needle);
    m_scrollTo = -1;
    m_set.clear();
    m_view->clearHighlights();
    update();
}

void ConversationHighlighter::update()
{
    if (m_match.isEmpty())
        return;
    const auto rows = m_view->visibleRows();
    QPair<int, int> scrollTo(-1, 0); // (row, offset) of a revealed hit, scrolled to after the loop
    for (const auto &row : rows) {
        const qint64 id = m_model->messageIdAt(row.first);
        if (id < 0)
            continue;
        const QString text = m_view->displayedText(row.first);
        if (text.isEmpty())
            continue;
        QList<QPair<int, int>> ranges;
        for (const TextRange &r : m_match.findAll(text, kMaxRangesPerMessage))
            ranges << qMakePair(r.start, r.length);
        if (id == m_reveal) {
            m_reveal = -1;
            if (ranges.isEmpty() && m_view->isRowClipped(row.first)) {
                m_view->expandRow(row.first); // laid out off the GUI thread; changed() comes again
                m_scrollTo = id;
                continue;
            }
        }
        if (id == m_scrollTo && !ranges.isEmpty() && m_view->isRowExpanded(row.first)) {
            m_scrollTo = -1;
            scrollTo = {row.first, ranges.first().first};
        }
        const auto it = m_set.constFind(id);
        if (it != m_set.constEnd() && *it == ranges)
            continue;
        m_set.insert(id, ranges);
        m_view->setHighlight(id, ranges);
    }
    if (scrollTo.first >= 0)
        m_view->scrollToText(scrollTo.first,
                             scrollTo.second); // scrolled(): here again, for the rows now shown
}

} // namespace kalito::ui
