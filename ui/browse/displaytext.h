#pragma once

#include <QString>
#include <QVariant>

namespace kalito::ui {

// How cells turn stored values into one line of plain text.
namespace DisplayText {

// An ISO-8601 timestamp as local "yyyy-MM-dd HH:mm:ss"; other text unchanged.
QString timestamp(const QVariant &value);
// The same without seconds, for lists where width is scarce.
QString shortTimestamp(const QVariant &value);
// One line: newlines and tabs become spaces, cut at `maxChars` with an ellipsis.
QString oneLine(const QString &text, int maxChars = 300);
// Any value as a cell: NULL blank, numbers as they are, text on one line.
QString cell(const QVariant &value);

} // namespace DisplayText

} // namespace kalito::ui
