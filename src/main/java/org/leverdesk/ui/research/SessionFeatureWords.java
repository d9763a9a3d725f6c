package org.leverdesk.ui.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The similar-sessions features of a day in a trader's words ("RSI(14) 43.0", "volume 1.26× its 20-day
 * average"), in place of the feature table's keys ({@code rsi14}, {@code atr_pct}); the formulas are
 * those of {@link org.leverdesk.research.similar.SessionFeatures}.
 */
final class SessionFeatureWords {
    private SessionFeatureWords() {
    }

    /** "regime cautious · volatility 61.4% a year · RSI(14) 43.0 · …" for the features {@code names} with {@code values}. */
    static String of(List<String> names, double[] values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(one(names.get(i), values[i]));
        }
        return String.join(" · ", out);
    }

    static String one(String name, double v) {
        return switch (name) {
            case "regime" -> "regime " + regime((int) Math.round(v));
            case "volatility" -> String.format(Locale.ROOT, "volatility %.1f%% a year", v);
            case "rsi14" -> String.format(Locale.ROOT, "RSI(14) %.1f", v);
            case "atr_pct" -> String.format(Locale.ROOT, "daily range (ATR 14) %.2f%% of the close", v);
            case "volume_ratio" -> String.format(Locale.ROOT, "volume %.2f× its 20-day average", v);
            case "sma20_dist" -> String.format(Locale.ROOT, "%+.1f%% from the 20-day average", v);
            case "sma50_dist" -> String.format(Locale.ROOT, "%+.1f%% from the 50-day average", v);
            case "sma200_dist" -> String.format(Locale.ROOT, "%+.1f%% from the 200-day average", v);
            case "vix" -> String.format(Locale.ROOT, "VIX %.2f", v);
            default -> String.format(Locale.ROOT, "%s %.2f", name.replace('_', ' '), v);
        };
    }

    /** The regime's number as SessionFeatures codes it: STRONG_BULL 2 … BREAKDOWN −2. */
    private static String regime(int code) {
        return switch (code) {
            case 2 -> "strong bull";
            case 1 -> "bull";
            case 0 -> "cautious";
            case -1 -> "risk off";
            case -2 -> "breakdown";
            default -> String.valueOf(code);
        };
    }
}
