package org.leverdesk.research.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One parameter and the values a sweep tries, as canonical text: a numeric range
 * {@code entryRsi=5..45:1} (inclusive, step 1 when omitted, exact decimal steps so 0.1 steps do not
 * drift), a list {@code profitTaker=off,moderate} (numbers or choices), or one value {@code hedge=true}.
 *
 * @param numeric true when every value is a number (the axis can be drawn as a line or heatmap axis)
 */
public record ParameterAxis(String name, List<String> values, boolean numeric) {
    /** Most values one axis may have; beyond it a typo like 0..1000:0.001 is likelier than intent. */
    public static final int MAX_VALUES = 10_000;

    public ParameterAxis {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a swept parameter needs a name, e.g. -P entryRsi=5..45:1");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " needs at least one value");
        }
        values = List.copyOf(values);
    }

    /** Parses {@code name=spec}; throws IllegalArgumentException with a one-line reason. */
    public static ParameterAxis parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("parameter '" + text + "' must look like name=5..45:1, name=a,b,c or name=value");
        }
        return of(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    /** The axis of {@code name} with values {@code spec} (a range, a list or one value). */
    public static ParameterAxis of(String name, String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " has no values; write e.g. " + name + "=5..45:1");
        }
        if (spec.contains("..")) {
            return range(name, spec);
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String v : spec.split(",", -1)) {
            String t = v.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " has an empty value in '" + spec + "'");
            }
            values.add(canonical(t));
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("parameter " + name + " has " + values.size() + " values; at most " + MAX_VALUES);
        }
        List<String> list = new ArrayList<>(values);
        return new ParameterAxis(name, list, list.stream().allMatch(ParameterAxis::isNumber));
    }

    private static ParameterAxis range(String name, String spec) {
        String[] stepParts = spec.split(":", -1);
        String[] ends = stepParts[0].split("\\.\\.", -1);
        if (stepParts.length > 2 || ends.length != 2) {
            throw new IllegalArgumentException("parameter " + name + " range '" + spec + "' must look like 5..45 or 5..45:2.5");
        }
        BigDecimal from = number(name, ends[0]);
        BigDecimal to = number(name, ends[1]);
        BigDecimal step = stepParts.length == 2 ? number(name, stepParts[1]) : BigDecimal.ONE;
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("parameter " + name + " step must be above 0 (got " + step.toPlainString() + ")");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("parameter " + name + " range starts above its end (" + spec + ")");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new IllegalArgumentException("parameter " + name + " range " + spec + " has " + count.toPlainString()
                    + " values; at most " + MAX_VALUES + " (use a larger step)");
        }
        List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(plain(v));
        }
        return new ParameterAxis(name, values, true);
    }

    private static BigDecimal number(String name, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + ": '" + text.trim() + "' is not a number", e);
        }
    }

    /** Numbers in one spelling ("20.0" and "2e1" are "20"); other text as typed, booleans in lower case. */
    static String canonical(String v) {
        if (isNumber(v)) {
            return plain(new BigDecimal(v));
        }
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? v.toLowerCase(java.util.Locale.ROOT) : v;
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    static boolean isNumber(String v) {
        return v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    /** Value {@code i} as a number (only for numeric axes). */
    public double number(int i) {
        return Double.parseDouble(values.get(i));
    }

    public int size() {
        return values.size();
    }

    /** "entryRsi=5..45 (41 values)" or "filter=a,b,c". */
    @Override
    public String toString() {
        if (numeric && values.size() > 3) {
            return name + "=" + values.get(0) + ".." + values.get(values.size() - 1) + " (" + values.size() + " values)";
        }
        return name + "=" + String.join(",", values);
    }
}
