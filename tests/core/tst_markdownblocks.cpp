#include "browse/markdownblocks.h"

#include <QElapsedTimer>
#include <QtTest>

using kalito::MarkdownBlocks;
using Kind = MarkdownBlocks::Kind;
using Span = MarkdownBlocks::Span;

class TestMarkdownBlocks : public QObject
{
    Q_OBJECT
private slots:
    void paragraphsSplitOnBlankLines()
    {
        const auto b = MarkdownBlocks::parse(QStringLiteral("Hello\nworld\n\nSecond  para"));
        QCOMPARE(b.size(), 2);
        QCOMPARE(b[0].kind, Kind::Paragraph);
        QCOMPARE(b[0].text, QStringLiteral("Hello\nworld"));
        QCOMPARE(b[1].text, QStringLiteral("Second  para"));
        QCOMPARE(b[1].sourceStart, 13);
    }
    void fencedCodeIsVerbatim()
    {
        const auto b =
            MarkdownBlocks::parse(QStringLiteral("Run:\n```python\n  x = **1**\n\n  print(`x`)\n```\nDone"));
        QCOMPARE(b.size(), 3);
        QCOMPARE(b[1].kind, Kind::Code);
        QCOMPARE(b[1].marker, QStringLiteral("python"));
        QCOMPARE(b[1].text, QStringLiteral("  x = **1**\n\n  print(`x`)"));
        QVERIFY(b[1].spans.isEmpty());
        QCOMPARE(b[2].text, QStringLiteral("Done"));
    }
    void unclosedFenceRunsToTheEnd()
    {
        const auto b = MarkdownBlocks::parse(QStringLiteral("```\na\nb"));
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0].kind, Kind::Code);
        QCOMPARE(b[0].text, QStringLiteral("a\nb"));
    }
    void listsWithLevelsAndNumbers()
    {
        const auto b =
            MarkdownBlocks::parse(QStringLiteral("- one\n  continued\n  - nested\n3. third\n* star"));
        QCOMPARE(b.size(), 4);
        QCOMPARE(b[0].kind, Kind::ListItem);
        QCOMPARE(b[0].marker, QStringLiteral("•"));
        QCOMPARE(b[0].level, 0);
        QCOMPARE(b[0].text, QStringLiteral("one\ncontinued"));
        QCOMPARE(b[1].level, 1);
        QCOMPARE(b[1].text, QStringLiteral("nested"));
        QCOMPARE(b[2].marker, QStringLiteral("3."));
        QCOMPARE(b[2].text, QStringLiteral("third"));
        QCOMPARE(b[3].marker, QStringLiteral("•"));
        QCOMPARE(MarkdownBlocks::plainText(b),
                 QStringLiteral("• one\ncontinued\n  • nested\n3. third\n• star"));
    }
    void headingsAndQuotes()
    {
        const auto b =
            MarkdownBlocks::parse(QStringLiteral("## Title ##\n> quoted\n> more\n>> deeper\n#nohash"));
        QCOMPARE(b.size(), 4);
        QCOMPARE(b[0].kind, Kind::Heading);
        QCOMPARE(b[0].level, 2);
        QCOMPARE(b[0].text, QStringLiteral("Title"));
        QCOMPARE(b[1].kind, Kind::Quote);
        QCOMPARE(b[1].text, QStringLiteral("quoted\nmore"));
        QCOMPARE(b[2].level, 2);
        QCOMPARE(b[2].text, QStringLiteral("deeper"));
        QCOMPARE(b[3].kind, Kind::Paragraph); // "#" without a space is text, not a heading
        QCOMPARE(b[3].text, QStringLiteral("#nohash"));
    }
    void inlineSpans()
    {
        const auto b = MarkdownBlocks::parse(QStringLiteral("Take **10 mg** of `lisinopril` \\*daily\\*"));
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0].text, QStringLiteral("Take 10 mg of lisinopril *daily*"));
        QCOMPARE(b[0].spans.size(), 2);
        QCOMPARE(b[0].spans[0], (MarkdownBlocks::InlineSpan{Span::Bold, 5, 5}));
        QCOMPARE(b[0].spans[1], (MarkdownBlocks::InlineSpan{Span::Code, 14, 10}));
    }
    void italicSpans()
    {
        // *italic* and _italic_ as italic (issue 20); snake_case, a lone "*" and "2 * 3 * 4" stay text.
        const auto b = MarkdownBlocks::parse(
            QStringLiteral("An *aside* and _another_, **bold** too; my_var_name, 2 * 3 * 4, a * alone"));
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0].text,
                 QStringLiteral("An aside and another, bold too; my_var_name, 2 * 3 * 4, a * alone"));
        QCOMPARE(b[0].spans.size(), 3);
        QCOMPARE(b[0].spans[0], (MarkdownBlocks::InlineSpan{Span::Italic, 3, 5}));
        QCOMPARE(b[0].spans[1], (MarkdownBlocks::InlineSpan{Span::Italic, 13, 7}));
        QCOMPARE(b[0].spans[2], (MarkdownBlocks::InlineSpan{Span::Bold, 22, 4}));
    }
    void htmlStaysText()
    {
        const QString html = QStringLiteral("<b>not bold</b> <script>alert(1)</script>");
        const auto b = MarkdownBlocks::parse(html);
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0].text, html);
        QVERIFY(b[0].spans.isEmpty());
    }
    void unmatchedMarkersStay()
    {
        const auto b = MarkdownBlocks::parse(QStringLiteral("a ** b and `c and __d"));
        QCOMPARE(b[0].text, QStringLiteral("a ** b and `c and __d"));
        QVERIFY(b[0].spans.isEmpty());
    }
    void scriptsSurviveUntouched()
    {
        const QString text =
            QStringLiteral("مرحبا بك\n\nשלום עולם 👋🏽\n\n你好，世界。");
        const auto b = MarkdownBlocks::parse(text);
        QCOMPARE(b.size(), 3);
        QVERIFY(b[0].text.isRightToLeft());
        QVERIFY(b[1].text.isRightToLeft());
        QVERIFY(!b[2].text.isRightToLeft());
        QCOMPARE(MarkdownBlocks::plainText(b), text);
    }
    void windowsLineEndsAndRules()
    {
        const auto b = MarkdownBlocks::parse(QStringLiteral("a\r\n\r\n---\r\nb"));
        QCOMPARE(b.size(), 3);
        QCOMPARE(b[0].text, QStringLiteral("a"));
        QCOMPARE(b[2].text, QStringLiteral("b"));
    }
    void emptyText() { QVERIFY(MarkdownBlocks::parse(QString()).isEmpty()); }
    void largeAdversarialInputIsLinear()
    {
        // Many unmatched openers: each looks ahead a bounded window only. A correctness check
        // that the parse completes with the text intact (speed belongs in the benchmarks).
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("**a __b ");
        const auto b = MarkdownBlocks::parse(text);
        QCOMPARE(b.size(), 1);
        QCOMPARE(b[0].text.size(), text.size());
    }
};

QTEST_GUILESS_MAIN(TestMarkdownBlocks)
#include "tst_markdownblocks.moc"
