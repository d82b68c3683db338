#include "sessionexporter.h"

#include "browse/keysetpager.h"
#include "browse/schemainfo.h"
#include "database.h"
#include "oneline.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

#include <cmath>

namespace kalito {

namespace {

QStringList exportedColumns(Database &db, const QString &table, DbError *error)
{
    // hidden 1 marks a virtual table's hidden columns; generated columns (2, 3) are real data.
    QStringList names;
    for (const ColumnInfo &c : SchemaInfo::readColumns(db, table, error)) {
        if (c.hidden != 1)
            names << c.name;
    }
    return names;
}

QStringList quoted(const QStringList &columns)
{
    QStringList list;
    for (const QString &c : columns)
        list << Database::quoteIdentifier(c);
    return list;
}

QString selectList(const QStringList &columns)
{
    return quoted(columns).join(QStringLiteral(", "));
}

QString text(const QVariant &value)
{
    if (value.isNull())
        return QString();
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toBase64());
    return value.toString();
}

bool sameFile(const QString &a, const QString &b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 &&
           ::stat(QFile::encodeName(b).constData(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

} // namespace

QString formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("markdown");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    }
    return QString();
}

QString formatSuffix(ExportFormat format)
{
    return format == ExportFormat::Markdown ? QStringLiteral("md") : formatName(format);
}

SessionExporter::SessionExporter(const ExportOptions &options) : m_options(options)
{
    m_result.path = options.path;
    m_options.pageSize = qMax(1, options.pageSize);
}

SessionExporter::~SessionExporter() = default;

DbError SessionExporter::refuseDatabaseFiles(const Database &db) const
{
    // Writing over the database (or closing a descriptor on it) would destroy it or drop this
    // process's locks; stat() compares without opening anything.
    const QString dbPath = db.path();
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (sameFile(m_options.path, dbPath + suffix) ||
            QFileInfo(m_options.path).absoluteFilePath() == QFileInfo(dbPath + suffix).absoluteFilePath()) {
            return DbError::make(DbError::Kind::AlreadyExists, DbError::Reason::ExportOntoDatabase,
                                 m_options.path);
        }
    }
    return DbError();
}

DbError SessionExporter::begin(Database &db)
{
    DbError &error = m_result.error;
    error = refuseDatabaseFiles(db);
    if (error.isError())
        return error;
    m_messageColumns = exportedColumns(db, QStringLiteral("messages"), &error);
    if (!error.isError() && !m_messageColumns.contains(QStringLiteral("session_id")))
        error = DbError::make(DbError::Kind::Sqlite,
                              m_messageColumns.isEmpty() ? DbError::Reason::NoMessagesTable
                                                         : DbError::Reason::NoSessionIdColumn,
                              db.path());
    m_sessionColumns = exportedColumns(db, QStringLiteral("sessions"), &error);
    if (error.isError())
        return error;

    QVariantList session;
    if (m_sessionColumns.contains(QStringLiteral("id"))) {
        // sql-ok: selectList() quotes every column name with Database::quoteIdentifier
        const SqlResult r = db.select(
            QStringLiteral("SELECT %1 FROM sessions WHERE id = ?").arg(selectList(m_sessionColumns)),
            {m_options.sessionId}, 1);
        if (!r.ok())
            return error = r.error;
        if (r.rows.isEmpty())
            return error = DbError::make(DbError::Kind::NotFound, DbError::Reason::NoSuchSession, db.path(),
                                         {m_options.sessionId});
        session = r.rows.first();
    } else {
        m_sessionColumns = {QStringLiteral("id")};
        session = {m_options.sessionId};
    }

    // Two keyset walks (KeysetPager): messages without created_at by rowid, then the others by
    // (created_at, rowid); a key is never NULL, and the NULLs come first as ORDER BY created_at
    // puts them.
    const bool timed = m_messageColumns.contains(QStringLiteral("created_at"));
    KeysetSpec spec;
    spec.select = quoted(m_messageColumns);
    spec.table.name = QStringLiteral("messages");
    spec.binds = {m_options.sessionId};
    m_nullSpec = spec;
    m_nullSpec.keys = {{QStringLiteral("rowid")}};
    m_nullSpec.where =
        timed ? QStringLiteral("session_id = ? AND created_at IS NULL") : QStringLiteral("session_id = ?");
    if (timed) {
        m_timedSpec = spec;
        m_timedSpec.keys = {{QStringLiteral("created_at")}, {QStringLiteral("rowid")}};
        m_timedSpec.where = QStringLiteral("session_id = ? AND created_at IS NOT NULL");
    }
    m_lastKey.clear();

    m_file = std::make_unique<QSaveFile>(m_options.path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        error = DbError::make(DbError::Kind::Io, DbError::Reason::WriteFailed, m_options.path, {},
                              m_file->errorString());
        m_file.reset();
        return error;
    }
    writeHeader(session);
    return error;
}

bool SessionExporter::writePage(Database &db)
{
    if (!m_file || m_result.error.isError() || m_phase == 2)
        return false;
    const int n = m_options.pageSize;
    const KeysetSpec &spec = m_phase == 0 ? m_nullSpec : m_timedSpec;
    const RowPage page =
        m_lastKey.isEmpty() ? KeysetPager::first(db, spec, n) : KeysetPager::after(db, spec, m_lastKey, n);
    if (!page.ok()) {
        m_result.error = page.error;
        return false;
    }
    for (const QVariantList &row : page.rows) {
        writeMessage(row);
        ++m_result.messages;
    }
    if (!page.keys.isEmpty())
        m_lastKey = page.keys.last();
    if (page.size() < n) {
        m_phase = (m_phase == 0 && m_timedSpec.isValid()) ? 1 : 2;
        m_lastKey.clear();
    }
    if (!m_buffer.isEmpty())
        write(QByteArray());
    return m_phase != 2 && !m_result.error.isError();
}

ExportResult SessionExporter::finish(bool cancel)
{
    if (!m_file)
        return m_result;
    if (cancel || m_result.error.isError()) {
        m_file->cancelWriting();
        m_file.reset();
        m_result.cancelled = cancel;
        return m_result;
    }
    writeFooter();
    write(QByteArray());
    if (!m_file->commit())
        m_result.error = DbError::make(DbError::Kind::Io, DbError::Reason::WriteFailed, m_options.path, {},
                                       m_file->errorString());
    m_file.reset();
    return m_result;
}

ExportResult SessionExporter::exportSession(Database &db, const ExportOptions &options)
{
    SessionExporter exporter(options);
    if (!exporter.begin(db).isError()) {
        while (exporter.writePage(db)) {
        }
    }
    return exporter.finish();
}

void SessionExporter::write(const QByteArray &bytes)
{
    m_buffer += bytes;
    if (m_buffer.isEmpty() || !m_file)
        return;
    if (m_file->write(m_buffer) != m_buffer.size() && !m_result.error.isError())
        m_result.error = DbError::make(DbError::Kind::Io, DbError::Reason::WriteFailed, m_options.path, {},
                                       m_file->errorString());
    m_result.bytes += m_buffer.size();
    m_buffer.clear();
}

QByteArray SessionExporter::csvField(const QVariant &value)
{
    QByteArray f = text(value).toUtf8();
    if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
        f.replace("\"", "\"\"");
        f = '"' + f + '"';
    }
    return f;
}

QByteArray SessionExporter::jsonString(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20)
                out += "\\u00" + QByteArray::number(c, 16).rightJustified(2, '0');
            else
                out += ch;
        }
    }
    out += '"';
    return out;
}

QByteArray SessionExporter::jsonValue(const QVariant &value)
{
    if (value.isNull())
        return "null";
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) ? value.toString().toUtf8() : QByteArray("null");
    }
    default:
        return jsonString(text(value));
    }
}

void SessionExporter::writeHeader(const QVariantList &session)
{
    switch (m_options.format) {
    case ExportFormat::Json: {
        QByteArray out = "{\"session\": {";
        for (int i = 0; i < m_sessionColumns.size(); ++i)
            out += (i ? ", " : "") + jsonString(m_sessionColumns.at(i)) + ": " + jsonValue(session.value(i));
        write(out + "},\n\"messages\": [");
        break;
    }
    case ExportFormat::Csv: {
        QByteArray out = m_options.csvByteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
        for (int i = 0; i < m_messageColumns.size(); ++i)
            out += (i ? "," : "") + csvField(m_messageColumns.at(i));
        write(out + "\r\n");
        break;
    }
    case ExportFormat::Markdown: {
        const int nameAt = int(m_sessionColumns.indexOf(QStringLiteral("name")));
        QString title = oneLine(text(session.value(nameAt)));
        if (title.isEmpty())
            title = m_options.sessionId;
        QString out = QStringLiteral("# %1\n\n").arg(title);
        for (int i = 0; i < m_sessionColumns.size(); ++i) {
            if (!session.value(i).isNull())
                out +=
                    QStringLiteral("- %1: %2\n").arg(m_sessionColumns.at(i), oneLine(text(session.value(i))));
        }
        write(out.toUtf8());
        break;
    }
    }
}

void SessionExporter::writeMessage(const QVariantList &row)
{
    switch (m_options.format) {
    case ExportFormat::Json: {
        QByteArray out = m_result.messages ? ",\n  {" : "\n  {";
        for (int i = 0; i < m_messageColumns.size(); ++i)
            out += (i ? ", " : "") + jsonString(m_messageColumns.at(i)) + ": " + jsonValue(row.value(i));
        write(out + '}');
        break;
    }
    case ExportFormat::Csv: {
        QByteArray out;
        for (int i = 0; i < m_messageColumns.size(); ++i)
            out += (i ? "," : "") + csvField(row.value(i));
        write(out + "\r\n");
        break;
    }
    case ExportFormat::Markdown: {
        auto valueOf = [&](const char *column) {
            return row.value(int(m_messageColumns.indexOf(QLatin1String(column))));
        };
        const QString role = oneLine(text(valueOf("role")));
        const QString time = oneLine(text(valueOf("created_at")));
        QString out = QStringLiteral("\n---\n\n## %1%2\n\n")
                          .arg(role.isEmpty() ? QStringLiteral("(no role)") : role,
                               time.isEmpty() ? QString() : QStringLiteral(" · ") + time);
        QStringList details;
        for (int i = 0; i < m_messageColumns.size(); ++i) {
            const QString &c = m_messageColumns.at(i);
            if (c == QLatin1String("text") || c == QLatin1String("role") ||
                c == QLatin1String("created_at") || c == QLatin1String("session_id") || row.value(i).isNull())
                continue;
            details << QStringLiteral("%1: %2").arg(c, oneLine(text(row.value(i))));
        }
        if (!details.isEmpty())
            out += details.join(QStringLiteral(" · ")) + QStringLiteral("\n\n");
        const QVariant body = valueOf("text");
        out += body.isNull() ? QStringLiteral("(no text)") : text(body);
        write((out + QLatin1Char('\n')).toUtf8());
        break;
    }
    }
}

void SessionExporter::writeFooter()
{
    if (m_options.format == ExportFormat::Json)
        write(m_result.messages ? "\n]}\n" : "]}\n");
}

} // namespace kalito
