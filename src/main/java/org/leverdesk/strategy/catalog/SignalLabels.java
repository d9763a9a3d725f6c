package org.leverdesk.strategy.catalog;

import java.util.Map;
import java.util.function.DoubleFunction;
import org.leverdesk.strategy.Fmt;

/**
 * The strategies' signal keys ({@code smaFast}, {@code realizedVol}, {@code bollingerLower}, ...) in a
 * trader's words, each with the format of its unit: prices in dollars and cents, fractions as percents,
 * volatility in its own percent points, scales as plain ratios, shares as counts. One wording everywhere a
 * decision's signals are shown: the Regime view's day, the Backtest view's decisions, {@code leverdesk status}
 * and the run notifications (hence here, outside the UI, with the strategies' own {@link Fmt}). A key not listed here (a newer strategy version's) is
 * shown in words from its name ("openRisk" → "Open risk") with its number unchanged, rather than hidden.
 */
public final class SignalLabels {
    private record Shown(String label, DoubleFunction<String> format) {
    }

    /** Shown for an undefined value (warm-up), as the window's missing mark: a blank is never taken for zero. */
    public static final String MISSING = "—";

    private static final DoubleFunction<String> PRICE = Fmt::money;
    private static final DoubleFunction<String> MONEY = Fmt::money;
    private static final DoubleFunction<String> PERCENT = Fmt::percent;
    private static final DoubleFunction<String> RATIO = v -> Fmt.fixed(v, 2);
    private static final DoubleFunction<String> POINTS = v -> Fmt.fixed(v, 1) + "%";
    private static final DoubleFunction<String> SHARES = v -> Fmt.grouped((long) v);

    private static final Map<String, Shown> SHOWN = Map.ofEntries(
            Map.entry("close", new Shown("Signal close", PRICE)),
            Map.entry("smaFast", new Shown("Fast SMA", PRICE)),
            Map.entry("smaSlow", new Shown("Slow SMA", PRICE)),
            Map.entry("rocShort", new Shown("Momentum, short look-back", PERCENT)),
            Map.entry("rocMid", new Shown("Momentum, middle look-back", PERCENT)),
            Map.entry("rocLong", new Shown("Momentum, long look-back", PERCENT)),
            Map.entry("smaShort", new Shown("Momentum SMA", PRICE)),
            Map.entry("momentumScore", new Shown("Momentum score (0–1)", RATIO)),
            Map.entry("momentumScale", new Shown("Momentum scale", RATIO)),
            // the strategy computes realized volatility already in annualized percent points
            Map.entry("realizedVol", new Shown("Realized volatility", POINTS)),
            Map.entry("volScale", new Shown("Volatility scale", RATIO)),
            Map.entry("overextension", new Shown("Above the fast SMA", PERCENT)),
            Map.entry("fastSlope", new Shown("Fast SMA slope", PERCENT)),
            Map.entry("efficiencyRatio", new Shown("Efficiency ratio", RATIO)),
            Map.entry("trendStrength", new Shown("Above the slow SMA", PERCENT)),
            Map.entry("sentimentScale", new Shown("Sentiment scale", RATIO)),
            Map.entry("allocation", new Shown("Regime allocation", PERCENT)),
            Map.entry("targetFraction", new Shown("Target share of capital", PERCENT)),
            Map.entry("strategyCapital", new Shown("Strategy capital", MONEY)),
            Map.entry("price", new Shown("Traded price", PRICE)),
            Map.entry("heldShares", new Shown("Shares held", SHARES)),
            Map.entry("targetShares", new Shown("Target shares", SHARES)),
            // mean reversion
            Map.entry("rsi", new Shown("RSI", RATIO)),
            Map.entry("vwap", new Shown("VWAP", PRICE)),
            Map.entry("sma", new Shown("SMA", PRICE)),
            Map.entry("bollingerLower", new Shown("Lower Bollinger band", PRICE)),
            Map.entry("volume", new Shown("Volume (shares)", SHARES)),
            Map.entry("stop", new Shown("Stop price", PRICE)),
            // options strategies
            Map.entry("spot", new Shown("Underlying price", PRICE)),
            Map.entry("strike", new Shown("Strike", PRICE)),
            Map.entry("bid", new Shown("Bid", PRICE)),
            Map.entry("ask", new Shown("Ask", PRICE)),
            Map.entry("credit", new Shown("Credit", PRICE)),
            Map.entry("iv", new Shown("Implied volatility", PERCENT)),
            Map.entry("atmIv", new Shown("At-the-money implied volatility", PERCENT)),
            Map.entry("dte", new Shown("Days to expiry", SHARES)),
            Map.entry("contracts", new Shown("Contracts", SHARES)),
            Map.entry("openRisk", new Shown("Open risk", MONEY)),
            Map.entry("netDelta", new Shown("Net delta", RATIO)));

    private SignalLabels() {
    }

    /** The label of signal {@code key}: "Fast SMA"; for a key not listed, its name in words ("Open risk"). */
    public static String label(String key) {
        Shown s = SHOWN.get(key);
        return s != null ? s.label() : words(key);
    }

    /** Signal {@code key}'s value in its unit ("—" when undefined, e.g. during warm-up). */
    public static String value(String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            return MISSING;
        }
        Shown s = SHOWN.get(key);
        if (s != null) {
            return s.format().apply(value);
        }
        if (key.endsWith(".price")) { // a portfolio strategy's per-ticker price ("QQQM.price")
            return PRICE.apply(value);
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Fmt.grouped(value.longValue())
                : Fmt.fixed(value, 4);
    }

    /** "openRisk" → "Open risk", "QQQM.price" → "QQQM price". */
    static String words(String key) {
        int dot = key.indexOf('.');
        if (dot > 0 && key.substring(0, dot).matches("[A-Z0-9]+")) { // a ticker stays as written, not "Qqqm"
            return key.substring(0, dot) + " " + words(key.substring(dot + 1)).toLowerCase(java.util.Locale.ROOT);
        }
        return new StrategyDescriptor.ParameterSpec(key.replace('.', ' '), "", "").label();
    }
}
