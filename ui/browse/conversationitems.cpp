#include "conversationitems.h"
#include "offthread.h"
#include "whenfinished.h"

#include "browse/messagequery.h"
#include "connection.h"
#include "displaytext.h"
#include "messagesmodel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>

namespace kalito::ui {

namespace {

constexpr int kOuterV = 5;      // between two bubbles (half of it each)
constexpr int kSide = 12;       // between a bubble and the viewport's edge
constexpr int kPad = 10;        // inside a bubble, left and right
constexpr int kPadV = 7;        // inside a bubble, top and bottom
constexpr int kGap = 3;         // between header, text and "Show all"
constexpr int kMaxExpanded = 4; // whole texts kept ("Show all"): the memory of a few 10 MB messages

QFont boldOf(QFont f)
{
    f.setBold(true);
    return f;
}

bool isDark(const MessageStyle &s)
{
    return s.text.lightness() > 128;
}

QColor bubbleColor(const QString &role, const MessageStyle &s)
{
    // Tints over the base colour: told apart at a glance in light and dark palettes alike.
    if (role == QLatin1String("user"))
        return isDark(s) ? QColor(66, 133, 244, 70) : QColor(66, 133, 244, 38);
    if (role == QLatin1String("assistant"))
        return isDark(s) ? QColor(120, 120, 120, 60) : QColor(0, 0, 0, 13);
    if (role == QLatin1String("system"))
        return QColor(251, 188, 5, 45);
    return isDark(s) ? QColor(180, 120, 220, 50) : QColor(150, 90, 200, 30);
}

QColor labelColor(const QString &role, const MessageStyle &s)
{
    if (role == QLatin1String("user"))
        return isDark(s) ? QColor(130, 175, 255) : QColor(25, 90, 200);
    if (role == QLatin1String("assistant"))
        return isDark(s) ? QColor(110, 200, 130) : QColor(20, 120, 50);
    if (role == QLatin1String("system"))
        return isDark(s) ? QColor(240, 190, 80) : QColor(150, 100, 0);
    return s.dim;
}

} // namespace

ConversationItems::ConversationItems(Connection *connection, MessagesModel *model, QObject *parent)
    : QObject(parent), m_connection(connection), m_model(model)
{}

void ConversationItems::setGeometry(int viewportWidth, const MessageStyle &style)
{
    const bool same = viewportWidth == m_viewportWidth && style.body == m_style.body &&
                      style.text == m_style.text && style.link == m_style.link;
    m_style = style;
    if (same)
        return;
    m_viewportWidth = viewportWidth;
    m_items.clear();
    for (Expanded &e : m_expanded)
        e.measuring = false; // measured again at the new width when next shown
}

void ConversationItems::clear()
{
    m_items.clear();
    m_expanded.clear();
}

int ConversationItems::contentWidth() const
{
    const int avail = qMax(120, m_viewportWidth - 2 * kSide);
    // A wide view leaves room on the other side: whose message it is shows in where it sits.
    const int bubble = m_viewportWidth > 560 ? avail * 85 / 100 : avail;
    return bubble - 2 * kPad;
}

int ConversationItems::headerHeight() const
{
    return QFontMetrics(boldOf(m_style.meta)).height();
}

int ConversationItems::placeholderHeight() const
{
    return 2 * kOuterV + 2 * kPadV + headerHeight() + kGap + 2 * QFontMetrics(m_style.body).height();
}

std::shared_ptr<const MessageItem> ConversationItems::itemById(qint64 id) const
{
    return m_items.value(id);
}

std::shared_ptr<const MessageItem> ConversationItems::item(int row)
{
    const QVariantList *r = m_model->cachedRow(row);
    if (!r) {
        m_model->fetchRow(row);
        return nullptr;
    }
    const qint64 id = r->value(MessageQuery::Id).toLongLong();
    if (auto found = m_items.value(id)) {
        found->used = ++m_clock;
        return found;
    }
    auto item = std::make_shared<MessageItem>();
    item->id = id;
    item->role = r->value(MessageQuery::Role).toString();
    if (item->role == QLatin1String("user"))
        item->label = tr("User");
    else if (item->role == QLatin1String("assistant"))
        item->label = tr("Assistant");
    else if (item->role == QLatin1String("system"))
        item->label = tr("System");
    else
        item->label = item->role.isEmpty() ? tr("(no role)") : item->role;
    item->source = *r;
    item->createdAt = r->value(MessageQuery::CreatedAt).toString();
    QStringList meta;
    if (!r->value(MessageQuery::CreatedAt).isNull())
        meta << DisplayText::shortTimestamp(r->value(MessageQuery::CreatedAt));
    if (!r->value(MessageQuery::ModelId).toString().isEmpty())
        meta << DisplayText::oneLine(r->value(MessageQuery::ModelId).toString(), 60);
    if (!r->value(MessageQuery::Tokens).isNull())
        meta << tr("%Ln token(s)", nullptr, r->value(MessageQuery::Tokens).toInt());
    if (!r->value(MessageQuery::Importance).isNull())
        meta << tr("importance %1").arg(r->value(MessageQuery::Importance).toDouble(), 0, 'f', 2);
    item->meta = meta.join(QStringLiteral(" · "));

    QString text = r->value(MessageQuery::Preview).toString();
    item->length = qMax<qint64>(r->value(MessageQuery::Length).toLongLong(), text.size());
    item->clipped = item->length > text.size();
    int lines = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n') && ++lines == kMaxLines) {
            text.truncate(i);
            item->clipped = true;
            break;
        }
    }
    const auto expanded = m_expanded.find(id);
    if (expanded != m_expanded.end()) {
        if (expanded->layout && expanded->width == contentWidth()) {
            item->layout = expanded->layout;
            item->expanded = true;
            item->clipped = false;
        } else {
            item->loading = true;
            if (!expanded->fetching && !expanded->measuring)
                measure(id);
        }
    }
    if (!item->layout)
        item->layout = MessageLayout::build(MarkdownBlocks::parse(text), contentWidth(), m_style);
    item->height = finishItem(*item);
    item->used = ++m_clock;
    m_items.insert(id, item);
    evict();
    return item;
}

void ConversationItems::rowsChanged(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QVariantList *r = m_model->cachedRow(row);
        if (!r)
            continue;
        const qint64 id = r->value(MessageQuery::Id).toLongLong();
        const auto it = m_items.find(id);
        if (it == m_items.end() || it.value()->source == *r)
            continue;
        const QVariantList &was = it.value()->source;
        if (was.value(MessageQuery::Preview) != r->value(MessageQuery::Preview) ||
            was.value(MessageQuery::Length) != r->value(MessageQuery::Length))
            m_expanded.remove(id);
        m_items.erase(it);
    }
}

int ConversationItems::finishItem(MessageItem &item) const
{
    const QFontMetrics bold(boldOf(m_style.meta));
    const QFontMetrics meta(m_style.meta);
    // A few pixels of slack: the header is drawn in two runs, and eliding measures to the pixel.
    int header =
        bold.horizontalAdvance(item.label) + meta.horizontalAdvance(QStringLiteral("   ") + item.meta) + 6;
    int width = qMax(item.layout->naturalWidth(), header);
    int height = 2 * kOuterV + 2 * kPadV + headerHeight() + kGap + item.layout->height();
    if (item.clipped || item.loading || item.expanded) {
        height += kGap + headerHeight();
        width = qMax(width, meta.horizontalAdvance(linkText(item)));
    }
    item.bubbleWidth = qMin(width, contentWidth()) + 2 * kPad;
    return height;
}

void ConversationItems::evict()
{
    while (m_items.size() > kMaxItems) {
        auto oldest = m_items.begin();
        for (auto it = m_items.begin(); it != m_items.end(); ++it) {
            if (it.value()->used < oldest.value()->used)
                oldest = it;
        }
        m_items.erase(oldest);
    }
}

void ConversationItems::expand(qint64 id)
{
    if (m_expanded.contains(id))
        return;
    while (m_expanded.size() >= kMaxExpanded)
        m_expanded.erase(m_expanded.begin());
    Expanded &e = m_expanded[id];
    e.fetching = true;
    m_items.remove(id);
    emit changed(id);
    whenFinished(this, m_connection->run([id](Database &db) { return MessageQuery::record(db, id); }),
                 [this, id](const MessageRecord &rec) {
                     auto it = m_expanded.find(id);
                     if (it == m_expanded.end()) // collapsed meanwhile, or another session (clear())
                         return;
                     if (!rec.found) {
                         m_expanded.erase(it);
                         m_items.remove(id);
                         emit changed(id);
                         return;
                     }
                     it->text = rec.text;
                     it->fetching = false;
                     measure(id);
                 });
}

void ConversationItems::collapse(qint64 id)
{
    if (m_expanded.remove(id)) {
        m_items.remove(id);
        emit changed(id);
    }
}

void ConversationItems::measure(qint64 id)
{
    Expanded &e = m_expanded[id];
    e.measuring = true;
    const int width = contentWidth();
    // Parsing and measuring a 10 MB text takes seconds: on a worker thread, heights only (the
    // pieces are laid out again when painted, a few at a time). The GUI thread never waits.
    whenFinished(this, offThread([width, text = e.text, style = m_style] {
                     return MessageLayout::build(MarkdownBlocks::parse(text), width, style,
                                                 MessageLayout::Mode::Lazy);
                 }),
                 [this, id, width](const auto &layout) {
                     auto it = m_expanded.find(id);
                     if (it == m_expanded.end())
                         return;
                     it->measuring = false;
                     // Measured at another width than the view's now: item() measures again.
                     if (width == contentWidth()) {
                         it->layout = layout;
                         it->width = width;
                     }
                     m_items.remove(id);
                     emit changed(id);
                 });
}

QRect ConversationItems::bubbleRect(const MessageItem &item) const
{
    const int x = item.role == QLatin1String("user") ? m_viewportWidth - kSide - item.bubbleWidth : kSide;
    return QRect(x, kOuterV, item.bubbleWidth, item.height - 2 * kOuterV);
}

QRect ConversationItems::bodyRect(const MessageItem &item) const
{
    const QRect b = bubbleRect(item);
    return QRect(b.x() + kPad, b.y() + kPadV + headerHeight() + kGap, contentWidth(), item.layout->height());
}

QString ConversationItems::linkText(const MessageItem &item) const
{
    if (item.loading)
        return tr("Loading the whole message…");
    if (item.clipped)
        return tr("Show all (%L1 characters)").arg(item.length);
    return item.expanded ? tr("Show less") : QString();
}

QRect ConversationItems::linkRect(const MessageItem &item) const
{
    const QRect body = bodyRect(item);
    const int w = QFontMetrics(m_style.meta).horizontalAdvance(linkText(item));
    return QRect(body.x(), body.bottom() + 1 + kGap, w, headerHeight());
}

QRect ConversationItems::showAllRect(const MessageItem &item) const
{
    return item.clipped || item.loading ? linkRect(item) : QRect();
}

QRect ConversationItems::showLessRect(const MessageItem &item) const
{
    return item.expanded && !item.loading ? linkRect(item) : QRect();
}

void ConversationItems::paint(QPainter *painter, const QRect &rowRect, const QRect &clip,
                              const MessageItem &item, const PaintState &state)
{
    const QPoint at = rowRect.topLeft();
    const QRect bubble = bubbleRect(item).translated(at);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(bubble), 9, 9);
    painter->fillPath(path, bubbleColor(item.role, m_style));
    if (state.selected) {
        QColor tint = m_style.selection;
        tint.setAlpha(40);
        painter->fillPath(path, tint);
    }
    if (state.current || state.selected) {
        painter->setPen(QPen(m_style.selection, state.current ? 2 : 1));
        painter->drawPath(path);
    }
    painter->restore();

    const QRect header(bubble.x() + kPad, bubble.y() + kPadV, bubble.width() - 2 * kPad, headerHeight());
    painter->setFont(boldOf(m_style.meta));
    painter->setPen(labelColor(item.role, m_style));
    const int labelWidth = painter->fontMetrics().horizontalAdvance(item.label);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, item.label);
    painter->setFont(m_style.meta);
    painter->setPen(m_style.dim);
    const QRect metaRect = header.adjusted(labelWidth, 0, 0, 0);
    painter->drawText(metaRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(QStringLiteral("   ") + item.meta, Qt::ElideRight,
                                                        metaRect.width()));

    painter->setFont(m_style.body);
    const QRect body = bodyRect(item).translated(at);
    item.layout->draw(painter, body.topLeft(), clip.intersected(body.adjusted(-kPad, -2, kPad, 2)),
                      state.textSelection, state.highlights);

    if (item.clipped || item.loading || item.expanded) {
        // "Show all" under a clipped text, "Show less" under one shown in full: links, underlined.
        const QRect link = linkRect(item).translated(at);
        QFont f = m_style.meta;
        f.setUnderline(!item.loading);
        painter->setFont(f);
        painter->setPen(item.loading ? m_style.dim : m_style.link);
        painter->drawText(link.adjusted(0, 0, 200, 0), Qt::AlignLeft | Qt::AlignVCenter, linkText(item));
    }
}

void ConversationItems::paintPlaceholder(QPainter *painter, const QRect &rowRect) const
{
    const QRect r = rowRect.adjusted(kSide, kOuterV, -kSide - rowRect.width() / 3, -kOuterV);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(r), 9, 9);
    QColor c = m_style.dim;
    c.setAlpha(25);
    painter->fillPath(path, c);
    painter->setPen(m_style.dim);
    painter->setFont(m_style.meta);
    painter->drawText(r.adjusted(kPad, kPadV, -kPad, -kPadV), Qt::AlignLeft | Qt::AlignTop, tr("…"));
    painter->restore();
}

} // namespace kalito::ui
