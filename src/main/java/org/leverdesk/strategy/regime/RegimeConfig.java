package org.leverdesk.strategy.regime;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.strategy.ParameterText;
import java.util.Set;

/**
 * Settings of the regime strategy (seed 000): trade {@code symbol} (TQQQ) sized by the regime of
 * {@code signalSymbol} (QQQ). Every number is a validated default that {@link #parse} can override by name.
 */
public record RegimeConfig(String symbol, String signalSymbol, RegimeRules rules, SignalSettings signals,
                           SizingSettings sizing) {
    public static final String DEFAULT_SYMBOL = "TQQQ";
    public static final String DEFAULT_SIGNAL_SYMBOL = "QQQ";

    /** Every parameter name {@link #parse} accepts, in display order. */
    public static final List<String> PARAMETERS = List.of("signalSymbol", "fastPeriod", "slowPeriod", "deadzone", "holdDays",
            "capitalFraction", "strongBull", "bull", "cautious", "minTradeValue", "dayTradeGuard", "minDayTradesRemaining",
            "minutesBeforeClose", "rocShort", "rocMid", "rocLong", "smaShort", "momentumMin", "momentumFull", "volWindow",
            "volLow", "volNormal", "volHigh", "volHighScale", "maxOverextension", "sidewaysLookback", "sidewaysMinSlope",
            "sidewaysMinEfficiency", "minTrendStrength", "bearishPutCallRatio", "bearishScale");

    public RegimeConfig {
        checkTicker("symbol", symbol);
        checkTicker("signalSymbol", signalSymbol);
        if (symbol.equals(signalSymbol)) {
            throw new IllegalArgumentException("the traded symbol and the signal symbol must differ (both " + symbol + ")");
        }
        if (rules == null || signals == null || sizing == null) {
            throw new IllegalArgumentException("regime config needs rules, signals and sizing settings");
        }
    }

    private static void checkTicker(String what, String s) {
        if (s == null || !s.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw new IllegalArgumentException(what + " must be a ticker like TQQQ (got '" + s + "')");
        }
    }

    public static RegimeConfig defaults() {
        return new RegimeConfig(DEFAULT_SYMBOL, DEFAULT_SIGNAL_SYMBOL, RegimeRules.defaults(), SignalSettings.defaults(),
                SizingSettings.defaults());
    }

    /** Parses named text parameters (names in {@link #PARAMETERS}); missing ones keep defaults, unknown ones are an error. */
    public static RegimeConfig parse(String symbol, Map<String, String> parameters) {
        Set<String> unknown = new HashSet<>(parameters.keySet());
        PARAMETERS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown regime parameter(s) " + unknown.stream().sorted().toList()
                    + "; known: " + String.join(", ", PARAMETERS));
        }
        Reader p = new Reader(parameters);
        RegimeRules r = RegimeRules.defaults();
        SignalSettings s = SignalSettings.defaults();
        SizingSettings z = SizingSettings.defaults();
        String sig = p.text("signalSymbol", DEFAULT_SIGNAL_SYMBOL).toUpperCase(Locale.ROOT);
        return new RegimeConfig(
                symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(Locale.ROOT), sig,
                new RegimeRules(p.integer("fastPeriod", r.fastPeriod()), p.integer("slowPeriod", r.slowPeriod()),
                        p.number("deadzone", r.deadzone()), p.integer("holdDays", r.holdDays())),
                new SignalSettings(p.integer("rocShort", s.rocShort()), p.integer("rocMid", s.rocMid()),
                        p.integer("rocLong", s.rocLong()), p.integer("smaShort", s.smaShort()),
                        p.number("momentumMin", s.momentumMin()), p.number("momentumFull", s.momentumFull()),
                        p.integer("volWindow", s.volWindow()), p.number("volLow", s.volLow()),
                        p.number("volNormal", s.volNormal()), p.number("volHigh", s.volHigh()),
                        p.number("volHighScale", s.volHighScale()), p.number("maxOverextension", s.maxOverextension()),
                        p.integer("sidewaysLookback", s.sidewaysLookback()), p.number("sidewaysMinSlope", s.sidewaysMinSlope()),
                        p.number("sidewaysMinEfficiency", s.sidewaysMinEfficiency()),
                        p.number("minTrendStrength", s.minTrendStrength()),
                        p.number("bearishPutCallRatio", s.bearishPutCallRatio()), p.number("bearishScale", s.bearishScale())),
                new SizingSettings(p.number("capitalFraction", z.capitalFraction()), p.number("strongBull", z.strongBull()),
                        p.number("bull", z.bull()), p.number("cautious", z.cautious()),
                        p.number("minTradeValue", z.minTradeValue()), p.bool("dayTradeGuard", z.dayTradeGuard()),
                        p.integer("minDayTradesRemaining", z.minDayTradesRemaining()),
                        p.integer("minutesBeforeClose", z.minutesBeforeClose())));
    }

    /** Reads typed values from text parameters with one-line errors. */
    private record Reader(Map<String, String> p) {
        String text(String name, String fallback) {
            String v = p.get(name);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        double number(String name, double fallback) {
            return ParameterText.number(p, name, fallback);
        }

        int integer(String name, int fallback) {
            String v = p.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number (got '" + v + "')");
            }
        }

        boolean bool(String name, boolean fallback) {
            String v = p.get(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false (got '" + v + "')");
            };
        }
    }
}
