#pragma once

#include <QString>
#include <QVariant>

namespace kalito {

// A semantic pin or a conversation summary of a session.
struct SessionNote
{
    enum class Kind { Pin, Summary };
    Kind kind = Kind::Pin;
    QString id;
    QString text;
    QString sourceMessageId; // pin: source_message_id; summary: start_message_id
    QString endMessageId;    // summaries only
    QVariant importance;
    QString createdAt;
    QString label;            // pins: pin type and urgency, as stored
    qint64 messageCount = -1; // summaries: how many messages it sums up (-1: not stored); worded by the view
};

} // namespace kalito
