#include "demodatabase.h"

#include "database.h"
#include "democontent.h"
#include "kalitoschema.h"
#include "logging.h"

#include <QDateTime>
#include <QFile>
#include <QUuid>

namespace kalito {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

struct Inserter
{
    explicit Inserter(Database &db)
        : session(db.prepare(
              QStringLiteral("INSERT INTO sessions (id, name, model, recap, persona_id, created_at, "
                             "updated_at, saved, session_type) VALUES (?,?,?,?,?,?,?,?,?)"))),
          message(db.prepare(
              QStringLiteral("INSERT INTO messages (session_id, role, text, model_id, "
                             "token_usage, importance_score, created_at) VALUES (?,?,?,?,?,?,?)"))),
          pin(db.prepare(QStringLiteral(
              "INSERT INTO semantic_pins (id, session_id, content, source_message_id, "
              "importance_score, pin_type, created_at, urgency_level) VALUES (?,?,?,?,?,?,?,?)"))),
          summary(db.prepare(
              QStringLiteral("INSERT INTO conversation_summaries (id, session_id, summary, message_count, "
                             "start_message_id, end_message_id, importance_score, created_at) "
                             "VALUES (?,?,?,?,?,?,?,?)")))
    {}
    PreparedStatement session, message, pin, summary;
};

// The sessions, their messages, pins and summaries, inside the caller's transaction.
DbError fillContent(Database &db, const DemoOptions &options, const DemoDatabase::Progress &progress,
                    DemoResult &r)
{
    DemoContent content(options.seed);
    QRandomGenerator &rnd = content.random();
    Inserter ins(db);
    const QDateTime base(QDate(2025, 1, 6), QTime(9, 0), Qt::UTC);
    const qint64 total =
        qint64(options.sessions - (options.largeSessionMessages > 0 ? 1 : 0)) * options.messagesPerSession +
        qMax(0, options.largeSessionMessages);
    const QStringList personas = {QStringLiteral("default-cloud"), QStringLiteral("default-local")};

    for (int s = 0; s < options.sessions; ++s) {
        const int count = (s == 0 && options.largeSessionMessages > 0) ? options.largeSessionMessages
                                                                       : options.messagesPerSession;
        const QString sessionId = QUuid::createUuidV5(QUuid(), QString::number(options.seed) +
                                                                   QLatin1Char('/') + QString::number(s))
                                      .toString(QUuid::WithoutBraces);
        QDateTime t = base.addSecs(qint64(s) * 3600 * 7 + rnd.bounded(3000));
        const QString model = content.model();
        const QDateTime created = t;
        QList<qint64> ids;
        ids.reserve(count);
        for (int m = 0; m < count; ++m) {
            const bool system = m > 0 && m % 50 == 0;
            const QString role = system ? QStringLiteral("system")
                                        : (m % 2 == 0 ? QStringLiteral("user") : QStringLiteral("assistant"));
            const QString text = system ? content.systemMessage()
                                        : (m % 2 == 0 ? content.userMessage() : content.assistantMessage());
            // Every so often two messages share a timestamp, as the backend's do.
            if (rnd.bounded(8) != 0)
                t = t.addMSecs(1000 + rnd.bounded(90000));
            const QVariant tokens = role == QLatin1String("assistant") ? QVariant(int(text.size() / 4 + 5))
                                                                       : QVariant(QMetaType::fromType<int>());
            if (ins.message
                    .run({sessionId, role, text, role == QLatin1String("assistant") ? model : QString(),
                          tokens, 0.3 + rnd.bounded(70) / 100.0, iso(t)})
                    .isError())
                return ins.message.error();
            ids << ins.message.lastInsertId();
            ++r.messages;
            if (progress && r.messages % 10000 == 0)
                progress(r.messages, total);
        }
        const bool saved = rnd.bounded(3) == 0;
        if (ins.session
                .run({sessionId, content.sessionName(), model,
                      count > 4 ? QStringLiteral("Recap: a conversation of %1 messages.").arg(count)
                                : QString(),
                      personas.at(s % 2), iso(created), iso(t), saved ? 1 : 0, QStringLiteral("chat")})
                .isError())
            return ins.session.error();
        ++r.sessions;

        const int pins = ids.isEmpty() ? 0 : int(rnd.bounded(4));
        for (int p = 0; p < pins; ++p) {
            const qint64 source = ids.at(int(rnd.bounded(quint32(ids.size()))));
            if (ins.pin
                    .run({QStringLiteral("pin-%1-%2").arg(s).arg(p), sessionId, content.pinContent(),
                          QString::number(source), 0.6 + rnd.bounded(40) / 100.0,
                          p == 0 ? QStringLiteral("user") : QStringLiteral("auto"), iso(t),
                          p == 1 ? QStringLiteral("high") : QStringLiteral("normal")})
                    .isError())
                return ins.pin.error();
            ++r.pins;
        }
        for (int from = 0; from + 6 < ids.size() && from < 60; from += 20) {
            const int to = qMin(int(ids.size()) - 1, from + 19);
            if (ins.summary
                    .run({QStringLiteral("sum-%1-%2").arg(s).arg(from), sessionId,
                          content.summary(to - from + 1), to - from + 1, QString::number(ids.at(from)),
                          QString::number(ids.at(to)), 0.7, iso(t)})
                    .isError())
                return ins.summary.error();
            ++r.summaries;
        }
    }
    if (progress)
        progress(r.messages, total);
    return {};
}

} // namespace

DemoResult DemoDatabase::create(const DemoOptions &options, const Progress &progress)
{
    DemoResult result;
    Database db;
    OpenOptions open;
    open.path = options.path;
    open.create = true;
    const OpenResult opened = db.open(open);
    if (!opened.ok()) {
        result.error = opened.error;
        return result;
    }
    result.error = db.execute(QStringLiteral("BEGIN"));
    // Messages are written before their session row (its updated_at is the last message's time).
    if (!result.error.isError())
        result.error = db.execute(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
    for (const QString &sql : KalitoSchema::createStatements() + KalitoSchema::seedStatements()) {
        if (!result.error.isError())
            result.error = db.execute(sql);
    }
    if (!result.error.isError())
        result.error = fillContent(db, options, progress, result);
    if (!result.error.isError())
        result.error = db.execute(QStringLiteral("COMMIT"));
    if (result.error.isError()) {
        db.execute(QStringLiteral("ROLLBACK"));
        db.close();
        QFile::remove(opened.path); // ours: we created it a moment ago
        return result;
    }
    db.close();
    qCInfo(lcDb).noquote() << "demo database" << opened.path << "created:" << result.sessions << "sessions,"
                           << result.messages << "messages";
    return result;
}

} // namespace kalito
