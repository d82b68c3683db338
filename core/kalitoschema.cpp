#include "kalitoschema.h"

namespace kalito::KalitoSchema {

namespace {

struct Column
{
    const char *name;
    const char *declaration; // type and constraints, as the backend's DDL writes them
};

struct Table
{
    const char *name;
    QList<Column> columns;
    QStringList indexes; // created right after the table
};

// In dependency order (messages, summaries and pins reference sessions).
const QList<Table> &tables()
{
    static const QList<Table> all = {
        {"personas",
         {{"id", "TEXT PRIMARY KEY"},
          {"name", "TEXT NOT NULL"},
          {"prompt", "TEXT NOT NULL"},
          {"description", "TEXT"},
          {"icon", "TEXT"},
          {"category", "TEXT"},
          {"default_model", "TEXT"},
          {"suggested_models", "TEXT"},
          {"temperature", "REAL"},
          {"maxTokens", "INTEGER"},
          {"topP", "REAL"},
          {"repeatPenalty", "REAL"},
          {"stopSequences", "TEXT"},
          {"is_default", "INTEGER DEFAULT 0"},
          {"created_at", "TEXT"},
          {"updated_at", "TEXT"},
          {"eldercare_specialty", "TEXT"},
          {"patient_context", "TEXT"}},
         {}},
        {"sessions",
         {{"id", "TEXT PRIMARY KEY"},
          {"name", "TEXT"},
          {"model", "TEXT"},
          {"recap", "TEXT"},
          {"persona_id", "TEXT"},
          {"created_at", "TEXT"},
          {"updated_at", "TEXT"},
          {"saved", "INTEGER DEFAULT 0"},
          {"session_type", "TEXT DEFAULT 'chat'"},
          {"patient_id", "TEXT"},
          {"related_record_id", "TEXT"},
          {"care_category", "TEXT"}},
         {}},
        {"messages",
         {{"id", "INTEGER PRIMARY KEY AUTOINCREMENT"},
          {"session_id", "TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE"},
          {"role", "TEXT"},
          {"text", "TEXT"},
          {"model_id", "TEXT"},
          {"token_usage", "INTEGER"},
          {"importance_score", "REAL DEFAULT 0.5"},
          {"created_at", "TEXT"}},
         {QStringLiteral("CREATE INDEX IF NOT EXISTS idx_messages_session_created "
                         "ON messages(session_id, created_at DESC)"),
          QStringLiteral("CREATE INDEX IF NOT EXISTS idx_messages_session_importance_created "
                         "ON messages(session_id, importance_score DESC, created_at DESC)")}},
        {"conversation_summaries",
         {{"id", "TEXT PRIMARY KEY"},
          {"session_id", "TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE"},
          {"summary", "TEXT NOT NULL"},
          {"message_count", "INTEGER NOT NULL"},
          {"start_message_id", "TEXT"},
          {"end_message_id", "TEXT"},
          {"importance_score", "REAL DEFAULT 0.7"},
          {"created_at", "TEXT"}},
         {}},
        {"semantic_pins",
         {{"id", "TEXT PRIMARY KEY"},
          {"session_id", "TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE"},
          {"content", "TEXT NOT NULL"},
          {"source_message_id", "TEXT"},
          {"importance_score", "REAL DEFAULT 0.8"},
          {"pin_type", "TEXT DEFAULT 'user'"},
          {"created_at", "TEXT"},
          {"medical_category", "TEXT"},
          {"patient_id", "TEXT"},
          {"urgency_level", "TEXT DEFAULT 'normal'"}},
         {}},
    };
    return all;
}

} // namespace

QStringList coreTables()
{
    return {QStringLiteral("sessions"), QStringLiteral("messages"), QStringLiteral("personas"),
            QStringLiteral("conversation_summaries"), QStringLiteral("semantic_pins")};
}

QStringList columns(const QString &table)
{
    QStringList names;
    for (const Table &t : tables()) {
        if (table.compare(QLatin1String(t.name), Qt::CaseInsensitive) != 0)
            continue;
        for (const Column &c : t.columns)
            names << QLatin1String(c.name);
    }
    return names;
}

QStringList createStatements()
{
    QStringList ddl;
    for (const Table &t : tables()) {
        QStringList defs;
        for (const Column &c : t.columns)
            defs << QLatin1String(c.name) + QLatin1Char(' ') + QLatin1String(c.declaration);
        // sql-ok: names and declarations are the constants of the table above
        ddl << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2)")
                   .arg(QLatin1String(t.name), defs.join(QStringLiteral(", ")));
        ddl += t.indexes;
    }
    return ddl;
}

QStringList seedStatements()
{
    return {
        QStringLiteral(
            "INSERT OR IGNORE INTO personas (id, name, prompt, description, icon, category, "
            "default_model, temperature, maxTokens, topP, repeatPenalty, is_default, created_at, "
            "updated_at) VALUES ('default-cloud', 'Default Cloud Assistant', "
            "'You are a helpful, careful assistant. Answer clearly and say when you are unsure.', "
            "'General assistant backed by a cloud model', '☁️', 'cloud', 'gpt-4o-mini', 0.7, 2048, "
            "0.9, 1.1, 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')"),
        QStringLiteral("INSERT OR IGNORE INTO personas (id, name, prompt, description, icon, category, "
                       "default_model, temperature, maxTokens, topP, repeatPenalty, is_default, created_at, "
                       "updated_at) VALUES ('default-local', 'Default Local Assistant', "
                       "'You are a helpful assistant running on this machine. Keep answers short.', "
                       "'General assistant backed by a local model', '🏠', 'local', 'llama3.1:8b', 0.6, 1024, "
                       "0.9, 1.15, 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')"),
    };
}

} // namespace kalito::KalitoSchema
