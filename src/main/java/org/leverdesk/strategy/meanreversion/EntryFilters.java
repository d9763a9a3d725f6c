package org.leverdesk.strategy.meanreversion;

import java.util.List;
import org.leverdesk.domain.GateResult;
import org.leverdesk.strategy.Fmt;

/** The four entry filters of {@link MeanReversionConfig} as gates; a filter that is off passes. */
final class EntryFilters {
    static final String VWAP = "VWAP filter";
    static final String SMA_TREND = "trend filter";
    static final String MIN_VOLUME = "volume filter";
    static final String BOLLINGER = "Bollinger filter";

    private EntryFilters() {
    }

    /** Evaluates every filter against today's values (NaN = not enough bars yet, which fails an enabled filter). */
    static List<GateResult> evaluate(MeanReversionConfig c, double close, double vwap, double sma, long volume,
                                     double bollingerLower) {
        return List.of(
                below(c, VWAP, c.vwapFilter(), close, vwap, "VWAP-" + c.vwapDays(), c.vwapDays()),
                above(c, SMA_TREND, c.smaFilter(), close, sma, "SMA-" + c.smaDays(), c.smaDays()),
                volume(c, volume),
                below(c, BOLLINGER, c.bollingerFilter(), close, bollingerLower,
                        "lower Bollinger band (" + c.bollingerDays() + " days, " + num(c.bollingerStdDevs()) + "σ)",
                        c.bollingerDays()));
    }

    /** The names of the enabled filters that fail today, as {@link #evaluate} would mark them, without their texts. */
    static List<String> blocked(MeanReversionConfig c, double close, double vwap, double sma, long volume,
                                double bollingerLower) {
        List<String> out = new java.util.ArrayList<>(4);
        if (c.vwapFilter() && (Double.isNaN(vwap) || !(close < vwap))) {
            out.add(VWAP);
        }
        if (c.smaFilter() && (Double.isNaN(sma) || !(close > sma))) {
            out.add(SMA_TREND);
        }
        if (c.volumeFilter() && volume < c.minVolume()) {
            out.add(MIN_VOLUME);
        }
        if (c.bollingerFilter() && (Double.isNaN(bollingerLower) || !(close < bollingerLower))) {
            out.add(BOLLINGER);
        }
        return out;
    }

    private static GateResult below(MeanReversionConfig c, String name, boolean on, double close, double level, String label,
                                    int days) {
        String inputs = inputs(c, close, label, level);
        if (!on) {
            return GateResult.pass(name, inputs, "filter off");
        }
        if (Double.isNaN(level)) {
            return GateResult.fail(name, inputs, label + " needs " + days + " bars with volume");
        }
        return close < level ? GateResult.pass(name, inputs, "close below " + label)
                : GateResult.fail(name, inputs, "close not below " + label);
    }

    private static GateResult above(MeanReversionConfig c, String name, boolean on, double close, double level, String label,
                                    int days) {
        String inputs = inputs(c, close, label, level);
        if (!on) {
            return GateResult.pass(name, inputs, "filter off");
        }
        if (Double.isNaN(level)) {
            return GateResult.fail(name, inputs, label + " needs " + days + " bars");
        }
        return close > level ? GateResult.pass(name, inputs, "close above " + label + ": up-trend")
                : GateResult.fail(name, inputs, "close not above " + label + ": no up-trend");
    }

    private static GateResult volume(MeanReversionConfig c, long volume) {
        String inputs = "volume " + Fmt.grouped(volume) + " shares (min " + Fmt.grouped(c.minVolume()) + ")";
        if (!c.volumeFilter()) {
            return GateResult.pass(MIN_VOLUME, inputs, "filter off");
        }
        return volume >= c.minVolume() ? GateResult.pass(MIN_VOLUME, inputs, "volume at or above the minimum")
                : GateResult.fail(MIN_VOLUME, inputs, "volume below the minimum");
    }

    /** "TQQQ close $10.50, VWAP-3 $10.46": the close and the level a filter compares it with, in dollars. */
    private static String inputs(MeanReversionConfig c, double close, String label, double level) {
        return c.symbol() + " close " + Fmt.money(close) + ", " + label + " " + Fmt.money(level);
    }

    /** Up to four decimals without trailing zeros ("0.534", "19.2897", "30"); "n/a" for NaN. */
    static String num(double v) {
        return Fmt.trimmed(v, 4);
    }
}
