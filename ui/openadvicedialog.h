#pragma once

#include "openadvice.h"

#include <QCoreApplication>

class QMessageBox;
class QWidget;

namespace kalito::ui {

// Asks, before a database is opened, what to do when opening it would create -wal/-shm owned by
// another user than the database's owner, or cannot create them (OpenAdvice). The window calls
// ask() before Connection::open; on OpenCopy it opens ReadOnlyCopy::make(path) read-only instead.
class OpenAdviceDialog
{
    Q_DECLARE_TR_FUNCTIONS(OpenAdviceDialog)
public:
    enum class Choice { OpenCopy, OpenAnyway, Cancel };

    static Choice ask(QWidget *parent, const OpenAdvice &advice);
    // The box ask() shows (for tests): plain text, its buttons carry the Choice as property "choice".
    static QMessageBox *create(QWidget *parent, const OpenAdvice &advice);
};

} // namespace kalito::ui
