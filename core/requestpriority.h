#pragma once

namespace kalito {

// Which queue of the one connection a request waits in. Interactive requests (a page a view is
// waiting for, a message the person clicked, an export they asked for) run before any queued
// Background request (counts, a session's pins, the overview, status refreshes, search and check
// steps). Within one priority requests run in the order they were made.
enum class RequestPriority { Interactive, Background };

} // namespace kalito
