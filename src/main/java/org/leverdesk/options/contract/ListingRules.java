package org.leverdesk.options.contract;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How an underlying's options are listed and quoted: strike grid, expiries, tick and multiplier.
 * {@link #forUnderlying} gives the defaults; every part can be replaced.
 */
public record ListingRules(StrikeGrid strikes, ExpiryRules expiries, TickRule ticks, int multiplier) {
    /** Classes quoted in pennies at every price (the Penny Interval Program's three ETFs). */
    private static final Set<String> PENNY_ALL = Set.of("QQQ", "SPY", "IWM");

    public ListingRules {
        Objects.requireNonNull(strikes, "strikes");
        Objects.requireNonNull(expiries, "expiries");
        Objects.requireNonNull(ticks, "ticks");
        if (multiplier <= 0) {
            throw new IllegalArgumentException("option multiplier must be a positive number of shares (got " + multiplier + ")");
        }
    }

    /**
     * Defaults: the ETF strike grid ($1 within 15%, $5 to 50%), weeklies and monthlies, 100 shares,
     * $0.01 at every price for QQQ/SPY/IWM and the penny rule ($0.01 below $3, $0.05 from $3) otherwise.
     */
    public static ListingRules forUnderlying(String underlying) {
        String u = underlying.toUpperCase(Locale.ROOT);
        return new ListingRules(StrikeGrid.etfDefault(), ExpiryRules.defaults(),
                PENNY_ALL.contains(u) ? TickRule.PENNY_ALL_PRICES : TickRule.PENNY, OptionContract.STANDARD_MULTIPLIER);
    }

    public ListingRules withStrikes(StrikeGrid grid) {
        return new ListingRules(grid, expiries, ticks, multiplier);
    }

    public ListingRules withExpiries(ExpiryRules rules) {
        return new ListingRules(strikes, rules, ticks, multiplier);
    }

    public ListingRules withTicks(TickRule rule) {
        return new ListingRules(strikes, expiries, rule, multiplier);
    }
}
