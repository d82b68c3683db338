#include "notesmodel.h"

#include "displaytext.h"

namespace kalito::ui {

QStringList NotesModel::headers() const
{
    return {tr("Kind"), tr("Created"), tr("Imp."), tr("Details"), tr("Text")};
}

QVariant NotesModel::cell(const SessionNote &n, int, int column, int role) const
{
    if (role == SourceMessageRole)
        return n.sourceMessageId;
    if (role == Qt::ToolTipRole && column == Text)
        return DisplayText::oneLine(n.text, 1000);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (column) {
    case Kind:
        return n.kind == SessionNote::Kind::Pin ? tr("Pin") : tr("Summary");
    case Created:
        return DisplayText::timestamp(n.createdAt);
    case Importance:
        return n.importance.isNull() ? QVariant()
                                     : QVariant(QString::number(n.importance.toDouble(), 'f', 2));
    case Label:
        return n.label;
    case Text:
        return DisplayText::oneLine(n.text, 300);
    default:
        return QVariant();
    }
}

} // namespace kalito::ui
