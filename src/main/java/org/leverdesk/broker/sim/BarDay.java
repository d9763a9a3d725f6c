package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One trading day of a {@link SimBroker} driven by daily bars, in the order the day happens. Backtests
 * and the paper broker both call these steps, so an order fills the same way in both:
 * <ol>
 *   <li>{@link #open}: dividends going ex today are paid on the shares held at the previous close; each
 *       symbol prints at its open; the opening auction fills market-on-open orders, orders sent while
 *       the market was closed and resting orders the opening price reaches (at that price);</li>
 *   <li>{@link #sweep}: the day's range meets the limits and stops that rested since the open
 *       ({@link SimBroker#sweep}); orders placed during the session meet only the prints after them;</li>
 *   <li>{@link #mark}: each symbol prints at its (provisional) close: the quotes a decision at the
 *       scheduled minute trades on (a market order sent now fills at once at bid or ask);</li>
 *   <li>{@link #close}: the closing auction fills market-on-close orders at the close print; day
 *       orders expire.</li>
 * </ol>
 * Quotes are the printed price ± {@code halfSpread} (a fraction): buys pay the ask, sells get the bid.
 */
public final class BarDay {
    private BarDay() {
    }

    /** The session opens at {@code at}; see the class comment. */
    public static void open(SimBroker sim, Instant at, DayPrices day, double halfSpread) {
        sim.setTime(at);
        int n = day.size();
        for (int i = 0; i < n; i++) {
            if (day.hasBar(i)) {
                double d = day.dividend(i);
                if (d > 0) {
                    sim.payDividend(day.symbol(i), perShare(d));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (day.hasBar(i)) {
                sim.print(day.symbol(i), day.open(i), halfSpread);
            }
        }
        sim.openSession();
    }

    /**
     * The day's range (of a final or provisional bar) meets the limits and stops that were resting when the
     * session opened at {@code sessionOpen}; an order placed later waits for tomorrow's range.
     */
    public static void sweep(SimBroker sim, Instant sessionOpen, DayPrices day, double halfSpread) {
        if (!sim.hasOpenOrders()) {
            return;
        }
        int n = day.size();
        for (int i = 0; i < n; i++) {
            if (day.hasBar(i)) {
                sim.sweep(day.symbol(i), day.open(i), day.high(i), day.low(i), day.close(i), halfSpread, sessionOpen);
            }
        }
    }

    /** The decision minute at {@code at}: every symbol prints at its close. */
    public static void mark(SimBroker sim, Instant at, DayPrices day, double halfSpread) {
        sim.setTime(at);
        int n = day.size();
        for (int i = 0; i < n; i++) {
            if (day.hasBar(i)) {
                sim.print(day.symbol(i), day.close(i), halfSpread);
            }
        }
    }

    /** The session closes at {@code at}: the closing auction, then day orders expire. */
    public static void close(SimBroker sim, Instant at) {
        sim.setTime(at);
        sim.closeMarket();
    }

    /** A derived dividend rounded to hundredths of a cent, as distributions are declared. */
    public static BigDecimal perShare(double dividend) {
        return BigDecimal.valueOf(dividend).setScale(4, RoundingMode.HALF_EVEN);
    }
}
