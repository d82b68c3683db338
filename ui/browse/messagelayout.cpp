#include "messagelayout.h"

#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace kalito::ui {

namespace {

using Kind = MarkdownBlocks::Kind;

// A piece's length: a few milliseconds of layout however long the block (a 10 MB paragraph).
constexpr int kPieceChars = 3000;
// Pieces that keep their QTextLayout in Lazy mode: what a screen shows, and some.
constexpr int kLazyKeep = 24;
constexpr int kCodePad = 4;
constexpr int kQuoteIndent = 14;

// Where to cut text of more than kPieceChars: at a line break or a space near the limit.
int cutAt(const QString &text, int from)
{
    const int limit = from + kPieceChars;
    if (limit >= text.size())
        return int(text.size());
    // Looked for in the last quarter of the piece only: a 10 MB text without a line break must not
    // be searched back to its start for every piece.
    const int lookBack = kPieceChars / 4;
    const QStringView window = QStringView(text).mid(limit - lookBack, lookBack);
    int i = int(window.lastIndexOf(QLatin1Char('\n')));
    if (i >= 0)
        return limit - lookBack + i + 1;
    i = int(window.lastIndexOf(QLatin1Char(' ')));
    if (i >= 0)
        return limit - lookBack + i + 1;
    // Never between the halves of a surrogate pair (an emoji).
    return text.at(limit - 1).isHighSurrogate() ? limit + 1 : limit;
}

} // namespace

MessageLayout::~MessageLayout() = default;

std::shared_ptr<MessageLayout> MessageLayout::build(const QList<MarkdownBlocks::Block> &blocks, int width,
                                                    const MessageStyle &style, Mode mode)
{
    std::shared_ptr<MessageLayout> l(new MessageLayout);
    l->m_style = style;
    l->m_width = qMax(40, width);
    l->m_mode = mode;
    const QFontMetrics fm(style.body);
    const int gap = fm.height() / 2;
    int y = 0;
    for (int b = 0; b < blocks.size(); ++b) {
        const MarkdownBlocks::Block &block = blocks.at(b);
        QString text = block.text;
        int hanging = 0;
        QList<MarkdownBlocks::InlineSpan> spans = block.spans;
        if (b > 0) {
            const bool tight = block.kind == Kind::ListItem && blocks.at(b - 1).kind == Kind::ListItem;
            l->m_plain += tight ? QStringLiteral("\n") : QStringLiteral("\n\n");
            y += tight ? 2 : gap;
        }
        if (block.kind == Kind::ListItem) {
            const QString prefix =
                QString(block.level * 2, QLatin1Char(' ')) + block.marker + QLatin1Char(' ');
            hanging = fm.horizontalAdvance(prefix);
            text.prepend(prefix);
            for (auto &s : spans)
                s.start += int(prefix.size());
        }
        const int base = int(l->m_plain.size());
        l->m_plain += text;
        int from = 0;
        do {
            const int to = cutAt(text, from);
            Piece p;
            p.kind = block.kind;
            p.level = block.level;
            p.text = text.mid(from, to - from);
            p.offset = base + from;
            p.firstIndent = from == 0 ? 0 : hanging;
            p.indent = hanging;
            if (block.kind == Kind::Quote)
                p.firstIndent = p.indent = kQuoteIndent * block.level;
            if (block.kind == Kind::Code)
                p.firstIndent = p.indent = kCodePad * 2;
            p.rtl = block.kind != Kind::Code && p.text.isRightToLeft();
            l->m_rtl = l->m_rtl || p.rtl;
            for (const auto &s : spans) {
                const int start = qMax(s.start, from);
                const int end = qMin(s.start + s.length, to);
                if (end > start)
                    p.spans.append({s.style, start - from, end - start});
            }
            if (block.kind == Kind::Code)
                p.topPad = kCodePad;
            p.y = y;
            l->layoutPiece(p, mode == Mode::Full);
            y += p.height;
            l->m_pieces.push_back(std::move(p));
            from = to;
        } while (from < text.size());
    }
    l->m_height = y;
    return l;
}

void MessageLayout::layoutPiece(Piece &p, bool keep)
{
    QString shown = p.text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    auto layout = std::make_unique<QTextLayout>(shown);
    QFont font = p.kind == Kind::Code ? m_style.mono : m_style.body;
    if (p.kind == Kind::Heading) {
        font.setBold(true);
        if (font.pointSizeF() > 0 && p.level <= 2)
            font.setPointSizeF(font.pointSizeF() * (p.level == 1 ? 1.25 : 1.12));
    }
    if (p.kind == Kind::Quote)
        font.setItalic(true);
    layout->setFont(font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(p.rtl ? Qt::RightToLeft : Qt::LeftToRight);
    option.setAlignment(p.rtl ? Qt::AlignRight : Qt::AlignLeft);
    layout->setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    for (const auto &s : p.spans) {
        QTextLayout::FormatRange r;
        r.start = s.start;
        r.length = s.length;
        if (s.style == MarkdownBlocks::Span::Bold) {
            r.format.setFontWeight(QFont::Bold);
        } else if (s.style == MarkdownBlocks::Span::Italic) {
            r.format.setFontItalic(true);
        } else {
            r.format.setFontFamilies(m_style.mono.families());
            r.format.setBackground(m_style.codeBackground);
        }
        formats.append(r);
    }
    if (p.kind == Kind::Quote) {
        QTextLayout::FormatRange r;
        r.start = 0;
        r.length = int(shown.size());
        r.format.setForeground(m_style.dim);
        formats.prepend(r);
    }
    layout->setFormats(formats);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    qreal y = p.topPad;
    bool first = true;
    int natural = 0;
    for (;;) {
        QTextLine line = layout->createLine();
        if (!line.isValid())
            break;
        const int indent = first ? p.firstIndent : p.indent;
        const int lineWidth = qMax(20, m_width - indent);
        line.setLineWidth(lineWidth);
        // A right-to-left paragraph's indent is on its right.
        line.setPosition(QPointF(p.rtl ? 0 : indent, y));
        y += line.height();
        natural = qMax(natural, indent + int(std::ceil(line.naturalTextWidth())));
        first = false;
    }
    layout->endLayout();
    p.height = int(std::ceil(y)) + p.topPad;
    m_natural = qMax(m_natural, p.rtl ? m_width : natural + (p.kind == Kind::Code ? kCodePad * 2 : 0));
    if (keep) {
        p.layout = std::move(layout);
        p.used = ++m_clock;
        ++m_laidOut;
    }
}

void MessageLayout::ensureLaidOut(Piece &p)
{
    p.used = ++m_clock;
    if (p.layout)
        return;
    const int height = p.height;
    layoutPiece(p, true);
    p.height = height; // measured before (at the same width): the place of the pieces below stays
    while (m_laidOut > kLazyKeep) {
        Piece *oldest = nullptr;
        for (Piece &q : m_pieces) {
            if (q.layout && (!oldest || q.used < oldest->used))
                oldest = &q;
        }
        if (!oldest || oldest == &p)
            break;
        oldest->layout.reset();
        --m_laidOut;
    }
}

MessageLayout::Piece *MessageLayout::pieceAt(int y)
{
    if (m_pieces.empty())
        return nullptr;
    auto it =
        std::upper_bound(m_pieces.begin(), m_pieces.end(), y, [](int v, const Piece &p) { return v < p.y; });
    if (it != m_pieces.begin())
        --it;
    return &*it;
}

void MessageLayout::draw(QPainter *painter, const QPointF &origin, const QRectF &clip,
                         QPair<int, int> selection, const Ranges &highlights)
{
    const qreal top = clip.top() - origin.y();
    const qreal bottom = clip.bottom() - origin.y();
    Piece *start = pieceAt(int(top));
    if (!start)
        return;
    for (auto it = m_pieces.begin() + (start - m_pieces.data()); it != m_pieces.end(); ++it) {
        Piece &p = *it;
        if (p.y > bottom)
            break;
        if (p.y + p.height < top)
            continue;
        ensureLaidOut(p);
        const QPointF at = origin + QPointF(0, p.y);
        if (p.kind == Kind::Code)
            painter->fillRect(QRectF(at.x(), at.y(), m_width, p.height), m_style.codeBackground);
        if (p.kind == Kind::Quote) {
            for (int d = 0; d < p.level; ++d)
                painter->fillRect(QRectF(at.x() + d * kQuoteIndent + 2, at.y(), 3, p.height),
                                  m_style.quoteBar);
        }
        QList<QTextLayout::FormatRange> extra;
        const int len = int(p.text.size());
        for (const auto &h : highlights) {
            const int s = qMax(h.first - p.offset, 0);
            const int e = qMin(h.first + h.second - p.offset, len);
            if (e > s) {
                QTextLayout::FormatRange r;
                r.start = s;
                r.length = e - s;
                r.format.setBackground(m_style.highlight);
                extra.append(r);
            }
        }
        const int s = qMax(selection.first - p.offset, 0);
        const int e = qMin(selection.first + selection.second - p.offset, len);
        if (selection.second > 0 && e > s) {
            QTextLayout::FormatRange r;
            r.start = s;
            r.length = e - s;
            r.format.setBackground(m_style.selection);
            r.format.setForeground(m_style.selectionText);
            extra.append(r);
        }
        painter->setPen(m_style.text);
        p.layout->draw(painter, at, extra, clip);
    }
}

QList<QRectF> MessageLayout::lineRects(int maxLines)
{
    QList<QRectF> out;
    for (Piece &p : m_pieces) {
        ensureLaidOut(p);
        for (int i = 0; i < p.layout->lineCount() && out.size() < maxLines; ++i)
            out << p.layout->lineAt(i).naturalTextRect().translated(0, p.y);
        if (out.size() >= maxLines)
            break;
    }
    return out;
}

QRectF MessageLayout::lineRectAt(int offset)
{
    if (m_pieces.empty())
        return QRectF();
    // The last piece starting at or before the offset (pieces are in text order).
    auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), offset,
                               [](int v, const Piece &p) { return v < p.offset; });
    if (it != m_pieces.begin())
        --it;
    Piece &p = *it;
    ensureLaidOut(p);
    const int at = qBound(0, offset - p.offset, int(p.text.size()));
    const QTextLine line = p.layout->lineForTextPosition(at);
    if (!line.isValid())
        return QRectF(0, p.y, m_width, p.height);
    return line.rect().translated(0, p.y);
}

int MessageLayout::offsetAt(const QPointF &pos)
{
    Piece *p = pieceAt(int(pos.y()));
    if (!p)
        return 0;
    ensureLaidOut(*p);
    if (pos.y() < p->y)
        return p->offset;
    const qreal y = pos.y() - p->y;
    for (int i = 0; i < p->layout->lineCount(); ++i) {
        const QTextLine line = p->layout->lineAt(i);
        if (y < line.rect().bottom() || i == p->layout->lineCount() - 1)
            return p->offset + line.xToCursor(pos.x(), QTextLine::CursorBetweenCharacters);
    }
    return p->offset + int(p->text.size());
}

} // namespace kalito::ui
