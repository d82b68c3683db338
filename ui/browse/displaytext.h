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
// kalito::oneLine (newlines and tabs become spaces), cut at `maxChars` with an ellipsis.
QString oneLine(const QString &text, int maxChars = 300);
// Any value as a cell: NULL blank, integers as they are, a REAL with at most 12 significant digits
// (0.92, not the 0.9199999999999999 that binary floating point stores), text on one line.
QString cell(const QVariant &value);
// The value in full, for a tooltip or a detail pane: a REAL with every digit it has.
QString full(const QVariant &value);
bool isNumber(const QVariant &value);

} // namespace DisplayText

} // namespace kalito::ui
