#pragma once

#include "browse/sessionnote.h"

#include <QAbstractTableModel>

namespace kalito::ui {

// Pins and summaries of the selected session (loaded whole; a session has few).
class NotesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { Kind, Created, Importance, Label, Text, NumColumns };
    enum Roles {
        SourceMessageRole = Qt::UserRole + 1,
        FullTextRole,    // the whole text (plain), for the wrapped card
        ContextLineRole, // kind, details, importance, time and the messages it points to, on one line
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setNotes(const QList<SessionNote> &notes);
    const SessionNote *noteAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString contextLine(const SessionNote &note);

private:
    QList<SessionNote> m_notes;
};

} // namespace kalito::ui
