#pragma once

#include "checkpointresult.h"

#include <QCoreApplication>

namespace kalito {

// What a checkpoint did, in words: `kalito-inspector checkpoint` and the health strip's tooltip
// (English on the command line: it installs no catalogue).
class CheckpointText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointText)
public:
    // One "key   value" line each, then why nothing ran when the database is not in WAL mode.
    static QString result(const CheckpointResult &result);
};

} // namespace kalito
