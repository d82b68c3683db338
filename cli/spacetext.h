#pragma once

#include <QString>

namespace kalito {
struct SpaceReport;
struct SpaceScanState;
} // namespace kalito

namespace kalito::cli {

// The words of `kalito-inspector space` (English, for a terminal).
class SpaceText
{
public:
    static QString report(const SpaceReport &report);
    // Said before the scan when one read will hold a snapshot for long.
    static QString expectation(const SpaceScanState &state);
    static QString bytes(qint64 bytes);
};

} // namespace kalito::cli
