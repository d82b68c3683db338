#include "openstatus.h"

#include "databaseopener.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace kalito::ui {

OpenStatus::OpenStatus(DatabaseOpener *opener, QWidget *parent)
    : QWidget(parent), m_opener(opener), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("openStatus"));
    m_bar->setObjectName(QStringLiteral("openStatusProgress"));
    m_cancel->setObjectName(QStringLiteral("openStatusCancel"));
    m_label->setTextFormat(Qt::PlainText); // a file name is never markup
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
    connect(opener, &DatabaseOpener::busy, this, [this](const QString &what) {
        m_label->setText(what);
        m_cancel->setVisible(m_opener->canCancel());
        show();
    });
    connect(opener, &DatabaseOpener::progress, this, &OpenStatus::showProgress);
    connect(opener, &DatabaseOpener::idle, this, [this] {
        m_label->clear(); // the path is said once, by the status bar's own field
        hide();
    });
    connect(m_cancel, &QPushButton::clicked, opener, &DatabaseOpener::cancel);
}

QString OpenStatus::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void OpenStatus::showProgress(qint64 done, qint64 total)
{
    m_cancel->setVisible(m_opener->canCancel());
    if (total <= 0) {
        m_bar->setRange(0, 0); // busy: no measure of how far
        return;
    }
    // In KiB: an int range holds a copy of up to 2 TiB.
    m_bar->setRange(0, int(total / 1024));
    m_bar->setValue(int(done / 1024));
    m_bar->setToolTip(
        tr("%1 of %2 MB").arg(double(done) / 1e6, 0, 'f', 1).arg(double(total) / 1e6, 0, 'f', 1));
}

} // namespace kalito::ui
