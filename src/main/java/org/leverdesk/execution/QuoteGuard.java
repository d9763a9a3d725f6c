package org.leverdesk.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskSettings;

/**
 * Refuses quotes no order should be priced from: a missing quote or a zero bid or ask ("no quote": the
 * side is not quoted), a negative, NaN or infinite bid, ask
 * or last; a crossed market (bid above ask); a spread wider than a limit; a quote older than
 * {@link RiskSettings#maxQuoteAgeSeconds()}. A blocked quote blocks only its symbol's trade.
 */
public final class QuoteGuard {
    /** Default widest spread accepted, as a percentage of the mid (TQQQ trades around 0.01-0.05%). */
    public static final double DEFAULT_MAX_SPREAD_PERCENT = 1.0;
    /**
     * Options quote far wider in percent than shares (a $0.40 put two cents wide is 5%): an option's spread
     * is accepted up to 25% of its mid or $0.05, whichever is more; wider is a market not worth trading.
     */
    public static final double OPTION_MAX_SPREAD_PERCENT = 25.0;
    public static final double OPTION_MAX_SPREAD_DOLLARS = 0.05;

    private final Duration maxAge;
    private final double maxSpreadPercent;
    private final Clock clock;

    public QuoteGuard(RiskSettings risk, double maxSpreadPercent, Clock clock) {
        if (!(maxSpreadPercent > 0)) {
            throw new IllegalArgumentException("the widest accepted spread must be a positive percentage (got " + maxSpreadPercent + ")");
        }
        this.maxAge = Duration.ofSeconds(risk.maxQuoteAgeSeconds());
        this.maxSpreadPercent = maxSpreadPercent;
        this.clock = clock;
    }

    public QuoteGuard(RiskSettings risk, Clock clock) {
        this(risk, DEFAULT_MAX_SPREAD_PERCENT, clock);
    }

    /** Checks the quote of {@code symbol} (null = the broker gave none). */
    public QuoteCheck check(String symbol, Quote q) {
        return check(symbol, q, null);
    }

    /**
     * Like {@link #check(String, Quote)}, but a quote taken at or after {@code freshFrom} is not stale
     * whatever its age: for end-of-day quotes, which are as fresh as the daily prices a decision used.
     */
    public QuoteCheck check(String symbol, Quote q, Instant freshFrom) {
        if (q == null) {
            return QuoteCheck.blocked(symbol, null, symbol + ": no quote; not trading it without a price");
        }
        boolean option = org.leverdesk.options.contract.OptionSymbols.isOption(symbol);
        // An option far out of the money is often offered at a cent with nobody bidding: a real quote to buy
        // (back) at; only a missing ask means "no quote".
        boolean unbidOption = option && q.bid() == 0 && q.ask() > 0;
        if (!unbidOption && (q.bid() == 0 || q.ask() == 0)) {
            // Alpaca (and most feeds) report a side nobody quotes as 0: that is "no quote", not a bad price.
            String side = q.bid() == 0 && q.ask() == 0 ? "bid and ask are" : q.bid() == 0 ? "bid is" : "ask is";
            return QuoteCheck.blocked(symbol, q, symbol + ": no quote (" + side + " 0: nobody is quoting it on this feed,"
                    + " e.g. outside trading hours or during a halt); not trading it without a price");
        }
        String bad = unbidOption ? null : badPrice("bid", q.bid());
        bad = bad != null ? bad : badPrice("ask", q.ask());
        bad = bad != null ? bad : badPrice("last", q.last());
        if (bad != null) {
            return QuoteCheck.blocked(symbol, q, symbol + ": " + bad + " in the quote; not trading on a bad price");
        }
        if (q.bid() > q.ask()) {
            return QuoteCheck.blocked(symbol, q, symbol + ": crossed quote (bid " + q.bid() + " > ask " + q.ask()
                    + "); not trading on a broken market");
        }
        double spread = (q.ask() - q.bid()) / q.mid() * 100;
        double limit = option ? Math.max(OPTION_MAX_SPREAD_PERCENT, OPTION_MAX_SPREAD_DOLLARS / q.mid() * 100 + 1e-9)
                : maxSpreadPercent;
        if (spread > limit) {
            return QuoteCheck.blocked(symbol, q, String.format(Locale.ROOT,
                    "%s: spread %.2f%% (bid $%,.2f, ask $%,.2f) is wider than the %.2f%% limit", symbol, spread, q.bid(), q.ask(),
                    limit));
        }
        if (q.at() == null) {
            return QuoteCheck.blocked(symbol, q, symbol + ": the quote has no time; cannot tell whether it is stale");
        }
        Duration age = Duration.between(q.at(), clock.instant());
        if (age.compareTo(maxAge) > 0 && (freshFrom == null || q.at().isBefore(freshFrom))) {
            return QuoteCheck.blocked(symbol, q, symbol + ": quote from " + q.at() + " is " + age.toSeconds()
                    + " s old (limit " + maxAge.toSeconds() + " s); stale");
        }
        return QuoteCheck.ok(q);
    }

    private static String badPrice(String what, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return what + " is " + v;
        }
        return v <= 0 ? what + " is " + v + " (not positive)" : null;
    }
}
