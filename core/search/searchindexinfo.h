#pragma once

#include "dberror.h"

#include <QMetaType>
#include <QString>

namespace kalito {

// What the search index of one database is, as SearchIndexFile::inspect() found it: facts and a
// state, never a sentence (SearchIndexText words them).
struct SearchIndexInfo
{
    enum class State {
        Unavailable, // no native SQLite handle, no FTS5 trigram tokenizer, or no messages table
        Absent,      // no index file for this database
        Partial,     // a build was started and not finished (cancelled, or the window closed)
        Ready,       // built, and what it says about the database checks out: searches use it
        Foreign,     // the file was made for another database (path or file identity differs)
        Replaced,    // the database was replaced under it (rowids went back, sampled rows differ)
        Damaged,     // SQLite or its own bookkeeping says the file is damaged or truncated
    };

    State state = State::Absent;
    QString path;              // the index file (in the user's cache)
    qint64 indexedThrough = 0; // every message with a rowid up to this one is in the index
    qint64 indexedRows = 0;
    qint64 fileBytes = 0;         // the index file on disk (with its -wal)
    qint64 messagesLastRowid = 0; // the newest message when inspected: above indexedThrough, not indexed yet
    DbError error;                // Damaged: what SQLite said

    bool usable() const { return state == State::Ready; }
    qint64 behindRows() const { return qMax<qint64>(0, messagesLastRowid - indexedThrough); }
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::SearchIndexInfo)
