#pragma once

#include <QString>
#include <QStringList>

namespace kalito::test {

// A lint for one rule of the house: values reach SQL only as bound parameters. It finds every
// QStringLiteral / QLatin1String holding SQL (SELECT, PRAGMA, WHERE, ...) and looks at what is
// glued onto it with .arg(...) or +. Allowed: Database::quoteIdentifier(...) (identifiers),
// QString::number(...) and numeric or string literals. Anything else is reported unless the line
// (or one of the two lines above) carries a "sql-ok:" comment saying why the value is a constant.
// A heuristic over text, not a C++ parser: it cannot see through variables, so the marker is
// where a person states the reason, and review checks the reason.
class SqlSourceScanner
{
public:
    // Findings as "LINE: snippet" for one file's text.
    static QStringList scan(const QString &source);
    // Findings as "FILE:LINE: snippet" for every .cpp/.h under the folders.
    static QStringList scanTree(const QStringList &folders);
};

} // namespace kalito::test
