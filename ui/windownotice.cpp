#include "windownotice.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>

namespace kalito::ui {

WindowNotice::WindowNotice(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("windowNotice"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::ToolTipBase); // a note, distinct from the pages, in any theme
    setForegroundRole(QPalette::ToolTipText);
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("windowNoticeText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_open = new QPushButton(tr("Open a database…"), this);
    m_open->setObjectName(QStringLiteral("windowNoticeOpen"));
    m_open->setToolTip(tr("Choose a Kalito database file (kalito.db) to open (Ctrl+O)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    connect(m_open, &QPushButton::clicked, this, &WindowNotice::openRequested);
    setAccessibleName(tr("Notice"));
    hide();
}

void WindowNotice::showDemo(const QString &path)
{
    m_label->setText(tr("This is a demo database, made up so that you can try the inspector (%1). "
                        "To look at your own, open its kalito.db with File > Open… (%2).")
                         .arg(path, QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    setAccessibleDescription(m_label->text());
    show();
}

void WindowNotice::showNothingOpen(const QString &why)
{
    const QString next = tr("No database is open. Open a Kalito database (kalito.db) with File > Open… (%1).")
                             .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
    m_label->setText(why.isEmpty() ? next : why + u'\n' + next);
    setAccessibleDescription(m_label->text());
    show();
}

QString WindowNotice::text() const
{
    return isVisible() || !isHidden() ? m_label->text() : QString();
}

} // namespace kalito::ui
