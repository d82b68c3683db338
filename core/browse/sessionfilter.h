#pragma once

#include <QString>

namespace kalito {

// What the sessions list shows and in which order.
struct SessionFilter
{
    enum class Saved { Any, SavedOnly, UnsavedOnly };
    // Stored: the order rows were inserted (newest session first by default). It walks the table
    // b-tree backwards and needs no sort; every other key sorts all matching sessions, which
    // costs a scan of the sessions table (no index on those columns, and the inspector adds none).
    enum class SortKey { Stored, Updated, Created, Name, Persona, Model, Saved };

    QString text;      // matched literally against name, id, model and recap
    QString personaId; // empty: any persona
    Saved saved = Saved::Any;
    SortKey sort = SortKey::Stored;
    bool descending = true;
};

} // namespace kalito
