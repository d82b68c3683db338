#include "notesmodel.h"

#include "displaytext.h"

namespace kalito::ui {

QStringList NotesModel::headers() const
{
    return {tr("Kind"), tr("Created"), tr("Imp."), tr("Details"), tr("Text")};
}

QString NotesModel::contextLine(const SessionNote &n)
{
    QStringList parts{n.kind == SessionNote::Kind::Pin ? tr("Pin") : tr("Summary")};
    if (!n.label.isEmpty())
        parts << n.label;
    if (!n.importance.isNull())
        parts << tr("importance %1").arg(QString::number(n.importance.toDouble(), 'f', 2));
    const QString time = DisplayText::shortTimestamp(n.createdAt);
    if (!time.isEmpty())
        parts << time;
    if (!n.endMessageId.isEmpty() && n.endMessageId != n.sourceMessageId)
        parts << tr("messages %1–%2").arg(n.sourceMessageId, n.endMessageId);
    else if (!n.sourceMessageId.isEmpty())
        parts << tr("message %1").arg(n.sourceMessageId);
    return parts.join(QStringLiteral(" · "));
}

QVariant NotesModel::cell(const SessionNote &n, int, int column, int role) const
{
    if (role == SourceMessageRole)
        return n.sourceMessageId;
    if (role == Qt::ToolTipRole && column == Text)
        return DisplayText::oneLine(n.text, 1000);
    if (role == FullTextRole)
        return n.text;
    if (role == ContextLineRole)
        return contextLine(n);
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
