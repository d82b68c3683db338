#include "sessionspane.h"
#include "errortext.h"
#include "whenfinished.h"

#include "browse/sessionquery.h"
#include "busyindicator.h"
#include "connection.h"
#include "counttext.h"
#include "displaytext.h"
#include "sessionsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace kalito::ui {

SessionsPane::SessionsPane(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_model(new SessionsModel(connection, this)),
      m_filter(new QLineEdit(this)), m_persona(new QComboBox(this)), m_saved(new QComboBox(this)),
      m_view(new QTableView(this)), m_status(new QLabel(this)), m_unavailable(new QLabel(this)),
      m_busy(new BusyIndicator(this))
{
    m_filter->setPlaceholderText(tr("Filter sessions"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter sessions"));
    m_filter->setAccessibleDescription(tr("Shows only the sessions that match this text"));
    m_persona->setAccessibleName(tr("Persona"));
    m_saved->setAccessibleName(tr("Saved or not"));
    m_persona->addItem(tr("All personas"), QString());
    m_saved->addItem(tr("Saved or not"), int(SessionFilter::Saved::Any));
    m_saved->addItem(tr("Saved only"), int(SessionFilter::Saved::SavedOnly));
    m_saved->addItem(tr("Not saved"), int(SessionFilter::Saved::UnsavedOnly));
    m_unavailable->setTextFormat(Qt::PlainText);
    m_unavailable->setWordWrap(true);
    m_unavailable->setVisible(false);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true); // an error or a damaged file's message can be long

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Sessions"));
    m_view->setAccessibleDescription(tr("The database's sessions; the one chosen opens in the conversation"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // No column sorted at first: newest sessions first in stored order, which needs no sort. The
    // indicator is cleared before sorting is enabled, because enabling sorts by the indicator.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    // A click on a column that cannot be sorted must not leave an indicator claiming it is.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder order) {
                if (section < 0 || SessionsModel::isSortable(section)) {
                    m_sortSection = section;
                    m_sortOrder = order;
                    return;
                }
                m_view->horizontalHeader()->setSortIndicator(m_sortSection, m_sortOrder);
            });
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionsMovable(true);
    fitColumns();
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(
        m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
            // Narrow by default; every column can be brought back from the header's menu.
            QMenu menu(this);
            for (int c = 0; c < m_model->columnCount(); ++c) {
                QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
                a->setCheckable(true);
                a->setChecked(!m_view->isColumnHidden(c));
                connect(a, &QAction::toggled, this, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
            }
            menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
        });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_persona, 1);
    filters->addWidget(m_saved, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addLayout(filters);
    layout->addWidget(m_unavailable);
    layout->addWidget(m_busy);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &SessionsPane::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_persona, &QComboBox::currentIndexChanged, this, &SessionsPane::applyFilter);
    connect(m_saved, &QComboBox::currentIndexChanged, this, &SessionsPane::applyFilter);
    connect(m_model, &PagedModel::busyChanged, m_busy, &BusyIndicator::setBusy);
    connect(m_model, &PagedModel::countChanged, this, &SessionsPane::updateStatus);
    connect(m_model, &PagedModel::failed, this,
            [this](const DbError &e) { m_status->setText(ErrorText::describe(e)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsPane::onCurrentChanged);
    // Rows arriving after a refresh: keep the selected session selected.
    connect(m_model, &PagedModel::pageLoaded, this, [this](int first, int last) {
        // The person moved onto a row that was still loading (End, PageDown, a click far down):
        // now it is here, open it. Their move wins over keeping the old selection.
        if (m_loadingRow >= first && m_loadingRow <= last && m_view->currentIndex().row() == m_loadingRow) {
            m_loadingRow = -1;
            onCurrentChanged();
            return;
        }
        // Like a mail client: the newest conversation is open from the start.
        if (m_current.isEmpty() && first == 0 && m_model->rowCount() > 0) {
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_model->index(0, SessionsModel::Name));
            else
                onCurrentChanged(); // became current (e.g. on focus) while its row was still loading
            return;
        }
        // Rows move under the highlight when another process writes (a new session at the top,
        // a session updated in a list sorted by time): follow the session open in the transcript.
        const QModelIndex current = m_view->currentIndex();
        const QString shown = current.isValid() ? m_model->sessionIdAt(current.row()) : QString();
        if (m_current.isEmpty() || shown == m_current || selectSession(m_current))
            return;
        if (!shown.isEmpty())
            clearHighlight(); // it moved out of the rows loaded: highlight nothing rather than another
    });
}

void SessionsPane::setSchema(const SchemaInfo &schema)
{
    // Another database: its sessions are shown whole and in stored order. A filter typed for the
    // last one would hide rows without a word ("0 sessions" on a database of thousands).
    const QString path = m_connection->isOpen() ? m_connection->openResult().path : QString();
    if (path != m_path) {
        m_path = path;
        const QSignalBlocker filter(m_filter), persona(m_persona), saved(m_saved);
        const QSignalBlocker header(m_view->horizontalHeader());
        m_debounce.stop();
        m_filter->clear();
        m_persona->setCurrentIndex(0);
        m_saved->setCurrentIndex(0);
        m_sortSection = -1;
        m_sortOrder = Qt::DescendingOrder;
        m_view->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
        m_model->clearFilter();
    }
    m_schema = schema;
    m_current.clear();
    m_loadingRow = -1;
    const QString reason = ErrorText::unavailable(schema, QStringLiteral("sessions"));
    m_unavailable->setText(reason);
    m_unavailable->setVisible(!reason.isEmpty());
    m_view->setEnabled(reason.isEmpty());
    m_filter->setEnabled(reason.isEmpty());
    m_saved->setEnabled(schema.hasColumn(QStringLiteral("sessions"), QStringLiteral("saved")));
    m_model->setSchema(schema);
    fitColumns();
    loadPersonas();
}

void SessionsPane::fitColumns()
{
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const bool narrow = c == SessionsModel::Name || c == SessionsModel::Persona ||
                            c == SessionsModel::Messages || c == SessionsModel::Updated;
        m_view->setColumnHidden(c, !narrow);
    }
    // Widths from what the columns hold, in this language and font: a whole time, a persona's
    // icon and name, the largest count, and each header with room for its sort arrow (issue 20).
    // The name takes what is left, so that the list never needs a horizontal scroll bar.
    const QFontMetrics fm = m_view->fontMetrics();
    QHeaderView *header = m_view->horizontalHeader();
    const int arrow = header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) +
                      2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 8;
    int fixed = 0;
    const auto fit = [&](int column, const QString &sample) {
        const int title =
            header->fontMetrics().horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) +
            (SessionsModel::isSortable(column)
                 ? arrow
                 : arrow - header->style()->pixelMetric(QStyle::PM_HeaderMarkSize));
        const int width = qMax(title, fm.horizontalAdvance(sample) + 14);
        m_view->setColumnWidth(column, width);
        fixed += width;
    };
    fit(SessionsModel::Persona, QStringLiteral("\U0001F409 ") + QString(7, QLatin1Char('x')));
    fit(SessionsModel::Messages, CountText::exact(99999));
    fit(SessionsModel::Updated, DisplayText::shortTimestamp(QStringLiteral("2025-12-28 23:58:59")));
    header->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("xxxx…")));
    header->setSectionResizeMode(SessionsModel::Name, QHeaderView::Stretch);
    // Room for a name's first words beside them, so that the list needs no horizontal scroll bar.
    const int name = qMax(fm.horizontalAdvance(QString(9, QLatin1Char('x'))),
                          header->fontMetrics().horizontalAdvance(
                              m_model->headerData(SessionsModel::Name, Qt::Horizontal).toString()) +
                              arrow);
    const int chrome = m_view->verticalScrollBar()->sizeHint().width() + 2 * m_view->frameWidth() + 2;
    m_view->setMinimumWidth(fixed + name + chrome);
    const QMargins margins = layout() ? layout()->contentsMargins() : QMargins();
    m_preferredWidth = fixed + qMax(name, fm.horizontalAdvance(QString(24, QLatin1Char('x')))) + chrome +
                       margins.left() + margins.right();
}

void SessionsPane::loadPersonas()
{
    const SchemaInfo schema = m_schema;
    m_persona->blockSignals(true);
    while (m_persona->count() > 1)
        m_persona->removeItem(1);
    m_persona->blockSignals(false);
    m_persona->setEnabled(schema.hasColumn(QStringLiteral("sessions"), QStringLiteral("persona_id")));
    whenFinished(this,
                 m_connection->run([schema](Database &db) { return SessionQuery::personas(db, schema); }),
                 [this](const QList<QPair<QString, QString>> &personas) {
                     m_persona->blockSignals(true);
                     for (const auto &p : personas)
                         m_persona->addItem(p.second, p.first);
                     m_persona->blockSignals(false);
                 });
}

void SessionsPane::applyFilter()
{
    m_loadingRow = -1;
    SessionFilter f = m_model->filter();
    f.text = m_filter->text().trimmed();
    f.personaId = m_persona->currentData().toString();
    f.saved = SessionFilter::Saved(m_saved->currentData().toInt());
    m_model->setFilter(f);
    updateStatus();
}

void SessionsPane::refresh()
{
    m_model->refresh();
}

void SessionsPane::updateStatus()
{
    const qint64 n = m_model->knownCount();
    if (m_model->damage().isError()) // a damaged file stays said (see PageCheck)
        m_status->setText(ErrorText::describe(m_model->damage()));
    else
        m_status->setText(n < 0 ? tr("Counting sessions…") : tr("%Ln session(s)", nullptr, int(n)));
}

void SessionsPane::setCurrentSession(const QString &sessionId)
{
    m_current = sessionId;
    if (selectSession(sessionId))
        return;
    // Not among the rows loaded: no other session may stay highlighted as if it were the one
    // shown. When its row arrives (pageLoaded), it is selected.
    clearHighlight();
}

void SessionsPane::clearHighlight()
{
    const QSignalBlocker blocker(m_view->selectionModel());
    m_view->selectionModel()->clear();
    m_view->viewport()->update();
}

bool SessionsPane::selectSession(const QString &sessionId)
{
    const int row = m_model->findSessionRow(sessionId);
    if (row < 0)
        return false;
    m_current = sessionId;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, SessionsModel::Name),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    return true;
}

void SessionsPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const QString id = current.isValid() ? m_model->sessionIdAt(current.row()) : QString();
    m_loadingRow = current.isValid() && id.isEmpty() ? current.row() : -1;
    if (id.isEmpty() || id == m_current)
        return;
    m_current = id;
    emit sessionSelected(id, m_model->index(current.row(), SessionsModel::Name).data().toString());
}

} // namespace kalito::ui
