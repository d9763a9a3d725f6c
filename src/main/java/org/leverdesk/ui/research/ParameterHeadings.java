package org.leverdesk.ui.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.strategy.catalog.ParameterKind;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/**
 * A strategy parameter's heading in the research lab: its label and the unit of the values the sweep
 * tries ("Entry RSI", "Lookback (days)", "Stop loss (fraction)"). The sweep tries the text the strategy
 * parses, so a percent is headed with the strategy's own unit of it, not with "%". An on/off parameter
 * is shown and typed as "on"/"off", never as the strategy's "true"/"false".
 */
final class ParameterHeadings {
    private final Map<String, String> byName;
    /** In the catalog's order, so the prompt's example names the strategy's first parameters. */
    private final Map<String, ParameterSpec> specs;

    private ParameterHeadings(Map<String, String> byName, Map<String, ParameterSpec> specs) {
        this.byName = byName;
        this.specs = specs;
    }

    /** The headings of {@code strategyId}'s parameters; headings from the names when the catalog lacks it. */
    static ParameterHeadings of(StrategyCatalog catalog, String strategyId) {
        Map<String, String> map = new HashMap<>();
        Map<String, ParameterSpec> specs = new java.util.LinkedHashMap<>();
        catalog.find(strategyId).ifPresent(d -> d.parameters().forEach(p -> {
            map.put(p.name(), heading(p));
            specs.put(p.name(), p);
        }));
        return new ParameterHeadings(map, specs);
    }

    /** The heading of {@code name}; for a parameter the catalog does not describe, its name in words. */
    String of(String name) {
        String h = byName.get(name);
        return h != null ? h : new ParameterSpec(name, "", "").label();
    }

    /** {@code value} of parameter {@code name} as the lab shows it: "on"/"off" for an on/off parameter, else as it is. */
    String shown(String name, String value) {
        if (onOff(name) && value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value) ? "on" : "off";
        }
        return value;
    }

    /**
     * The values to try as the strategy parses them: for an on/off parameter "on"/"yes" become "true" and
     * "off"/"no" "false" ("on,off" tries both); anything else as typed.
     */
    String typed(String name, String spec) {
        if (!onOff(name)) {
            return spec;
        }
        List<String> out = new ArrayList<>();
        for (String v : spec.split(",", -1)) {
            String t = v.trim().toLowerCase(Locale.ROOT);
            out.add(switch (t) {
                case "on", "yes", "true" -> "true";
                case "off", "no", "false" -> "false";
                default -> v.trim();
            });
        }
        return String.join(",", out);
    }

    /** A set of parameters in words: "Entry RSI 20, Exit RSI 70, Hedge on". */
    String inWords(Map<String, String> parameters) {
        List<String> out = new ArrayList<>();
        parameters.forEach((k, v) -> out.add(of(k) + " " + shown(k, v)));
        return out.isEmpty() ? "the base parameters" : String.join(", ", out);
    }

    /**
     * One axis of a grid typed in the parameters' labels: "Entry RSI: 20, 25, 35" or "Exit RSI: 70..90:10"
     * (the label with or without its unit, in any case, a colon, then the values as the sweep takes them).
     * The error names the parameter by its label and lists the labels to choose from.
     */
    ParameterAxis axis(String part) {
        int colon = part.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + part + "' must be a parameter's label, a colon and the values, e.g. "
                    + example());
        }
        String typedLabel = part.substring(0, colon).trim();
        String name = nameOf(typedLabel);
        if (name == null) {
            throw new IllegalArgumentException("no parameter '" + typedLabel + "'; choose one of " + String.join(", ", labels()));
        }
        String label = specs.get(name).label();
        String values = part.substring(colon + 1).trim();
        if (values.isEmpty()) {
            throw new IllegalArgumentException(label + " has no values; give them after the colon, e.g. " + example());
        }
        ParameterAxis axis;
        try {
            axis = ParameterAxis.of(name, typed(name, values));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(name, label), e);
        }
        ParameterKind kind = specs.get(name).kind();
        boolean number = kind == ParameterKind.NUMBER || kind == ParameterKind.PERCENT || kind == ParameterKind.MONEY;
        if (number && !axis.numeric()) {
            throw new IllegalArgumentException(label + " takes numbers (got '" + values + "')");
        }
        return axis;
    }

    /** The parameter whose label (with or without its unit) is {@code label}, ignoring case; null when none. */
    private String nameOf(String label) {
        for (ParameterSpec p : specs.values()) {
            if (p.label().equalsIgnoreCase(label) || byName.get(p.name()).equalsIgnoreCase(label)) {
                return p.name();
            }
        }
        return null;
    }

    /** The labels of the parameters a grid can vary (numbers, percents, money, choices, on/off), in the catalog's order. */
    List<String> labels() {
        return specs.values().stream().filter(ParameterHeadings::gridable).map(ParameterSpec::label).toList();
    }

    /** A grid example in this strategy's labels around its defaults: "Entry RSI: 30, …; Exit RSI: 70, …". */
    String example() {
        List<String> parts = new ArrayList<>();
        for (ParameterSpec p : specs.values()) {
            if (gridable(p) && p.kind() != ParameterKind.ON_OFF && parts.size() < 2) {
                parts.add(p.label() + ": " + p.defaultValue() + ", …");
            }
        }
        return parts.isEmpty() ? "Parameter label: 1, 2, 3" : String.join("; ", parts);
    }

    private static boolean gridable(ParameterSpec p) {
        return switch (p.kind()) {
            case NUMBER, PERCENT, MONEY, CHOICE, ON_OFF -> true;
            case TICKER, TICKER_LIST, TICKER_WEIGHTS, TEXT, SECRET -> false;
        };
    }

    private boolean onOff(String name) {
        ParameterSpec p = specs.get(name);
        return p != null && p.kind() == ParameterKind.ON_OFF;
    }

    static String heading(ParameterSpec p) {
        String unit = switch (p.kind()) {
            case PERCENT -> switch (p.base()) {
                case FRACTION -> "fraction";
                case POINTS -> "%";
                case BASIS_POINTS -> "bp";
            };
            case MONEY -> "$";
            default -> p.unit();
        };
        return unit.isEmpty() ? p.label() : p.label() + " (" + unit + ")";
    }
}
