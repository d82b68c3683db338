#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDb)   // kalito.db: opening, closing, connection settings
Q_DECLARE_LOGGING_CATEGORY(lcSql)  // kalito.sql: every statement with its duration (debug level)
Q_DECLARE_LOGGING_CATEGORY(lcApp)  // kalito.app: start-up, shutdown, signals
Q_DECLARE_LOGGING_CATEGORY(lcDiag) // kalito.diag: WAL, locks, checkpoints, integrity checks
