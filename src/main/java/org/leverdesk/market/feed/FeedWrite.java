package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.leverdesk.domain.Bar;

/**
 * One symbol's refresh as the store applies it, in this order and in one transaction:
 * <ol>
 *   <li>{@code replaceSeries}: every stored bar of the symbol goes (a whole-series replacement); otherwise
 *       the adjusted closes of the stored final bars are multiplied by {@code adjRebase} (the feed's
 *       dividend basis moved on since they were stored; 1 leaves them);</li>
 *   <li>provisional bars dated up to {@code dropProvisionalThrough} go (their sessions are final now);</li>
 *   <li>{@code finals} are written as final bars (replacing any bar of the same date);</li>
 *   <li>{@code provisional}, when given, is written as the provisional bar of its date with the time of its
 *       latest trade, unless a final bar of that date is held.</li>
 * </ol>
 *
 * @param source where the bars came from, kept with each bar (e.g. "alpaca-iex")
 */
public record FeedWrite(List<Bar> finals, boolean replaceSeries, double adjRebase, LocalDate dropProvisionalThrough,
                        Bar provisional, Instant provisionalAsOf, String source) {
    public FeedWrite {
        finals = List.copyOf(finals);
        if (!(adjRebase > 0) || Double.isInfinite(adjRebase)) {
            throw new IllegalArgumentException("the adjusted-close rebase must be a positive number (got " + adjRebase + ")");
        }
        if ((provisional == null) != (provisionalAsOf == null)) {
            throw new IllegalArgumentException("a provisional bar needs the time of its latest trade");
        }
        Objects.requireNonNull(source, "source");
    }

    /** True when the write changes nothing. */
    public boolean isEmpty() {
        return finals.isEmpty() && !replaceSeries && adjRebase == 1.0 && dropProvisionalThrough == null && provisional == null;
    }
}
