#pragma once

#include "connection.h"
#include "databasemark.h"
#include "whenfinished.h"

#include <functional>
#include <utility>

namespace kalito {

// What every piece of stepped work carries from one step to the next (derive its state from it).
struct StepState
{
    bool done = false;            // set by the step that finished the work
    bool databaseChanged = false; // another database was opened (or it closed) between two steps
    int steps = 0;                // steps run so far
    DatabaseMark database;        // the database the work was asked for under (set by runInSteps)
    // Every step runs under it: cancelled, the running step's statement stops (an Interrupted error)
    // and the chain stops without done(), like a chain no longer wanted.
    CancelToken cancel;
};

// Keeps a parameter out of template argument deduction (std::type_identity is C++20).
template<typename T> struct NonDeduced
{
    using type = T;
};

// Runs long work as a chain of short requests on the connection: step(Database&, State&) runs as
// one request (about 20 ms of work: it decides how much), then the next step is queued from
// context's thread, so whatever the person asks for meanwhile runs between two steps. done(state)
// runs on context's thread once a step set state.done, or the database changed under the chain
// (state.databaseChanged), unless wanted() said no (asked once after each step: a newer request
// replaced this one, and the chain just stops). between(state), when given, runs on context's thread after
// each step but the last (to show an estimate, progress). Nothing runs once context is destroyed.
template<typename State, typename Step, typename Done>
void runInSteps(Connection *connection, QObject *context, State state, Step step, Done done,
                std::function<bool()> wanted = {},
                typename NonDeduced<std::function<void(const State &)>>::type between = {},
                Connection::Priority priority = Connection::Priority::Background)
{
    // The database the work was asked for: read when it is asked for, so that an open queued
    // before its first step (a barrier) stops it instead of letting it run on the next database.
    if (state.steps == 0)
        state.database = DatabaseMark(connection);
    const CancelToken token = state.cancel; // before state moves into the request
    auto work = [connection, state = std::move(state), step](Database &db) mutable {
        if (!state.database.sameDatabase()) {
            state.databaseChanged = true;
            return state;
        }
        if (state.cancel.isCancelled())
            return state;
        ++state.steps;
        step(db, state);
        return state;
    };
    whenFinished(context, connection->run(std::move(work), priority, token),
                 [connection, context, step, done, wanted, between, priority](const State &s) mutable {
                     if (wanted && !wanted())
                         return;
                     if (s.cancel.isCancelled())
                         return;
                     if (s.done || s.databaseChanged) {
                         done(s);
                         return;
                     }
                     if (between)
                         between(s);
                     runInSteps(connection, context, s, step, done, wanted, between, priority);
                 });
}

} // namespace kalito
