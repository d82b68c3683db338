#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace kalito::test {

class SqliteProcess;

// The strange and hostile files of issue 5, generated on the fly (no binary fixtures): each
// case makes its file(s) in a folder of its own and says what the inspector must do with it.
class HostileFiles
{
public:
    enum class Expect {
        Refused, // a clear error naming the file and the reason; nothing created beside it
        Opens,   // opens, and the schema walk and first pages read without an error
        Either,  // damaged: may open or not; any error names the file
    };

    struct Case
    {
        QString path; // what the user asks to open
        Expect expect = Expect::Opens;
        QString reason;                        // a word the error must contain (Refused)
        bool asNobody = false;                 // run as uid 65534: root would read the file anyway
        bool notADatabase = false;             // no -wal/-shm/-journal may appear beside it
        std::shared_ptr<SqliteProcess> holder; // a process that must live while the case runs
    };

    static QStringList names();
    // Makes the case `name` inside the (empty) folder dir.
    static Case make(const QString &name, const QString &dir);
};

} // namespace kalito::test
