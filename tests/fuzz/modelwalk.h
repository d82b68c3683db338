#pragma once

#include <QtGlobal>

namespace kalito {
class Connection;
}

namespace kalito::test {

// The window's own models over an open Connection, fed the way its views feed them: the sessions
// list (SessionsModel, with its per-page message counts), the first session's transcript
// (MessagesModel, first and last page, locate), its pins and summaries (NotesModel, through the
// notes pane's stepped scan), every table's grid (TableModel: stored order, a filter, a sort) and
// a search (SearchRunner into SearchResultsModel). Each wait runs the event loop until the signal
// that proves the reply arrived (countChanged, pageLoaded, failed, located, finished...). Every
// cell is read in every role the views ask for, each model under QAbstractItemModelTester.
class ModelWalk
{
public:
    struct Tally
    {
        int models = 0;
        int replies = 0;  // waits that ended on their signal
        int timeouts = 0; // waits that did not (the fuzz input's SQL was cut short, or no reply)
        qint64 cells = 0; // data() calls
    };

    // waitMs bounds each wait; maxTables bounds the grids opened (a file may hold thousands).
    static Tally run(Connection &connection, int waitMs = 1000, int maxTables = 8);
};

} // namespace kalito::test
