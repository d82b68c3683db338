#pragma once

#include <QString>

namespace kalito::test {

// Holds a statement in the middle of its work, by construction rather than by timing. While a
// ReadGate lives, SQLite's default VFS is a thin layer over the real one (connections opened
// meanwhile use it; nothing else changes, and no memory map is used through it). Once armed for a
// database file, the reader of that file's Nth page read after arm() stops inside the read until
// release(): a thread that saw reached() knows the statement is running and cannot end before it
// is released. Only reads of the main file count: a page SQLite finds in the -wal or in the
// connection's page cache is not read from it, so checkpoint (TRUNCATE) what the statement will
// read and open its connection after the gate. One ReadGate at a time; destroy it before the connection whose
// read it may hold (the destructor releases a held read).
class ReadGate
{
public:
    ReadGate();
    ~ReadGate();
    ReadGate(const ReadGate &) = delete;
    ReadGate &operator=(const ReadGate &) = delete;

    // From any thread (e.g. the connection thread's own progress report): count the main database
    // file databasePath's reads from now on, and stop the reader of the read number `reads`.
    void arm(const QString &databasePath, int reads);
    // Waits until the armed read stopped its reader; false if it did not within timeoutMs (a
    // deadline for a failing test, not a pace).
    bool reached(int timeoutMs = 60000);
    // Lets the stopped reader go on.
    void release();
};

} // namespace kalito::test
