#include "sqlsourcescanner.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

namespace kalito::test {

namespace {

const QRegularExpression &sqlWords()
{
    static const QRegularExpression re(QStringLiteral(
        "\\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|ATTACH|VACUUM|REINDEX|WHERE|FROM)\\b"));
    return re;
}

int skipSpace(const QString &s, int i)
{
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return i;
}

// Index just past the string literal starting at i (s[i] == '"').
int skipStringLiteral(const QString &s, int i)
{
    for (++i; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('\\'))
            ++i;
        else if (s.at(i) == QLatin1Char('"'))
            return i + 1;
    }
    return i;
}

// From an opening parenthesis at i: the top-level comma-separated pieces, and the index past ')'.
QStringList arguments(const QString &s, int i, int *end)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('"')) {
            const int next = skipStringLiteral(s, i);
            current += s.mid(i, next - i);
            i = next - 1;
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            if (depth++ == 0)
                continue;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (--depth == 0) {
                parts << current.trimmed();
                *end = i + 1;
                return parts;
            }
        } else if (c == QLatin1Char(',') && depth == 1) {
            parts << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    *end = s.size();
    return parts;
}

// One operand after '+': up to the next top-level '+', ',', ')' or ';'.
QString operand(const QString &s, int i, int *end)
{
    int depth = 0;
    int j = i;
    for (; j < s.size(); ++j) {
        const QChar c = s.at(j);
        if (c == QLatin1Char('"')) {
            j = skipStringLiteral(s, j) - 1;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']')) {
            if (depth-- == 0)
                break;
        } else if (depth == 0 && (c == QLatin1Char('+') || c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            break;
        }
    }
    *end = j;
    return s.mid(i, j - i).trimmed();
}

bool isSafe(const QString &expression)
{
    static const QRegularExpression safe(
        QStringLiteral(
            "^((Database::)?quoteIdentifier\\(.*\\)|QString::number\\(.*\\)|-?[0-9]+|"
            "(QStringLiteral|QLatin1String|QLatin1Char)\\(\\s*[\"'].*[\"']\\s*\\)|\"([^\"\\\\]|\\\\.)*\")$"),
        QRegularExpression::DotMatchesEverythingOption);
    return safe.match(expression.trimmed()).hasMatch();
}

int lineOf(const QString &s, int index)
{
    return int(s.left(index).count(QLatin1Char('\n'))) + 1;
}

bool marked(const QStringList &lines, int line)
{
    for (int l = line - 3; l <= line; ++l) { // two lines above, the line itself, the next
        if (l >= 0 && l < lines.size() && lines.at(l).contains(QLatin1String("sql-ok:")))
            return true;
    }
    return false;
}

} // namespace

QStringList SqlSourceScanner::scan(const QString &source)
{
    QStringList findings;
    const QStringList lines = source.split(QLatin1Char('\n'));
    static const QRegularExpression opener(QStringLiteral("\\b(QStringLiteral|QLatin1String)\\s*\\("));
    auto it = opener.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // The literal: one or more adjacent "..." pieces inside the parentheses.
        int i = skipSpace(source, int(m.capturedEnd()));
        QString text;
        while (i < source.size() && source.at(i) == QLatin1Char('"')) {
            const int next = skipStringLiteral(source, i);
            text += source.mid(i + 1, next - i - 2);
            i = skipSpace(source, next);
        }
        if (i >= source.size() || source.at(i) != QLatin1Char(')') || !sqlWords().match(text).hasMatch())
            continue;
        int pos = skipSpace(source, i + 1);
        // Whatever is glued on: .arg(...) chains and + operands, in any order.
        while (pos < source.size()) {
            QStringList glued;
            if (source.mid(pos, 5) == QLatin1String(".arg(")) {
                int end = 0;
                glued = arguments(source, pos + 4, &end);
                pos = skipSpace(source, end);
            } else if (source.at(pos) == QLatin1Char('+') && source.mid(pos, 2) != QLatin1String("+=")) {
                int end = 0;
                glued << operand(source, pos + 1, &end);
                pos = skipSpace(source, end);
            } else {
                break;
            }
            for (const QString &g : std::as_const(glued)) {
                const int line = lineOf(source, pos);
                if (!isSafe(g) && !marked(lines, lineOf(source, int(m.capturedStart()))) &&
                    !marked(lines, line))
                    findings << QStringLiteral("%1: \"%2\" gets %3")
                                    .arg(lineOf(source, int(m.capturedStart())))
                                    .arg(text.left(60), g.simplified());
            }
        }
    }
    return findings;
}

QStringList SqlSourceScanner::scanTree(const QStringList &folders)
{
    QStringList findings;
    for (const QString &folder : folders) {
        QDirIterator it(folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QStringList found = scan(QString::fromUtf8(f.readAll()));
            for (const QString &finding : found)
                findings << path + QLatin1Char(':') + finding;
        }
    }
    return findings;
}

} // namespace kalito::test
