#include "livepage.h"
#include "errortext.h"
#include "opentext.h"

#include "asyncprobe.h"
#include "connection.h"
#include "filesizes.h"
#include "locktext.h"
#include "walsizeplot.h"
#include "whenfinished.h"

#include <QDateTime>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

LivePage::LivePage(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    qRegisterMetaType<kalito::DatabaseInfo>();
    m_sizes = new QLabel(this);
    m_sizes->setTextFormat(Qt::PlainText);
    m_plot = new WalSizePlot(this);
    m_walIndex = new QLabel(this);
    m_walIndex->setTextFormat(Qt::PlainText);
    m_walIndex->setWordWrap(true);
    m_walIndex->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settings = new QTreeWidget(this);
    m_settings->setAccessibleName(tr("Settings and numbers"));
    m_settings->setHeaderLabels(
        {tr("Setting"), tr("Effective"), tr("Backend expects"), tr("Why it differs")});
    m_settings->setRootIsDecorated(false);
    m_settings->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_compileOptions = new QPlainTextEdit(this);
    m_compileOptions->setAccessibleName(tr("Compile options"));
    m_compileOptions->setReadOnly(true);
    m_compileOptions->setMaximumHeight(90);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    connect(refresh, &QPushButton::clicked, this, [this] {
        refreshInfo();
        refreshWalIndex();
    });

    auto *files = new QGroupBox(tr("Files"), this);
    auto *filesLayout = new QVBoxLayout(files);
    filesLayout->addWidget(m_sizes);
    filesLayout->addWidget(m_plot);
    auto *wal = new QGroupBox(tr("WAL-index (-shm), read by a child process"), this);
    (new QVBoxLayout(wal))->addWidget(m_walIndex);
    auto *settings = new QGroupBox(tr("Settings and numbers"), this);
    auto *settingsLayout = new QVBoxLayout(settings);
    settingsLayout->addWidget(m_settings);
    auto *compileLabel = new QLabel(tr("Compile options:"), this);
    compileLabel->setTextFormat(Qt::PlainText);
    settingsLayout->addWidget(compileLabel);
    settingsLayout->addWidget(m_compileOptions);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(files);
    layout->addWidget(wal);
    layout->addWidget(settings, 1);
    layout->addWidget(refresh, 0, Qt::AlignRight);

    m_probe = new AsyncProbe(this);
    connect(m_probe, &AsyncProbe::finished, this, &LivePage::showProbe);
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &LivePage::tick);
}

void LivePage::setDatabasePath(const QString &path)
{
    m_path = path;
    m_plot->clear();
    m_lastWalBytes = m_lastWalMtime = -1;
    tick();
    refreshInfo();
}

void LivePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    tick();
}

void LivePage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop(); // nothing runs while nobody looks
}

void LivePage::tick()
{
    if (m_path.isEmpty())
        return;
    // stat() only: cheap enough for every second, and it opens no descriptor.
    const FileSizes s = FileSizes::of(m_path);
    const QLocale locale;
    m_sizes->setText(tr("database %1   -wal %2   -shm %3")
                         .arg(locale.formattedDataSize(s.dbBytes),
                              s.walExists ? locale.formattedDataSize(s.walBytes) : tr("absent"),
                              s.shmExists ? locale.formattedDataSize(s.shmBytes) : tr("absent")));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_plot->addSample(now, s.walBytes);
    const qint64 walMtime = QFileInfo(m_path + QStringLiteral("-wal")).lastModified().toMSecsSinceEpoch();
    const bool changed = s.walBytes != m_lastWalBytes || walMtime != m_lastWalMtime;
    // A child process costs a few milliseconds: only when the WAL moved, or every 10 s anyway.
    if ((changed && now - m_lastProbeMs >= 2000) || now - m_lastProbeMs >= 10000) {
        m_lastWalBytes = s.walBytes;
        m_lastWalMtime = walMtime;
        refreshWalIndex();
    }
}

void LivePage::refreshWalIndex()
{
    if (m_probe->start(m_path))
        m_lastProbeMs = QDateTime::currentMSecsSinceEpoch();
}

void LivePage::showProbe(const ProbeResult &probe)
{
    if (!probe.ok()) {
        m_walIndex->setText(ErrorText::describe(probe.error));
    } else if (!probe.dbHeaderSaysWal() && !probe.shmExists) {
        m_walIndex->setText(tr("Not in WAL mode (rollback journal): there is no WAL-index."));
    } else {
        const WalIndexHeader h = probe.shm();
        const WalFileHeader w = probe.wal();
        QStringList lines;
        if (!probe.shmExists)
            lines << tr("No -shm file: no connection has the database open in WAL mode.");
        else if (!h.isValid())
            lines << tr("WAL-index not readable: %1")
                         .arg(probe.shmError.isError() ? ErrorText::describe(probe.shmError)
                                                       : LockText::walIndexProblem(h));
        else {
            lines << tr("Frames in the WAL (mxFrame): %1    checkpointed (nBackfill): %2    backlog: %3")
                         .arg(h.mxFrame)
                         .arg(h.nBackfill)
                         .arg(h.backlog());
            QStringList marks;
            for (int i = 1; i < 5; ++i)
                marks << (h.slotUsed(i) ? tr("%1: frame %2").arg(i).arg(h.readMarks.at(size_t(i)))
                                        : tr("%1: unused").arg(i));
            lines << tr("Reader marks: %1").arg(marks.join(QStringLiteral("   ")));
            if (!probe.dmsHeld())
                lines << tr(
                    "STALE: no process holds the -shm open; these numbers are left from a process that "
                    "ended and are not trusted.");
        }
        if (w.isValid())
            lines << tr("-wal header: page size %1, checkpoint sequence %2, salts %3/%4, room for %5 frames")
                         .arg(w.pageSize)
                         .arg(w.checkpointSequence)
                         .arg(w.salt1, 8, 16, QLatin1Char('0'))
                         .arg(w.salt2, 8, 16, QLatin1Char('0'))
                         .arg(w.frameSlots());
        m_walIndex->setText(lines.join(QLatin1Char('\n')));
    }
    emit walIndexUpdated();
}

QString LivePage::walIndexText() const
{
    return m_walIndex->text();
}

void LivePage::refreshInfo()
{
    if (!m_connection->isOpen())
        return;
    whenFinished(this,
                 m_connection->run([](Database &db) { return DatabaseInfo::collect(db); },
                                   Connection::Priority::Background),
                 [this](const DatabaseInfo &info) { showInfo(info); });
}

void LivePage::showInfo(const DatabaseInfo &info)
{
    m_settings->clear();
    for (const PragmaSetting &p : info.pragmas) {
        auto *item = new QTreeWidgetItem(m_settings,
                                         {p.name, p.actualText(info.pageSize), p.expectedText(info.pageSize),
                                          p.took() ? QString() : OpenText::pragmaReason(p)});
        if (!p.took()) {
            for (int c = 0; c < item->columnCount(); ++c)
                item->setForeground(c, QColor(0xb0, 0x30, 0x20));
            item->setToolTip(3, OpenText::pragmaReason(p));
        }
    }
    const QLocale locale;
    auto add = [this](const QString &name, const QString &value) {
        new QTreeWidgetItem(m_settings, {name, value});
    };
    add(tr("page size"), locale.toString(info.pageSize));
    add(tr("page count"), tr("%1 (%2)").arg(locale.toString(info.pageCount),
                                            locale.formattedDataSize(info.pageCount * info.pageSize)));
    add(tr("freelist pages"), locale.toString(info.freelistCount));
    add(tr("SQLite"), tr("%1 (%2)").arg(info.sqliteVersion, info.sourceId.left(30)));
    m_compileOptions->setPlainText(info.compileOptions.join(QLatin1Char('\n')));
}

} // namespace kalito::ui
