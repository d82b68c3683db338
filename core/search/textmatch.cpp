#include "textmatch.h"

#include "sqlfragment.h"

namespace kalito {

namespace {

char16_t asciiLower(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
}

// The code point at text[pos] and how many units it takes (a lone surrogate stands for itself).
char32_t codePointAt(const QString &text, int pos, int *units)
{
    const QChar c = text.at(pos);
    if (c.isHighSurrogate() && pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text.at(pos + 1));
    }
    *units = 1;
    return c.unicode();
}

// SQLite's LIKE and GLOB read the text up to its first NUL.
int effectiveLength(const QString &text)
{
    const int nul = int(text.indexOf(QChar(0)));
    return nul < 0 ? int(text.size()) : nul;
}

// The GLOB pattern of a non-ASCII needle.
QString globPattern(const QString &needle)
{
    // GLOB has no escape character: a special character is made literal by a class of its own.
    QString p = QStringLiteral("*");
    const QList<uint> points = needle.toUcs4();
    for (uint u : points) {
        const char32_t c = u;
        if (c == U'*' || c == U'?' || c == U'[') {
            p += QLatin1Char('[') + QChar(char16_t(c)) + QLatin1Char(']');
            continue;
        }
        const QStringList forms = TextMatch::casedForms(c);
        if (forms.size() == 1)
            p += forms.first();
        else
            p += QLatin1Char('[') + forms.join(QString()) + QLatin1Char(']');
    }
    p += QLatin1Char('*');
    return p;
}

} // namespace

TextMatch::TextMatch(const QString &needle) : m_needle(needle), m_ascii(isAsciiNeedle(needle))
{
    if (m_ascii) {
        m_lower.reserve(needle.size());
        for (QChar c : needle)
            m_lower += QChar(asciiLower(c.unicode()));
        return;
    }
    const QList<uint> points = needle.toUcs4();
    for (uint u : points) {
        QList<char32_t> accepted;
        for (const QString &form : casedForms(char32_t(u)))
            accepted << form.toUcs4().value(0);
        m_classes << accepted;
    }
}

bool TextMatch::isAsciiNeedle(const QString &needle)
{
    for (QChar c : needle) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QString TextMatch::sqlCondition(const QString &column) const
{
    return m_ascii ? column + QStringLiteral(" LIKE ? ESCAPE '\\'") : column + QStringLiteral(" GLOB ?");
}

QString TextMatch::sqlPattern() const
{
    return m_ascii ? SqlFragment::likeContains(m_needle) : globPattern(m_needle);
}

QStringList TextMatch::casedForms(char32_t c)
{
    QStringList forms;
    for (char32_t v :
         {c, QChar::toLower(c), QChar::toUpper(c), QChar::toTitleCase(c), QChar::toCaseFolded(c)}) {
        const QString s = QString::fromUcs4(&v, 1);
        if (!forms.contains(s))
            forms << s;
    }
    return forms;
}

int TextMatch::matchAt(const QString &text, int pos) const
{
    if (m_needle.isEmpty() || pos < 0)
        return -1;
    const int end = effectiveLength(text);
    if (m_ascii) {
        if (pos + m_lower.size() > end)
            return -1;
        for (int i = 0; i < m_lower.size(); ++i) {
            const char16_t t = text.at(pos + i).unicode();
            if (t >= 0x80 || asciiLower(t) != m_lower.at(i).unicode())
                return -1;
        }
        return int(m_lower.size());
    }
    int at = pos;
    for (const QList<char32_t> &accepted : m_classes) {
        if (at >= end)
            return -1;
        int units = 0;
        const char32_t t = codePointAt(text, at, &units);
        if (!accepted.contains(t))
            return -1;
        at += units;
    }
    return at - pos;
}

TextRange TextMatch::indexIn(const QString &text, int from) const
{
    if (m_needle.isEmpty())
        return {-1, 0};
    const int end = effectiveLength(text);
    for (int pos = qMax(0, from); pos < end; ++pos) {
        if (text.at(pos).isLowSurrogate() && pos > 0 && text.at(pos - 1).isHighSurrogate())
            continue; // SQLite compares whole characters: never from the middle of one
        const int length = matchAt(text, pos);
        if (length >= 0)
            return {pos, length};
    }
    return {-1, 0};
}

QList<TextRange> TextMatch::findAll(const QString &text, int maxRanges) const
{
    QList<TextRange> ranges;
    int from = 0;
    while (maxRanges < 0 || ranges.size() < maxRanges) {
        const TextRange r = indexIn(text, from);
        if (r.start < 0)
            break;
        ranges << r;
        from = r.start + qMax(1, r.length);
    }
    return ranges;
}

} // namespace kalito
