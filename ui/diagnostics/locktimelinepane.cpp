#include "locktimelinepane.h"
#include "errortext.h"

#include "lockrecordingfile.h"
#include "locktimeline.h"
#include "lockwatchfeed.h"
#include "safefiledialog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace kalito::ui {

LockTimelinePane::LockTimelinePane(QWidget *parent) : QWidget(parent)
{
    m_feed = new LockWatchFeed(this);
    m_timeline = new LockTimeline(this);
    m_timeline->setSelfPid(QCoreApplication::applicationPid());
    m_timeline->setRecording(&m_feed->recording());
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_timeline);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    auto *zoomOut = button(tr("−"), QStringLiteral("lockZoomOut"), tr("Zoom out (or the mouse wheel)"));
    auto *zoomIn = button(tr("+"), QStringLiteral("lockZoomIn"), tr("Zoom in (or the mouse wheel)"));
    m_follow = button(tr("Follow now"), QStringLiteral("lockFollowNow"),
                      tr("Keep the right edge at the current time; Shift+wheel scrolls back"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    auto *save = button(tr("Save recording…"), QStringLiteral("lockSaveRecording"),
                        tr("Save the holds shown as JSON lines (the format of locks --watch --jsonl)"));
    auto *load = button(tr("Load recording…"), QStringLiteral("lockLoadRecording"),
                        tr("Show a recording saved here or made by kalito-inspector locks --watch --jsonl"));
    m_live = button(tr("Back to live"), QStringLiteral("lockBackToLive"), tr("Show the live timeline again"));
    m_live->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("lockTimelineStatus"));
    // A watcher's error can be long (a path, a reason): it wraps rather than widening the dock.
    m_status->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    for (QPushButton *b : {zoomOut, zoomIn, m_follow, save, load, m_live})
        bar->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);

    connect(zoomIn, &QPushButton::clicked, m_timeline, &LockTimeline::zoomIn);
    connect(zoomOut, &QPushButton::clicked, m_timeline, &LockTimeline::zoomOut);
    connect(m_follow, &QPushButton::toggled, m_timeline, &LockTimeline::setFollowNow);
    connect(m_timeline, &LockTimeline::followChanged, m_follow, &QPushButton::setChecked);
    connect(save, &QPushButton::clicked, this, &LockTimelinePane::saveRecording);
    connect(load, &QPushButton::clicked, this, &LockTimelinePane::loadRecording);
    connect(m_live, &QPushButton::clicked, this, &LockTimelinePane::backToLive);
    connect(m_feed, &LockWatchFeed::changed, this, [this] {
        if (!m_showingLoaded) {
            m_timeline->updateGeometry();
            m_timeline->update();
        }
        updateStatus();
    });
    connect(m_feed, &LockWatchFeed::failed, this, [this] {
        m_live->setEnabled(true);
        updateStatus();
    });
    // Moves the time axis while following now; the data arrive by themselves.
    m_repaint = new QTimer(this);
    m_repaint->setInterval(250);
    connect(m_repaint, &QTimer::timeout, this, [this] {
        if (m_timeline->followsNow())
            m_timeline->update();
    });
    updateStatus();
}

void LockTimelinePane::setDatabasePath(const QString &path)
{
    m_path = path;
    if (isVisible() && !m_showingLoaded)
        m_feed->start(path);
    else
        m_feed->stop(); // restarted for the new database when shown
    updateStatus();
}

void LockTimelinePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_path.isEmpty() && !m_showingLoaded && !m_feed->isRunning() && m_feed->error().isEmpty())
        m_feed->start(m_path);
    m_repaint->start();
    updateStatus();
}

void LockTimelinePane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_repaint->stop(); // the feed goes on: the last minutes are there when the tab is shown again
}

const LockRecording &LockTimelinePane::shownRecording() const
{
    return m_showingLoaded ? m_loaded : m_feed->recording();
}

QString LockTimelinePane::statusText() const
{
    return m_status->text();
}

void LockTimelinePane::updateStatus()
{
    QString text;
    if (m_showingLoaded) {
        const LockRecording &r = m_loaded;
        text = tr("Recording %1: %2 by %3, %4 to %5")
                   .arg(QFileInfo(m_loadedFile).fileName())
                   .arg(tr("%Ln hold(s)", nullptr, int(r.spans().size())))
                   .arg(tr("%Ln process(es)", nullptr, int(r.pids().size())))
                   .arg(QDateTime::fromMSecsSinceEpoch(r.firstMs()).toString(QStringLiteral("HH:mm:ss")),
                        QDateTime::fromMSecsSinceEpoch(r.lastMs()).toString(QStringLiteral("HH:mm:ss")));
    } else if (m_feed->isRunning()) {
        text = tr("Live: lock changes seen by a watcher process (pid %1); last %2 minutes kept")
                   .arg(m_feed->childPid())
                   .arg(LockWatchFeed::kKeepMs / 60000);
    } else if (!m_feed->error().isEmpty()) {
        text = tr("Not watching: %1").arg(m_feed->error());
    } else {
        text = tr("Not watching yet.");
    }
    m_status->setText(text);
    m_status->setToolTip(text);
}

QString LockTimelinePane::askForFile(QWidget *parent, bool save, const QString &title)
{
    SafeFileDialog::Request request;
    request.title = title;
    request.save = save;
    request.nameFilters = {tr("Lock recordings (*.jsonl)"), tr("All files (*)")};
    request.defaultSuffix = QStringLiteral("jsonl");
    return SafeFileDialog::ask(parent, request);
}

void LockTimelinePane::saveRecording()
{
    const QString file = m_dialog(this, true, tr("Save lock recording"));
    if (file.isEmpty())
        return;
    DbError why;
    if (!LockRecordingFile::save(file, m_path, shownRecording(), &why))
        QMessageBox::warning(this, tr("Save lock recording"),
                             tr("The recording was not saved.\n%1").arg(ErrorText::describe(why)));
}

void LockTimelinePane::loadRecording()
{
    const QString file = m_dialog(this, false, tr("Load lock recording"));
    if (file.isEmpty())
        return;
    DbError why;
    LockRecording loaded;
    if (!LockRecordingFile::load(file, m_path, &loaded, &why)) {
        QMessageBox::warning(this, tr("Load lock recording"),
                             tr("The recording was not loaded.\n%1").arg(ErrorText::describe(why)));
        return;
    }
    m_loaded = loaded;
    m_loadedFile = file;
    m_showingLoaded = true;
    m_timeline->setRecording(&m_loaded);
    m_timeline->fitAll();
    m_live->setEnabled(true);
    updateStatus();
}

void LockTimelinePane::backToLive()
{
    m_showingLoaded = false;
    m_loaded.clear();
    m_timeline->setRecording(&m_feed->recording());
    m_timeline->setFollowNow(true);
    if (!m_feed->isRunning() && !m_path.isEmpty())
        m_feed->start(m_path);
    m_live->setEnabled(false);
    updateStatus();
}

} // namespace kalito::ui
