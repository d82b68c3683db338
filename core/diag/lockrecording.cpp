#include "lockrecording.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace kalito {

bool LockRecording::Span::operator==(const Span &o) const
{
    return hold() == o.hold() && startMs == o.startMs && endMs == o.endMs && sinceStart == o.sinceStart &&
           walKnown == o.walKnown && mxStart == o.mxStart && backfillStart == o.backfillStart &&
           endWalKnown == o.endWalKnown && mxEnd == o.mxEnd && backfillEnd == o.backfillEnd;
}

void LockRecording::clear()
{
    m_spans.clear();
    m_lastMs = 0;
}

namespace {

// Who holds which lock: what a span shares with the transition that opens (or closes) it.
LockRecording::Span spanOf(const LockTransition &t)
{
    LockRecording::Span s;
    s.hold() = t.hold();
    return s;
}

} // namespace

void LockRecording::apply(const LockTransition &t)
{
    m_lastMs = qMax(m_lastMs, t.timeMs);
    if (t.kind == LockTransition::Acquired) {
        Span s = spanOf(t);
        s.startMs = t.timeMs;
        s.sinceStart = t.sinceStart;
        s.walKnown = t.walKnown;
        s.mxStart = t.walKnown ? t.mxFrame : 0;
        s.backfillStart = t.walKnown ? t.nBackfill : 0;
        m_spans.append(s);
        return;
    }
    for (auto it = m_spans.rbegin(); it != m_spans.rend(); ++it) {
        if (it->isOpen() && it->pid == t.pid && it->file == t.file && it->lock == t.lock) {
            it->endMs = t.timeMs;
            it->endWalKnown = t.walKnown;
            it->mxEnd = t.walKnown ? t.mxFrame : 0;
            it->backfillEnd = t.walKnown ? t.nBackfill : 0;
            return;
        }
    }
    // A release whose acquisition is not in the recording (cut off): the hold's length says when.
    Span s = spanOf(t);
    s.startMs = t.timeMs - t.heldMs;
    s.endMs = t.timeMs;
    s.endWalKnown = t.walKnown;
    s.mxEnd = t.walKnown ? t.mxFrame : 0;
    s.backfillEnd = t.walKnown ? t.nBackfill : 0;
    m_spans.append(s);
}

bool LockRecording::addLine(const QByteArray &line, RecordingFault *why)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return true;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (!doc.isObject()) {
        if (error.error != QJsonParseError::NoError) {
            why->kind = RecordingFault::Kind::NotJson;
            why->detail = error.errorString(); // Qt's words, like SQLite's: quoted as they are
            why->offset = error.offset;
        } else {
            why->kind = RecordingFault::Kind::NotAnObject;
        }
        return false;
    }
    const QJsonObject o = doc.object();
    const QString event = o.value(QStringLiteral("event")).toString();
    if (event == QLatin1String("watch") || event == QLatin1String("stop"))
        return true;
    LockTransition t;
    if (!LockTransition::fromJson(o, &t, why))
        return false;
    apply(t);
    return true;
}

bool LockRecording::parse(const QByteArray &jsonLines, LockRecording *out, RecordingFault *why)
{
    LockRecording r;
    const QList<QByteArray> lines = jsonLines.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        RecordingFault fault;
        if (!r.addLine(lines.at(i), &fault)) {
            fault.line = i + 1;
            *why = fault;
            return false;
        }
    }
    if (r.isEmpty()) {
        *why = RecordingFault{};
        why->kind = RecordingFault::Kind::NoEvents;
        return false;
    }
    *out = r;
    return true;
}

QByteArray LockRecording::toJsonLines() const
{
    QList<LockTransition> events;
    for (const Span &s : m_spans) {
        LockTransition a;
        a.kind = LockTransition::Acquired;
        a.timeMs = s.startMs;
        a.hold() = s.hold();
        a.walKnown = s.walKnown;
        a.mxFrame = s.mxStart;
        a.nBackfill = s.backfillStart;
        a.sinceStart = s.sinceStart;
        events.append(a);
        if (!s.isOpen()) {
            LockTransition r = a;
            r.kind = LockTransition::Released;
            r.timeMs = s.endMs;
            r.heldMs = s.endMs - s.startMs;
            r.walKnown = s.endWalKnown;
            r.mxFrame = s.mxEnd;
            r.nBackfill = s.backfillEnd;
            events.append(r);
        }
    }
    // Time order; at one instant releases before acquisitions, as the sampler writes them.
    std::stable_sort(events.begin(), events.end(), [](const LockTransition &a, const LockTransition &b) {
        if (a.timeMs != b.timeMs)
            return a.timeMs < b.timeMs;
        return a.kind == LockTransition::Released && b.kind == LockTransition::Acquired;
    });
    QByteArray out;
    for (const LockTransition &t : std::as_const(events))
        out += QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

void LockRecording::dropEndedBefore(qint64 cutoffMs)
{
    m_spans.erase(std::remove_if(m_spans.begin(), m_spans.end(),
                                 [cutoffMs](const Span &s) { return !s.isOpen() && s.endMs < cutoffMs; }),
                  m_spans.end());
}

QList<qint64> LockRecording::pids() const
{
    QList<qint64> list;
    for (const Span &s : m_spans) {
        if (!list.contains(s.pid))
            list.append(s.pid);
    }
    return list;
}

qint64 LockRecording::firstMs() const
{
    qint64 first = m_lastMs;
    for (const Span &s : m_spans)
        first = qMin(first, s.startMs);
    return first;
}

} // namespace kalito
