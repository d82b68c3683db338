#include "messagesmodel.h"
#include "whenfinished.h"

#include "browse/messagequery.h"
#include "connection.h"
#include "displaytext.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace kalito::ui {

MessagesModel::MessagesModel(Connection *connection, QObject *parent) : PagedModel(connection, parent) {}

void MessagesModel::setSchema(const SchemaInfo &schema)
{
    beginResetModel();
    m_schema = schema;
    m_extra = MessageQuery::extraColumns(schema);
    endResetModel();
    setSession(QString());
}

void MessagesModel::setSession(const QString &sessionId, Start start, qint64 countHint)
{
    m_sessionId = sessionId; // a locate under way goes with the old query (PagedModel::query())
    if (sessionId.isEmpty() || !m_schema.isAvailable(QStringLiteral("messages"))) {
        clear();
        return;
    }
    setSpec(MessageQuery::spec(m_schema, sessionId), start, countHint);
}

qint64 MessagesModel::messageIdAt(int row) const
{
    const QVariantList *r = cachedRow(row);
    return r ? r->value(MessageQuery::Id).toLongLong() : -1;
}

void MessagesModel::locate(qint64 messageId)
{
    if (m_sessionId.isEmpty()) {
        emit located(messageId, -1);
        return;
    }
    const int cached = findCachedRow(messageId);
    if (cached >= 0) {
        emit located(messageId, cached);
        return;
    }
    const SchemaInfo schema = m_schema;
    const QString session = m_sessionId;
    const LatestReply::Ticket ticket = query();
    beginRequest();
    whenFinished(this,
                 connection()->run(
                     [schema, session, messageId](Database &db) {
                         return MessageQuery::position(db, schema, session, messageId);
                     },
                     Connection::Priority::Interactive, ticket.token()),
                 [this, ticket, messageId](qint64 row) {
                     endRequest();
                     if (!ticket.isCurrent())
                         return;
                     emit located(messageId, row < 0 ? -1 : int(row));
                 });
}

int MessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns + int(m_extra.size());
}

QVariant MessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Role:
        return tr("Role");
    case Text:
        return tr("Text");
    case Model:
        return tr("Model");
    case Tokens:
        return tr("Tokens");
    case Importance:
        return tr("Imp.");
    default:
        return m_extra.value(section - NumColumns);
    }
}

QVariant MessagesModel::rowData(const QVariantList &row, int column, int role) const
{
    const QString roleName = row.value(MessageQuery::Role).toString();
    switch (role) {
    case Qt::ToolTipRole:
        return column == Time ? QVariant(DisplayText::timestamp(row.value(MessageQuery::CreatedAt)))
                              : QVariant();
    case MessageIdRole:
        return row.value(MessageQuery::Id);
    case RoleNameRole:
        return roleName;
    case Qt::BackgroundRole:
        // User and assistant told apart at a glance, in light and dark palettes alike (tinted, not solid).
        if (roleName == QLatin1String("user"))
            return QBrush(QColor(66, 133, 244, 40));
        if (roleName == QLatin1String("assistant"))
            return QBrush(QColor(52, 168, 83, 30));
        if (roleName == QLatin1String("system"))
            return QBrush(QColor(251, 188, 5, 45));
        return QVariant();
    case Qt::FontRole:
        if (column == Role) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return QVariant();
    case Qt::ForegroundRole:
        if (column == Role && roleName == QLatin1String("user"))
            return QBrush(QColor(25, 90, 200));
        if (column == Role && roleName == QLatin1String("assistant"))
            return QBrush(QColor(20, 120, 50));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (column == Tokens || column == Importance)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (column) {
    case Time:
        return DisplayText::shortTimestamp(row.value(MessageQuery::CreatedAt));
    case Role:
        return roleName;
    case Text: {
        QString text = DisplayText::oneLine(row.value(MessageQuery::Preview).toString(), 200);
        const qint64 length = row.value(MessageQuery::Length).toLongLong();
        if (length > MessageQuery::PreviewChars)
            text += tr("  [%1 characters]").arg(length);
        return text;
    }
    case Model:
        return DisplayText::cell(row.value(MessageQuery::ModelId));
    case Tokens:
        return row.value(MessageQuery::Tokens).isNull() ? QVariant() : row.value(MessageQuery::Tokens);
    case Importance: {
        const QVariant v = row.value(MessageQuery::Importance);
        return v.isNull() ? QVariant() : QVariant(QString::number(v.toDouble(), 'f', 2));
    }
    default:
        return DisplayText::cell(row.value(MessageQuery::NumFields + column - NumColumns));
    }
}

} // namespace kalito::ui
