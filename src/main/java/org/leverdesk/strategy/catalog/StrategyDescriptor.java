package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.leverdesk.strategy.Strategy;

/**
 * A strategy family as the app offers it: id, display name, default traded symbol, its parameters
 * with defaults, and a factory building a configured instance from text parameters (which it
 * validates, throwing IllegalArgumentException with a one-line message).
 */
public record StrategyDescriptor(String id, String displayName, String defaultSymbol, List<ParameterSpec> parameters,
                                 Factory factory) {

    /** Builds a strategy for a traded symbol and named text parameters. */
    @FunctionalInterface
    public interface Factory {
        Strategy create(String symbol, Map<String, String> parameters);
    }

    /** The parameter called {@code name}. */
    public java.util.Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * A named parameter as people see it: its label, unit and kind (number with range and step,
     * percent, money, ticker, ticker list, choice, on/off), a help text ({@code description}), and its
     * default as the text the strategy parses ("0.30", "true", "GLD,SLX"). {@link ParameterValues}
     * converts between that text and what a form shows.
     *
     * @param unit    the unit shown after a number ("days", "bars", "shares", "× σ"); "" for none ("%" and "$" come from the kind)
     * @param range   allowed numbers in the unit people see (percent points for a percent); {@link NumberRange#ANY} otherwise
     * @param base    the strategy's own unit of a percent; null for other kinds
     * @param choices the allowed values of a choice; empty for other kinds
     */
    public record ParameterSpec(String name, String defaultValue, String description, String label, ParameterKind kind,
                                String unit, NumberRange range, PercentBase base, List<Choice> choices) {
        public ParameterSpec {
            Objects.requireNonNull(name, "parameter name");
            defaultValue = defaultValue == null ? "" : defaultValue;
            description = description == null ? "" : description;
            label = label == null || label.isBlank() ? words(name) : label;
            kind = kind == null ? ParameterKind.TEXT : kind;
            unit = unit == null ? "" : unit;
            range = range == null ? NumberRange.ANY : range;
            choices = choices == null ? List.of() : List.copyOf(choices);
            if (kind == ParameterKind.PERCENT && base == null) {
                throw new IllegalArgumentException("percent parameter " + name + " needs the strategy's unit (fraction, points or basis points)");
            }
            if (kind == ParameterKind.CHOICE && choices.isEmpty()) {
                throw new IllegalArgumentException("choice parameter " + name + " needs its choices");
            }
        }

        /**
         * A parameter declared only by name, default and description (strategies written before the
         * model): its kind is guessed from the default (on/off, number or text) and its label from its name.
         */
        public ParameterSpec(String name, String defaultValue, String description) {
            this(name, defaultValue, description, null, guessKind(defaultValue), "", NumberRange.ANY, null, List.of());
        }

        /** "minutesBeforeClose" → "Minutes before close". */
        static String words(String name) {
            String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
            String lower = spaced.toLowerCase(Locale.ROOT);
            return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }

        private static ParameterKind guessKind(String defaultValue) {
            String d = defaultValue == null ? "" : defaultValue.trim();
            if (d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false")) {
                return ParameterKind.ON_OFF;
            }
            try {
                Double.parseDouble(d);
                return ParameterKind.NUMBER;
            } catch (NumberFormatException e) {
                return ParameterKind.TEXT;
            }
        }
    }
}
