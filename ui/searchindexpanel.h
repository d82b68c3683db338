#pragma once

#include "searchindexbuild.h"
#include "searchindexinfo.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kalito {
class Connection;
class SearchIndexBuilder;
struct DbError;
} // namespace kalito

namespace kalito::ui {

class ElidedLabel;

// The search dock's line about the search index (docs/search-index.md): what the index of the open
// database is, and "Build search index…", which shows the expected size and time first and builds
// only when the person confirms, with progress and Cancel. A built index is brought up to date after
// a search that found it behind (rows the backend appended since), without asking again.
class SearchIndexPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchIndexPanel(Connection *connection, QWidget *parent = nullptr);

    SearchIndexBuilder *builder() const { return m_builder; }
    const SearchIndexInfo &info() const { return m_info; }
    QPushButton *buildButton() const { return m_buildButton; }
    QPushButton *confirmButton() const { return m_confirmButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    // The state line (shortened to the dock's width; the whole sentence is stateText()).
    QString stateText() const;

    // Reads the index again (a database was opened); cancels a build under way.
    void refresh();
    // Estimates, then asks (the button).
    void askToBuild();
    void confirmBuild();
    void cancel();
    // A search ended: the index it used (a newer picture of it), brought up to date if behind.
    void searchFinished(const SearchIndexInfo &used);

signals:
    void indexChanged(const kalito::SearchIndexInfo &info);

private:
    void showInfo(const SearchIndexInfo &info, const QString &extra = QString());
    void onEstimated(const SearchIndexEstimate &estimate);
    void onFinished(const SearchIndexInfo &info, bool cancelled, const DbError &error);

    SearchIndexBuilder *m_builder;
    SearchIndexInfo m_info;
    bool m_freshBuild = true;
    ElidedLabel *m_state;
    QPushButton *m_buildButton;
    QWidget *m_confirm;
    QLabel *m_estimate;
    QPushButton *m_confirmButton;
    QPushButton *m_notNowButton;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
};

} // namespace kalito::ui
