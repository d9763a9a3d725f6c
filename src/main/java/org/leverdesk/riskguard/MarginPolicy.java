package org.leverdesk.riskguard;

import java.util.Locale;

/**
 * Seed 003's margin policy. {@code CASH_ONLY} (the default) opens nothing on a margin account (closing still
 * goes through: a limit must never keep a position open); {@code FORBID} refuses the whole run on one;
 * {@code ALLOW} trades on either (the planner still spends no more than the cash).
 */
public enum MarginPolicy {
    CASH_ONLY, FORBID, ALLOW;

    /** Parses {@code cash_only}, {@code forbid} or {@code allow} (any case, '-' for '_'). */
    public static MarginPolicy parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MarginPolicy p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("marginPolicy must be cash_only, forbid or allow (got '" + text + "')");
    }

    /** The setting's text: cash_only, forbid, allow. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
