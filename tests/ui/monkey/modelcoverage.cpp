#include "modelcoverage.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QFileDialog>
#include <QWidget>

namespace kalito::monkey {

namespace {

// Qt's file dialog fills its QFileSystemModel from a thread of its own; it is not ours to test.
bool insideFileDialog(const QObject *o)
{
    for (; o; o = o->parent()) {
        if (qobject_cast<const QFileDialog *>(o))
            return true;
    }
    return false;
}

// QTreeWidget's model gives a second-column index the children of the first, which the tester
// rejects ("the second column should NOT have the same children"): Qt's design, not ours to fix.
bool isQtTreeWidgetModel(const QObject *o)
{
    return qstrcmp(o->metaObject()->className(), "QTreeModel") == 0;
}

} // namespace

void ModelCoverage::scan(QWidget *root)
{
    if (!root)
        return;
    for (QAbstractItemModel *m : root->findChildren<QAbstractItemModel *>())
        cover(m);
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>())
        cover(v->model());
}

void ModelCoverage::cover(QAbstractItemModel *model)
{
    if (!model || m_models.contains(model) || insideFileDialog(model) || isQtTreeWidgetModel(model))
        return;
    m_models.insert(model);
    ++m_total;
    connect(model, &QObject::destroyed, this, [this, model] { m_models.remove(model); });
    // Owned by the model, so it goes with the model; but gone already when the model's owner is being
    // destroyed: Qt's item widgets reset their model in its destructor, after the view is half gone,
    // and the tester would then read a dead view (QListWidget under the table browser, at Quit).
    auto *tester =
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal, model);
    if (QObject *owner = model->parent())
        connect(owner, &QObject::destroyed, tester, [tester] { delete tester; });
}

} // namespace kalito::monkey
