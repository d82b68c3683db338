#pragma once

#include "browse/steppedcount.h"

#include <QCoreApplication>
#include <QString>

namespace kalito::ui {

// How a row count is shown while it is being counted: an estimate is marked "≈" and its tooltip
// says where it came from, until the exact count replaces it.
class CountText
{
    Q_DECLARE_TR_FUNCTIONS(CountText)
public:
    static QString exact(qint64 rows);
    static QString estimate(qint64 rows);
    static QString estimateToolTip(SteppedCount::EstimateSource source);
    // The estimate a count in progress can show, or an empty string when it has none.
    static QString estimateOf(const SteppedCount::State &state);
};

} // namespace kalito::ui
