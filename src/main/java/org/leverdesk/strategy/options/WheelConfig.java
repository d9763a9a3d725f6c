package org.leverdesk.strategy.options;

import java.util.Locale;
import java.util.Map;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of the wheel and of covered calls (seed 003): strikes out of the money by {@code putPctOtm} /
 * {@code callPctOtm} (fractions of the underlying's close), expiries {@code minDte}..{@code maxDte} calendar
 * days out (7–10 by default, 21–35 with {@code dteWindow=monthly}), at most {@code maxContracts} at a time,
 * the option's |delta| inside [{@code minDelta}, {@code maxDelta}], a bid of at least {@code minCredit} per
 * share, and {@code cashBufferPct} of the equity never put up as collateral or spent on shares.
 *
 * @param symbol        the symbol the strategy is run for (its trading days)
 * @param optionsTicker the underlying whose options are written and whose shares are held (the seed's
 *                      liquidity switch: QQQ options while the account's symbol is QQQM); the symbol by default
 * @param mode          WHEEL (puts, then calls on assigned shares) or COVERED_CALLS (buy shares, write calls)
 */
public record WheelConfig(String symbol, String optionsTicker, Mode mode, double putPctOtm, double callPctOtm, int minDte,
                          int maxDte, int maxContracts, double minDelta, double maxDelta, double minCredit,
                          double cashBufferPct) {
    /** Seed 003's modes: Balanced (the wheel) and the covered-call half of Conservative. */
    public enum Mode { WHEEL, COVERED_CALLS }

    public static final String DEFAULT_SYMBOL = "QQQ";
    public static final double DEFAULT_PUT_OTM = 0.03;
    public static final double DEFAULT_CALL_OTM = 0.03;
    public static final int WEEKLY_MIN_DTE = 7;
    public static final int WEEKLY_MAX_DTE = 10;
    public static final int MONTHLY_MIN_DTE = 21;
    public static final int MONTHLY_MAX_DTE = 35;
    public static final int DEFAULT_MAX_CONTRACTS = 1;
    public static final double DEFAULT_MIN_DELTA = 0.05;
    public static final double DEFAULT_MAX_DELTA = 0.40;
    public static final double DEFAULT_MIN_CREDIT = 0.10;
    public static final double DEFAULT_CASH_BUFFER = 0.0;

    public WheelConfig {
        if (symbol == null || !symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw new IllegalArgumentException("symbol must be a ticker like QQQ (got '" + symbol + "')");
        }
        if (optionsTicker == null || !optionsTicker.matches("[A-Z][A-Z0-9]{0,5}")) {
            throw new IllegalArgumentException("optionsTicker must be an option root like QQQ (got '" + optionsTicker + "')");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be wheel or covered-calls");
        }
        if (!(putPctOtm >= 0 && putPctOtm < 0.5) || !(callPctOtm >= 0 && callPctOtm < 0.5)) {
            throw new IllegalArgumentException("putPctOtm and callPctOtm must be fractions from 0 to below 0.5 (got "
                    + putPctOtm + ", " + callPctOtm + "); 0.03 is 3% out of the money");
        }
        if (minDte < 1 || maxDte < minDte || maxDte > 365) {
            throw new IllegalArgumentException("the DTE window must satisfy 1 <= minDte <= maxDte <= 365 (got " + minDte + ".."
                    + maxDte + ")");
        }
        if (maxContracts < 1 || maxContracts > 100) {
            throw new IllegalArgumentException("maxContracts must be 1 to 100 (got " + maxContracts + ")");
        }
        if (!(minDelta >= 0 && minDelta < maxDelta && maxDelta <= 1)) {
            throw new IllegalArgumentException("the delta band must satisfy 0 <= minDelta < maxDelta <= 1 in absolute value (got "
                    + minDelta + ".." + maxDelta + ")");
        }
        if (!(minCredit >= 0 && minCredit < 100)) {
            throw new IllegalArgumentException("minCredit must be a premium per share from $0 to $100 (got " + minCredit + ")");
        }
        if (!(cashBufferPct >= 0 && cashBufferPct < 1)) {
            throw new IllegalArgumentException("cashBufferPct must be a fraction from 0 to below 1 (got " + cashBufferPct + ")");
        }
    }

    public static WheelConfig defaults(Mode mode) {
        return new WheelConfig(DEFAULT_SYMBOL, DEFAULT_SYMBOL, mode, DEFAULT_PUT_OTM, DEFAULT_CALL_OTM, WEEKLY_MIN_DTE,
                WEEKLY_MAX_DTE, DEFAULT_MAX_CONTRACTS, DEFAULT_MIN_DELTA, DEFAULT_MAX_DELTA, DEFAULT_MIN_CREDIT, DEFAULT_CASH_BUFFER);
    }

    /**
     * Parses named text parameters; missing ones keep defaults. {@code dteWindow} (weekly = 7–10, monthly =
     * 21–35) sets the window unless {@code minDte}/{@code maxDte} are given.
     */
    public static WheelConfig parse(String symbol, Map<String, String> p, Mode mode) {
        String s = symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(Locale.ROOT);
        String options = p.getOrDefault("optionsTicker", "");
        options = options.isBlank() ? s : options.trim().toUpperCase(Locale.ROOT);
        String window = p.getOrDefault("dteWindow", "weekly").trim().toLowerCase(Locale.ROOT);
        int min;
        int max;
        switch (window) {
            case "weekly", "" -> { min = WEEKLY_MIN_DTE; max = WEEKLY_MAX_DTE; }
            case "monthly" -> { min = MONTHLY_MIN_DTE; max = MONTHLY_MAX_DTE; }
            default -> throw new IllegalArgumentException("dteWindow must be weekly (7-10 days) or monthly (21-35 days), got '"
                    + window + "'");
        }
        return new WheelConfig(s, options, mode,
                ParameterText.number(p, "putPctOtm", DEFAULT_PUT_OTM),
                ParameterText.number(p, "callPctOtm", DEFAULT_CALL_OTM),
                whole(p, "minDte", min), whole(p, "maxDte", max),
                whole(p, "maxContracts", DEFAULT_MAX_CONTRACTS),
                ParameterText.number(p, "minDelta", DEFAULT_MIN_DELTA),
                ParameterText.number(p, "maxDelta", DEFAULT_MAX_DELTA),
                ParameterText.number(p, "minCredit", DEFAULT_MIN_CREDIT),
                ParameterText.number(p, "cashBufferPct", DEFAULT_CASH_BUFFER));
    }

    private static int whole(Map<String, String> p, String name, int fallback) {
        double v = ParameterText.number(p, name, fallback);
        if (v != Math.rint(v) || Math.abs(v) > 1_000_000) {
            throw new IllegalArgumentException(name + " must be a whole number (got " + p.get(name) + ")");
        }
        return (int) v;
    }
}
