#pragma once

#include "dberror.h"

#include <functional>

namespace kalito {

struct DemoOptions
{
    QString path;
    int sessions = 40;
    int messagesPerSession = 30;
    // When > 0 the first session holds this many messages instead (the benchmark's long session).
    int largeSessionMessages = 0;
    quint32 seed = 20240101;
};

struct DemoResult
{
    DbError error;
    qint64 sessions = 0;
    qint64 messages = 0;
    qint64 pins = 0;
    qint64 summaries = 0;
};

// Creates a new database with the Kalito schema and realistic content. Refuses an existing path.
class DemoDatabase
{
public:
    using Progress = std::function<void(qint64 messagesWritten, qint64 messagesTotal)>;
    static DemoResult create(const DemoOptions &options, const Progress &progress = {});
};

} // namespace kalito
