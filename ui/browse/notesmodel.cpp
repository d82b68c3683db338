#include "notesmodel.h"

#include "displaytext.h"

namespace kalito::ui {

void NotesModel::setNotes(const QList<SessionNote> &notes)
{
    beginResetModel();
    m_notes = notes;
    endResetModel();
}

const SessionNote *NotesModel::noteAt(int row) const
{
    return row >= 0 && row < m_notes.size() ? &m_notes.at(row) : nullptr;
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

int NotesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Created:
        return tr("Created");
    case Importance:
        return tr("Imp.");
    case Label:
        return tr("Details");
    case Text:
        return tr("Text");
    default:
        return QVariant();
    }
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

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SessionNote &n = m_notes.at(index.row());
    if (role == SourceMessageRole)
        return n.sourceMessageId;
    if (role == Qt::ToolTipRole && index.column() == Text)
        return DisplayText::oneLine(n.text, 1000);
    if (role == FullTextRole)
        return n.text;
    if (role == ContextLineRole)
        return contextLine(n);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
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
