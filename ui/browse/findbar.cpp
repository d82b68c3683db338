#include "findbar.h"

#include "connection.h"
#include "steppedwork.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace kalito::ui {

namespace {
constexpr int kTypingPauseMs = 250;

// (created_at, id) order, as the transcript's keyset; a missing created_at compares as the id alone.
bool keyBefore(const SessionFind::Hit &h, const QVariantList &key)
{
    if (key.size() == 2) {
        const QString a = h.createdAt.toString();
        const QString b = key.at(0).toString();
        if (a != b)
            return a < b;
        return h.id < key.at(1).toLongLong();
    }
    return h.id < key.value(0).toLongLong();
}
} // namespace

FindBar::FindBar(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_edit(new QLineEdit(this)), m_count(new QLabel(this)),
      m_prev(new QToolButton(this)), m_nextButton(new QToolButton(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("conversationFindBar"));
    m_edit->setPlaceholderText(tr("Find in this conversation"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count->setTextFormat(Qt::PlainText);
    m_prev->setText(tr("Previous"));
    m_prev->setArrowType(Qt::UpArrow);
    m_prev->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_nextButton->setText(tr("Next"));
    m_nextButton->setArrowType(Qt::DownArrow);
    m_nextButton->setToolTip(tr("Next match (Enter, F3)"));
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close (Esc)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_prev);
    layout->addWidget(m_nextButton);
    layout->addWidget(m_close);
    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, [this] { start(m_edit->text()); });
    connect(m_edit, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_prev, &QToolButton::clicked, this, &FindBar::previous);
    connect(m_nextButton, &QToolButton::clicked, this, &FindBar::next);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    hide();
}

void FindBar::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
    setSession(QString());
}

void FindBar::setSession(const QString &sessionId)
{
    m_sessionId = sessionId;
    m_knownCount = -1;
    m_last = SessionFind::Scan();
    m_latest.drop();
    m_hits.clear();
    m_current = -1;
    m_running = false;
    m_found.clear();
    m_origin.clear();
    if (isVisible() && !m_edit->text().isEmpty())
        start(m_edit->text());
    else
        updateCount();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    if (!m_edit->text().isEmpty() && m_edit->text() != m_found)
        start(m_edit->text());
    else if (!m_found.isEmpty())
        emit highlightChanged(m_found);
}

void FindBar::close()
{
    m_typing.stop();
    m_latest.drop();
    m_running = false;
    hide();
    emit highlightChanged(QString());
    emit closed();
}

void FindBar::sessionCountChanged(qint64 count)
{
    const qint64 before = std::exchange(m_knownCount, count);
    if (!isVisible() || m_found.isEmpty() || count == before)
        return;
    if (m_running || count < before || before < 0 || !m_last.done || m_last.error.isError() ||
        m_last.limitReached || m_last.needle != m_found || m_last.sessionId != m_sessionId) {
        start(m_found);
        return;
    }
    // Appended: only the new messages are read.
    m_running = true;
    run(SessionFind::resume(m_last), currentMessage());
}

void FindBar::start(const QString &needle)
{
    m_typing.stop();
    m_latest.drop();
    const qint64 keep = currentMessage(); // a refind keeps the reader's place
    m_found = needle;
    m_hits.clear();
    m_current = -1;
    m_limitReached = false;
    m_error.clear();
    emit highlightChanged(needle);
    if (needle.isEmpty() || m_sessionId.isEmpty()) {
        m_running = false;
        updateCount();
        emit finished();
        return;
    }
    m_running = true;
    updateCount();
    run(SessionFind::start(m_schema, m_sessionId, needle), keep);
}

void FindBar::run(SessionFind::Scan start, qint64 keep)
{
    const LatestReply::Ticket ticket = m_latest.next();
    start.cancel = ticket.token();
    runInSteps(
        m_connection, this, std::move(start), &SessionFind::step,
        [this, keep](const SessionFind::Scan &scan) {
            m_running = false;
            if (scan.databaseChanged)
                return;
            if (keep >= 0) {
                for (int i = 0; i < scan.hits.size(); ++i) {
                    if (scan.hits.at(i).id == keep)
                        m_current = i;
                }
            }
            onDone(scan);
        },
        ticket.wanted());
}

void FindBar::onDone(const SessionFind::Scan &scan)
{
    m_last = scan;
    m_hits = scan.hits;
    m_limitReached = scan.limitReached;
    m_error = scan.error.isError() ? scan.error.toString() : QString();
    const int pending = std::exchange(m_pendingStep, 0);
    if (m_current < 0 && !m_hits.isEmpty()) {
        // The nearest match at or above where the reader is, as a chat's find goes (issue 20);
        // none above: the nearest below. No place known: the newest match.
        const int n = int(m_hits.size());
        int at = n - 1;
        if (!m_origin.isEmpty()) {
            int before = 0; // matches strictly before the origin
            while (before < n && keyBefore(m_hits.at(before), m_origin))
                ++before;
            const bool onIt =
                before < n && m_origin.size() == 2 && m_hits.at(before).id == m_origin.at(1).toLongLong();
            at = onIt ? before : qMax(0, before - 1);
        }
        m_current = at;
        updateCount();
        emit showHit(m_hits.at(m_current).id, m_found);
        // The Enter that asked for the find is spent on this match; more Enters, or Shift+Enter,
        // move on from it.
        if (pending < -1 || pending > 0)
            step(pending > 0 ? 1 : -1);
    } else {
        updateCount();
        if (pending != 0)
            step(pending);
    }
    emit finished();
}

// Next is older, as in a chat's find: the reader came from the newest messages.
void FindBar::next()
{
    step(-1);
}

void FindBar::previous()
{
    step(1);
}

void FindBar::step(int by)
{
    if (m_edit->text() != m_found || m_typing.isActive()) {
        // Enter before the pause after typing: find now; the move comes with the results.
        m_pendingStep = by > 0 ? 1 : -1; // next() is -1
        start(m_edit->text());
        return;
    }
    if (m_running) {
        m_pendingStep += by;
        return;
    }
    if (m_hits.isEmpty())
        return;
    const int n = int(m_hits.size());
    m_current = m_current < 0 ? (by > 0 ? 0 : n - 1) : ((m_current + by) % n + n) % n; // wraps
    updateCount();
    emit showHit(m_hits.at(m_current).id, m_found);
}

void FindBar::updateCount()
{
    if (!m_error.isEmpty()) {
        m_count->setText(tr("Find failed"));
        m_count->setToolTip(m_error);
        return;
    }
    m_count->setToolTip(QString());
    if (m_found.isEmpty()) {
        m_count->clear();
        return;
    }
    if (m_running) {
        m_count->setText(tr("Finding…"));
        return;
    }
    if (m_hits.isEmpty()) {
        m_count->setText(tr("No matches"));
        return;
    }
    // "k of n messages": the count is of messages holding the text, found in the whole session.
    const int n = int(m_hits.size());
    m_count->setText(tr("%1 of %Ln message(s)", nullptr, n).arg(QLocale().toString(m_current + 1)) +
                     (m_limitReached ? QStringLiteral("+") : QString()));
    if (m_limitReached)
        m_count->setToolTip(tr("Stopped at the first %Ln message(s) found", nullptr, n));
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool shift = key->modifiers() & Qt::ShiftModifier;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_F3) {
            shift ? previous() : next();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kalito::ui
