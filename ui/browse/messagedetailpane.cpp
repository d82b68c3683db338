#include "messagedetailpane.h"
#include "errortext.h"

#include <algorithm>

#include "browse/messagequery.h"
#include "browse/schemainfo.h"
#include "connection.h"
#include "displaytext.h"
#include "kalitoschema.h"
#include "searchhitdelegate.h"
#include "textmatch.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace kalito::ui {

namespace {

constexpr qsizetype kLongestWrappedLine = 10000; // about 8 ms to wrap on the build machine

qsizetype longestLine(const QString &text)
{
    qsizetype longest = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == QLatin1Char('\n')) {
            longest = qMax(longest, i - start);
            start = i + 1;
        }
    }
    return longest;
}

} // namespace

MessageDetailPane::MessageDetailPane(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_header(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_clipBar(new QWidget(this)), m_clipNote(new QLabel(m_clipBar))
{
    m_text->setAccessibleName(tr("Message in full"));
    m_clipNote->setTextFormat(Qt::PlainText);
    m_clipNote->setWordWrap(true);
    auto *copyAll = new QToolButton(m_clipBar);
    copyAll->setText(tr("Copy all"));
    copyAll->setToolTip(tr("Copy the whole text of the message"));
    connect(copyAll, &QToolButton::clicked, this, &MessageDetailPane::copyAll);
    auto *clipLayout = new QHBoxLayout(m_clipBar);
    clipLayout->setContentsMargins(0, 0, 0, 0);
    clipLayout->addWidget(m_clipNote, 1);
    clipLayout->addWidget(copyAll);
    m_clipBar->setVisible(false);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setPlaceholderText(tr("Select a message to read it in full"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_clipBar);
    layout->addWidget(m_text, 1);
}

void MessageDetailPane::clear()
{
    m_latest.drop();
    m_id = -1;
    m_header->clear();
    m_fullText.clear();
    m_clipBar->setVisible(false);
    m_text->clear();
}

void MessageDetailPane::showMessage(qint64 messageId)
{
    const LatestReply::Ticket ticket = m_latest.next();
    m_id = messageId;
    whenCurrent(
        this,
        m_connection->run([messageId](Database &db) { return MessageQuery::record(db, messageId); },
                          Connection::Priority::Interactive, ticket.token()),
        ticket, [this](const MessageRecord &r) {
            if (!r.found) {
                m_header->setText(r.error.isError() ? ErrorText::describe(r.error)
                                                    : tr("Message %1 no longer exists").arg(m_id));
                m_text->clear();
                m_fullText.clear();
                m_clipBar->setVisible(false);
                emit loaded(m_id);
                return;
            }
            QStringList parts;
            parts << tr("#%1").arg(r.id) << r.role;
            const QString time = DisplayText::timestamp(r.value(QStringLiteral("created_at")));
            if (!time.isEmpty())
                parts << time;
            // The quiet line: model, tokens and importance in words, numbers as the grid
            // shows them (0.92, not 0.9199999999999999).
            const QVariant model = r.value(QStringLiteral("model_id"));
            if (!model.isNull() && !model.toString().isEmpty())
                parts << tr("model %1").arg(model.toString());
            const QVariant tokens = r.value(QStringLiteral("token_usage"));
            if (!tokens.isNull())
                parts << tr("%Ln token(s)", nullptr, tokens.toInt());
            const QVariant importance = r.value(QStringLiteral("importance_score"));
            if (!importance.isNull())
                parts << tr("importance %1").arg(DisplayText::cell(importance));
            const QStringList known = KalitoSchema::columns(QStringLiteral("messages"));
            for (int i = 0; i < r.columns.size(); ++i) {
                if (!known.contains(r.columns.at(i)) && !r.values.value(i).isNull())
                    parts << QStringLiteral("%1: %2").arg(
                        r.columns.at(i), DisplayText::oneLine(DisplayText::cell(r.values.value(i)), 80));
            }
            // Characters as a reader counts them (and as SQLite's length() does): an emoji
            // is one, though UTF-16 stores it in two units.
            const int characters =
                int(r.text.size()) - int(std::count_if(r.text.cbegin(), r.text.cend(),
                                                       [](QChar c) { return c.isLowSurrogate(); }));
            parts << tr("%Ln character(s)", nullptr, characters);
            m_header->setText(parts.join(QStringLiteral(" · ")));
            // Wrapping a very long line costs time that grows with the square of its length, all
            // on the GUI thread: a 200,000-character line (base64, minified JSON) froze the window
            // for 3.1 s word-wrapped (5.5 s wrapped anywhere), 54 ms unwrapped. Such a message
            // scrolls sideways instead; ordinary text wraps to the pane.
            m_text->setLineWrapMode(longestLine(r.text) > kLongestWrappedLine ? QPlainTextEdit::NoWrap
                                                                              : QPlainTextEdit::WidgetWidth);
            // setPlainText never interprets markup; the document takes long text in blocks.
            if (r.text.size() > kShownCharacters) {
                qsizetype cut = kShownCharacters;
                if (r.text.at(cut - 1).isHighSurrogate())
                    --cut; // never half an emoji
                m_fullText = r.text;
                m_clipNote->setText(tr("Showing the first %L1 of %L2 characters. Copy all copies the whole "
                                       "text; File > Export session… writes it to a file.")
                                        .arg(cut)
                                        .arg(r.text.size()));
                m_clipBar->setVisible(true);
                m_text->setPlainText(r.text.left(cut));
            } else {
                m_fullText.clear();
                m_clipBar->setVisible(false);
                m_text->setPlainText(r.text);
            }
            applyHighlight();
            emit loaded(r.id);
        });
}

void MessageDetailPane::setHighlight(const QString &needle)
{
    m_highlight = needle;
    applyHighlight();
}

int MessageDetailPane::highlightCount() const
{
    return int(m_text->extraSelections().size());
}

void MessageDetailPane::applyHighlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!m_highlight.isEmpty()) {
        // Plain text in, plain positions out: the document holds the text as given, one unit for
        // one (a line break becomes a block boundary, still one position).
        const QList<TextRange> ranges = TextMatch(m_highlight).findAll(m_text->toPlainText(), 10000);
        QTextCharFormat format;
        format.setBackground(SearchHitDelegate::highlightColor());
        format.setForeground(QColor(Qt::black));
        format.setFontWeight(QFont::Bold);
        for (const TextRange &r : ranges) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(m_text->document());
            sel.cursor.setPosition(r.start);
            sel.cursor.setPosition(r.start + r.length, QTextCursor::KeepAnchor);
            sel.format = format;
            selections << sel;
        }
        if (!selections.isEmpty()) {
            QTextCursor at(m_text->document());
            at.setPosition(ranges.first().start);
            m_text->setTextCursor(at);
            m_text->ensureCursorVisible();
        }
    }
    m_text->setExtraSelections(selections);
}

void MessageDetailPane::copyAll() const
{
    QGuiApplication::clipboard()->setText(isClipped() ? m_fullText : m_text->toPlainText());
}

} // namespace kalito::ui
