package org.leverdesk.strategy.options;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.strategy.ParameterText;

/**
 * Settings of weekly dollar-cost averaging (seed 003's {@code weekly_dca_total} and {@code symbols:} list):
 * {@code weeklyAmount} dollars a week split by {@code weights} (SYMBOL:weight, normalised to sum to 1),
 * no symbol above {@code maxAllocPct} of the equity, {@code cashBufferPct} of the equity kept in cash,
 * optionally everything above the buffer invested on the first day ({@code investAllOnStart}) and every day
 * ({@code sweep}, the seed's rebalance-to-buffer sweep of idle cash).
 */
public record DcaConfig(Map<String, Double> weights, double weeklyAmount, double maxAllocPct, double cashBufferPct,
                        boolean investAllOnStart, boolean sweep) {
    public static final String DEFAULT_SYMBOL = "QQQM";
    public static final double DEFAULT_WEEKLY = 100;
    public static final double DEFAULT_MAX_ALLOC = 1.0;
    public static final double DEFAULT_BUFFER = 0.05;

    public DcaConfig {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("weights need at least one SYMBOL:weight, like QQQM:0.45,VTI:0.25");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!e.getKey().matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new IllegalArgumentException("weights: '" + e.getKey() + "' is not a ticker like QQQM");
            }
            if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("weights: " + e.getKey() + " needs a positive weight (got " + e.getValue() + ")");
            }
            sum += e.getValue();
        }
        Map<String, Double> normal = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            normal.put(e.getKey(), e.getValue() / sum);
        }
        weights = java.util.Collections.unmodifiableMap(normal);
        if (!(weeklyAmount > 0) || !Double.isFinite(weeklyAmount)) {
            throw new IllegalArgumentException("weeklyAmount must be a positive dollar amount (got " + weeklyAmount + ")");
        }
        if (!(maxAllocPct > 0 && maxAllocPct <= 1)) {
            throw new IllegalArgumentException("maxAllocPct must be a fraction above 0 and at most 1 (got " + maxAllocPct + ")");
        }
        if (!(cashBufferPct >= 0 && cashBufferPct < 1)) {
            throw new IllegalArgumentException("cashBufferPct must be a fraction from 0 to below 1 (got " + cashBufferPct + ")");
        }
    }

    /** Parses named text parameters; {@code weights} like "QQQM:0.45,VTI:0.25" (default: the symbol alone). */
    public static DcaConfig parse(String symbol, Map<String, String> p) {
        String s = symbol == null || symbol.isBlank() ? DEFAULT_SYMBOL : symbol.trim().toUpperCase(Locale.ROOT);
        String text = p.getOrDefault("weights", "");
        String list = p.getOrDefault("symbols", "");
        Map<String, Double> weights = new LinkedHashMap<>();
        if (text.isBlank() && list.isBlank()) {
            weights.put(s, 1.0);
        } else if (text.isBlank()) {
            for (String t : list.split(",")) {
                if (!t.isBlank()) {
                    weights.put(t.trim().toUpperCase(Locale.ROOT), 1.0); // equal weights
                }
            }
        } else {
            for (String part : text.split(",")) {
                String[] kv = part.trim().split(":");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("weights: '" + part.trim() + "' must be SYMBOL:weight, like QQQM:0.45");
                }
                try {
                    weights.put(kv[0].trim().toUpperCase(Locale.ROOT), Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weights: the weight of " + kv[0].trim() + " must be a number (got '" + kv[1] + "')");
                }
            }
        }
        return new DcaConfig(weights, ParameterText.number(p, "weeklyAmount", DEFAULT_WEEKLY),
                ParameterText.number(p, "maxAllocPct", DEFAULT_MAX_ALLOC), ParameterText.number(p, "cashBufferPct", DEFAULT_BUFFER),
                flag(p, "investAllOnStart"), flag(p, "sweep"));
    }

    private static boolean flag(Map<String, String> p, String name) {
        String v = p.getOrDefault(name, "false").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0", "" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (got '" + v + "')");
        };
    }
}
