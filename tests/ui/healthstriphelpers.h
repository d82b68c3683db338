#pragma once

#include <QMessageBox>
#include <QString>

class QAction;
class QToolButton;

namespace kalito {
struct FileSizes;
}

namespace kalito::test {

// What tst_healthstrip compares the strip with, and how it answers the strip's questions.
// The strip's -wal and -shm figures as the strip words them, from sizes read independently.
QString walTextFor(const FileSizes &s);
QString shmTextFor(const FileSizes &s);
// The backlog as a child process reads it from the -shm, independently of the strip.
qint64 backlogNow(const QString &path);
// The action of a tool button's menu with that object name, or nullptr.
QAction *menuAction(QToolButton *button, const QString &objectName);

// A modal question as it was shown.
struct Question
{
    QString title, text, informative;
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
};

// Answers the next modal question (the confirmation before FULL/RESTART/TRUNCATE) once it shows.
void answerNextQuestion(QMessageBox::StandardButton answer, bool *asked, Question *question = nullptr);

} // namespace kalito::test
