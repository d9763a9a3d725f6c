package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskSettings;

class QuoteGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-05T20:50:00Z");
    // Default settings: quotes older than 900 s are stale; spreads above 1% are too wide.
    private final QuoteGuard guard = new QuoteGuard(RiskSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private QuoteCheck check(double bid, double ask, double last, Instant at) {
        return guard.check("TQQQ", new Quote("TQQQ", bid, ask, last, at));
    }

    private void blocked(QuoteCheck c, String why) {
        assertFalse(c.usable(), c.reason());
        assertTrue(c.reason().startsWith("TQQQ: ") && c.reason().contains(why), c.reason());
        assertFalse(c.reason().contains("\n"));
    }

    @Test
    void aSaneFreshQuotePasses() {
        QuoteCheck c = check(99.99, 100.01, 100.00, NOW.minusSeconds(5));
        assertTrue(c.usable(), c.reason());
    }

    @Test
    void zeroNegativeNanAndInfinitePricesAreBlocked() {
        blocked(check(0, 100.01, 100, NOW), "TQQQ: no quote (bid is 0: nobody is quoting it");
        blocked(check(0, 0, 100, NOW), "no quote (bid and ask are 0");
        blocked(check(99.99, 100.01, 0, NOW), "last is 0.0 (not positive)");
        blocked(check(99.99, -1, 100, NOW), "ask is -1.0 (not positive)");
        blocked(check(99.99, 100.01, Double.NaN, NOW), "last is NaN");
        blocked(check(99.99, Double.POSITIVE_INFINITY, 100, NOW), "ask is Infinity");
    }

    @Test
    void aCrossedQuoteIsBlocked() {
        blocked(check(100.05, 100.01, 100, NOW), "crossed quote (bid 100.05 > ask 100.01)");
    }

    @Test
    void aSpreadWiderThanTheLimitIsBlocked() {
        // (101 - 99) / 100 = 2% > 1%
        blocked(check(99, 101, 100, NOW), "spread 2.00% (bid $99.00, ask $101.00) is wider than the 1.00% limit");
        assertTrue(check(99.5, 100.5, 100, NOW).usable(), "exactly 1% is still accepted");
    }

    @Test
    void aQuoteOlderThanTheMaximumAgeIsStale() {
        blocked(check(99.99, 100.01, 100, NOW.minusSeconds(901)), "is 901 s old (limit 900 s); stale");
        assertTrue(check(99.99, 100.01, 100, NOW.minusSeconds(900)).usable());
        blocked(check(99.99, 100.01, 100, null), "no time");
    }

    @Test
    void anEndOfDayQuoteOfTheDecisionsDayIsFreshButAnOlderOneIsNot() {
        // The paper broker at 15:50 on Monday 2026-01-05 quotes Friday's close (21:00 UTC on 2026-01-02);
        // a decision on Friday's prices may trade on it, one on Monday's may not.
        Instant fridayClose = Instant.parse("2026-01-02T21:00:00Z");
        Quote eod = new Quote("TQQQ", 99.99, 100.01, 100, fridayClose);
        assertTrue(guard.check("TQQQ", eod, Instant.parse("2026-01-02T05:00:00Z")).usable());
        QuoteCheck old = guard.check("TQQQ", eod, Instant.parse("2026-01-05T05:00:00Z"));
        assertFalse(old.usable());
        assertTrue(old.reason().endsWith("s old (limit 900 s); stale"), old.reason());
    }

    @Test
    void noQuoteAtAllIsBlocked() {
        QuoteCheck c = guard.check("SQQQ", null);
        assertFalse(c.usable());
        assertEquals("SQQQ: no quote; not trading it without a price", c.reason());
    }
}
