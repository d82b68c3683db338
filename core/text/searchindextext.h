#pragma once

#include "indexedsearch.h"
#include "searchindexbuild.h"
#include "searchindexinfo.h"

#include <QCoreApplication>

namespace kalito {

// The search index in words: its state, how a search used it, what a build would take.
class SearchIndexText
{
    Q_DECLARE_TR_FUNCTIONS(SearchIndexText)
public:
    static QString state(const SearchIndexInfo &info);
    // Empty when there is nothing to say (no index, or the state line says it).
    static QString use(IndexedSearch::Use use);
    static QString estimate(const SearchIndexEstimate &estimate);
    static QString duration(qint64 ms);
};

} // namespace kalito
