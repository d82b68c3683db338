#pragma once

#include <QStringList>

namespace kalito {

// The Kalito backend's schema as its init script and migrations leave it (kalito-schema.md).
namespace KalitoSchema {

// The core tables the inspector knows, in the order views present them.
QStringList coreTables();
// CREATE statements for a current database, in dependency order.
QStringList createStatements();
// The two personas the backend seeds.
QStringList seedStatements();

} // namespace KalitoSchema

} // namespace kalito
