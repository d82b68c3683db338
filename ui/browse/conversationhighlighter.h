#pragma once

#include "textmatch.h"

#include <QHash>
#include <QObject>
#include <QPair>

namespace kalito::ui {

class ConversationView;
class MessagesModel;

// Paints a find's (or an opened search result's) text over the messages of the conversation that
// are on screen: TextMatch's ranges in each row's text as shown (ConversationView::displayedText),
// handed to ConversationView::setHighlight. Only the rows in view are matched, again as the view
// scrolls or pages arrive (a few rows of at most a few thousand characters each).
class ConversationHighlighter : public QObject
{
    Q_OBJECT
public:
    ConversationHighlighter(ConversationView *view, MessagesModel *model, QObject *parent = nullptr);

    void setNeedle(const QString &needle);
    QString needle() const { return m_match.needle(); }
    // The ranges set on a message now (tests).
    QList<QPair<int, int>> rangesOf(qint64 messageId) const { return m_set.value(messageId); }
    void update();
    // The message a hit was opened in: when its text as shown (clipped) does not hold the hit, the
    // whole message is laid out ("Show all") and scrolled to the hit, so the hit can be seen.
    void reveal(qint64 messageId)
    {
        m_reveal = messageId;
        m_scrollTo = -1;
    }

private:
    ConversationView *m_view;
    MessagesModel *m_model;
    TextMatch m_match;
    qint64 m_reveal = -1;
    qint64 m_scrollTo = -1; // expanded for a hit past its clip: scrolled to it once laid out
    QHash<qint64, QList<QPair<int, int>>> m_set; // what the view was given, by message
};

} // namespace kalito::ui
