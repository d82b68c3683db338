#pragma once

#include <QRandomGenerator>
#include <QString>

namespace kalito {

// Realistic, varied text for the demo database: several languages and scripts, emoji, Markdown,
// HTML fragments, short and very long messages. Deterministic for a given generator.
class DemoContent
{
public:
    explicit DemoContent(quint32 seed);

    QString sessionName();
    QString userMessage();
    QString assistantMessage();
    QString systemMessage();
    QString pinContent();
    QString summary(int messageCount);
    QString model();

    QRandomGenerator &random() { return m_random; }

private:
    const QString &pick(const QList<QString> &list);
    QRandomGenerator m_random;
};

} // namespace kalito
