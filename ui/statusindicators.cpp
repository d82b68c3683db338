#include "statusindicators.h"

#include "filesizes.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace kalito::ui {

namespace {

QLabel *makeField(QStatusBar *bar, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(bar);
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
    m_path = makeField(bar, QStringLiteral("statusDatabasePath"), tr("Database path"));
    m_mode = makeField(bar, QStringLiteral("statusDatabaseMode"), tr("Database mode"));
    m_wal = makeField(bar, QStringLiteral("statusWalSize"), tr("Write-ahead log size"));
    m_wal->setToolTip(tr("Size of the -wal file, read every second"));
    bar->addPermanentWidget(m_path); // no stretch: leave room for temporary messages
    bar->addPermanentWidget(m_mode);
    bar->addPermanentWidget(m_wal);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatusIndicators::updateWalSize);
    clear();
}

void StatusIndicators::setDatabase(const QString &path, bool readOnly)
{
    m_database = path;
    m_path->setText(QDir::toNativeSeparators(path));
    m_path->setToolTip(QDir::toNativeSeparators(path));
    m_mode->setText(readOnly ? tr("read-only") : tr("read-write"));
    updateWalSize();
    m_timer.start();
}

void StatusIndicators::clear()
{
    m_timer.stop();
    m_database.clear();
    m_path->setText(tr("No database"));
    m_path->setToolTip(QString());
    m_mode->clear();
    m_wal->clear();
}

QString StatusIndicators::pathText() const
{
    return m_path->text();
}

QString StatusIndicators::modeText() const
{
    return m_mode->text();
}

QString StatusIndicators::walText() const
{
    return m_wal->text();
}

void StatusIndicators::updateWalSize()
{
    if (m_database.isEmpty())
        return;
    const FileSizes sizes = FileSizes::of(m_database);
    m_wal->setText(sizes.walExists ? tr("WAL %1").arg(QLocale().formattedDataSize(sizes.walBytes))
                                   : tr("no WAL file"));
}

} // namespace kalito::ui
