package org.leverdesk.strategy.rotation;

import java.util.Locale;
import java.util.Map;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of the rotation (seed 004), each validated with a one-line error.
 *
 * @param groups          the four editable ticker groups
 * @param clockSymbol     symbol whose trading days drive the rebalance schedule (and the backtest loop)
 * @param virtualCapital  dollars each sleeve's simulated NAV starts from
 * @param sharpeDays      trailing daily returns in the Sharpe ratio (30 returns need 31 bars)
 * @param topN            tickers held per sleeve, equal weight
 * @param navDays         trading days over which the sleeves' NAVs are simulated before each rebalance
 * @param selection       NAV (highest NAV, the seed's rule) or MOMENTUM (highest NAV change over momentumDays)
 * @param momentumDays    look-back of the NAV momentum
 * @param cooldownDays    trading days between rebalances
 * @param maxDrawdown     drawdown of the chosen sleeve from its NAV peak that moves the manager to the fallback
 * @param fallback        where a drawdown moves the manager: BUY_HOLD or CASH
 * @param capitalFraction share of the account's equity the strategy trades
 * @param tolerance       a target is not traded when the change is under this fraction of it
 * @param riskFree        annual risk-free rate subtracted in the Sharpe ratio (rf/252 per day)
 * @param profitTaker     trailing-stop preset
 */
public record RotationConfig(TickerGroups groups, String clockSymbol, double virtualCapital, int sharpeDays, int topN,
                             int navDays, Selection selection, int momentumDays, int cooldownDays, double maxDrawdown,
                             Fallback fallback, double capitalFraction, double tolerance, double riskFree,
                             ProfitTaker profitTaker) {

    /** How the manager ranks sleeves. */
    public enum Selection { NAV, MOMENTUM }

    /** Where the manager goes when the chosen sleeve is in too deep a drawdown. */
    public enum Fallback { BUY_HOLD, CASH }

    public static final String DEFAULT_CLOCK = "SPY";

    public RotationConfig {
        if (groups == null) {
            throw new IllegalArgumentException("ticker groups are missing");
        }
        if (clockSymbol == null || !clockSymbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw new IllegalArgumentException("clock symbol must be a ticker like SPY (got '" + clockSymbol + "')");
        }
        if (!(virtualCapital >= 1_000 && Double.isFinite(virtualCapital))) {
            throw new IllegalArgumentException("virtualCapital must be at least 1000 dollars (got " + virtualCapital + ")");
        }
        if (sharpeDays < 2 || sharpeDays > 252) {
            throw new IllegalArgumentException("sharpeDays must be between 2 and 252 trading days (got " + sharpeDays + ")");
        }
        if (topN < 1 || topN > 20) {
            throw new IllegalArgumentException("topN must be between 1 and 20 tickers (got " + topN + ")");
        }
        if (cooldownDays < 1 || cooldownDays > 63) {
            throw new IllegalArgumentException("cooldownDays must be between 1 and 63 trading days (got " + cooldownDays + ")");
        }
        if (momentumDays < 1 || momentumDays > 126) {
            throw new IllegalArgumentException("momentumDays must be between 1 and 126 trading days (got " + momentumDays + ")");
        }
        if (navDays < Math.max(cooldownDays, momentumDays) || navDays > 2_520) {
            throw new IllegalArgumentException("navDays must be between max(cooldownDays, momentumDays) = "
                    + Math.max(cooldownDays, momentumDays) + " and 2520 trading days (got " + navDays + ")");
        }
        if (selection == null || fallback == null || profitTaker == null) {
            throw new IllegalArgumentException("selection, fallback and profitTaker must be set");
        }
        if (!(maxDrawdown > 0 && maxDrawdown < 1)) {
            throw new IllegalArgumentException("maxDrawdown must be a fraction between 0 and 1, e.g. 0.10 for 10% (got " + maxDrawdown + ")");
        }
        if (!(capitalFraction > 0 && capitalFraction <= 1)) {
            throw new IllegalArgumentException("capitalFraction must be above 0 and at most 1 (got " + capitalFraction + ")");
        }
        if (!(tolerance >= 0 && tolerance < 0.5)) {
            throw new IllegalArgumentException("tolerance must be a fraction from 0 to 0.5, e.g. 0.02 for 2% (got " + tolerance + ")");
        }
        if (!(riskFree >= 0 && riskFree < 0.5)) {
            throw new IllegalArgumentException("riskFree must be an annual fraction from 0 to 0.5, e.g. 0.04 (got " + riskFree + ")");
        }
    }

    public static RotationConfig defaults() {
        return new RotationConfig(TickerGroups.defaults(), DEFAULT_CLOCK, 100_000, 30, 3, 252, Selection.NAV, 10, 5, 0.10,
                Fallback.BUY_HOLD, 1.0, 0.02, 0.0, ProfitTaker.OFF);
    }

    /** This config with another selection rule (tests and the view). */
    public RotationConfig withSelection(Selection s) {
        return new RotationConfig(groups, clockSymbol, virtualCapital, sharpeDays, topN, navDays, s, momentumDays, cooldownDays,
                maxDrawdown, fallback, capitalFraction, tolerance, riskFree, profitTaker);
    }

    /** Parses named text parameters (see the catalog for names); missing ones keep their defaults. */
    public static RotationConfig parse(String symbol, Map<String, String> p) {
        RotationConfig d = defaults();
        TickerGroups groups = new TickerGroups(
                TickerGroups.parse(text(p, "core", TickerGroups.DEFAULT_CORE)),
                TickerGroups.parse(text(p, "benchmarks", TickerGroups.DEFAULT_BENCHMARKS)),
                TickerGroups.parse(text(p, "speculative", TickerGroups.DEFAULT_SPECULATIVE)),
                TickerGroups.parse(text(p, "asymmetric", TickerGroups.DEFAULT_ASYMMETRIC)));
        String clock = symbol == null || symbol.isBlank() ? DEFAULT_CLOCK : symbol.trim().toUpperCase(Locale.ROOT);
        return new RotationConfig(groups, clock,
                ParameterText.number(p, "virtualCapital", d.virtualCapital()),
                whole(p, "sharpeDays", d.sharpeDays()),
                whole(p, "topN", d.topN()),
                whole(p, "navDays", d.navDays()),
                choice(Selection.class, p, "selection", d.selection()),
                whole(p, "momentumDays", d.momentumDays()),
                whole(p, "cooldownDays", d.cooldownDays()),
                ParameterText.number(p, "maxDrawdown", d.maxDrawdown()),
                choice(Fallback.class, p, "fallback", d.fallback()),
                ParameterText.number(p, "capitalFraction", d.capitalFraction()),
                ParameterText.number(p, "tolerance", d.tolerance()),
                ParameterText.number(p, "riskFree", d.riskFree()),
                choice(ProfitTaker.class, p, "profitTaker", d.profitTaker()));
    }

    private static String text(Map<String, String> p, String name, String fallback) {
        String v = p.get(name);
        return v == null ? fallback : v;
    }

    private static int whole(Map<String, String> p, String name, int fallback) {
        double v = ParameterText.number(p, name, fallback);
        if (v != Math.rint(v) || Math.abs(v) > 1_000_000) {
            throw new IllegalArgumentException(name + " must be a whole number of days or tickers (got " + p.get(name) + ")");
        }
        return (int) v;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> p, String name, E fallback) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + " (got '" + v + "')");
        }
    }
}
