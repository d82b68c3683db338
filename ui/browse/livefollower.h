#pragma once

#include <QObject>

#include <functional>

class QToolButton;
class QWidget;

namespace kalito::ui {

class PagedModel;

// A live session, as a chat application shows it: when the reader is at the newest message and
// the backend appends (the model recounts after another process's commit), the view follows the
// new messages down; when the reader is elsewhere nothing moves, and a "N new messages" button
// over the bottom of the view takes them down when clicked. Knows the view only through two
// functions (is it at its last row; go there), so the conversation and the grid share it.
class LiveFollower : public QObject
{
    Q_OBJECT
public:
    // overlay: the widget the marker floats over (at its bottom, centred).
    LiveFollower(PagedModel *model, QWidget *overlay, std::function<bool()> atBottom,
                 std::function<void()> toEnd, QObject *parent = nullptr);

    // Messages appended since the reader left the bottom (the marker's number).
    int unseen() const { return m_unseen; }
    QToolButton *marker() const { return m_marker; }
    // Another session: nothing is new.
    void reset();
    // The view scrolled (by the reader or a jump): at the bottom, the marker has nothing to say.
    void onScrolled();
    void placeMarker();

signals:
    // The view was taken down to new messages (followed, or the marker clicked).
    void followed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onAboutToInsert();
    void onCount(qint64 count);
    void goDown();

    PagedModel *m_model;
    QWidget *m_overlay;
    std::function<bool()> m_atBottom;
    std::function<void()> m_toEnd;
    QToolButton *m_marker;
    qint64 m_lastCount = -1;
    int m_unseen = 0;
    // Whether the reader was at the bottom before the rows of this count were inserted (the view
    // lays them out later; once inserted the last row is a new one, not on screen).
    int m_wasAtBottom = -1;
};

} // namespace kalito::ui
