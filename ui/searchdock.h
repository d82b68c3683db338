#pragma once

#include <QDockWidget>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kalito {
class Connection;
class SearchRunner;
struct DbError;
} // namespace kalito

namespace kalito::ui {

class SearchIndexPanel;
class SearchResultsModel;

// Searches all message text (Ctrl+F): results stream into the list while the search runs, with
// progress and a Cancel button. Activating a result asks to open its session at that message.
class SearchDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SearchDock(Connection *connection, QWidget *parent = nullptr);

    // Ctrl+F (QKeySequence::Find): shows the dock and puts the cursor in the search field.
    QAction *findAction() const { return m_findAction; }
    // Ctrl+Shift+F, Edit > Search all messages: the dock, whatever has the focus.
    QAction *searchAllAction() const { return m_searchAllAction; }
    SearchResultsModel *model() const { return m_model; }
    SearchRunner *runner() const { return m_runner; }
    QTableView *view() const { return m_view; }
    SearchIndexPanel *indexPanel() const { return m_index; }

    void search(const QString &text);
    // Shows the dock with the cursor in the search field (Ctrl+F outside a conversation).
    void activateFind();
    void cancel();
    // Forgets the results and reads the search index again (a new database was opened).
    void reset();

signals:
    // needle: the text searched for, to highlight in the message opened.
    void openMessage(const QString &sessionId, qint64 messageId, const QString &sessionName,
                     const QString &needle);
    void exportSessionRequested(const QString &sessionId, const QString &sessionName);

private:
    void onFinished(bool cancelled, const DbError &error);
    void showContextMenu(const QPoint &pos);
    void updateStatus(const QString &state);

    SearchRunner *m_runner;
    SearchResultsModel *m_model;
    SearchIndexPanel *m_index;
    QAction *m_findAction;
    QAction *m_searchAllAction;
    QLineEdit *m_edit;
    QPushButton *m_searchButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableView *m_view;
};

} // namespace kalito::ui
