#include "messagedetailpane.h"
#include "whenfinished.h"

#include "browse/messagequery.h"
#include "browse/schemainfo.h"
#include "connection.h"
#include "displaytext.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace kalito::ui {

MessageDetailPane::MessageDetailPane(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_header(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setPlaceholderText(tr("Select a message to read it in full"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_text, 1);
}

void MessageDetailPane::clear()
{
    ++m_generation;
    m_id = -1;
    m_header->clear();
    m_text->clear();
}

void MessageDetailPane::showMessage(qint64 messageId)
{
    const quint64 generation = ++m_generation;
    m_id = messageId;
    whenFinished(this,
                 m_connection->run([messageId](Database &db) { return MessageQuery::record(db, messageId); }),
                 [this, generation](const MessageRecord &r) {
                     if (generation != m_generation)
                         return;
                     if (!r.found) {
                         m_header->setText(r.error.isError() ? r.error.toString()
                                                             : tr("Message %1 no longer exists").arg(m_id));
                         m_text->clear();
                         emit loaded(m_id);
                         return;
                     }
                     QStringList parts;
                     parts << tr("#%1").arg(r.id) << r.role;
                     const QString time = DisplayText::timestamp(r.value(QStringLiteral("created_at")));
                     if (!time.isEmpty())
                         parts << time;
                     for (const char *c : {"model_id", "token_usage", "importance_score"}) {
                         const QVariant v = r.value(QLatin1String(c));
                         if (!v.isNull() && !v.toString().isEmpty())
                             parts << QStringLiteral("%1: %2").arg(QLatin1String(c), v.toString());
                     }
                     const QStringList known = SchemaInfo::expectedColumns(QStringLiteral("messages"));
                     for (int i = 0; i < r.columns.size(); ++i) {
                         if (!known.contains(r.columns.at(i)) && !r.values.value(i).isNull())
                             parts << QStringLiteral("%1: %2").arg(
                                 r.columns.at(i), DisplayText::oneLine(r.values.value(i).toString(), 80));
                     }
                     parts << tr("%n character(s)", nullptr, int(r.text.size()));
                     m_header->setText(parts.join(QStringLiteral(" · ")));
                     // setPlainText never interprets markup; the document takes long text in blocks.
                     m_text->setPlainText(r.text);
                     emit loaded(r.id);
                 });
}

} // namespace kalito::ui
