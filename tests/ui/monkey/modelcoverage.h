#pragma once

#include <QObject>
#include <QSet>

class QAbstractItemModel;
class QWidget;

namespace kalito::monkey {

// Puts every item model of a window under QAbstractItemModelTester (fatal mode: the first broken
// rule aborts the run, which prints the seed). Scanned again and again, because pages, docks and
// dialogs create models later.
class ModelCoverage : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void scan(QWidget *root);
    int covered() const { return m_total; }

private:
    void cover(QAbstractItemModel *model);

    QSet<QAbstractItemModel *> m_models;
    int m_total = 0;
};

} // namespace kalito::monkey
