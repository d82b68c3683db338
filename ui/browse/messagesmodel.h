#pragma once

#include "browse/schemainfo.h"
#include "pagedmodel.h"

namespace kalito::ui {

// The transcript of one session, paged by (created_at, id). Rows carry a text preview; the detail
// pane fetches the full text of the selected message by id.
class MessagesModel : public PagedModel
{
    Q_OBJECT
public:
    enum Columns { Time, Role, Text, Model, Tokens, Importance, NumColumns };
    enum Roles { MessageIdRole = Qt::UserRole + 1, RoleNameRole };

    explicit MessagesModel(Connection *connection, QObject *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    const SchemaInfo &schema() const { return m_schema; }
    // countHint: the session's message count when already known (see PagedModel::setSpec).
    void setSession(const QString &sessionId, Start start = Start::First, qint64 countHint = -1);
    QString sessionId() const { return m_sessionId; }
    qint64 messageIdAt(int row) const;
    // Finds the row of a message of this session; emits located(row) or located(-1).
    void locate(qint64 messageId);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void located(qint64 messageId, int row);

protected:
    QVariant rowData(const QVariantList &row, int column, int role) const override;

private:
    SchemaInfo m_schema;
    QString m_sessionId;
    QStringList m_extra;
};

} // namespace kalito::ui
