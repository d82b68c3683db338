#pragma once

#include <QStringList>

namespace kalito {

// The Kalito backend's schema as its init script and migrations leave it (kalito-schema.md).
// Written once, as a table of tables and columns (kalitoschema.cpp): the DDL the demo database is
// made with and the columns the views expect are both read from it.
namespace KalitoSchema {

// The core tables the inspector knows, in the order views present them.
QStringList coreTables();
// The columns of a core table in table order (case-insensitive name); empty for any other table.
QStringList columns(const QString &table);
// CREATE statements for a current database, in dependency order.
QStringList createStatements();
// The two personas the backend seeds.
QStringList seedStatements();

} // namespace KalitoSchema

} // namespace kalito
