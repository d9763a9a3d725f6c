package org.leverdesk.strategy.meanreversion;

import java.util.Locale;
import java.util.Map;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of the RSI(2) mean reversion (seed 001). Every number is validated; percentages are
 * written as percent (5 = 5%).
 *
 * <ul>
 *   <li>Entry: RSI({@code rsiPeriod}) of the symbol's closes at or below {@code entryRsi}, flat, and
 *       every enabled filter passing: buy floor({@code positionPercent}% of equity / close) shares at
 *       the close, with a resting stop {@code stopLossPercent}% below that close (0 = no stop).</li>
 *   <li>Exit: RSI at or above {@code exitRsi}: sell everything at the close.</li>
 *   <li>Filters (all off by default, so the default is the seed's bare rule; each must pass when on):
 *       {@code vwapFilter} close &lt; VWAP of the last {@code vwapDays} bars, VWAP = Σ(typical·volume)
 *       / Σvolume with typical = (high + low + close) / 3; {@code smaFilter} close &gt; SMA of the
 *       last {@code smaDays} closes (a dip inside an up-trend); {@code volumeFilter} today's volume
 *       ≥ {@code minVolume} shares; {@code bollingerFilter} close &lt; SMA − {@code bollingerStdDevs}
 *       · σ of the last {@code bollingerDays} closes (population σ, as Bollinger defines it).</li>
 *   <li>Hedge ({@code hedge}): RSI at or above {@code hedgeEntryRsi} and no hedge held: buy
 *       floor({@code hedgePercent}% of equity / hedge close) shares of {@code hedgeSymbol}; sell them
 *       when RSI falls below {@code hedgeExitRsi}.</li>
 * </ul>
 */
public record MeanReversionConfig(String symbol, String hedgeSymbol, int rsiPeriod, double entryRsi, double exitRsi,
                                  double stopLossPercent, double positionPercent,
                                  boolean vwapFilter, int vwapDays, boolean smaFilter, int smaDays,
                                  boolean volumeFilter, long minVolume,
                                  boolean bollingerFilter, int bollingerDays, double bollingerStdDevs,
                                  boolean hedge, double hedgeEntryRsi, double hedgeExitRsi, double hedgePercent) {
    public static final String DEFAULT_SYMBOL = "TQQQ";
    public static final String DEFAULT_HEDGE_SYMBOL = "SQQQ";
    public static final int DEFAULT_RSI_PERIOD = 2;
    public static final double DEFAULT_ENTRY_RSI = 30;
    public static final double DEFAULT_EXIT_RSI = 75;
    public static final double DEFAULT_STOP_LOSS_PERCENT = 5;
    public static final double DEFAULT_POSITION_PERCENT = 90;
    /** Four trading weeks: long enough to smooth single days, short enough to follow a swing. */
    public static final int DEFAULT_VWAP_DAYS = 20;
    public static final int DEFAULT_SMA_DAYS = 20;
    /** TQQQ never traded fewer than ~25 million shares a day in 2012-2025; the floor guards thin symbols. */
    public static final long DEFAULT_MIN_VOLUME = 1_000_000;
    public static final int DEFAULT_BOLLINGER_DAYS = 20;
    public static final double DEFAULT_BOLLINGER_STD_DEVS = 2;
    public static final double DEFAULT_HEDGE_ENTRY_RSI = 90;
    public static final double DEFAULT_HEDGE_EXIT_RSI = 60;
    public static final double DEFAULT_HEDGE_PERCENT = 30;
    private static final String TICKER = "[A-Z][A-Z0-9.]{0,9}";

    public MeanReversionConfig {
        if (symbol == null || !symbol.matches(TICKER)) {
            throw new IllegalArgumentException("symbol must be a ticker like TQQQ (got '" + symbol + "')");
        }
        if (hedgeSymbol == null || !hedgeSymbol.matches(TICKER)) {
            throw new IllegalArgumentException("hedgeSymbol must be a ticker like SQQQ (got '" + hedgeSymbol + "')");
        }
        if (hedge && hedgeSymbol.equals(symbol)) {
            throw new IllegalArgumentException("hedgeSymbol must differ from the traded symbol " + symbol
                    + "; pick the inverse fund (SQQQ for TQQQ) or set hedge=false");
        }
        range("rsiPeriod", rsiPeriod, 1, 100);
        range("entryRsi", entryRsi, 0, 100);
        range("exitRsi", exitRsi, 0, 100);
        if (!(entryRsi < exitRsi)) {
            throw new IllegalArgumentException("entryRsi (" + entryRsi + ") must be below exitRsi (" + exitRsi + ")");
        }
        if (!(stopLossPercent >= 0 && stopLossPercent < 100)) {
            throw new IllegalArgumentException("stopLossPercent must be at least 0 (no stop) and below 100 (got " + stopLossPercent + ")");
        }
        percent("positionPercent", positionPercent);
        range("vwapDays", vwapDays, 1, 500);
        range("smaDays", smaDays, 1, 500);
        if (minVolume < 0) {
            throw new IllegalArgumentException("minVolume must be 0 or more shares (got " + minVolume + ")");
        }
        range("bollingerDays", bollingerDays, 2, 500);
        if (!(bollingerStdDevs > 0 && bollingerStdDevs <= 10)) {
            throw new IllegalArgumentException("bollingerStdDevs must be above 0 and at most 10 (got " + bollingerStdDevs + ")");
        }
        range("hedgeEntryRsi", hedgeEntryRsi, 0, 100);
        range("hedgeExitRsi", hedgeExitRsi, 0, 100);
        if (!(hedgeExitRsi < hedgeEntryRsi)) {
            throw new IllegalArgumentException("hedgeExitRsi (" + hedgeExitRsi + ") must be below hedgeEntryRsi (" + hedgeEntryRsi + ")");
        }
        percent("hedgePercent", hedgePercent);
    }

    /** The seed's settings: RSI(2) 30/75, 5% stop, 90% sizing, no filters, SQQQ hedge 90/60 at 30%. */
    public static MeanReversionConfig defaults() {
        return parse(DEFAULT_SYMBOL, Map.of());
    }

    /** True when a stop loss is set (stopLossPercent above 0). */
    public boolean hasStopLoss() {
        return stopLossPercent > 0;
    }

    /**
     * Parses named text parameters (the record's component names, e.g. "entryRsi", "vwapFilter");
     * missing or blank ones keep their defaults; unknown names are ignored like in every strategy.
     */
    public static MeanReversionConfig parse(String symbol, Map<String, String> p) {
        return new MeanReversionConfig(
                symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(Locale.ROOT),
                ticker(p, "hedgeSymbol", DEFAULT_HEDGE_SYMBOL),
                whole(p, "rsiPeriod", DEFAULT_RSI_PERIOD),
                number(p, "entryRsi", DEFAULT_ENTRY_RSI),
                number(p, "exitRsi", DEFAULT_EXIT_RSI),
                number(p, "stopLossPercent", DEFAULT_STOP_LOSS_PERCENT),
                number(p, "positionPercent", DEFAULT_POSITION_PERCENT),
                flag(p, "vwapFilter", false),
                whole(p, "vwapDays", DEFAULT_VWAP_DAYS),
                flag(p, "smaFilter", false),
                whole(p, "smaDays", DEFAULT_SMA_DAYS),
                flag(p, "volumeFilter", false),
                wholeLong(p, "minVolume", DEFAULT_MIN_VOLUME),
                flag(p, "bollingerFilter", false),
                whole(p, "bollingerDays", DEFAULT_BOLLINGER_DAYS),
                number(p, "bollingerStdDevs", DEFAULT_BOLLINGER_STD_DEVS),
                flag(p, "hedge", true),
                number(p, "hedgeEntryRsi", DEFAULT_HEDGE_ENTRY_RSI),
                number(p, "hedgeExitRsi", DEFAULT_HEDGE_EXIT_RSI),
                number(p, "hedgePercent", DEFAULT_HEDGE_PERCENT));
    }

    private static void range(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be between " + plain(min) + " and " + plain(max) + " (got " + plain(v) + ")");
        }
    }

    private static void percent(String name, double v) {
        if (!(v > 0 && v <= 100)) {
            throw new IllegalArgumentException(name + " must be above 0 and at most 100 percent (got " + plain(v) + ")");
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String text(Map<String, String> p, String name) {
        String v = p.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String ticker(Map<String, String> p, String name, String fallback) {
        String v = text(p, name);
        return v == null ? fallback : v.toUpperCase(Locale.ROOT);
    }

    private static double number(Map<String, String> p, String name, double fallback) {
        return ParameterText.number(p, name, fallback);
    }

    private static int whole(Map<String, String> p, String name, int fallback) {
        long v = wholeLong(p, name, fallback);
        if (v != (int) v) {
            throw new IllegalArgumentException(name + " is too large (got " + v + ")");
        }
        return (int) v;
    }

    private static long wholeLong(Map<String, String> p, String name, long fallback) {
        String v = text(p, name);
        if (v == null) {
            return fallback;
        }
        String digits = v.replace("_", "").replace(",", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notPlain) {
            // the GUI accepts any number, so "1e6" or "20.0" are fine when they are whole
            try {
                double d = Double.parseDouble(digits);
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new IllegalArgumentException(name + " must be a whole number (got '" + v + "')");
        }
    }

    private static boolean flag(Map<String, String> p, String name, boolean fallback) {
        String v = text(p, name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + v + "')");
        };
    }
}
