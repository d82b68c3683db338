#include "displaytext.h"

#include "oneline.h"

#include <QDateTime>
#include <QLocale>

namespace kalito::ui::DisplayText {

namespace {

QString format(const QVariant &value, const QString &pattern)
{
    const QString s = value.toString();
    if (s.isEmpty())
        return s;
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return s;
    return t.toLocalTime().toString(pattern);
}

} // namespace

QString shortTimestamp(const QVariant &value)
{
    return format(value, QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString timestamp(const QVariant &value)
{
    return format(value, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString oneLine(const QString &text, int maxChars)
{
    QString line = kalito::oneLine(text.left(maxChars + 1));
    if (line.size() > maxChars) {
        line.truncate(maxChars);
        line += QChar(0x2026);
    }
    return line;
}

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
        return true;
    default:
        return false;
    }
}

QString cell(const QVariant &value)
{
    if (value.isNull())
        return QString();
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        return QString::number(value.toDouble(), 'g', 12);
    return oneLine(value.toString());
}

QString full(const QVariant &value)
{
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

} // namespace kalito::ui::DisplayText
