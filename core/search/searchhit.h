#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace kalito {

// One message whose text contains the searched string.
struct SearchHit
{
    qint64 messageId = 0;
    qint64 rowid = 0; // where the search had got to with this hit
    QString sessionId;
    QString sessionName;
    QString role;
    QString createdAt;
    // A single line of text around the first match (newlines and tabs turned into spaces), with
    // "…" where it was cut; matchStart/matchLength locate the match inside it (-1 when unknown).
    QString snippet;
    int matchStart = -1;
    int matchLength = 0;
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::SearchHit)
