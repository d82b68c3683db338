#include "searchindextext.h"

#include "textlocale.h"

namespace kalito {

QString SearchIndexText::state(const SearchIndexInfo &info)
{
    const QLocale locale = TextLocale::get();
    using State = SearchIndexInfo::State;
    switch (info.state) {
    case State::Unavailable:
        return tr("No search index: this database or this SQLite cannot have one (FTS5 trigram tokenizer).");
    case State::Absent:
        return tr("No search index: every search reads all messages.");
    case State::Partial:
        return tr("Search index partly built (up to message %1): not used until it is finished.")
            .arg(locale.toString(info.indexedThrough));
    case State::Ready:
        if (info.behindRows() > 0)
            return tr("Search index in use: %1 messages, %2 on disk; the %3 newer ones are read directly.")
                .arg(locale.toString(info.indexedRows), locale.formattedDataSize(info.fileBytes),
                     locale.toString(info.behindRows()));
        return tr("Search index in use: %1 messages, %2 on disk.")
            .arg(locale.toString(info.indexedRows), locale.formattedDataSize(info.fileBytes));
    case State::Foreign:
        return tr("The search index in the cache was made for another database: not used.");
    case State::Replaced:
        return tr("The database was replaced or changed since the search index was built: not used until "
                  "it is rebuilt.");
    case State::Damaged:
        return tr("The search index file is damaged: not used until it is rebuilt.");
    }
    return QString();
}

QString SearchIndexText::use(IndexedSearch::Use use)
{
    switch (use) {
    case IndexedSearch::Use::Index:
        return tr("Through the search index.");
    case IndexedSearch::Use::ShortText:
        return tr("One or two characters: the index needs three, so every message is read.");
    case IndexedSearch::Use::TextNotIndexable:
        return tr("The index cannot answer this text: every message is read.");
    case IndexedSearch::Use::IndexFailed:
        return tr("The index failed: the rest is read message by message.");
    case IndexedSearch::Use::Scan:
    case IndexedSearch::Use::IndexNotUsable:
        break;
    }
    return QString();
}

QString SearchIndexText::duration(qint64 ms)
{
    const QLocale locale = TextLocale::get();
    if (ms < 60000)
        return tr("%1 s").arg(locale.toString(qMax<qint64>(1, (ms + 999) / 1000)));
    return tr("%1 min").arg(locale.toString((ms + 59999) / 60000));
}

QString SearchIndexText::estimate(const SearchIndexEstimate &e)
{
    const QLocale locale = TextLocale::get();
    return tr("About %1 messages (%2 of text). The index will take about %3 on disk and about %4 to build, "
              "in the background; searches and browsing go on meanwhile. It is kept in your cache folder, "
              "never in the database.")
        .arg(locale.toString(e.rows), locale.formattedDataSize(e.textBytes),
             locale.formattedDataSize(e.indexBytes), duration(e.buildMs));
}

} // namespace kalito
