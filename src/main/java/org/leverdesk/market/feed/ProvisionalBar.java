package org.leverdesk.market.feed;

import org.leverdesk.domain.Bar;

/**
 * Builds today's provisional bar from the session so far: the day's open, high and low (widened to the
 * latest trade, which a snapshot's day bar may not hold yet), the latest trade as the close, the volume so
 * far. Its adjusted close uses the day's adjustment factor (adj_close / close) when the feed tells it, so a
 * dividend going ex today shows against the previous bar as it does in the final bar (a paper account pays it
 * at today's open, as a backtest does); otherwise it carries the previous final bar's factor.
 */
public final class ProvisionalBar {
    private ProvisionalBar() {
    }

    /** The provisional bar of {@code s}; {@code previousFinal} (the last final bar before it) may be null. */
    public static Bar of(SessionSnapshot s, Bar previousFinal) {
        double factor = Double.isFinite(s.adjustment()) && s.adjustment() > 0 ? s.adjustment()
                : previousFinal == null ? 1.0 : previousFinal.adjClose() / previousFinal.close();
        return new Bar(s.date(), s.open(), Math.max(s.high(), s.last()), Math.min(s.low(), s.last()), s.last(), s.volume(),
                s.last() * factor);
    }
}
