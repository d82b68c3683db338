#pragma once

#include <QList>
#include <QString>

namespace kalito {

// Markdown as readable plain text: the blocks of a message (paragraphs, fenced code, list items,
// headings, quotes) with their markup removed, and the few inline spans (bold, inline code) as
// ranges. Nothing here is rich text: a view lays each block out as plain text and styles the spans
// itself, so whatever a model wrote (HTML, scripts) is shown as the characters it is.
class MarkdownBlocks
{
public:
    enum class Kind { Paragraph, Code, ListItem, Heading, Quote };
    enum class Span { Bold, Code, Italic };

    struct InlineSpan
    {
        Span style;
        int start = 0; // in Block::text
        int length = 0;
        bool operator==(const InlineSpan &o) const
        {
            return style == o.style && start == o.start && length == o.length;
        }
    };

    struct Block
    {
        Kind kind = Kind::Paragraph;
        int level = 0;  // list: nesting depth from 0; heading: 1-6; quote: depth from 1
        QString marker; // list: "•" or the number as written ("3."); empty otherwise
        QString text;   // lines within a block are joined by '\n'
        QList<InlineSpan> spans;
        int sourceStart = 0; // offset of the block's first line in the source
    };

    // Splits text into blocks. Linear in the text's length; never fails (what is not Markdown is a
    // paragraph). Code blocks keep their text verbatim (no inline spans).
    static QList<Block> parse(const QString &text);
    // The blocks as one plain text (what "copy text" of a rendered message gives).
    static QString plainText(const QList<Block> &blocks);
};

} // namespace kalito
