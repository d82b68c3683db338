#include "spacepage.h"

#include "handover.h"
#include "spacechart.h"

#include "connection.h"
#include "errortext.h"
#include "spacescan.h"
#include "steppedwork.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

namespace {

constexpr int sessionRole = Qt::UserRole;
constexpr int messageRole = Qt::UserRole + 1;
constexpr int nameRole = Qt::UserRole + 2;

} // namespace

SpacePage::SpacePage(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("File space summary"));

    m_analyze = new QPushButton(tr("Analyze"), this);
    m_analyze->setObjectName(QStringLiteral("spaceAnalyze"));
    m_analyze->setToolTip(tr("Read where the bytes of the file go again (reads only; writes nothing)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("spaceCancel"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Space report progress"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Space report status"));
    connect(m_analyze, &QPushButton::clicked, this, &SpacePage::start);
    connect(m_cancel, &QPushButton::clicked, this, &SpacePage::cancel);

    m_chart = new SpaceChart(this);
    m_chart->setAccessibleName(tr("Space chart: tables, indexes and sessions by size"));
    connect(m_chart, &SpaceChart::activated, this, [this](const QString &key) {
        for (const SpaceSession &s : std::as_const(m_report.topSessions))
            if (s.id == key)
                emit openSession(s.id, s.name);
    });
    auto *chartScroll = new QScrollArea(this);
    chartScroll->setWidget(m_chart);
    chartScroll->setWidgetResizable(true);
    chartScroll->setFrameShape(QFrame::NoFrame);

    m_tables = new QTreeWidget(this);
    m_tables->setObjectName(QStringLiteral("spaceTables"));
    m_tables->setAccessibleName(tr("Tables and indexes by size"));
    // Size and Share first: what a person looks for, kept in view beside the names (fitNameColumn);
    // the other figures follow, to scroll to on a narrow window, and are all in every tooltip.
    m_tables->setHeaderLabels({tr("Table or index"), tr("Size"), tr("Share"), tr("Pages"), tr("Payload"),
                               tr("Unused"), tr("Depth"), tr("Overflow pages"), tr("Entries")});
    m_tables->setRootIsDecorated(true);
    m_tables->setUniformRowHeights(true);
    m_tables->setTextElideMode(Qt::ElideMiddle); // index names differ at both ends
    m_tables->header()->setStretchLastSection(false);
    m_tables->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    connect(m_tables->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == 0 && !m_fittingNames)
            m_namesSizedByHand = true; // the person dragged it: theirs from now on
    });
    m_tables->installEventFilter(this);

    m_sessions = new QTreeWidget(this);
    m_sessions->setObjectName(QStringLiteral("spaceSessions"));
    m_sessions->setAccessibleName(tr("Sessions and messages holding the most text"));
    m_sessions->setHeaderLabels({tr("Session or message"), tr("Text"), tr("Messages"), tr("Share")});
    m_sessions->setUniformRowHeights(true);
    m_sessions->header()->setStretchLastSection(false);
    m_sessions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_sessions->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_sessions, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { activateItem(item); });
    connect(m_sessions, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activateItem(item); });

    auto *figures = new QSplitter(Qt::Vertical, this);
    figures->addWidget(m_tables);
    figures->addWidget(m_sessions);
    figures->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(chartScroll);
    split->addWidget(figures);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_analyze);
    bar->addWidget(m_cancel);
    bar->addWidget(m_progress);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
}

SpacePage::~SpacePage() = default; // m_latest cancels a report under way

QString SpacePage::statusText() const
{
    return m_status->text();
}

QString SpacePage::bytes(qint64 n) const
{
    return locale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
}

QString SpacePage::percent(double p) const
{
    return tr("%1 %").arg(locale().toString(p, 'f', 1));
}

void SpacePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_haveReport && !m_running && m_connection->isOpen())
        start();
}

void SpacePage::reset()
{
    m_running = false;
    m_latest.drop();
    m_haveReport = false;
    m_report = SpaceReport();
    m_summary->clear();
    m_status->clear();
    m_progress->setValue(0);
    m_tables->clear();
    m_sessions->clear();
    m_chart->setSections({});
    m_cancel->setEnabled(false);
    if (isVisible() && m_connection->isOpen())
        start();
}

void SpacePage::start()
{
    if (!m_connection->isOpen())
        return;
    const LatestReply::Ticket ticket = m_latest.next(); // a report under way is replaced
    m_running = true;
    m_saidExpectation = false;
    handOver({m_analyze}, m_cancel);
    m_progress->setValue(0);
    m_status->setText(tr("Reading the file's pages…"));
    SpaceScanOptions options;
    options.topSessions = 10;
    options.largestMessages = 10;
    SpaceScanState state = SpaceScan::start(options);
    state.cancel = ticket.token();
    runInSteps(
        m_connection, this, state, [](Database &db, SpaceScanState &s) { SpaceScan::step(db, s); },
        [this](const SpaceScanState &s) { finished(s); }, ticket.wanted(),
        [this](const SpaceScanState &s) { stepDone(s); });
}

void SpacePage::cancel()
{
    if (!m_running)
        return;
    m_latest.drop(); // the running statement stops now (its CancelScope interrupts it)
    m_running = false;
    handOver({m_cancel}, m_analyze);
    m_status->setText(tr("Cancelled: the figures shown are the b-trees read before it."));
    emit cancelled();
}

void SpacePage::stepDone(const SpaceScanState &s)
{
    m_progress->setValue(s.progressPermille());
    emit progressed(s.progressPermille());
    if (s.phase == SpaceScanState::Phase::Trees && s.report.trees.isEmpty()) {
        // Before the first b-tree: the file is known, nothing has held a snapshot for long yet.
        showSummary(s.report);
        const qint64 longest = s.expectedLongestReadMs();
        if (longest >= SpaceScan::longReadMs) {
            m_saidExpectation = true;
            m_status->setText(tr("About %1 s in all. The largest table is read in one go, holding a read "
                                 "snapshot for about "
                                 "%2 s: meanwhile the backend's checkpoints wait (its writes do not).")
                                  .arg(locale().toString(double(s.expectedTotalMs()) / 1000.0, 'f', 1),
                                       locale().toString(double(longest) / 1000.0, 'f', 1)));
        }
        return;
    }
    if (!m_saidExpectation)
        m_status->setText(s.phase == SpaceScanState::Phase::Messages
                              ? tr("Adding up the text of every session…")
                              : tr("Reading %1…").arg(s.current()));
    if (s.phase == SpaceScanState::Phase::Trees || s.report.trees.size() != m_report.trees.size()) {
        m_report = s.report;
        showTables(s.report);
        showChart(s.report);
    }
}

void SpacePage::finished(const SpaceScanState &s)
{
    m_running = false;
    handOver({m_cancel}, m_analyze);
    if (s.databaseChanged)
        return; // another database: reset() follows
    m_report = s.report;
    m_haveReport = true;
    m_progress->setValue(1000);
    show(m_report);
    if (m_report.error.isError())
        m_status->setText(ErrorText::describe(m_report.error));
    else
        m_status->setText(tr("Read in %1 ms; the longest single read took %2 ms (%3).")
                              .arg(m_report.elapsedMs)
                              .arg(m_report.longestStepMs)
                              .arg(m_report.longestStep));
    emit reportShown();
}

void SpacePage::show(const SpaceReport &r)
{
    showSummary(r);
    showTables(r);
    showSessions(r);
    showChart(r);
}

void SpacePage::showSummary(const SpaceReport &r)
{
    QStringList lines;
    lines << tr("%1 pages of %2 bytes: %3 (on disk %4).")
                 .arg(locale().toString(r.pageCount), locale().toString(r.pageSize), bytes(r.databaseBytes()),
                      bytes(r.fileBytes));
    lines << tr("Freelist: %1 pages, %2: VACUUM gives back at least this.")
                 .arg(locale().toString(r.freelistPages), bytes(r.freelistPages * r.pageSize));
    if (r.walExists)
        lines << tr("-wal: %1, given back by a TRUNCATE checkpoint once no reader holds an older snapshot; "
                    "-shm: %2.")
                     .arg(bytes(r.walBytes), bytes(r.shmBytes));
    else
        lines << tr("No -wal file.");
    m_summary->setText(lines.join(QLatin1Char(' ')));
}

void SpacePage::showTables(const SpaceReport &r)
{
    m_tables->clear();
    auto fill = [&](QTreeWidgetItem *item, const QString &name, const SpaceTree &t, qint64 pages,
                    qint64 payload, qint64 unused, qint64 overflow, bool group) {
        item->setText(0, name);
        item->setText(1, bytes(pages * r.pageSize));
        item->setText(2, percent(r.shareOfFile(pages)));
        item->setText(3, locale().toString(pages));
        item->setText(4, bytes(payload));
        item->setText(5, bytes(unused));
        item->setText(6, group || t.depth == 0 ? QString() : locale().toString(t.depth));
        item->setText(7, locale().toString(overflow));
        item->setText(8, group ? QString() : locale().toString(t.entries));
        for (int c = 1; c < 9; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        const QString tip = tr("%1\n%2 pages (%3 interior, %4 leaf, %5 overflow) = %6 bytes, %7 of the file\n"
                               "payload %8 bytes, unused %9 bytes")
                                .arg(name, locale().toString(pages), locale().toString(t.interiorPages),
                                     locale().toString(t.leafPages), locale().toString(t.overflowPages),
                                     locale().toString(pages * r.pageSize), percent(r.shareOfFile(pages)),
                                     locale().toString(payload), locale().toString(unused));
        for (int c = 0; c < 9; ++c)
            item->setToolTip(c, tip);
    };
    for (const SpaceTable &t : r.tables()) {
        auto *top = new QTreeWidgetItem(m_tables);
        if (t.indexes.isEmpty()) {
            fill(top, t.name, t.tree, t.pages(), t.payload(), t.unused(), t.tree.overflowPages, false);
            continue;
        }
        qint64 overflow = t.tree.overflowPages;
        for (const SpaceTree &i : t.indexes)
            overflow += i.overflowPages;
        SpaceTree sum = t.tree; // the tooltip's page split, over the table and its indexes
        for (const SpaceTree &i : t.indexes) {
            sum.interiorPages += i.interiorPages;
            sum.leafPages += i.leafPages;
            sum.overflowPages += i.overflowPages;
        }
        fill(top, tr("%1 with its indexes").arg(t.name), sum, t.pages(), t.payload(), t.unused(), overflow,
             true);
        fill(new QTreeWidgetItem(top), tr("%1 (table)").arg(t.name), t.tree, t.tree.pages(), t.tree.payload,
             t.tree.unused(), t.tree.overflowPages, false);
        for (const SpaceTree &i : t.indexes)
            fill(new QTreeWidgetItem(top), i.name, i, i.pages(), i.payload, i.unused(), i.overflowPages,
                 false);
        top->setExpanded(true);
    }
    fitNameColumn();
}

// The names get what they need, but never so much that Size and Share leave the view; at least
// about 16 characters (a longer name is cut in the middle, whole in its tooltip).
void SpacePage::fitNameColumn()
{
    if (m_namesSizedByHand)
        return;
    const QAbstractItemView *view = m_tables; // sizeHintForColumn is public on the base
    const QHeaderView *header = m_tables->header();
    auto need = [&](int column) {
        return qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    };
    const int least = m_tables->fontMetrics().horizontalAdvance(QString(16, QLatin1Char('x'))) +
                      2 * m_tables->indentation();
    const int room = m_tables->viewport()->width() - need(1) - need(2);
    m_fittingNames = true;
    m_tables->header()->resizeSection(0, qMax(least, qMin(need(0), room)));
    m_fittingNames = false;
}

bool SpacePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tables && event->type() == QEvent::Resize)
        fitNameColumn();
    return QWidget::eventFilter(watched, event);
}

void SpacePage::showSessions(const SpaceReport &r)
{
    m_sessions->clear();
    if (!r.sessionsScanned)
        return;
    auto *sessions = new QTreeWidgetItem(m_sessions, {tr("Sessions with the most message text")});
    for (const SpaceSession &s : r.topSessions) {
        const double share = r.messageBytes > 0 ? 100.0 * double(s.bytes) / double(r.messageBytes) : 0;
        auto *item = new QTreeWidgetItem(sessions, {s.name.isEmpty() ? s.id : s.name, bytes(s.bytes),
                                                    locale().toString(s.messages), percent(share)});
        item->setData(0, sessionRole, s.id);
        item->setData(0, messageRole, qint64(-1));
        item->setData(0, nameRole, s.name);
        const QString tip =
            tr("%1\n%2 bytes of text in %3 messages (%4 of all message text)\nClick to open")
                .arg(s.id, locale().toString(s.bytes), locale().toString(s.messages), percent(share));
        for (int c = 0; c < 4; ++c)
            item->setToolTip(c, tip);
        for (int c = 1; c < 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    auto *largest = new QTreeWidgetItem(m_sessions, {tr("Largest messages")});
    for (const SpaceMessage &m : r.largestMessages) {
        auto *item = new QTreeWidgetItem(
            largest,
            {tr("Message %1 in %2").arg(m.id).arg(m.sessionName.isEmpty() ? m.sessionId : m.sessionName),
             bytes(m.bytes), QString(), QString()});
        item->setData(0, sessionRole, m.sessionId);
        item->setData(0, messageRole, m.id);
        item->setData(0, nameRole, m.sessionName);
        const QString tip = tr("Message %1: %2 bytes of text\nsession %3\nClick to open")
                                .arg(m.id)
                                .arg(locale().toString(m.bytes), m.sessionId);
        for (int c = 0; c < 4; ++c)
            item->setToolTip(c, tip);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    sessions->setExpanded(true);
    largest->setExpanded(true);
}

void SpacePage::showChart(const SpaceReport &r)
{
    QList<SpaceChart::Section> sections;
    SpaceChart::Section file;
    file.title = tr("The file");
    auto fileBar = [&](const QString &label, qint64 b, const QString &tip) {
        SpaceChart::Bar bar;
        bar.label = label;
        bar.amount = double(b);
        bar.value = bytes(b);
        bar.toolTip = tip;
        file.bars << bar;
    };
    fileBar(tr("Tables and indexes"), r.usedPages() * r.pageSize,
            tr("%1 pages in use, %2 bytes")
                .arg(locale().toString(r.usedPages()), locale().toString(r.usedPages() * r.pageSize)));
    fileBar(tr("Freelist"), r.freelistPages * r.pageSize,
            tr("%1 free pages, %2 bytes: VACUUM gives back at least this")
                .arg(locale().toString(r.freelistPages), locale().toString(r.freelistPages * r.pageSize)));
    fileBar(tr("-wal"), r.walBytes,
            tr("%1 bytes: a TRUNCATE checkpoint gives it back once no reader holds an older snapshot")
                .arg(locale().toString(r.walBytes)));
    sections << file;

    SpaceChart::Section tables;
    tables.title = tr("Tables and their indexes");
    const QList<SpaceTable> grouped = r.tables();
    for (int i = 0; i < grouped.size() && i < 8; ++i) {
        const SpaceTable &t = grouped.at(i);
        SpaceChart::Bar bar;
        bar.label = t.name;
        bar.isGroup = !t.indexes.isEmpty();
        bar.amount = double(t.pages());
        bar.value = tr("%1 · %2").arg(bytes(t.pages() * r.pageSize), percent(r.shareOfFile(t.pages())));
        bar.toolTip =
            tr("%1 with its indexes: %2 pages, %3 bytes, %4 of the file; payload %5 bytes, unused %6 bytes")
                .arg(t.name, locale().toString(t.pages()), locale().toString(t.pages() * r.pageSize),
                     percent(r.shareOfFile(t.pages())), locale().toString(t.payload()),
                     locale().toString(t.unused()));
        tables.bars << bar;
        if (t.indexes.isEmpty())
            continue;
        QList<SpaceTree> parts{t.tree};
        parts << t.indexes;
        for (const SpaceTree &p : parts) {
            SpaceChart::Bar part;
            part.label = p.isIndex ? p.name : tr("(table)");
            part.indent = 1;
            part.amount = double(p.pages());
            part.value = tr("%1 · %2").arg(bytes(p.pages() * r.pageSize), percent(r.shareOfFile(p.pages())));
            part.toolTip =
                tr("%1: %2 pages, %3 bytes, %4 of the file; payload %5 bytes, unused %6 bytes, depth %7")
                    .arg(p.name, locale().toString(p.pages()), locale().toString(p.pages() * r.pageSize),
                         percent(r.shareOfFile(p.pages())), locale().toString(p.payload),
                         locale().toString(p.unused()), locale().toString(p.depth));
            tables.bars << part;
        }
    }
    sections << tables;

    if (r.sessionsScanned && !r.topSessions.isEmpty()) {
        SpaceChart::Section sessions;
        sessions.title = tr("Sessions with the most message text (click to open)");
        for (const SpaceSession &s : r.topSessions) {
            SpaceChart::Bar bar;
            bar.label = s.name.isEmpty() ? s.id : s.name;
            bar.amount = double(s.bytes);
            bar.key = s.id;
            bar.value = tr("%1 · %Ln message(s)", nullptr, int(s.messages)).arg(bytes(s.bytes));
            bar.toolTip = tr("%1\n%2 bytes of text in %3 messages")
                              .arg(s.id, locale().toString(s.bytes), locale().toString(s.messages));
            sessions.bars << bar;
        }
        sections << sessions;
    }
    m_chart->setSections(sections);
}

void SpacePage::activateItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString session = item->data(0, sessionRole).toString();
    if (session.isEmpty())
        return;
    const qint64 message = item->data(0, messageRole).toLongLong();
    const QString name = item->data(0, nameRole).toString();
    if (message > 0)
        emit openMessage(session, message, name);
    else
        emit openSession(session, name);
}

} // namespace kalito::ui
