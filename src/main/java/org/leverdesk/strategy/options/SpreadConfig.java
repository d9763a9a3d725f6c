package org.leverdesk.strategy.options;

import java.util.Locale;
import java.util.Map;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.MarginPolicy;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of seed 003's Enhanced-mode defined-risk trades: {@code spreads} (a bull put spread when the trend
 * is up, a bear call spread when it is down) and {@code condor} (an iron condor on a range-bound signal), with
 * the RiskGuard limits ({@link GuardLimits}, seed 003's defaults) each entry must pass.
 *
 * @param width           strike distance of each spread in dollars (long strike = short strike ∓ width)
 * @param shortDelta      |delta| of the short strike (nearest in the chain)
 * @param minDte          shortest days to expiry of a new position (calendar days); {@code maxDte} the longest
 * @param profitTakePct   close when the profit reaches this fraction of the credit
 * @param stopLossPct     close when the loss reaches this fraction of the maximum loss (width − credit)
 * @param shortStrikeStop close when the underlying closes beyond a short strike
 * @param closeDte        close a position whose expiry is this many calendar days away or fewer (1: the session
 *                        before a Friday expiry), so none is left to assignment on expiry day
 * @param maxContracts    contracts per new position at most
 * @param maxPositions    positions open at once at most ({@code maxCondors} for the condor, 2 by default)
 * @param minIv           no new spread when the chain's 30-day at-the-money volatility is below this (thin credit)
 * @param trendDays       simple moving average of the close that sets the trend (up: close above it)
 * @param rangePct        range-bound (condor): the close within this fraction of the SMA and the SMA moved
 *                        less than this fraction over the last 20 sessions
 * @param minCreditPct    no spread whose credit is below this fraction of its width
 * @param guard           the RiskGuard limits, parsed from the same parameters (dailyStop, weeklyStopPct, maxRiskPct,
 *                        vixMax, cooldownDays, maxTradesPerDay, maxDrawdownPct, maxNetDelta, cashBufferPct,
 *                        marginPolicy, maxDayTrades, dayTradeEquity)
 */
public record SpreadConfig(String symbol, Mode mode, double width, double shortDelta, int minDte, int maxDte,
                           double profitTakePct, double stopLossPct, boolean shortStrikeStop, int closeDte, int maxContracts,
                           int maxPositions, double minIv, int trendDays, double rangePct, double minCreditPct, GuardLimits guard) {
    /** Vertical credit spreads by trend, or iron condors in a range. */
    public enum Mode { SPREADS, CONDOR }

    public static final String DEFAULT_SYMBOL = "QQQ";

    public SpreadConfig {
        if (symbol == null || !symbol.matches("[A-Z][A-Z0-9]{0,5}")) {
            throw new IllegalArgumentException("symbol must be an option root like QQQ (got '" + symbol + "')");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be spreads or condor");
        }
        check(width >= 0.5 && width <= 100, "width must be $0.50 to $100 between the strikes (got " + width + ")");
        check(shortDelta > 0.01 && shortDelta < 0.5, "shortDelta must be an |delta| above 0.01 and below 0.50 (got "
                + shortDelta + ")");
        check(minDte >= 1 && maxDte >= minDte && maxDte <= 365, "the DTE window must satisfy 1 <= minDte <= maxDte <= 365 (got "
                + minDte + ".." + maxDte + ")");
        check(profitTakePct > 0 && profitTakePct <= 1, "profitTakePct must be a fraction of the credit above 0, at most 1 (got "
                + profitTakePct + ")");
        check(stopLossPct > 0 && stopLossPct <= 1, "stopLossPct must be a fraction of the maximum loss above 0, at most 1 (got "
                + stopLossPct + ")");
        check(closeDte >= 0 && closeDte < minDte, "closeDte must be 0 or more and below minDte (got " + closeDte + ")");
        check(maxContracts >= 1 && maxContracts <= 100, "maxContracts must be 1 to 100 (got " + maxContracts + ")");
        check(maxPositions >= 1 && maxPositions <= 20, "maxPositions (maxCondors) must be 1 to 20 (got " + maxPositions + ")");
        check(minIv >= 0 && minIv < 2, "minIv must be a volatility from 0 to below 2 (0.12 = 12%) (got " + minIv + ")");
        check(trendDays >= 2 && trendDays <= 400, "trendDays must be 2 to 400 (got " + trendDays + ")");
        check(rangePct > 0 && rangePct < 0.5, "rangePct must be a fraction above 0 and below 0.5 (got " + rangePct + ")");
        if (guard == null) {
            throw new IllegalArgumentException("guard limits missing");
        }
        check(minCreditPct >= 0 && minCreditPct < 1, "minCreditPct must be a fraction of the width from 0 to below 1 (got "
                + minCreditPct + ")");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Seed 003's defaults: 50% profit / 50% stop for spreads, 40 / 60 for condors, 21-35 DTE, at most 2 open. */
    public static SpreadConfig defaults(Mode mode) {
        return parse(DEFAULT_SYMBOL, Map.of(), mode);
    }

    /** Parses named text parameters; missing ones keep the mode's defaults. {@code maxCondors} is maxPositions. */
    public static SpreadConfig parse(String symbol, Map<String, String> p, Mode mode) {
        String s = symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(Locale.ROOT);
        boolean condor = mode == Mode.CONDOR;
        int positions = whole(p, condor ? "maxCondors" : "maxPositions", 2);
        return new SpreadConfig(s, mode,
                num(p, "width", 5), num(p, "shortDelta", condor ? 0.16 : 0.20),
                whole(p, "minDte", 21), whole(p, "maxDte", 35),
                num(p, "profitTakePct", condor ? 0.40 : 0.50), num(p, "stopLossPct", condor ? 0.60 : 0.50),
                flag(p, "shortStrikeStop", true), whole(p, "closeDte", 1), whole(p, "maxContracts", 5), positions,
                num(p, "minIv", 0.12), whole(p, "trendDays", 50), num(p, "rangePct", 0.03), num(p, "minCreditPct", 0.05),
                guard(p));
    }

    /**
     * The RiskGuard limits among the parameters (seed 003's defaults for the missing ones); the decision cycle
     * checks the account limits, {@link SpreadStrategy} the position limits it sizes to.
     */
    static GuardLimits guard(Map<String, String> p) {
        GuardLimits d = GuardLimits.seed003();
        String margin = p.get("marginPolicy");
        return new GuardLimits(num(p, "dailyStop", d.dailyStop()), num(p, "weeklyStopPct", d.weeklyStopPct()),
                num(p, "maxRiskPct", d.maxRiskPct()), num(p, "vixMax", d.vixMax()), whole(p, "cooldownDays", d.cooldownDays()),
                whole(p, "maxTradesPerDay", d.maxTradesPerDay()), num(p, "maxDrawdownPct", d.maxDrawdownPct()),
                num(p, "maxNetDelta", d.maxNetDelta()), num(p, "cashBufferPct", d.cashBufferPct()),
                margin == null || margin.isBlank() ? d.marginPolicy() : MarginPolicy.parse(margin),
                whole(p, "maxDayTrades", d.maxDayTrades()), num(p, "dayTradeEquity", d.dayTradeEquity()));
    }

    private static double num(Map<String, String> p, String name, double fallback) {
        return ParameterText.number(p, name, fallback);
    }

    private static boolean flag(Map<String, String> p, String name, boolean fallback) {
        String v = p.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> fallback;
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + p.get(name) + "')");
        };
    }

    private static int whole(Map<String, String> p, String name, int fallback) {
        double v = ParameterText.number(p, name, fallback);
        if (v != Math.rint(v) || Math.abs(v) > 1_000_000) {
            throw new IllegalArgumentException(name + " must be a whole number (got " + p.get(name) + ")");
        }
        return (int) v;
    }
}
