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
    QString label; // pin type and urgency, or the summary's message count
};

} // namespace kalito
