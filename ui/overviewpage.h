#pragma once

#include "statusreport.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace kalito::ui {

// The database at a glance: file sizes, connection settings, Kalito tables and their rows.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);
    void setReport(const StatusReport &report);

private:
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace kalito::ui
