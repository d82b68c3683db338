#pragma once

#include "browse/markdownblocks.h"
#include "messagestyle.h"

#include <QList>
#include <QPair>
#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

class QPainter;
class QTextLayout;

namespace kalito::ui {

// A message's text laid out for the conversation view: its Markdown blocks as plain-text
// QTextLayouts (no HTML, no rich text), one under the other, wrapped at a width. Offsets are
// positions in plainText(), which is what copying gives and what selections and highlights count in.
//
// A long block is cut into pieces of a few thousand characters, so that a message shown in full
// (10 MB) can be measured once (heights only, on a worker thread: build(..., Lazy)) and its pieces
// laid out again only when painted (a few at a time, see draw()).
class MessageLayout
{
public:
    enum class Mode { Full, Lazy };
    using Ranges = QList<QPair<int, int>>; // (start, length) in plainText()

    static std::shared_ptr<MessageLayout> build(const QList<MarkdownBlocks::Block> &blocks, int width,
                                                const MessageStyle &style, Mode mode = Mode::Full);
    ~MessageLayout();

    int height() const { return m_height; }
    int width() const { return m_width; }
    // The widest line: a short message's bubble is no wider than its text.
    int naturalWidth() const { return m_natural; }
    bool hasRightToLeft() const { return m_rtl; }
    const QString &plainText() const { return m_plain; }

    // Paints the pieces that meet `clip` (in the painter's coordinates) at `origin`; `selection`
    // and `highlights` are ranges of plainText().
    void draw(QPainter *painter, const QPointF &origin, const QRectF &clip, QPair<int, int> selection,
              const Ranges &highlights);
    // The first lines' text rectangles, relative to the layout: where the text sits on its lines
    // (a right-to-left paragraph's against the right edge).
    QList<QRectF> lineRects(int maxLines = 8);
    // The plainText() offset nearest to a point relative to the layout's top left.
    int offsetAt(const QPointF &pos);
    // The line holding a plainText() offset, relative to the layout's top left (a search hit far
    // down a message shown in full is scrolled to).
    QRectF lineRectAt(int offset);

private:
    struct Piece
    {
        MarkdownBlocks::Kind kind = MarkdownBlocks::Kind::Paragraph;
        int level = 0;
        QString text;   // as shown: a list item starts with its marker
        int offset = 0; // in m_plain
        int indent = 0; // lines after the first (and all of a quote or code block)
        int firstIndent = 0;
        bool rtl = false;
        QList<MarkdownBlocks::InlineSpan> spans; // relative to text
        int y = 0;
        int height = 0;
        int topPad = 0; // code blocks: room above and below the text for the shaded box
        std::unique_ptr<QTextLayout> layout;
        quint64 used = 0;
    };
    MessageLayout() = default;
    void layoutPiece(Piece &p, bool keep);
    void ensureLaidOut(Piece &p);
    Piece *pieceAt(int y);

    MessageStyle m_style;
    std::vector<Piece> m_pieces;
    QString m_plain;
    int m_width = 0;
    int m_height = 0;
    int m_natural = 0;
    bool m_rtl = false;
    Mode m_mode = Mode::Full;
    quint64 m_clock = 0;
    int m_laidOut = 0; // pieces holding a QTextLayout (Lazy mode keeps a few)
};

} // namespace kalito::ui
