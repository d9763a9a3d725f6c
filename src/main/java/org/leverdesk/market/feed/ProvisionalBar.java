package org.leverdesk.market.feed;

import org.leverdesk.domain.Bar;

/**
 * Builds today's provisional bar from the session so far: the day's open, high and low (widened to the
 * latest trade, which a snapshot's day bar may not hold yet), the latest trade as the close, the volume so
 * far. Its adjusted close carries the previous final bar's adjustment factor (adj_close / close): no
 * dividend or split is known for a day that is not over.
 */
public final class ProvisionalBar {
    private ProvisionalBar() {
    }

    /** The provisional bar of {@code s}; {@code previousFinal} (the last final bar before it) may be null. */
    public static Bar of(SessionSnapshot s, Bar previousFinal) {
        double factor = previousFinal == null ? 1.0 : previousFinal.adjClose() / previousFinal.close();
        return new Bar(s.date(), s.open(), Math.max(s.high(), s.last()), Math.min(s.low(), s.last()), s.last(), s.volume(),
                s.last() * factor);
    }
}
