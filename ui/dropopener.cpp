#include "dropopener.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace kalito::ui {

DropOpener::DropOpener(QWidget *target) : QObject(target)
{
    setObjectName(QStringLiteral("dropOpener"));
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QString DropOpener::localFileFrom(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return {};
    const QList<QUrl> urls = data->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return {};
    // stat() only: the file may be the database our connection holds (never open() it).
    const QFileInfo info(urls.constFirst().toLocalFile());
    return info.exists() && !info.isDir() ? info.absoluteFilePath() : QString();
}

bool DropOpener::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (localFileFrom(drag->mimeData()).isEmpty()) {
            drag->ignore();
        } else {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = localFileFrom(drop->mimeData());
        if (path.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        emit fileDropped(path);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace kalito::ui
