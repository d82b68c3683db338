#include "readgate.h"

#include <QFileInfo>
#include <QSemaphore>

#include <atomic>
#include <cstring>
#include <mutex>
#include <sqlite3.h>

namespace kalito::test {

namespace {

// The real file follows this header in the memory SQLite allocates (szOsFile covers both).
struct GateFile
{
    sqlite3_file base;
    sqlite3_file *real;
    const char *name; // SQLite keeps the name valid until xClose
    bool mainDb;
};

struct Gate
{
    sqlite3_vfs vfs{};
    sqlite3_vfs *real = nullptr;
    std::mutex mutex;  // guards suffix
    QByteArray suffix; // armed for the file whose name ends so; empty when not armed
    std::atomic<int> remaining{0};
    std::atomic<bool> holding{false}; // a reader is stopped in gateRead
    QSemaphore reached;
    QSemaphore released;
};

Gate &gate()
{
    static Gate g;
    return g;
}

sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<GateFile *>(f)->real;
}

int gateRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    auto *file = reinterpret_cast<GateFile *>(f);
    Gate &g = gate();
    if (file->mainDb && g.remaining.load() > 0) {
        bool armedHere = false;
        {
            std::lock_guard<std::mutex> lock(g.mutex);
            armedHere = !g.suffix.isEmpty() && file->name && QByteArray(file->name).endsWith(g.suffix);
        }
        if (armedHere && g.remaining.fetch_sub(1) == 1) {
            g.holding.store(true);
            g.reached.release();
            g.released.acquire();
        }
    }
    return file->real->pMethods->xRead(file->real, buffer, amount, offset);
}

int gateClose(sqlite3_file *f)
{
    sqlite3_file *r = real(f);
    const int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    f->pMethods = nullptr;
    return rc;
}

// The rest only pass the call on.
int gateWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int gateTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real(f)->pMethods->xTruncate(real(f), size);
}
int gateSync(sqlite3_file *f, int flags)
{
    return real(f)->pMethods->xSync(real(f), flags);
}
int gateFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return real(f)->pMethods->xFileSize(real(f), size);
}
int gateLock(sqlite3_file *f, int lock)
{
    return real(f)->pMethods->xLock(real(f), lock);
}
int gateUnlock(sqlite3_file *f, int lock)
{
    return real(f)->pMethods->xUnlock(real(f), lock);
}
int gateCheckReserved(sqlite3_file *f, int *out)
{
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int gateFileControl(sqlite3_file *f, int op, void *arg)
{
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int gateSectorSize(sqlite3_file *f)
{
    return real(f)->pMethods->xSectorSize(real(f));
}
int gateDeviceCharacteristics(sqlite3_file *f)
{
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int gateShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int gateShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void gateShmBarrier(sqlite3_file *f)
{
    real(f)->pMethods->xShmBarrier(real(f));
}
int gateShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}

// Version 2: no xFetch, so SQLite reads every page through xRead rather than a memory map.
sqlite3_io_methods makeGateMethods()
{
    sqlite3_io_methods m{};
    m.iVersion = 2;
    m.xClose = gateClose;
    m.xRead = gateRead;
    m.xWrite = gateWrite;
    m.xTruncate = gateTruncate;
    m.xSync = gateSync;
    m.xFileSize = gateFileSize;
    m.xLock = gateLock;
    m.xUnlock = gateUnlock;
    m.xCheckReservedLock = gateCheckReserved;
    m.xFileControl = gateFileControl;
    m.xSectorSize = gateSectorSize;
    m.xDeviceCharacteristics = gateDeviceCharacteristics;
    m.xShmMap = gateShmMap;
    m.xShmLock = gateShmLock;
    m.xShmBarrier = gateShmBarrier;
    m.xShmUnmap = gateShmUnmap;
    return m;
}
const sqlite3_io_methods gateMethods = makeGateMethods();

int gateOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags)
{
    Gate &g = gate();
    auto *file = reinterpret_cast<GateFile *>(f);
    std::memset(file, 0, sizeof(GateFile));
    file->real = reinterpret_cast<sqlite3_file *>(file + 1);
    file->name = name;
    file->mainDb = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    const int rc = g.real->xOpen(g.real, name, file->real, flags, outFlags);
    if (file->real->pMethods)
        f->pMethods = &gateMethods;
    Q_UNUSED(vfs);
    return rc;
}

} // namespace

ReadGate::ReadGate()
{
    Gate &g = gate();
    if (!g.real) {
        g.real = sqlite3_vfs_find(nullptr);
        g.vfs = *g.real;
        g.vfs.zName = "kalito-test-readgate";
        g.vfs.szOsFile = int(sizeof(GateFile)) + g.real->szOsFile;
        g.vfs.xOpen = gateOpen;
        g.vfs.pNext = nullptr;
    }
    g.reached.tryAcquire(g.reached.available());
    // Registered for the life of the process: files opened through it may outlive this object.
    sqlite3_vfs_register(&g.vfs, 1);
}

ReadGate::~ReadGate()
{
    Gate &g = gate();
    sqlite3_vfs_register(g.real, 1);
    {
        std::lock_guard<std::mutex> lock(g.mutex);
        g.suffix.clear();
    }
    g.remaining.store(0);
    release();
}

void ReadGate::arm(const QString &databasePath, int reads)
{
    Gate &g = gate();
    {
        std::lock_guard<std::mutex> lock(g.mutex);
        // By name: SQLite opens the file under its own full path, symbolic links resolved or not.
        g.suffix = QByteArray("/") + QFileInfo(databasePath).fileName().toUtf8();
    }
    g.remaining.store(reads);
}

bool ReadGate::reached(int timeoutMs)
{
    return gate().reached.tryAcquire(1, timeoutMs);
}

void ReadGate::release()
{
    Gate &g = gate();
    if (g.holding.exchange(false)) // only a reader that is stopped, once
        g.released.release();
}

} // namespace kalito::test
