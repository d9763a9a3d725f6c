package org.leverdesk.strategy.catalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Canonical parameter sets: every parameter of the strategy (missing ones take their defaults),
 * sorted by name, with values in one spelling ("20.0", "20" and "2e1" are all "20"; "TRUE" is
 * "true"), so equal settings compare equal and are stored once.
 */
public final class ParameterSets {
    private ParameterSets() {
    }

    /** The canonical, validated parameters; throws IllegalArgumentException with a one-line reason. */
    public static SortedMap<String, String> canonical(StrategyDescriptor strategy, Map<String, String> parameters) {
        SortedMap<String, String> out = new TreeMap<>();
        for (StrategyDescriptor.ParameterSpec spec : strategy.parameters()) {
            out.put(spec.name(), canonicalValue(spec.defaultValue()));
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = e.getKey() == null ? "" : e.getKey().trim();
            if (!out.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' for " + strategy.id() + "; known: "
                        + String.join(", ", out.keySet()));
            }
            out.put(name, canonicalValue(e.getValue()));
        }
        // The canonical text is what is stored, so it is what must pass the strategy's own checks.
        strategy.factory().create(strategy.defaultSymbol(), out);
        return out;
    }

    static String canonicalValue(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(Locale.ROOT);
        }
        if (v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            BigDecimal d = new BigDecimal(v).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        return v;
    }
}
