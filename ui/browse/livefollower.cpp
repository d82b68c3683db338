#include "livefollower.h"

#include "pagedmodel.h"

#include <QEvent>
#include <QToolButton>
#include <QWidget>

namespace kalito::ui {

LiveFollower::LiveFollower(PagedModel *model, QWidget *overlay, std::function<bool()> atBottom,
                           std::function<void()> toEnd, QObject *parent)
    : QObject(parent), m_model(model), m_overlay(overlay), m_atBottom(std::move(atBottom)),
      m_toEnd(std::move(toEnd)), m_marker(new QToolButton(overlay))
{
    m_marker->setObjectName(QStringLiteral("newMessagesMarker"));
    m_marker->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_marker->setCursor(Qt::PointingHandCursor);
    m_marker->setToolTip(tr("Go to the newest message"));
    // A pill in the selection colour: seen over any message without hiding much of it.
    m_marker->setStyleSheet(
        QStringLiteral("QToolButton#newMessagesMarker { background: palette(highlight); "
                       "color: palette(highlighted-text); border: none; border-radius: 11px; "
                       "padding: 4px 12px; }"));
    m_marker->hide();
    connect(m_marker, &QToolButton::clicked, this, [this] {
        goDown();
        emit followed();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &LiveFollower::onAboutToInsert);
    connect(m_model, &PagedModel::countChanged, this, &LiveFollower::onCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LiveFollower::reset);
    m_overlay->installEventFilter(this);
}

void LiveFollower::reset()
{
    m_lastCount = -1;
    m_unseen = 0;
    m_wasAtBottom = -1;
    m_marker->hide();
}

void LiveFollower::onAboutToInsert()
{
    if (m_wasAtBottom < 0)
        m_wasAtBottom = m_atBottom() ? 1 : 0;
}

void LiveFollower::onCount(qint64 count)
{
    const qint64 before = m_lastCount;
    const int wasAtBottom = std::exchange(m_wasAtBottom, -1);
    m_lastCount = count;
    // The first count of a session is no news; a count that went down (messages deleted) neither.
    if (before < 0 || count <= before)
        return;
    const bool atBottom = wasAtBottom < 0 ? m_atBottom() : wasAtBottom == 1;
    if (atBottom && m_unseen == 0) {
        goDown(); // the reader saw the newest message: the new ones come into view
        emit followed();
        return;
    }
    // The reader is elsewhere: nothing moves; the marker counts what came.
    m_unseen += int(qMin<qint64>(count - before, 1 << 30));
    m_marker->setText(tr("%Ln new message(s) ↓", nullptr, m_unseen));
    placeMarker();
    m_marker->show();
    m_marker->raise();
}

void LiveFollower::goDown()
{
    m_unseen = 0;
    m_marker->hide();
    if (m_toEnd)
        m_toEnd();
}

void LiveFollower::onScrolled()
{
    if (m_unseen > 0 && m_atBottom()) {
        m_unseen = 0;
        m_marker->hide();
    }
}

void LiveFollower::placeMarker()
{
    const QSize size = m_marker->sizeHint();
    m_marker->resize(size);
    m_marker->move((m_overlay->width() - size.width()) / 2, m_overlay->height() - size.height() - 12);
}

bool LiveFollower::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_overlay && event->type() == QEvent::Resize && m_marker->isVisible())
        placeMarker();
    return QObject::eventFilter(watched, event);
}

} // namespace kalito::ui
