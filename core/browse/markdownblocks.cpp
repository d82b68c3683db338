#include "browse/markdownblocks.h"

namespace kalito {

namespace {

using Block = MarkdownBlocks::Block;
using Kind = MarkdownBlocks::Kind;

// How far an inline closer ("**", a backtick run) is looked for: a bound on the work an unmatched
// opener costs, so a 10 MB message full of stray asterisks still parses in linear time.
constexpr int kInlineWindow = 1000;

int leadingSpaces(QStringView line)
{
    int n = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char(' '))
            ++n;
        else if (c == QLatin1Char('\t'))
            n += 4;
        else
            break;
    }
    return n;
}

QStringView trimmedStart(QStringView line)
{
    int i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        ++i;
    return line.mid(i);
}

bool isFence(QStringView trimmed, QChar *fenceChar)
{
    if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
        *fenceChar = trimmed[0];
        return true;
    }
    return false;
}

bool isRule(QStringView trimmed)
{
    const QString s = trimmed.toString().remove(QLatin1Char(' ')).trimmed();
    if (s.size() < 3)
        return false;
    const QChar c = s[0];
    if (c != QLatin1Char('-') && c != QLatin1Char('*') && c != QLatin1Char('_'))
        return false;
    for (const QChar x : s) {
        if (x != c)
            return false;
    }
    return true;
}

int headingLevel(QStringView trimmed)
{
    int n = 0;
    while (n < trimmed.size() && trimmed[n] == QLatin1Char('#'))
        ++n;
    if (n < 1 || n > 6)
        return 0;
    if (n < trimmed.size() && trimmed[n] != QLatin1Char(' ') && trimmed[n] != QLatin1Char('\t'))
        return 0;
    return n;
}

// "- x", "* x", "+ x", "1. x", "2) x": the marker's length (with its space), 0 if not an item.
int listMarker(QStringView trimmed, QString *marker)
{
    if (trimmed.size() >= 2 &&
        (trimmed[0] == QLatin1Char('-') || trimmed[0] == QLatin1Char('*') ||
         trimmed[0] == QLatin1Char('+')) &&
        (trimmed[1] == QLatin1Char(' ') || trimmed[1] == QLatin1Char('\t'))) {
        *marker = QStringLiteral("•");
        return 2;
    }
    int d = 0;
    while (d < trimmed.size() && d < 9 && trimmed[d].isDigit() && trimmed[d].unicode() < 128)
        ++d;
    if (d > 0 && d + 1 < trimmed.size() &&
        (trimmed[d] == QLatin1Char('.') || trimmed[d] == QLatin1Char(')')) &&
        (trimmed[d + 1] == QLatin1Char(' ') || trimmed[d + 1] == QLatin1Char('\t'))) {
        *marker = trimmed.left(d + 1).toString();
        return d + 2;
    }
    return 0;
}

// Removes inline markup (`code`, **bold**, __bold__, *italic*, _italic_, backslash escapes) and
// records the spans.
void parseInline(QStringView in, QString *out, QList<MarkdownBlocks::InlineSpan> *spans, bool allowBold)
{
    int i = 0;
    const int n = int(in.size());
    while (i < n) {
        const QChar c = in[i];
        if (c == QLatin1Char('\\') && i + 1 < n && in[i + 1].isPunct()) {
            out->append(in[i + 1]);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            int run = 0;
            while (i + run < n && in[i + run] == QLatin1Char('`'))
                ++run;
            const QString fence(run, QLatin1Char('`'));
            const QStringView window = in.mid(i + run, kInlineWindow);
            const int close = int(window.indexOf(fence));
            if (close > 0) {
                QStringView inner = window.left(close);
                if (inner.size() >= 2 && inner.startsWith(QLatin1Char(' ')) &&
                    inner.endsWith(QLatin1Char(' ')))
                    inner = inner.mid(1, inner.size() - 2);
                spans->append({MarkdownBlocks::Span::Code, int(out->size()), int(inner.size())});
                out->append(inner);
                i += run + close + run;
                continue;
            }
            out->append(in.mid(i, run));
            i += run;
            continue;
        }
        if (allowBold && i + 1 < n && (c == QLatin1Char('*') || c == QLatin1Char('_')) && in[i + 1] == c &&
            i + 2 < n && !in[i + 2].isSpace()) {
            const QString marker(2, c);
            const QStringView window = in.mid(i + 2, kInlineWindow);
            const int close = int(window.indexOf(marker));
            if (close > 0 && !window[close - 1].isSpace()) {
                const int start = int(out->size());
                QList<MarkdownBlocks::InlineSpan> inner;
                parseInline(window.left(close), out, &inner, false);
                spans->append({MarkdownBlocks::Span::Bold, start, int(out->size()) - start});
                spans->append(inner);
                i += 2 + close + 2;
                continue;
            }
        }
        // *italic* and _italic_: a single marker before a non-space, closed by the same marker
        // after a non-space; "_" only between words' edges, so that snake_case stays as it is.
        if (allowBold && (c == QLatin1Char('*') || c == QLatin1Char('_')) && i + 1 < n &&
            !in[i + 1].isSpace() && in[i + 1] != c &&
            (c == QLatin1Char('*') || i == 0 || !in[i - 1].isLetterOrNumber())) {
            const QStringView window = in.mid(i + 1, kInlineWindow);
            int close = -1;
            for (int k = 1; k < int(window.size()); ++k) {
                if (window[k] != c || window[k - 1].isSpace())
                    continue;
                const bool doubled = (k + 1 < int(window.size()) && window[k + 1] == c) || window[k - 1] == c;
                const bool wordAfter =
                    c == QLatin1Char('_') && k + 1 < int(window.size()) && window[k + 1].isLetterOrNumber();
                if (!doubled && !wordAfter) {
                    close = k;
                    break;
                }
            }
            if (close > 0) {
                const int start = int(out->size());
                QList<MarkdownBlocks::InlineSpan> inner;
                parseInline(window.left(close), out, &inner, false);
                spans->append({MarkdownBlocks::Span::Italic, start, int(out->size()) - start});
                spans->append(inner);
                i += 1 + close + 1;
                continue;
            }
        }
        out->append(c);
        ++i;
    }
}

void finishInline(Block *b)
{
    if (b->kind == Kind::Code)
        return;
    QString out;
    out.reserve(b->text.size());
    parseInline(b->text, &out, &b->spans, true);
    b->text = out;
}

} // namespace

QList<MarkdownBlocks::Block> MarkdownBlocks::parse(const QString &text)
{
    QList<Block> blocks;
    Block current;
    bool open = false;    // `current` holds lines
    bool inFence = false; // inside ``` ... ```
    QChar fenceChar;
    auto flush = [&] {
        if (open) {
            if (current.kind == Kind::Code && current.text.endsWith(QLatin1Char('\n')))
                current.text.chop(1);
            finishInline(&current);
            blocks.append(current);
        }
        current = Block();
        open = false;
    };
    auto start = [&](Kind kind, int level, int offset) {
        flush();
        current.kind = kind;
        current.level = level;
        current.sourceStart = offset;
        open = true;
    };
    auto appendLine = [&](QStringView line) {
        if (!current.text.isEmpty() || (current.kind == Kind::Code && !current.text.isNull()))
            current.text.append(QLatin1Char('\n'));
        current.text.append(line);
    };

    int pos = 0;
    const int size = int(text.size());
    while (pos <= size) {
        int end = int(text.indexOf(QLatin1Char('\n'), pos));
        if (end < 0)
            end = size;
        QStringView line = QStringView(text).mid(pos, end - pos);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int lineStart = pos;
        pos = end + 1;
        const QStringView trimmed = trimmedStart(line);

        if (inFence) {
            QChar c;
            if (isFence(trimmed, &c) && c == fenceChar && trimmed.trimmed().size() == trimmed.count(c)) {
                inFence = false;
                flush();
                continue;
            }
            if (current.text.isNull())
                current.text = QLatin1String("");
            else
                current.text.append(QLatin1Char('\n'));
            current.text.append(line);
            continue;
        }
        if (trimmed.trimmed().isEmpty()) {
            flush();
            continue;
        }
        QChar c;
        if (isFence(trimmed, &c)) {
            start(Kind::Code, 0, lineStart);
            // The info string ("python") is kept as the block's marker: a hint, not shown as code.
            current.marker = trimmed.mid(3).trimmed().toString();
            while (current.marker.startsWith(c))
                current.marker.remove(0, 1);
            current.text = QString();
            inFence = true;
            fenceChar = c;
            continue;
        }
        if (const int h = headingLevel(trimmed)) {
            start(Kind::Heading, h, lineStart);
            QString t = trimmed.mid(h).trimmed().toString();
            while (t.endsWith(QLatin1Char('#')))
                t.chop(1);
            current.text = t.trimmed();
            flush();
            continue;
        }
        if (trimmed.startsWith(QLatin1Char('>'))) {
            int depth = 0;
            QStringView rest = trimmed;
            while (rest.startsWith(QLatin1Char('>'))) {
                ++depth;
                rest = trimmedStart(rest.mid(1));
            }
            if (!open || current.kind != Kind::Quote || current.level != depth)
                start(Kind::Quote, depth, lineStart);
            appendLine(rest);
            continue;
        }
        if (isRule(trimmed)) {
            start(Kind::Paragraph, 0, lineStart);
            current.text = QStringLiteral("――――――");
            flush();
            continue;
        }
        QString marker;
        if (const int m = listMarker(trimmed, &marker)) {
            start(Kind::ListItem, leadingSpaces(line) / 2, lineStart);
            current.marker = marker;
            appendLine(trimmedStart(trimmed.mid(m)));
            continue;
        }
        if (open && current.kind == Kind::ListItem && leadingSpaces(line) >= 2) {
            appendLine(trimmed); // a list item's continuation line
            continue;
        }
        if (!open || current.kind != Kind::Paragraph)
            start(Kind::Paragraph, 0, lineStart);
        appendLine(trimmed);
    }
    flush();
    return blocks;
}

QString MarkdownBlocks::plainText(const QList<Block> &blocks)
{
    QString out;
    for (int i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks.at(i);
        if (i > 0) {
            const bool tight = b.kind == Kind::ListItem && blocks.at(i - 1).kind == Kind::ListItem;
            out += tight ? QStringLiteral("\n") : QStringLiteral("\n\n");
        }
        if (b.kind == Kind::ListItem)
            out += QString(b.level * 2, QLatin1Char(' ')) + b.marker + QLatin1Char(' ');
        out += b.text;
    }
    return out;
}

} // namespace kalito
