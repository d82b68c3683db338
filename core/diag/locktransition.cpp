#include "locktransition.h"

#include "lockreporttext.h"

#include <QDateTime>

namespace kalito {

QString LockTransition::isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject LockTransition::toJson() const
{
    QJsonObject o{
        {QStringLiteral("event"), kind == Acquired ? QStringLiteral("acquired") : QStringLiteral("released")},
        {QStringLiteral("time"), isoTime(timeMs)},
        {QStringLiteral("ms"), timeMs},
        {QStringLiteral("pid"), pid},
        {QStringLiteral("cmdline"), cmdline},
        {QStringLiteral("user"), user},
        {QStringLiteral("file"), file},
        {QStringLiteral("lock"), lock},
        {QStringLiteral("mode"), write ? QStringLiteral("write") : QStringLiteral("read")}};
    o.insert(QStringLiteral("mx_frame"), walKnown ? QJsonValue(qint64(mxFrame)) : QJsonValue());
    o.insert(QStringLiteral("n_backfill"), walKnown ? QJsonValue(qint64(nBackfill)) : QJsonValue());
    if (kind == Released)
        o.insert(QStringLiteral("held_ms"), heldMs);
    else if (sinceStart)
        o.insert(QStringLiteral("since_start"), true);
    return o;
}

bool LockTransition::fromJson(const QJsonObject &o, LockTransition *t, RecordingFault *why)
{
    const QString event = o.value(QStringLiteral("event")).toString();
    if (event != QLatin1String("acquired") && event != QLatin1String("released")) {
        why->kind = RecordingFault::Kind::UnknownEvent;
        why->value = event;
        return false;
    }
    // Numbers are checked against their range before any conversion: a recording is a file a
    // person chose, and 1e300 converted to an integer is undefined behaviour.
    const struct
    {
        const char *field;
        double max;
        bool required;
    } numbers[] = {{"ms", 9007199254740992.0, true}, // 2^53: exact in a double
                   {"pid", 2147483647.0, true},
                   {"held_ms", 9007199254740992.0, false},
                   {"mx_frame", 4294967295.0, false},
                   {"n_backfill", 4294967295.0, false}};
    for (const auto &n : numbers) {
        const QJsonValue v = o.value(QLatin1String(n.field));
        if ((n.required && !v.isDouble()) || (!v.isUndefined() && !v.isNull() && !v.isDouble())) {
            why->kind = RecordingFault::Kind::NotANumber;
            why->field = QLatin1String(n.field);
            return false;
        }
        if (v.isDouble() && !(v.toDouble() >= 0 && v.toDouble() <= n.max)) {
            why->kind = RecordingFault::Kind::OutOfRange;
            why->field = QLatin1String(n.field);
            why->value = QString::number(v.toDouble());
            return false;
        }
    }
    for (const char *field : {"file", "lock", "mode"}) {
        if (o.value(QLatin1String(field)).toString().isEmpty()) {
            why->kind = RecordingFault::Kind::Missing;
            why->field = QLatin1String(field);
            return false;
        }
    }
    const QString file = o.value(QStringLiteral("file")).toString();
    if (file != QLatin1String("db") && file != QLatin1String("shm")) {
        why->kind = RecordingFault::Kind::BadFile;
        why->field = QStringLiteral("file");
        why->value = file;
        return false;
    }
    LockTransition r;
    r.kind = event == QLatin1String("acquired") ? Acquired : Released;
    r.timeMs = qint64(o.value(QStringLiteral("ms")).toDouble());
    r.pid = qint64(o.value(QStringLiteral("pid")).toDouble());
    r.cmdline = o.value(QStringLiteral("cmdline")).toString();
    r.user = o.value(QStringLiteral("user")).toString();
    r.file = file;
    r.lock = o.value(QStringLiteral("lock")).toString();
    r.write = o.value(QStringLiteral("mode")).toString() == QLatin1String("write");
    r.walKnown = o.value(QStringLiteral("mx_frame")).isDouble();
    r.mxFrame = quint32(o.value(QStringLiteral("mx_frame")).toDouble());
    r.nBackfill = quint32(o.value(QStringLiteral("n_backfill")).toDouble());
    r.heldMs = qint64(o.value(QStringLiteral("held_ms")).toDouble());
    r.sinceStart = o.value(QStringLiteral("since_start")).toBool();
    if (r.kind == Released && (!o.value(QStringLiteral("held_ms")).isDouble() || r.heldMs < 0)) {
        why->kind = RecordingFault::Kind::ReleaseNeedsHeld;
        why->field = QStringLiteral("held_ms");
        return false;
    }
    *t = r;
    return true;
}

QString LockTransition::toText() const
{
    return LockReportText::transition(*this);
}

} // namespace kalito
