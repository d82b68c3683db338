#pragma once

#include "browse/keysetspec.h"
#include "browse/schemainfo.h"
#include "browse/sessionfilter.h"

#include <QHash>

namespace kalito {

class Database;

// The sessions list: a keyset spec over sessions (joined to personas when that table exists),
// and message counts fetched separately so that the list never waits for them.
class SessionQuery
{
public:
    // Fields in select order; extra (unknown) columns of sessions follow NumFields.
    enum Field {
        Id,
        Name,
        PersonaId,
        PersonaName,
        PersonaIcon,
        Model,
        Saved,
        CreatedAt,
        UpdatedAt,
        NumFields
    };

    static KeysetSpec spec(const SchemaInfo &schema, const SessionFilter &filter);
    // Columns appended after NumFields (Kalito's optional and unknown columns that exist).
    static QStringList extraColumns(const SchemaInfo &schema);
    // Message count per session id, for the given sessions only (uses the session index).
    static QHash<QString, qint64> messageCounts(Database &db, const QStringList &sessionIds,
                                                DbError *error = nullptr);
    // The session's name, or empty when it has none (or no longer exists).
    static QString name(Database &db, const SchemaInfo &schema, const QString &sessionId);
    // Personas for the filter: (id, "icon name").
    static QList<QPair<QString, QString>> personas(Database &db, const SchemaInfo &schema);
};

} // namespace kalito
