package org.leverdesk.strategy.catalog;

import java.util.List;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/** Short ways to declare a {@link ParameterSpec} of each kind, so a strategy's list reads like a form. */
public final class Params {
    private Params() {
    }

    /** A whole number from {@code min} to {@code max} in {@code unit} ("days", "bars"). */
    public static ParameterSpec whole(String name, String label, Object defaultValue, String unit, long min, long max, String help) {
        return number(name, label, defaultValue, unit, NumberRange.whole(min, max), help);
    }

    /** A number in {@code range} and {@code unit}. */
    public static ParameterSpec number(String name, String label, Object defaultValue, String unit, NumberRange range, String help) {
        return new ParameterSpec(name, text(defaultValue), help, label, ParameterKind.NUMBER, unit, range, null, List.of());
    }

    /** A percent: people see percent points in {@code range}; the strategy gets {@code base}'s unit. */
    public static ParameterSpec percent(String name, String label, Object defaultValue, PercentBase base, NumberRange range, String help) {
        return new ParameterSpec(name, text(defaultValue), help, label, ParameterKind.PERCENT, "%", range, base, List.of());
    }

    /** Dollars in {@code range}. */
    public static ParameterSpec money(String name, String label, Object defaultValue, NumberRange range, String help) {
        return new ParameterSpec(name, text(defaultValue), help, label, ParameterKind.MONEY, "$", range, null, List.of());
    }

    /** One ticker. */
    public static ParameterSpec ticker(String name, String label, String defaultValue, String help) {
        return new ParameterSpec(name, defaultValue, help, label, ParameterKind.TICKER, "", NumberRange.ANY, null, List.of());
    }

    /** Tickers separated by commas. */
    public static ParameterSpec tickers(String name, String label, String defaultValue, String help) {
        return new ParameterSpec(name, defaultValue, help, label, ParameterKind.TICKER_LIST, "", NumberRange.ANY, null, List.of());
    }

    /** Tickers with a weight each ("QQQM:0.45,VTI:0.25"). */
    public static ParameterSpec tickerWeights(String name, String label, String defaultValue, String help) {
        return new ParameterSpec(name, defaultValue, help, label, ParameterKind.TICKER_WEIGHTS, "", NumberRange.ANY, null, List.of());
    }

    /** One of {@code choices}. */
    public static ParameterSpec choice(String name, String label, String defaultValue, String help, Choice... choices) {
        return new ParameterSpec(name, defaultValue, help, label, ParameterKind.CHOICE, "", NumberRange.ANY, null, List.of(choices));
    }

    /** On or off. */
    public static ParameterSpec onOff(String name, String label, boolean defaultValue, String help) {
        return new ParameterSpec(name, Boolean.toString(defaultValue), help, label, ParameterKind.ON_OFF, "", NumberRange.ANY, null,
                List.of());
    }

    /** Free text (settings). */
    public static ParameterSpec text(String name, String label, String defaultValue, String help) {
        return new ParameterSpec(name, defaultValue, help, label, ParameterKind.TEXT, "", NumberRange.ANY, null, List.of());
    }

    /** A secret (settings). */
    public static ParameterSpec secret(String name, String label, String help) {
        return new ParameterSpec(name, "", help, label, ParameterKind.SECRET, "", NumberRange.ANY, null, List.of());
    }

    /** A default as the strategy's text: 20.0 → "20", 0.3 → "0.3", true → "true". */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
