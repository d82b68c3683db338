#include "findingsmodel.h"

namespace kalito::ui {

QStringList FindingsModel::headers() const
{
    return {tr("#"), tr("Finding")};
}

QVariant FindingsModel::cell(const QString &finding, int row, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    return column == NumberColumn ? QVariant(row + 1) : QVariant(finding);
}

} // namespace kalito::ui
