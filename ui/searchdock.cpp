#include "searchdock.h"
#include "errortext.h"

#include "copyselection.h"
#include "searchhitdelegate.h"
#include "searchindexpanel.h"
#include "searchindextext.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kalito::ui {

namespace {
constexpr int kProgressSteps = 1000;
}

SearchDock::SearchDock(Connection *connection, QWidget *parent)
    : QDockWidget(tr("Search messages"), parent), m_runner(new SearchRunner(connection, this)),
      m_model(new SearchResultsModel(this)), m_index(new SearchIndexPanel(connection))
{
    setObjectName(QStringLiteral("dockSearch")); // the window state keeps docks by name
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);

    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(content);
    m_edit->setPlaceholderText(tr("Search all messages"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Search all messages"));
    m_edit->setAccessibleDescription(tr("Text to find in every message of every session; Enter searches"));
    m_searchButton = new QPushButton(tr("Search"), content);
    row->addWidget(m_edit, 1);
    row->addWidget(m_searchButton);
    layout->addLayout(row);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(content);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_cancelButton = new QPushButton(tr("Cancel"), content);
    m_cancelButton->setEnabled(false);
    m_progress->setAccessibleName(tr("Search progress"));
    // Nothing to show before a search starts (issue 20): the bar and Cancel come with one.
    m_progress->hide();
    m_cancelButton->hide();
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);

    // The search index: whether it is in use, and building it (docs/search-index.md).
    m_index->setParent(content);
    layout->addWidget(m_index);

    m_status = new QLabel(content);
    m_status->setTextFormat(Qt::PlainText);
    // Wrapped: a long state ("Stopped at the limit of …") takes a second line instead of widening
    // the dock and squeezing the conversation beside it.
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_status);

    // One card per result (SearchHitDelegate): session, role and time on a quiet line over the
    // snippet wrapped on a few lines with the hit highlighted, readable at the dock's default width.
    // The other columns stay in the model (copy, tooltips) but not in view.
    m_view = new QTableView(content);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Search results"));
    m_view->setAccessibleDescription(
        tr("Click a result, or press Enter on it, to open its session at that message"));
    m_view->setItemDelegateForColumn(SearchResultsModel::SnippetColumn, new SearchHitDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (int c = 0; c < SearchResultsModel::NumColumns; ++c)
        m_view->setColumnHidden(c, c != SearchResultsModel::SnippetColumn);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Every row the same height: thousands of results are never measured one by one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(SearchHitDelegate::rowHeight(m_view->font()));
    CopySelection::install(m_view);
    layout->addWidget(m_view, 1);
    setWidget(content);

    m_findAction = new QAction(tr("&Find in messages…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &SearchDock::activateFind);
    // Ctrl+Shift+F always searches every message, wherever the focus is (Ctrl+F finds in the
    // conversation when it has the focus).
    m_searchAllAction = new QAction(tr("&Search all messages…"), this);
    m_searchAllAction->setObjectName(QStringLiteral("actionSearchAllMessages"));
    m_searchAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_searchAllAction, &QAction::triggered, this, &SearchDock::activateFind);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] { search(m_edit->text()); });
    connect(m_searchButton, &QPushButton::clicked, this, [this] { search(m_edit->text()); });
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchDock::cancel);
    connect(m_runner, &SearchRunner::resultsFound, this, [this](const QList<SearchHit> &hits) {
        m_model->appendHits(hits);
        updateStatus(tr("Searching…"));
    });
    connect(m_runner, &SearchRunner::progress, this,
            [this](double f) { m_progress->setValue(int(f * kProgressSteps)); });
    connect(m_runner, &SearchRunner::finished, this, &SearchDock::onFinished);
    connect(m_runner, &SearchRunner::planned, this, [this] {
        if (m_runner->isRunning())
            updateStatus(tr("Searching…"));
    });
    // One click opens a result, as a link does; Enter (activated) too. A double click opens it
    // once: the second click of it finds the message already shown.
    const auto open = [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const SearchHit &h = m_model->hit(index.row());
        emit openMessage(h.sessionId, h.messageId, h.sessionName, m_model->needle());
    };
    connect(m_view, &QTableView::clicked, this, open);
    connect(m_view, &QTableView::activated, this, [this, open](const QModelIndex &index) {
        if (QApplication::mouseButtons() == Qt::NoButton || !m_view->underMouse())
            open(index); // by keyboard; a mouse's activation followed a click that opened it
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &SearchDock::showContextMenu);
}

void SearchDock::activateFind()
{
    show();
    raise();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchDock::search(const QString &text)
{
    m_edit->setText(text);
    m_model->clear();
    m_model->setNeedle(text);
    m_progress->setValue(0);
    if (text.isEmpty()) {
        m_runner->cancel();
        m_status->clear();
        return;
    }
    m_cancelButton->setEnabled(true);
    m_progress->show();
    m_cancelButton->show();
    updateStatus(tr("Searching…"));
    m_runner->start(text);
}

void SearchDock::cancel()
{
    m_runner->cancel();
}

void SearchDock::reset()
{
    m_runner->cancel();
    m_model->clear();
    m_progress->setValue(0);
    m_progress->hide();
    m_cancelButton->hide();
    m_status->clear();
    m_index->refresh();
}

void SearchDock::onFinished(bool cancelled, const DbError &error)
{
    m_cancelButton->setEnabled(false);
    m_cancelButton->hide();
    // The bar stays only where it says something: a search stopped at the limit.
    m_progress->setVisible(!error.isError() && !cancelled && m_runner->limitReached());
    if (error.isError()) {
        m_status->setText(tr("Search failed: %1").arg(ErrorText::describe(error)));
        return;
    }
    if (!cancelled)
        m_index->searchFinished(m_runner->indexInfo());
    if (cancelled) {
        updateStatus(tr("Cancelled."));
        return;
    }
    if (m_runner->limitReached()) {
        // The bar stays where the search stopped: the rest of the messages were not searched.
        const int percent = m_progress->value() * 100 / kProgressSteps;
        updateStatus(tr("Stopped at the limit of %1 results, after searching %2% of the messages.")
                         .arg(QLocale().toString(m_runner->maxResults()))
                         .arg(percent));
    } else {
        m_progress->setValue(kProgressSteps);
        updateStatus(QString());
    }
}

void SearchDock::updateStatus(const QString &state)
{
    const QString count = tr("%Ln result(s)", nullptr, m_model->rowCount());
    QString text = state.isEmpty() ? count : count + QStringLiteral(" — ") + state;
    // How the search used the index, when there is one (a short text read every message...).
    const QString use = m_runner->isRunning() || !m_runner->text().isEmpty()
                            ? SearchIndexText::use(m_runner->indexUse())
                            : QString();
    if (!use.isEmpty())
        text += QLatin1Char(' ') + use;
    m_status->setText(text);
}

void SearchDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    const SearchHit hit = m_model->hit(index.row());
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, hit] {
        emit openMessage(hit.sessionId, hit.messageId, hit.sessionName, m_model->needle());
    });
    menu.addAction(tr("Export session…"), this,
                   [this, hit] { emit exportSessionRequested(hit.sessionId, hit.sessionName); });
    menu.addSeparator();
    menu.addAction(tr("Copy"), this, [this] { CopySelection::copy(m_view); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace kalito::ui
