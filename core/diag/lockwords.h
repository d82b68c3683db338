#pragma once

#include "lockfinding.h"

#include <QStringList>

namespace kalito {

// A lock diagnosis in English: what the command line prints and `locks --json` carries
// ("diagnosis"); the window says the same findings in the person's language (ui's LockText).
class LockWords
{
public:
    static QString english(const LockFinding &f);
    // "pid 4242 (node …/backend/server.js, user kalito)" or "this inspector (pid 4242)".
    static QString holder(const LockHolder &h);
    // " (seen held for 12 s)", or " (seen just now)" when one look is all there is.
    static QString seen(qint64 heldForMs);
    static QString joinNames(const QStringList &parts); // "a, b and c"
};

} // namespace kalito
