#pragma once

#include "lockrecording.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace kalito::ui {

class LockTimeline;
class LockWatchFeed;

// The Locks tab's timeline with its controls: zoom, follow now, save and load a recording (the
// JSON lines of `locks --watch --jsonl`), back to live. Live data come from a LockWatchFeed
// child process, started the first time the pane is shown and kept while the database is open,
// so the last minutes are there whenever a person looks.
class LockTimelinePane : public QWidget
{
    Q_OBJECT
public:
    // Asks for a file: save true for a save dialog. Empty when cancelled. Tests replace it.
    using FileDialog = std::function<QString(QWidget *parent, bool save, const QString &title)>;

    explicit LockTimelinePane(QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    void setFileDialog(FileDialog dialog) { m_dialog = std::move(dialog); }
    void saveRecording();
    void loadRecording();
    void backToLive();

    LockTimeline *timeline() const { return m_timeline; }
    LockWatchFeed *feed() const { return m_feed; }
    bool showsLoadedRecording() const { return m_showingLoaded; }
    // What the timeline shows: the live feed's recording or the one loaded.
    const LockRecording &shownRecording() const;
    QString statusText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateStatus();
    static QString askForFile(QWidget *parent, bool save, const QString &title);

    QString m_path;
    LockWatchFeed *m_feed = nullptr;
    LockTimeline *m_timeline = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_follow = nullptr;
    QPushButton *m_live = nullptr;
    QTimer *m_repaint = nullptr;
    LockRecording m_loaded;
    QString m_loadedFile;
    bool m_showingLoaded = false;
    FileDialog m_dialog = &LockTimelinePane::askForFile;
};

} // namespace kalito::ui
