#pragma once

#include "dberror.h"

#include <QMetaType>
#include <QString>

namespace kalito {

enum class ExportFormat { Markdown, Json, Csv };

// What to export and where. The file is written through QSaveFile: it appears complete or not
// at all (a failed or cancelled export leaves whatever was at the path before).
struct ExportOptions
{
    QString sessionId;
    QString path;
    ExportFormat format = ExportFormat::Json;
    // CSV: no byte-order mark by default (RFC 4180, and what scripts expect); set it for
    // spreadsheet programs that guess a legacy code page without one (Excel on Windows).
    bool csvByteOrderMark = false;
    int pageSize = 500; // messages per request
};

struct ExportResult
{
    DbError error;
    bool cancelled = false;
    qint64 messages = 0;
    qint64 bytes = 0;
    QString path;

    bool ok() const { return !error.isError() && !cancelled; }
};

QString formatName(ExportFormat format);   // "markdown", "json", "csv"
QString formatSuffix(ExportFormat format); // "md", "json", "csv"

} // namespace kalito

Q_DECLARE_METATYPE(kalito::ExportResult)
