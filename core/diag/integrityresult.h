#pragma once

#include "dberror.h"
#include "integrityfinding.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

namespace kalito {

enum class IntegrityKind { Quick, Full, ForeignKeys };

// The outcome of quick_check, integrity_check or foreign_key_check: one finding per line.
struct IntegrityResult
{
    IntegrityKind kind = IntegrityKind::Full;
    bool clean = false;               // ran to the end and found nothing (not "no error": see error)
    QList<IntegrityFinding> problems; // SQLite's multi-line messages are split, a finding a line
    qint64 elapsedMs = 0;
    bool cancelled = false;
    int tablesChecked = 0;
    int tablesTotal = 0;
    bool perTable = false;
    DbError error; // the check could not run (or was interrupted)

    static QString kindName(IntegrityKind kind); // "quick_check", "integrity_check", "foreign_key_check"
    QJsonObject toJson() const;                  // `check --json`: the findings in words (CheckText)
    QString toText() const;                      // `check`: CheckText::result
    QStringList problemTexts() const;            // CheckText::findings(problems)
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::IntegrityResult)
