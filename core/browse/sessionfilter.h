#pragma once

#include <QString>

namespace kalito {

// What the sessions list shows and in which order.
struct SessionFilter
{
    enum class Saved { Any, SavedOnly, UnsavedOnly };
    enum class SortKey { Updated, Created, Name, Persona, Model, Saved };

    QString text;      // matched literally against name, id, model and recap
    QString personaId; // empty: any persona
    Saved saved = Saved::Any;
    SortKey sort = SortKey::Updated;
    bool descending = true;
};

} // namespace kalito
