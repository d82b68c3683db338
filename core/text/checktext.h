#pragma once

#include "integrityresult.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito {

// What an integrity or foreign key check found, in words: the Integrity panel, the health strip and
// `kalito-inspector check` alike (English there: the command line installs no catalogue).
class CheckText
{
    Q_DECLARE_TR_FUNCTIONS(CheckText)
public:
    static QString finding(const IntegrityFinding &finding);
    static QStringList findings(const QList<IntegrityFinding> &findings);
    // The summary line and one indented line per finding (`check`).
    static QString result(const IntegrityResult &result);
};

} // namespace kalito
