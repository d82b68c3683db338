#pragma once

#include "latestreply.h"

#include <QWidget>

class QLabel;
class QToolButton;
class QPlainTextEdit;

namespace kalito {
class Connection;
}

namespace kalito::ui {

// The full text of one message, as plain text: HTML or Markdown in a message shows as the
// characters it is made of. The text is fetched by id when the message is selected.
class MessageDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit MessageDetailPane(Connection *connection, QWidget *parent = nullptr);

    void showMessage(qint64 messageId);
    // Highlights every occurrence of needle (TextMatch, the search's matching) in the text shown
    // and in each message shown after, scrolled to the first; empty: no highlight.
    void setHighlight(const QString &needle);
    QString highlight() const { return m_highlight; }
    // The occurrences highlighted now.
    int highlightCount() const;
    void clear();
    qint64 messageId() const { return m_id; }
    QPlainTextEdit *textEdit() const { return m_text; }
    // A longer message shows its first kShownCharacters (laying out 10 MB as one line would
    // freeze the window for seconds); Copy all puts the whole text on the clipboard.
    static constexpr qsizetype kShownCharacters = 100000;
    bool isClipped() const { return !m_fullText.isEmpty(); }
    void copyAll() const;

signals:
    void loaded(qint64 messageId);

private:
    Connection *m_connection;
    QLabel *m_header;
    QPlainTextEdit *m_text;
    QWidget *m_clipBar;
    QLabel *m_clipNote;
    QString m_fullText; // the whole text when the pane shows only its beginning
    void applyHighlight();
    QString m_highlight;
    qint64 m_id = -1;
    LatestReply m_latest{m_connection}; // the message asked for last
};

} // namespace kalito::ui
