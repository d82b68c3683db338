#pragma once

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace kalito {

// A paged list: rows of one table (and its joins), filtered, in the order of key expressions that
// together identify a row (e.g. created_at, id). A page continues from the last key seen instead of
// an OFFSET, so every page costs the same however deep the user has scrolled.
// The spec carries the list's structure (the table, the keys with their direction and whether they
// can be NULL) and writes every statement on it itself; nobody reads SQL text back out of it.
class KeysetSpec
{
public:
    struct Key
    {
        QString expression;      // SQL over the table's alias and the joins, identifiers quoted
        bool descending = false; // against the spec's order (KeysetSpec::descending turns them all)
        // May be NULL. A key that is NULL compares as unknown and its row would be lost, so it is
        // read as two: (x IS NOT NULL), coalesce(x, 0), which puts NULLs where ORDER BY x does.
        bool nullable = false;
    };
    struct Table
    {
        QString name;  // unquoted
        QString alias; // empty: the table's own name
        // A name reaching the rowid, set when the rows are this table's alone (no alias, no join)
        // and a long count should run in rowid ranges (SteppedCount). Empty: one count(*).
        QString rowid;
        bool view = false; // a view (or virtual table): it cannot be read alone (NOT INDEXED)
    };
    // One statement and the values for its ?s, in order.
    struct Statement
    {
        QString sql;
        QVariantList binds;
    };
    // Where a walk starts, in the spec's order: after a key, at it, or before it.
    enum class Bound { None, After, From, Before };

    Table table;
    QString joins;            // after the table, e.g. "LEFT JOIN personas p ON p.id = s.persona_id"
    QStringList select;       // the columns a page shows, identifiers quoted
    QVariantList selectBinds; // values for the ?s in select
    QString where;            // filter without "WHERE"; may be empty
    QVariantList binds;       // values for the ?s in where
    QList<Key> keys;          // unique together
    bool descending = false;

    bool isValid() const { return !table.name.isEmpty() && !select.isEmpty() && !keys.isEmpty(); }
    // Counted in rowid ranges (SteppedCount over table.name, table.rowid, where) rather than by one count(*).
    bool countsInSteps() const { return !table.rowid.isEmpty() && !m_alone; }
    // The same rows can be read from the table alone (tableAlone()).
    bool canReadAlone() const { return !table.view && !m_alone; }
    // The same list read from the table alone (NOT INDEXED): the rows as the table holds them, to read
    // a page again when the indexes lose rows the table has (a damaged file, PageCheck).
    KeysetSpec tableAlone() const;
    // The same rows in the same order, other columns (e.g. a match computed per row).
    KeysetSpec withSelect(const QStringList &columns, const QVariantList &columnBinds = {}) const;

    // The key as selected, one or two expressions per Key (see Key::nullable); never NULL.
    QStringList keyColumns() const;
    // SELECT <keyColumns>, <select>: the rows from `bound` on, in the spec's order or reversed.
    Statement rows(Bound bound, const QVariantList &key, bool reversed, qint64 limit) const;
    // SELECT <keyColumns> AS k0, k1 ..: the keys alone (an index-only walk when an index covers them).
    Statement keysOnly(Bound bound, const QVariantList &key, bool reversed, qint64 limit) const;
    // The key `limit` rows along keysOnly(): the last of them, or the last there is.
    Statement farthestKey(Bound bound, const QVariantList &key, bool reversed, qint64 limit) const;
    // count(*) of the rows (before `key` with Bound::Before).
    Statement count(Bound bound = Bound::None, const QVariantList &key = {}) const;

private:
    struct Part
    {
        QString expression;
        bool descending;
    };
    QList<Part> parts(bool reversed) const;
    QString from() const;
    // " WHERE ..." with the filter and the key's bound; appends their values to binds.
    QString whereClause(Bound bound, const QVariantList &key, QVariantList &binds) const;
    static QString orderBy(const QList<Part> &parts);

    bool m_alone = false; // read NOT INDEXED
};

} // namespace kalito
