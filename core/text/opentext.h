#pragma once

#include "closereport.h"
#include "openadvice.h"
#include "openresult.h"
#include "pragmasetting.h"

#include <QCoreApplication>

namespace kalito {

// What opening a database has to say, in words: the open advice (the window's dialog and the
// command line's warning alike). Core gives the facts; tr() gives the person's language where a
// catalogue is installed, English on the command line.
class OpenText
{
    Q_DECLARE_TR_FUNCTIONS(OpenText)
public:
    // The advice naming the file; empty when there is nothing to say.
    static QString advice(const OpenAdvice &advice);
    // What the user should know about an open that succeeded (OpenResult's facts), a sentence each.
    static QStringList warnings(const OpenResult &result);
    // Why closing checkpointed as it did, or not at all (the log).
    static QString closeWhy(const CloseReport &report);
    // Why a connection setting did not take; empty when it did.
    static QString pragmaReason(const PragmaSetting &setting);
};

} // namespace kalito
