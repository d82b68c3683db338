#include "modelwalk.h"

#include "browse/messagesmodel.h"
#include "browse/notesmodel.h"
#include "browse/schemainfo.h"
#include "browse/sessionnotes.h"
#include "browse/sessionsmodel.h"
#include "browse/tablemodel.h"
#include "connection.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "steppedwork.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <functional>

namespace kalito::test {

namespace {

// Runs the event loop until done() holds; every reply the models wait for arrives as an event, so
// the loop sleeps until one comes (the guard timer wakes it at the deadline).
bool spin(const std::function<bool()> &done, int waitMs, ModelWalk::Tally &tally)
{
    QElapsedTimer since;
    since.start();
    QTimer guard; // precise and repeating: a coarse timer may fire early, and the loop would then sleep on
    guard.setTimerType(Qt::PreciseTimer);
    guard.start(qMax(1, waitMs / 4));
    while (!done() && since.elapsed() < waitMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const bool ok = done();
    ++(ok ? tally.replies : tally.timeouts);
    return ok;
}

template<typename T> T await(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

void readCells(const QAbstractItemModel &model, ModelWalk::Tally &tally, int maxRows = 400)
{
    static const int roles[] = {Qt::DisplayRole,    Qt::ToolTipRole,    Qt::TextAlignmentRole,
                                Qt::ForegroundRole, Qt::BackgroundRole, Qt::FontRole,
                                Qt::UserRole + 1,   Qt::UserRole + 2,   Qt::UserRole + 3};
    for (int column = 0; column < model.columnCount(); ++column) {
        for (int role : roles)
            model.headerData(column, Qt::Horizontal, role);
    }
    for (int row = 0; row < qMin(model.rowCount(), maxRows); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : roles) {
                model.data(model.index(row, column), role);
                ++tally.cells;
            }
        }
    }
}

// The count, then the first and the last page, as a view scrolled to the top and to the end asks.
void feed(ui::PagedModel &model, int waitMs, ModelWalk::Tally &tally)
{
    bool failed = false;
    QObject::connect(&model, &ui::PagedModel::failed, &model, [&failed] { failed = true; });
    spin([&] { return failed || model.knownCount() >= 0; }, waitMs, tally);
    for (int row : {0, model.rowCount() - 1}) {
        if (failed || row < 0 || row >= model.rowCount() || model.cachedRow(row))
            continue;
        model.fetchRow(row);
        // A recount may take the row away (PageCheck found fewer rows): then nothing will come.
        spin([&] { return failed || row >= model.rowCount() || model.cachedRow(row); }, waitMs, tally);
    }
    readCells(model, tally);
    QObject::disconnect(&model, &ui::PagedModel::failed, &model, nullptr);
}

} // namespace

ModelWalk::Tally ModelWalk::run(Connection &connection, int waitMs, int maxTables)
{
    using namespace kalito::ui;
    Tally tally;
    const SchemaInfo schema = await(connection.run([](Database &db) { return SchemaInfo::read(db); }));
    if (schema.error.isError())
        return tally;
    // Declared after its model, so destroyed before it.
    const auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

    QString sessionId;
    if (schema.isKalito()) {
        SessionsModel sessions(&connection);
        QAbstractItemModelTester sessionsTester(&sessions, Fatal);
        ++tally.models;
        bool counts = false;
        QObject::connect(&sessions, &SessionsModel::countsArrived, &sessions, [&counts] { counts = true; });
        sessions.setSchema(schema);
        feed(sessions, waitMs, tally);
        if (sessions.rowCount() > 0 && sessions.cachedRow(0)) {
            spin([&counts] { return counts; }, waitMs, tally);
            readCells(sessions, tally);
            sessionId = sessions.sessionIdAt(0);
        }

        MessagesModel messages(&connection);
        QAbstractItemModelTester messagesTester(&messages, Fatal);
        ++tally.models;
        messages.setSchema(schema);
        messages.setSession(sessionId);
        if (!sessionId.isEmpty()) {
            feed(messages, waitMs, tally);
            const qint64 id = messages.rowCount() > 0 ? messages.messageIdAt(messages.rowCount() - 1) : -1;
            if (id >= 0) {
                bool located = false;
                QObject::connect(&messages, &MessagesModel::located, &messages,
                                 [&located] { located = true; });
                messages.locate(id);
                spin([&located] { return located; }, waitMs, tally);
            }
        }

        NotesModel notes;
        QAbstractItemModelTester notesTester(&notes, Fatal);
        ++tally.models;
        if (!sessionId.isEmpty()) {
            QObject context;
            bool loaded = false;
            runInSteps(&connection, &context, SessionNotes::startScan(schema, sessionId), &SessionNotes::step,
                       [&notes, &loaded](const SessionNotes::Scan &scan) {
                           notes.setNotes(scan.result.notes);
                           loaded = true;
                       });
            spin([&loaded] { return loaded; }, waitMs, tally);
            readCells(notes, tally);
        }
    }

    int opened = 0;
    for (const TableInfo &table : schema.tables) {
        if (opened >= maxTables)
            break;
        TableModel grid(&connection);
        QAbstractItemModelTester gridTester(&grid, Fatal);
        if (!grid.setTable(table).isEmpty())
            continue; // a view or an unpageable table: the grid says why and reads nothing
        ++opened;
        ++tally.models;
        feed(grid, waitMs, tally);
        if (grid.columnCount() > 0) {
            grid.setFilter(QStringLiteral("a"));
            feed(grid, waitMs, tally);
            grid.setSort(0, Qt::DescendingOrder);
            feed(grid, waitMs, tally);
        }
    }

    if (schema.isKalito()) {
        // Last: the runner's own progress handler replaces the one a caller may have installed.
        SearchResultsModel results;
        QAbstractItemModelTester resultsTester(&results, Fatal);
        ++tally.models;
        SearchRunner runner(&connection);
        runner.setMaxResults(200);
        bool finished = false;
        QObject::connect(&runner, &SearchRunner::resultsFound, &results, &SearchResultsModel::appendHits);
        QObject::connect(&runner, &SearchRunner::finished, &results, [&finished] { finished = true; });
        runner.start(QStringLiteral("e"));
        if (!spin([&finished] { return finished; }, waitMs, tally))
            runner.cancel();
        readCells(results, tally);
    }
    return tally;
}

} // namespace kalito::test
