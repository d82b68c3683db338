#pragma once

#include "browse/keysetspec.h"
#include "browse/messagerecord.h"
#include "browse/schemainfo.h"

namespace kalito {

class Database;

// The transcript of one session, keyset-paged on (created_at, id) so that SQLite walks
// idx_messages_session_created; rows carry a preview of the text, the full text comes by id.
class MessageQuery
{
public:
    enum Field { Id, Role, Preview, Length, ModelId, Tokens, Importance, CreatedAt, NumFields };
    static constexpr int PreviewChars = 400;
    // Characters of the text a page row carries (Preview): what the conversation view shows of a
    // message before "Show all" (the grid shows the first line of it). Length tells whether more.
    static constexpr int ConversationChars = 4000;

    static KeysetSpec spec(const SchemaInfo &schema, const QString &sessionId);
    // Columns of messages the transcript does not know, appended after NumFields.
    static QStringList extraColumns(const SchemaInfo &schema);
    // One message with its full text and every column.
    static MessageRecord record(Database &db, qint64 messageId);
    // Row index of a message within its session's transcript (rows before it), -1 if not there.
    static qint64 position(Database &db, const SchemaInfo &schema, const QString &sessionId, qint64 messageId,
                           DbError *error = nullptr);
};

} // namespace kalito
