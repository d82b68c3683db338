#include "statusindicators.h"

#include "elidedlabel.h"

#include <QDir>
#include <QLabel>
#include <QStatusBar>

namespace kalito::ui {

namespace {

QLabel *makeField(QStatusBar *bar, const QString &objectName, const QString &accessibleName,
                  QLabel *label = nullptr)
{
    if (!label)
        label = new QLabel(bar);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setAccessibleName(accessibleName);
    // Selectable so keyboard and screen-reader users can reach and copy the path.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::TabFocus);
    return label;
}

} // namespace

StatusIndicators::StatusIndicators(QStatusBar *bar) : QObject(bar)
{
    setObjectName(QStringLiteral("statusIndicators"));
    // A long path is shortened in the middle rather than keeping the window from shrinking.
    m_path = new ElidedLabel(Qt::ElideMiddle, bar);
    makeField(bar, QStringLiteral("statusDatabasePath"), tr("Database path"), m_path);
    m_mode = makeField(bar, QStringLiteral("statusDatabaseMode"), tr("Database mode"));
    bar->addPermanentWidget(m_path); // no stretch: leave room for temporary messages
    bar->addPermanentWidget(m_mode);
    clear();
}

void StatusIndicators::setDatabase(const QString &path, bool readOnly)
{
    m_path->setFullText(QDir::toNativeSeparators(path));
    m_mode->setText(readOnly ? tr("read-only") : tr("read-write"));
}

void StatusIndicators::clear()
{
    m_path->setFullText(tr("No database"));
    m_mode->clear();
}

QString StatusIndicators::pathText() const
{
    return m_path->fullText();
}

QString StatusIndicators::modeText() const
{
    return m_mode->text();
}

} // namespace kalito::ui
