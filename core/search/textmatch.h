#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace kalito {

// Where a needle occurs in a text, in UTF-16 units of the QString.
struct TextRange
{
    int start = 0;
    int length = 0;
    bool operator==(const TextRange &o) const { return start == o.start && length == o.length; }
};

// The one definition of "this text contains the needle" used by every search of the inspector:
// the same answer as MessageSearch's SQL (tests/core/tst_textmatch checks it against SQLite's own
// LIKE and GLOB), computed in C++ where the text is already at hand (a snippet to highlight, a
// message in view) so that what is highlighted is exactly what the search found.
// - An ASCII-only needle matches like `LIKE ? ESCAPE '\'`: ASCII letters fold their case, nothing
//   else does (a Kelvin sign is no "k").
// - A needle with non-ASCII characters matches like MessageSearch's GLOB pattern: each code point of
//   the text must be one of the cased forms of the needle's code point (casedForms()).
// As in SQLite, the text ends at its first NUL character.
class TextMatch
{
public:
    TextMatch() = default;
    explicit TextMatch(const QString &needle);

    QString needle() const { return m_needle; }
    bool isEmpty() const { return m_needle.isEmpty(); }
    bool isAscii() const { return m_ascii; }

    // The length in UTF-16 units of the match starting at text[pos], or -1 when none starts there.
    int matchAt(const QString &text, int pos) const;
    // The first match starting at or after from, or {-1, 0}.
    TextRange indexIn(const QString &text, int from = 0) const;
    // Every match, left to right, not overlapping; at most maxRanges (negative: all).
    QList<TextRange> findAll(const QString &text, int maxRanges = -1) const;

    static QList<TextRange> findAll(const QString &text, const QString &needle)
    {
        return TextMatch(needle).findAll(text);
    }
    static bool isAsciiNeedle(const QString &needle);

    // The one choice of SQL for "column contains the needle", the SQL twin of this matching:
    // `column LIKE ? ESCAPE '\'` for an ASCII needle (LIKE folds ASCII case only and can use no
    // index here anyway), `column GLOB ?` with a class per cased character otherwise. `column` is
    // a constant or quoted expression; bind sqlPattern() to the condition's one placeholder.
    QString sqlCondition(const QString &column) const;
    QString sqlPattern() const;
    // The forms a code point of a non-ASCII needle matches: itself, its lower, upper, title case
    // and case-folded forms (single code points; no one-to-many folds such as ß -> ss).
    static QStringList casedForms(char32_t c);

private:
    QString m_needle;
    bool m_ascii = true;
    QString m_lower;                  // ASCII needle, lowered
    QList<QList<char32_t>> m_classes; // non-ASCII needle: the accepted code points, one list per needle point
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::TextRange)
