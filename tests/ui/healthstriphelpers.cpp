#include "healthstriphelpers.h"

#include "filesizes.h"
#include "proberunner.h"

#include <QAction>
#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace kalito::test {

QString walTextFor(const FileSizes &s)
{
    return s.walExists ? QStringLiteral("-wal %1").arg(QLocale().formattedDataSize(s.walBytes))
                       : QStringLiteral("no -wal");
}

QString shmTextFor(const FileSizes &s)
{
    return s.shmExists ? QStringLiteral("-shm %1").arg(QLocale().formattedDataSize(s.shmBytes))
                       : QStringLiteral("no -shm");
}

qint64 backlogNow(const QString &path)
{
    const ProbeResult p = ProbeRunner::run(path);
    return p.shm().isValid() ? qint64(p.shm().backlog()) : -1;
}

QAction *menuAction(QToolButton *button, const QString &objectName)
{
    for (QAction *a : button->menu()->actions()) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

void answerNextQuestion(QMessageBox::StandardButton answer, bool *asked, Question *question)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer, asked, question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = true;
        if (question) {
            question->title = box->windowTitle();
            question->text = box->text();
            question->informative = box->informativeText();
            question->defaultButton = box->standardButton(box->defaultButton());
        }
        box->button(answer)->click();
        poll->deleteLater();
    });
    poll->start();
}

} // namespace kalito::test
