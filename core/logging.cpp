#include "logging.h"

Q_LOGGING_CATEGORY(lcDb, "kalito.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSql, "kalito.sql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "kalito.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiag, "kalito.diag", QtInfoMsg)
