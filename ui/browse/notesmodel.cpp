#include "notesmodel.h"

#include "displaytext.h"

#include <QLocale>

namespace kalito::ui {

QStringList NotesModel::headers() const
{
    return {tr("Kind"), tr("Created"), tr("Imp."), tr("Details"), tr("Text")};
}

QString NotesModel::label(const SessionNote &n)
{
    // Core gives the count; the words are the window's (Spanish too).
    if (n.kind == SessionNote::Kind::Summary && n.messageCount >= 0)
        return tr("%1 messages").arg(QLocale().toString(n.messageCount));
    return n.label;
}

QString NotesModel::contextLine(const SessionNote &n)
{
    QStringList parts{n.kind == SessionNote::Kind::Pin ? tr("Pin") : tr("Summary")};
    if (!label(n).isEmpty())
        parts << label(n);
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
        return label(n);
    case Text:
        return DisplayText::oneLine(n.text, 300);
    default:
        return QVariant();
    }
}

} // namespace kalito::ui
