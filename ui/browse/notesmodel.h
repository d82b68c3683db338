#pragma once

#include "browse/sessionnote.h"

#include "listtablemodel.h"

namespace kalito::ui {

// Pins and summaries of the selected session (loaded whole; a session has few).
class NotesModel : public ListTableModel<SessionNote>
{
    Q_OBJECT
public:
    enum Columns { Kind, Created, Importance, Label, Text, NumColumns };
    enum Roles {
        SourceMessageRole = Qt::UserRole + 1,
        FullTextRole,    // the whole text (plain), for the wrapped card
        ContextLineRole, // kind, details, importance, time and the messages it points to, on one line
    };

    explicit NotesModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    void setNotes(const QList<SessionNote> &notes) { setRows(notes); }
    const SessionNote *noteAt(int row) const { return rowAt(row); }

    // The Details column: a pin's type and urgency, or how many messages a summary sums up.
    static QString label(const SessionNote &note);
    static QString contextLine(const SessionNote &note);

protected:
    QStringList headers() const override;
    QVariant cell(const SessionNote &n, int row, int column, int role) const override;
};

} // namespace kalito::ui
