#include "sessionsmodel.h"
#include "whenfinished.h"

#include "browse/sessionquery.h"
#include "connection.h"
#include "counttext.h"
#include "displaytext.h"

namespace kalito::ui {

SessionsModel::SessionsModel(Connection *connection, QObject *parent) : PagedModel(connection, parent) {}

void SessionsModel::setSchema(const SchemaInfo &schema)
{
    beginResetModel();
    m_schema = schema;
    m_extra = SessionQuery::extraColumns(schema);
    endResetModel();
    restart();
}

void SessionsModel::setFilter(const SessionFilter &filter)
{
    m_filter = filter;
    restart();
}

void SessionsModel::restart()
{
    m_counts.clear(); // the counts asked for go with the old query (PagedModel::query())
    if (!m_schema.isAvailable(QStringLiteral("sessions"))) {
        clear();
        return;
    }
    setSpec(SessionQuery::spec(m_schema, m_filter));
}

QString SessionsModel::sessionIdAt(int row) const
{
    const QVariantList *r = cachedRow(row);
    return r ? r->value(SessionQuery::Id).toString() : QString();
}

int SessionsModel::findSessionRow(const QString &sessionId) const
{
    return findCachedRowWithValue(SessionQuery::Id, sessionId);
}

bool SessionsModel::isSortable(int column)
{
    return column == Name || column == Persona || column == Model || column == Saved || column == Created ||
           column == Updated;
}

int SessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns + int(m_extra.size());
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Session");
    case Persona:
        return tr("Persona");
    case Messages:
        return tr("Messages");
    case Model:
        return tr("Model");
    case Saved:
        return tr("Saved");
    case Created:
        return tr("Created");
    case Updated:
        return tr("Updated");
    default:
        return m_extra.value(section - NumColumns);
    }
}

void SessionsModel::sort(int column, Qt::SortOrder order)
{
    using K = SessionFilter::SortKey;
    K key;
    switch (column) {
    case -1: // no sort indicator: stored order, newest first
        key = K::Stored;
        order = Qt::DescendingOrder;
        break;
    case Name:
        key = K::Name;
        break;
    case Persona:
        key = K::Persona;
        break;
    case Model:
        key = K::Model;
        break;
    case Saved:
        key = K::Saved;
        break;
    case Created:
        key = K::Created;
        break;
    case Updated:
        key = K::Updated;
        break;
    default:
        return; // counts arrive later and extra columns are unknown: not sortable
    }
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_filter.sort && descending == m_filter.descending)
        return;
    m_filter.sort = key;
    m_filter.descending = descending;
    restart();
}

QVariant SessionsModel::rowData(const QVariantList &row, int column, int role) const
{
    if (role == SessionIdRole)
        return row.value(SessionQuery::Id);
    if (role == Qt::ToolTipRole && column == Name)
        return row.value(SessionQuery::Id);
    if (role == Qt::TextAlignmentRole && column == Messages)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (column) {
    case Name: {
        const QString name = row.value(SessionQuery::Name).toString();
        return DisplayText::oneLine(name.isEmpty() ? row.value(SessionQuery::Id).toString() : name, 120);
    }
    case Persona: {
        const QString name = row.value(SessionQuery::PersonaName).toString();
        const QString label = name.isEmpty() ? row.value(SessionQuery::PersonaId).toString() : name;
        return (row.value(SessionQuery::PersonaIcon).toString() + QLatin1Char(' ') + label).trimmed();
    }
    case Messages: {
        const qint64 n = m_counts.value(row.value(SessionQuery::Id).toString(), -1);
        // In the reader's locale, as the transcript's header says it ("230,980", "230.980").
        return n < 0 ? QVariant() : QVariant(CountText::exact(n));
    }
    case Model:
        return DisplayText::cell(row.value(SessionQuery::Model));
    case Saved:
        if (row.value(SessionQuery::Saved).isNull())
            return QVariant();
        return row.value(SessionQuery::Saved).toInt() != 0 ? tr("saved") : QString();
    case Created:
        return DisplayText::shortTimestamp(row.value(SessionQuery::CreatedAt));
    case Updated:
        return DisplayText::shortTimestamp(row.value(SessionQuery::UpdatedAt));
    default:
        return DisplayText::cell(row.value(SessionQuery::NumFields + column - NumColumns));
    }
}

void SessionsModel::pageArrived(int firstRow, const RowPage &page)
{
    Q_UNUSED(firstRow)
    if (!m_schema.isAvailable(QStringLiteral("messages")))
        return;
    QStringList ids;
    for (const QVariantList &row : page.rows)
        ids << row.value(SessionQuery::Id).toString();
    const LatestReply::Ticket ticket = query();
    beginRequest();
    whenFinished(this,
                 connection()->run([ids](Database &db) { return SessionQuery::messageCounts(db, ids); },
                                   Connection::Priority::Background, ticket.token()),
                 [this, ticket](const QHash<QString, qint64> &counts) {
                     endRequest();
                     if (!ticket.isCurrent())
                         return;
                     for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                         m_counts.insert(it.key(), it.value());
                     if (rowCount() > 0)
                         emit dataChanged(index(0, Messages), index(rowCount() - 1, Messages),
                                          {Qt::DisplayRole});
                     emit countsArrived();
                 });
}

} // namespace kalito::ui
