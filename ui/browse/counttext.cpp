#include "counttext.h"

#include <QLocale>

namespace kalito::ui {

QString CountText::exact(qint64 rows)
{
    return QLocale().toString(rows);
}

QString CountText::estimate(qint64 rows)
{
    return QStringLiteral("≈ ") + QLocale().toString(rows);
}

QString CountText::estimateToolTip(SteppedCount::EstimateSource source)
{
    switch (source) {
    case SteppedCount::EstimateSource::Stat1:
        return tr("An estimate from the statistics ANALYZE stored (sqlite_stat1); counting exactly…");
    case SteppedCount::EstimateSource::RowidSpan:
        return tr("An estimate from the smallest and largest rowid (rows deleted in between are "
                  "included); counting exactly…");
    case SteppedCount::EstimateSource::None:
        break;
    }
    return QString();
}

QString CountText::estimateOf(const SteppedCount::State &state)
{
    if (state.estimate < 0 || state.estimateSource == SteppedCount::EstimateSource::None)
        return QString();
    return estimate(state.estimate);
}

} // namespace kalito::ui
