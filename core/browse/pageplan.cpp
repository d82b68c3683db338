#include "browse/pageplan.h"

#include "browse/keysetpager.h"
#include "database.h"

namespace kalito {

PagePlan PagePlan::make(int page, int pageSize, qint64 count, const QMap<int, QVariantList> &anchors,
                        const QVariantList &previousLastKey)
{
    PagePlan plan;
    plan.page = page;
    plan.pageSize = pageSize;
    const qint64 P = pageSize;
    const qint64 lastPage = count > 0 ? (count - 1) / P : -1;
    if (page < 0)
        return plan;
    if (page == 0) {
        plan.kind = Kind::First;
    } else if (anchors.contains(page)) {
        plan.kind = Kind::From;
        plan.key = anchors.value(page);
    } else if (!previousLastKey.isEmpty()) {
        plan.kind = Kind::After;
        plan.key = previousLastKey;
    } else if (anchors.contains(page + 1)) {
        plan.kind = Kind::Before;
        plan.key = anchors.value(page + 1);
    } else if (count >= 0 && page == lastPage) {
        plan.kind = Kind::Last;
    } else if (count >= 0 && page < lastPage) {
        // A jump far from any page seen: walk the keys from the nearest known anchor or the end.
        plan.kind = Kind::Seek;
        const qint64 fromStart = qint64(page) * P;
        qint64 bestForward = fromStart;
        QVariantList forwardFrom;
        auto below = anchors.lowerBound(page);
        if (below != anchors.begin()) {
            --below;
            bestForward = qint64(page - below.key()) * P;
            forwardFrom = below.value();
        }
        qint64 bestBackward = count - fromStart;
        QVariantList backwardFrom;
        auto above = anchors.upperBound(page);
        if (above != anchors.end()) {
            bestBackward = qint64(above.key() - page) * P;
            backwardFrom = above.value();
        }
        plan.forward = bestForward <= bestBackward;
        plan.distance = plan.forward ? bestForward : bestBackward;
        plan.key = plan.forward ? forwardFrom : backwardFrom;
    }
    return plan;
}

PagePlan PagePlan::lastUncounted(int pageSize, qint64 countHint)
{
    PagePlan plan;
    plan.kind = Kind::Last;
    plan.page = -1;
    plan.pageSize = pageSize;
    plan.countHint = countHint;
    return plan;
}

RowPage PagePlan::run(Database &db, const KeysetSpec &spec) const
{
    const int P = pageSize;
    switch (kind) {
    case Kind::None:
        return RowPage();
    case Kind::First:
        return KeysetPager::first(db, spec, P);
    case Kind::From:
        return KeysetPager::after(db, spec, key, P, true);
    case Kind::After:
        return KeysetPager::after(db, spec, key, P);
    case Kind::Before:
        return KeysetPager::before(db, spec, key, P);
    case Kind::Seek:
        if (!fromEnd()) {
            RowPage failed;
            const QVariantList start = KeysetPager::seek(db, spec, key, forward, distance, &failed.error);
            if (failed.error.isError() || start.isEmpty())
                return failed;
            return KeysetPager::after(db, spec, start, P, true);
        }
        break;
    case Kind::Last:
        break;
    }

    // From the end: count and fetch in one read transaction (one snapshot), aimed by that count.
    // A savepoint, so that PageCheck can run the plan inside its own read transaction.
    RowPage result;
    result.error = db.execute(QStringLiteral("SAVEPOINT pageplan"));
    if (result.error.isError())
        return result;
    const qint64 count =
        kind == Kind::Last && countHint >= 0 ? countHint : KeysetPager::count(db, spec, &result.error);
    const int target = page >= 0 ? page : lastPageOf(count, P);
    const qint64 fromStart = qint64(target) * P;
    const qint64 tail = count - fromStart; // rows from the page's first row to the end
    if (!result.error.isError() && tail > 0) {
        if (tail <= P) {
            result = KeysetPager::last(db, spec, int(tail));
        } else {
            const QVariantList start = KeysetPager::seek(db, spec, {}, false, tail, &result.error);
            if (!result.error.isError() && !start.isEmpty())
                result = KeysetPager::after(db, spec, start, P, true);
        }
    }
    const DbError commit = db.execute(QStringLiteral("RELEASE pageplan"));
    if (!result.error.isError())
        result.error = commit;
    result.count = result.error.isError() ? -1 : count;
    return result;
}

} // namespace kalito
