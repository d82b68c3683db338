#pragma once

#include <QString>

namespace kalito {

// Text made one line for a cell, a snippet or a heading: every CR, LF and tab becomes one space.
// Character for character, so the length and every offset into the text stay as they were (a
// search snippet's match position, a cut at N characters); a CRLF becomes two spaces.
QString oneLine(QString text);

} // namespace kalito
