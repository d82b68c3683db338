#pragma once

#include <QPoint>
#include <QString>
#include <QStringList>

#include <array>
#include <random>

class QWidget;

namespace kalito::ui {
class ConversationView;
}

namespace kalito::monkey {

// One random action at a time on a window, drawn from a generator seeded by the run's seed: clicks,
// double and right clicks and drags at random points (delivered to the widget under the point),
// wheel turns, keys and typed text to the focus widget, menu actions, resizes, scroll bar jumps, and
// aimed actions (monkeyaim.cpp): a visible button, a message's text, "Show all" or context menu, the
// reader's keys in the conversation. The same
// seed gives the same sequence of choices; what they hit depends on what the window shows at that moment.
class Monkey
{
public:
    enum Kind {
        Click,
        DoubleClick,
        RightClick,
        Drag,
        Wheel,
        Key,
        Type,
        MenuAction,
        Resize,
        ScrollJump,
        Aim,
        NumKinds
    };

    explicit Monkey(std::uint64_t seed);

    // Does one action on window; returns what it did, for the log and the crash report.
    QString act(QWidget *window);
    // A path for File > Open: a junk file, a directory, a missing path, an empty file, one of the
    // demo databases, or nothing (the dialog was cancelled).
    QString pickOpenPath();
    void setOpenPaths(const QStringList &paths) { m_openPaths = paths; }
    // Milliseconds to let the window work between two actions.
    int pauseMs() { return 1 + pick(8); }

    static QString kindName(int kind);
    int count(int kind) const { return m_counts.at(size_t(kind)); }
    int quits() const { return m_quits; }

private:
    int pick(int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(m_random)); }
    Kind pickKind();
    QPoint pickPoint(QWidget *window);
    QString click(QWidget *window, Kind kind);
    QString drag(QWidget *window);
    QString wheel(QWidget *window);
    QString key(QWidget *window);
    QString type(QWidget *window);
    QString menuAction(QWidget *window);
    QString resize(QWidget *window);
    QString scrollJump(QWidget *window);
    QString aim(QWidget *window);
    QString aimButton(QWidget *window);
    QString aimConversation(ui::ConversationView *view);

    std::mt19937_64 m_random;
    std::array<int, NumKinds> m_counts{};
    QStringList m_openPaths;
    int m_quits = 0;
};

} // namespace kalito::monkey
