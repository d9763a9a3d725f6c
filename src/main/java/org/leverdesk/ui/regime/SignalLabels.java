package org.leverdesk.ui.regime;

import java.util.Map;
import java.util.function.DoubleFunction;
import org.leverdesk.ui.common.Formats;

/**
 * The regime strategy's signal keys ({@code smaFast}, {@code realizedVol}, ...) in a trader's words,
 * each with the format of its unit: prices in dollars and cents, fractions as percents, volatility
 * in its own percent points, scales as plain ratios, shares as counts. A key not listed here (a newer
 * strategy version's) is shown as it is, with the number unchanged, rather than hidden.
 */
final class SignalLabels {
    private record Shown(String label, DoubleFunction<String> format) {
    }

    private static final DoubleFunction<String> PRICE = Formats::price;
    private static final DoubleFunction<String> PERCENT = Formats::percent;
    private static final DoubleFunction<String> RATIO = Formats::ratio;
    private static final DoubleFunction<String> SHARES = v -> Formats.count((long) v);

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
            Map.entry("realizedVol", new Shown("Realized volatility", Formats::percentPoints)),
            Map.entry("volScale", new Shown("Volatility scale", RATIO)),
            Map.entry("overextension", new Shown("Above the fast SMA", PERCENT)),
            Map.entry("fastSlope", new Shown("Fast SMA slope", PERCENT)),
            Map.entry("efficiencyRatio", new Shown("Efficiency ratio", RATIO)),
            Map.entry("trendStrength", new Shown("Above the slow SMA", PERCENT)),
            Map.entry("sentimentScale", new Shown("Sentiment scale", RATIO)),
            Map.entry("allocation", new Shown("Regime allocation", PERCENT)),
            Map.entry("targetFraction", new Shown("Target share of capital", PERCENT)),
            Map.entry("strategyCapital", new Shown("Strategy capital", Formats::money)),
            Map.entry("price", new Shown("Traded price", PRICE)),
            Map.entry("heldShares", new Shown("Shares held", SHARES)),
            Map.entry("targetShares", new Shown("Target shares", SHARES)));

    private SignalLabels() {
    }

    /** The row of one signal: its label and its value in its unit ("—" when undefined, e.g. during warm-up). */
    static SignalRow row(String key, Double value) {
        Shown s = SHOWN.get(key);
        if (s == null) {
            return new SignalRow(key, RegimeViewModel.format(value));
        }
        return new SignalRow(s.label(), value == null || !Double.isFinite(value) ? Formats.MISSING : s.format().apply(value));
    }
}
