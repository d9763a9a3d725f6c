package org.leverdesk.strategy;

import java.util.Locale;

/**
 * Fixed-decimal formatting for explanations, about 20x cheaper than String.format: a backtest
 * writes some 40 numbers per day into its gate checklist. Rounds half up on the scaled value.
 * Shared by the strategies' explanations.
 */
public final class Fmt {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Fmt() {
    }

    /** {@code v} with at most {@code decimals} (0..6) digits after the point, trailing zeros dropped; "n/a" for NaN. */
    public static String trimmed(double v, int decimals) {
        String s = fixed(v, decimals);
        if (s.indexOf('.') < 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code v} with exactly {@code decimals} (0..6) digits after the point; "n/a" for NaN. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        long scale = POW10[decimals];
        double scaled = Math.abs(v) * scale;
        if (!(scaled < 1e15)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v); // huge or infinite: rare, take the slow path
        }
        long r = Math.round(scaled);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-'); // as String.format: -0.00001 prints as -0.0000
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }
}
