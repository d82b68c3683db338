#include "searchindexpanel.h"

#include "elidedlabel.h"
#include "errortext.h"
#include "searchindexbuilder.h"
#include "searchindextext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kalito::ui {

namespace {
constexpr int kProgressSteps = 1000;

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // Wrapped rather than widening the dock (as the search's own status line).
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}
} // namespace

SearchIndexPanel::SearchIndexPanel(Connection *connection, QWidget *parent)
    : QWidget(parent), m_builder(new SearchIndexBuilder(connection, this))
{
    setObjectName(QStringLiteral("searchIndexPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // One line, shortened with "…" (the whole sentence in its tooltip), above its button: wrapped,
    // the Spanish sentence took three lines of a dock that must leave the window its height at
    // 1024x768 (tst_layout_es).
    m_state = new ElidedLabel(Qt::ElideRight, this);
    m_state->setObjectName(QStringLiteral("searchIndexState"));
    m_buildButton = new QPushButton(tr("Build search index…"), this);
    m_buildButton->setObjectName(QStringLiteral("buildSearchIndex"));
    m_buildButton->setAccessibleDescription(tr(
        "Shows how much space and time an index of every message would take, then builds it if you agree"));
    m_buildButton->hide();
    layout->addWidget(m_state);
    layout->addWidget(m_buildButton, 0, Qt::AlignRight);

    m_confirm = new QWidget(this);
    auto *confirmLayout = new QVBoxLayout(m_confirm);
    confirmLayout->setContentsMargins(0, 0, 0, 0);
    m_estimate = wrappedLabel(m_confirm);
    m_estimate->setObjectName(QStringLiteral("searchIndexEstimate"));
    auto *buttons = new QHBoxLayout;
    m_confirmButton = new QPushButton(tr("Build"), m_confirm);
    m_confirmButton->setObjectName(QStringLiteral("confirmSearchIndex"));
    m_notNowButton = new QPushButton(tr("Not now"), m_confirm);
    buttons->addStretch(1);
    buttons->addWidget(m_confirmButton);
    buttons->addWidget(m_notNowButton);
    confirmLayout->addWidget(m_estimate);
    confirmLayout->addLayout(buttons);
    m_confirm->hide();
    layout->addWidget(m_confirm);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setAccessibleName(tr("Search index progress"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelSearchIndex"));
    m_cancelButton->setAccessibleName(tr("Cancel building the search index"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);
    m_progress->hide();
    m_cancelButton->hide();

    connect(m_buildButton, &QPushButton::clicked, this, &SearchIndexPanel::askToBuild);
    connect(m_confirmButton, &QPushButton::clicked, this, &SearchIndexPanel::confirmBuild);
    connect(m_notNowButton, &QPushButton::clicked, this, [this] {
        m_confirm->hide();
        m_buildButton->setEnabled(true);
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchIndexPanel::cancel);
    connect(m_builder, &SearchIndexBuilder::inspected, this,
            [this](const SearchIndexInfo &info) { showInfo(info); });
    connect(m_builder, &SearchIndexBuilder::estimated, this, &SearchIndexPanel::onEstimated);
    connect(m_builder, &SearchIndexBuilder::progress, this,
            [this](double f) { m_progress->setValue(int(f * kProgressSteps)); });
    connect(m_builder, &SearchIndexBuilder::finished, this, &SearchIndexPanel::onFinished);
}

QString SearchIndexPanel::stateText() const
{
    return m_state->fullText();
}

void SearchIndexPanel::refresh()
{
    m_builder->cancel();
    m_confirm->hide();
    m_progress->hide();
    m_cancelButton->hide();
    m_builder->inspect();
}

void SearchIndexPanel::showInfo(const SearchIndexInfo &info, const QString &extra)
{
    m_info = info;
    using State = SearchIndexInfo::State;
    QString text = SearchIndexText::state(info);
    if (!extra.isEmpty())
        text += QLatin1Char(' ') + extra;
    m_state->setFullText(text);
    m_buildButton->setVisible(info.state != State::Unavailable);
    m_buildButton->setEnabled(!m_builder->isRunning());
    switch (info.state) {
    case State::Absent:
    case State::Unavailable:
        m_buildButton->setText(tr("Build search index…"));
        break;
    case State::Partial:
        m_buildButton->setText(tr("Finish the search index…"));
        break;
    case State::Ready:
    case State::Foreign:
    case State::Replaced:
    case State::Damaged:
        m_buildButton->setText(tr("Rebuild search index…"));
        break;
    }
    emit indexChanged(info);
}

void SearchIndexPanel::askToBuild()
{
    m_buildButton->setEnabled(false);
    m_estimate->setText(tr("Estimating the size and time of the index…"));
    m_confirmButton->setEnabled(false);
    m_confirm->show();
    m_builder->estimate();
}

void SearchIndexPanel::onEstimated(const SearchIndexEstimate &estimate)
{
    if (estimate.error.isError()) {
        m_estimate->setText(tr("Cannot build a search index: %1").arg(ErrorText::describe(estimate.error)));
        m_buildButton->setEnabled(true);
        return;
    }
    // A partial index is finished from where it stopped; any other is made anew.
    m_freshBuild = estimate.info.state != SearchIndexInfo::State::Partial;
    m_estimate->setText(SearchIndexText::estimate(estimate));
    m_confirmButton->setEnabled(true);
    m_confirmButton->setFocus(Qt::OtherFocusReason);
}

void SearchIndexPanel::confirmBuild()
{
    m_confirm->hide();
    m_buildButton->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_state->setFullText(tr("Building the search index…"));
    m_builder->build(m_freshBuild);
}

void SearchIndexPanel::cancel()
{
    m_builder->cancel();
}

void SearchIndexPanel::onFinished(const SearchIndexInfo &info, bool cancelled, const DbError &error)
{
    m_progress->hide();
    m_cancelButton->hide();
    m_buildButton->setEnabled(true);
    if (error.isError())
        showInfo(info, tr("Building the index stopped: %1").arg(ErrorText::describe(error)));
    else if (cancelled)
        showInfo(info, tr("Cancelled: what was indexed is kept, and finishing it goes on from there."));
    else
        showInfo(info);
}

void SearchIndexPanel::searchFinished(const SearchIndexInfo &used)
{
    if (m_builder->isRunning() || used.state == SearchIndexInfo::State::Absent)
        return;
    showInfo(used);
    if (used.usable() && used.behindRows() > 0)
        m_builder->update(); // rows the backend appended since: added by rowid, in the background
}

} // namespace kalito::ui
